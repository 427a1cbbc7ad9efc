import type { Database } from "@mentoring/db";
import { cohortCast, seededCohorts, YONGIN_AS_OF, yonginSeed } from "@mentoring/db/seed";
import { builtinTemplate, localize } from "@mentoring/domain";
import type { Page } from "@playwright/test";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// Yongin's new-official mentoring, 1st cohort, is in orientation with its pre-surveys open. A new official
// (an accepted mentee who has not answered yet) answers part of the pre-survey, leaves, comes back to find
// it kept, fixes what the survey asks and submits once; the coordinator watches the count go up. The
// cohort is built as the seed has it (14 mentors, 24 new officials, every third of each not answered yet)
// in a city of its own, so that nobody else's answer moves the count.

const seed = yonginSeed();
const cast = cohortCast(seed, seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0]);
/** The new official who answers: the seeded participant account, an accepted mentee. */
const newOfficial = seededPerson(seed, accounts.yonginParticipant);
const coordinatorPerson = seededPerson(seed, accounts.yonginCoordinator);
/** As seeded: every third of each role has not started the pre-surveys, the new official among them. */
const unanswered = new Set(
  [
    ...cast.mentors.filter((_, i) => i % 3 === 0),
    ...cast.mentees.filter((_, i) => i % 3 === 0),
    newOfficial,
  ].map((person) => person.employeeNumber),
);

/** The built-in template's texts: tenant data the pages show as they are. */
function templateTexts(): string[] {
  const definition = builtinTemplate("new_official_mentoring");
  return definition.questionSets.flatMap((set) => [
    localize(set.title, "ko"),
    ...set.dimensions.map((dimension) => localize(dimension.label, "ko")),
    ...set.questions.flatMap((question) => [
      localize(question.prompt, "ko"),
      ...question.options.map((option) => localize(option.label, "ko")),
    ]),
  ]);
}

interface Fixture {
  city: TestTenant;
  cohortId: string;
  cohortTitle: string;
  preSurveyId: string;
  participantName: string;
  coordinatorName: string;
}

async function fixture(db: Database): Promise<Fixture> {
  const city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinatorPerson, roles: ["coordinator"] },
      { person: newOfficial, roles: ["participant"] },
    ],
  });
  const cohort = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    recruitmentStart: YONGIN_AS_OF,
    phase: "orientation",
    applicants: [
      ...cast.mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...cast.mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    answers: ({ person }) => !unanswered.has(person.employeeNumber),
    appUrl: baseURL(),
  });
  const round = await db.withTenant(city.id, (tx) =>
    tx.surveyRound.findFirstOrThrow({
      where: { tenantId: city.id, cohortId: cohort.id, questionSetKey: "pre_survey" },
      select: { id: true },
    }),
  );
  return {
    city,
    cohortId: cohort.id,
    cohortTitle: cohort.title,
    preSurveyId: round.id,
    participantName: newOfficial.name,
    coordinatorName: coordinatorPerson.name,
  };
}

async function completion(page: Page, f: Fixture): Promise<{ submitted: number; expected: number }> {
  await page.goto(`${baseURL()}/${f.city.slug}/programs/cohorts/${f.cohortId}/surveys`, {
    waitUntil: "networkidle",
  });
  const text = (await page.getByTestId("completion-pre_survey").textContent()) ?? "";
  const match = /완료 (\d+)\/(\d+)/.exec(text);
  if (!match) throw new Error(`no completion count in ${JSON.stringify(text)}`);
  return { submitted: Number(match[1]), expected: Number(match[2]) };
}

/** Names and departments in the coordinator's tables: directory data. */
async function participantData(page: Page): Promise<string[]> {
  return page.locator(".participant-name, .participant-department").allTextContents();
}

