import { cohortCast, GANGNEUNG_EDGE_CASES, gangneungSeed, seededCohorts } from "@mentoring/db/seed";
import { builtinTemplate, CONSENT_VERSION, localize } from "@mentoring/domain";
import { applyToCohort, submitResponse, tenantToday } from "@mentoring/programs";
import { seededAnswers } from "@mentoring/programs/seed";
import type { Page } from "@playwright/test";
import { createTenant, seededPerson, type TestStaff, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

// Gangneung's reverse mentoring 2nd cohort, replayed from the coordinator's first click: the reverse
// template copied, recruitment from 22 January 2025 (eligibility judged that day) until today, when
// orientation and every later phase are set (applications are taken on the days of recruitment alone, and
// the people below apply now), recruitment opened; a grade-7 official and a grade-9 official with six years are turned away with the reason; an
// eligible junior and a division head apply; the 31st junior lands on the waitlist; the applicants answer
// the pre-survey and the diagnostic; the coordinator sees every survey complete. In a city of its own
// with Gangneung's directory.
//
// The people named above act in the browser. The other 29 juniors who fill the quota apply and answer
// through the same use cases the pages call, straight against the e2e database, to keep the test to a
// sensible length.

test.setTimeout(600_000);

const seed = gangneungSeed();
const cast = cohortCast(
  seed,
  seededCohorts.gangneung?.[0] as NonNullable<(typeof seededCohorts)["gangneung"]>[0],
);
const byNumber = (employeeNumber: string) => {
  const person = seed.staff.find((staff) => staff.employeeNumber === employeeNumber);
  if (!person) throw new Error(`${employeeNumber} is not in Gangneung's seeded directory`);
  return person;
};
const coordinator = seededPerson(
  seed,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
);
const grade7 = byNumber(GANGNEUNG_EDGE_CASES.grade7ThreeYears.employeeNumber);
const grade9SixYears = byNumber(GANGNEUNG_EDGE_CASES.grade9SixYears.employeeNumber);
const [junior, thirtyFirst] = cast.spare;
const divisionHead = cast.mentees.find((person) => person.positionTitle === "과장");
const background = cast.mentors.slice(0, 29);

const template = builtinTemplate("reverse_mentoring");
const templateName = "거꾸로 멘토링 (2기 재현)";
const cohortTitle = `${templateName} 1기`;

/** Texts of the template and the directory that pages show as data (besides the city's name). */
const texts = [
  templateName,
  cohortTitle,
  template.description,
  ...template.questionSets.flatMap((set) => [
    localize(set.title, "ko"),
    ...set.dimensions.map((dimension) => localize(dimension.label, "ko")),
    ...set.questions.flatMap((question) => [
      localize(question.prompt, "ko"),
      ...question.options.map((option) => localize(option.label, "ko")),
    ]),
  ]),
];

/** Everything a person meets in the browser here: the city, its people, the program's own words. */
interface Journey {
  city: TestTenant;
  pageAs: (email: string) => Promise<Page>;
  data: string[];
}

async function applyInBrowser(
  journey: Journey,
  person: TestStaff,
  cohortPath: string,
  role: "멘토" | "멘티",
) {
  const page = await journey.pageAs(person.email);
  await page.goto(`${baseURL()}${cohortPath}`);
  await expect(page.getByRole("heading", { level: 1, name: cohortTitle })).toBeVisible();
  await page.getByRole("group", { name: "신청할 역할" }).getByLabel(role).check();
  await page.getByRole("checkbox", { name: "동의합니다" }).check();
  await page.getByRole("button", { name: "동의하고 신청하기" }).click();
  return page;
}

/** Answers the reverse template's pre-survey and diagnostic as a person would, and submits each. */
async function answerSurveys(journey: Journey, person: TestStaff) {
  const { city, data } = journey;
  const page = await journey.pageAs(person.email);
  await page.goto(`${baseURL()}/${city.slug}/surveys`, { waitUntil: "networkidle" });
  const rows = page.getByRole("row").filter({ hasText: cohortTitle });
  await expect(rows).toHaveCount(2);

  await rows.getByRole("link", { name: "사전설문" }).click();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("사전설문");
  await page.getByLabel("1순위").selectOption({ label: "생성형 AI 활용" });
  await page.getByLabel("2순위").selectOption({ label: "영상 제작" });
  await page.getByLabel("3순위").selectOption({ label: "SNS 소통" });
  await page.getByRole("radio", { name: "메신저" }).check();
  await page.getByRole("checkbox", { name: "수" }).check();
  await page.getByRole("checkbox", { name: "금" }).check();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, person.name]);
  await page.getByRole("button", { name: "제출", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "제출 완료" })).toBeVisible();

  await page.goto(`${baseURL()}/${city.slug}/surveys`, { waitUntil: "networkidle" });
  await page
    .getByRole("row")
    .filter({ hasText: cohortTitle })
    .getByRole("link", { name: "디지털 역량 진단" })
    .click();
  await page.waitForLoadState("networkidle");
  const diagnostic = template.questionSets.find((set) => set.key === "digital_diagnostic");
  for (const question of diagnostic?.questions ?? []) {
    await page
      .getByRole("group", {
        name: new RegExp(localize(question.prompt, "ko").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
      })
      .getByRole("radio", { name: "그렇다", exact: true })
      .check();
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "제출", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "제출 완료" })).toBeVisible();
  await page.context().close();
}