test("a new official answers the pre-survey with autosave, submits it once, and the coordinator sees it", async ({
  pageAs,
  db,
}) => {
  const f = await fixture(db);
  const data = [f.city.name, f.cohortTitle, ...templateTexts()];

  // The coordinator's completion page before.
  const coordinator = await pageAs(f.city.staff(coordinatorPerson).email);
  const coordinatorErrors = watchErrors(coordinator);
  const before = await completion(coordinator, f);
  expect(before.expected).toBe(38);
  expect(before.submitted).toBeLessThan(before.expected);
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText("설문 응답 현황");
  await expect(coordinator.getByRole("progressbar", { name: "사전설문 완료율" })).toHaveAttribute(
    "value",
    String(before.submitted),
  );
  await expectAccessible(coordinator);
  await expectOnlyTranslatedText(coordinator, [
    ...data,
    f.coordinatorName,
    ...(await participantData(coordinator)),
  ]);

  // The participant's list of surveys.
  const page = await pageAs(f.city.staff(newOfficial).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${f.city.slug}/surveys`, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("내 설문");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "사전설문" }) });
  await expect(row).toContainText("미응답");
  await expect(page.getByRole("link", { name: "조직 적응 진단" })).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, f.participantName]);

  // The diagnostic's page: likert items as radio groups.
  await page.getByRole("link", { name: "조직 적응 진단" }).click();
  await page.waitForLoadState("networkidle");
  await expect(
    page
      .getByRole("group", { name: /맡은 업무를 혼자 처리할 수 있다/ })
      .getByRole("radio", { name: "매우 그렇다" }),
  ).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, f.participantName]);

  // Part of the pre-survey: first choice and how to meet; saved as it is chosen.
  await page.goto(`${baseURL()}/${f.city.slug}/surveys/${f.preSurveyId}`, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("사전설문");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, f.participantName]);
  await page.getByLabel("1순위").selectOption({ label: "공문서 작성" });
  await page.getByRole("radio", { name: "점심 식사" }).check();
  await expect(page.getByRole("status").filter({ hasText: /^저장됨 \d{2}:\d{2}$/ })).toBeVisible();

  // Gone and back: the answers are there.
  await page.reload({ waitUntil: "networkidle" });
  await expect(page.getByLabel("1순위")).toHaveValue("documents");
  await expect(page.getByRole("radio", { name: "점심 식사" })).toBeChecked();
  await expect(page.getByLabel("2순위")).toHaveValue("");

  // Submitting with two places unranked: refused, each problem tied to its question, nothing submitted.
  await page.getByRole("button", { name: "제출", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "제출하지 못했습니다" });
  await expect(summary).toBeVisible();
  await expect(
    summary.getByRole("link", { name: "멘토링에서 다루고 싶은 주제를 순서대로 3개 고르세요." }),
  ).toHaveAttribute("href", "#q-work_interests");
  await expect(page.locator("#q-work_interests-error")).toHaveText("3개를 순서대로 모두 고르세요");
  await expect(page.getByLabel("2순위")).toHaveAttribute("aria-describedby", /q-work_interests-error/);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, f.participantName]);
  expect((await completion(coordinator, f)).submitted).toBe(before.submitted);

  // Completed and submitted.
  await page.getByLabel("2순위").selectOption({ label: "민원 응대" });
  await page.getByLabel("3순위").selectOption({ label: "경력 설계" });
  await page.getByLabel(/자신을 한 줄로 소개해 주세요/).fill("세정과 새내기입니다");
  await page.getByRole("button", { name: "제출", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "제출 완료" })).toBeVisible();
  await expect(page.getByRole("button", { name: "제출", exact: true })).toHaveCount(0);
  await expect(page.getByText("세정과 새내기입니다")).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, f.participantName, "세정과 새내기입니다"]);

  // Posting a submission again anyway is refused with the reason.
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const again = await page.request.post(`${baseURL()}/${f.city.slug}/surveys/${f.preSurveyId}`, {
    form: { csrf, intent: "submit", "q.meeting_preference": "after_work" },
  });
  expect(await again.text()).toContain("이미 제출한 설문입니다. 다시 제출할 수 없습니다.");
  await page.reload({ waitUntil: "networkidle" });
  await expect(page.getByText("점심 식사")).toBeVisible();

  await page.goto(`${baseURL()}/${f.city.slug}/surveys`, { waitUntil: "networkidle" });
  await expect(
    page.getByRole("row").filter({ has: page.getByRole("link", { name: "사전설문" }) }),
  ).toContainText("제출 완료");

  // The coordinator's count went up by one.
  const after = await completion(coordinator, f);
  expect(after).toEqual({ submitted: before.submitted + 1, expected: before.expected });
  await expect(coordinator.getByRole("row").filter({ hasText: f.participantName }).first()).toContainText(
    "제출 완료",
  );
  expect(errors).toEqual([]);
  expect(coordinatorErrors).toEqual([]);
});