test("Gangneung runs recruitment and the orientation surveys of its reverse mentoring, start to finish", async ({
  pageAs,
  db,
}) => {
  if (!junior || !thirtyFirst || !divisionHead) throw new Error("the seeded cast is incomplete");
  const city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinator, roles: ["coordinator"] },
      ...[grade7, grade9SixYears, junior, thirtyFirst, divisionHead].map((person) => ({
        person,
        roles: ["participant" as const],
      })),
    ],
  });
  const tenantId = city.id;
  const journey: Journey = { city, pageAs, data: [city.name, ...texts] };
  const { data } = journey;

  // The coordinator copies the reverse template and sets the cohort up as the city did in 2025.
  const desk = await pageAs(city.staff(coordinator).email);
  await desk.goto(`${baseURL()}/${city.slug}/programs`);
  await desk.getByRole("button", { name: "거꾸로 멘토링 복사하기" }).click();
  await desk.waitForURL(new RegExp(`/${city.slug}/programs/templates/[0-9a-f-]{36}\\?copied=1$`));
  // The exact label: the address changes before the editor replaces the programs page, whose blank
  // template form has a "새 템플릿 이름" of its own.
  await desk.getByLabel("템플릿 이름", { exact: true }).fill(templateName);
  await desk.getByRole("button", { name: "템플릿 저장" }).click();
  await expect(desk.getByRole("status")).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");

  await desk.goto(`${baseURL()}/${city.slug}/programs`);
  await desk
    .getByRole("row")
    .filter({ has: desk.getByRole("rowheader", { name: templateName }) })
    .getByRole("link", { name: `${templateName}: 새 기수 만들기` })
    .click();
  await desk.getByLabel("모집 시작일").fill("2025-01-22");
  await desk.getByRole("button", { name: "기수 만들기" }).click();
  await desk.waitForURL(new RegExp(`/${city.slug}/programs/cohorts/[0-9a-f-]{36}\\?created=1$`));
  const overview = desk.url().replace(/\?.*$/, "");
  const cohortId = overview.split("/").pop() as string;
  // Applications are taken on the days of recruitment alone: it runs until today, and the phases after it
  // start today (in 2025 the city closed it on 10 February, with orientation on 21 February).
  const today = tenantToday("Asia/Seoul");
  const fromToday = [
    "모집 마감일",
    "오리엔테이션",
    "매칭",
    "결연식",
    "활동 시작일",
    "활동 종료일",
    "평가 시작일",
  ];
  for (const label of [...fromToday, "평가 종료일", "기수 종료일"])
    await desk.getByLabel(label, { exact: true }).fill(today);
  await desk.getByRole("button", { name: "일정 저장" }).click();
  await expect(desk.getByLabel("모집 마감일", { exact: true })).toHaveValue(today);
  await expect(desk.getByLabel("오리엔테이션", { exact: true })).toHaveValue(today);
  await desk.getByRole("button", { name: "모집 시작하기" }).click();
  await expect(desk.getByTestId("cohort-status")).toHaveText("모집 중");
  const cohortPath = `/${city.slug}/recruiting/${cohortId}`;

  // Turned away, each with the reason: a grade-7 official, and a grade-9 official with six years.
  const refusals: [typeof grade7, string][] = [
    [grade7, "직급이 8급보다 높아 신청할 수 없습니다 (현재 7급)"],
    [grade9SixYears, "재직기간이 5년 이하여야 합니다 (현재 6년)"],
  ];
  for (const [person, reason] of refusals) {
    const page = await applyInBrowser(journey, city.staff(person), cohortPath, "멘토");
    const refusal = page.getByRole("alert").filter({ hasText: "신청 자격에 맞지 않아" });
    await expect(refusal.getByRole("listitem")).toHaveText([reason]);
    await expectAccessible(page);
    await expectOnlyTranslatedText(page, [...data, person.name]);
    await page.context().close();
  }

  // 29 juniors apply (background), then an eligible junior takes the 30th place in the browser.
  for (const person of background) {
    const outcome = await db.withTenant(tenantId, (tx) =>
      applyToCohort(tx, {
        tenantId,
        cohortId,
        staffMemberId: city.staff(person).id,
        role: "mentor",
        consentVersion: CONSENT_VERSION,
        actorUserId: null,
        now: new Date(),
        appUrl: baseURL(),
      }),
    );
    expect(outcome.outcome).toBe("accepted");
  }
  const juniorPage = await applyInBrowser(journey, city.staff(junior), cohortPath, "멘토");
  await expect(juniorPage.getByRole("status")).toHaveText(
    "신청이 선정되었습니다. 오리엔테이션 일정은 메일로 안내합니다.",
  );
  await juniorPage.context().close();

  const headPage = await applyInBrowser(journey, city.staff(divisionHead), cohortPath, "멘티");
  await expect(headPage.getByRole("status")).toHaveText(
    "신청이 선정되었습니다. 오리엔테이션 일정은 메일로 안내합니다.",
  );
  await headPage.context().close();

  // The 31st junior: the quota of 30 is full, so the waitlist.
  const lastPage = await applyInBrowser(journey, city.staff(thirtyFirst), cohortPath, "멘토");
  await expect(lastPage.getByRole("status")).toHaveText(
    "정원이 차서 대기자 1번으로 접수되었습니다. 자리가 나면 순서대로 선정됩니다.",
  );
  await lastPage.context().close();

  // Orientation (today) opens the pre-survey and the diagnostic.
  await desk.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/applicants`);
  await expect(desk.getByTestId("places-mentor")).toContainText("30 / 30");
  await desk.goto(overview);
  await desk.getByRole("button", { name: "오리엔테이션 단계로 넘기기" }).click();
  await expect(desk.getByTestId("cohort-status")).toHaveText("오리엔테이션");

  // Everyone accepted answers: the junior and the division head in the browser, the 29 in the background.
  await answerSurveys(journey, city.staff(junior));
  await answerSurveys(journey, city.staff(divisionHead));
  const rounds = await db.withTenant(tenantId, (tx) =>
    tx.surveyRound.findMany({ where: { tenantId, cohortId } }),
  );
  for (const person of background) {
    for (const round of rounds) {
      const set = template.questionSets.find((s) => s.key === round.questionSetKey);
      if (!set) throw new Error(`no question set ${round.questionSetKey}`);
      const result = await db.withTenant(tenantId, (tx) =>
        submitResponse(tx, {
          tenantId,
          roundId: round.id,
          staffMemberId: city.staff(person).id,
          answers: seededAnswers(set, person.employeeNumber, "mentor", template.kind),
          now: new Date(),
        }),
      );
      expect(result.submitted).toBe(true);
    }
  }

  // The coordinator sees every survey complete: 30 juniors and one division head, the waitlisted not counted.
  await desk.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/surveys`, {
    waitUntil: "networkidle",
  });
  await expect(desk.getByTestId("completion-pre_survey")).toContainText("완료 31/31 (100%)");
  await expect(desk.getByTestId("completion-digital_diagnostic")).toContainText("완료 31/31 (100%)");
  await expectAccessible(desk);
});
