import { cohortCast, gangneungSeed, seededCohorts } from "@mentoring/db/seed";
import { builtinTemplate, localize, type TemplateDefinition } from "@mentoring/domain";
import type { Locator, Page } from "@playwright/test";
import { createCohortFor, createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// Gangneung's coordinator reads the rules of reverse mentoring in words before running matching (each
// criterion's weight as a bar with its share in text), reads why one pair of a team scores what it does,
// excludes a junior from the next run with a reason, runs again (29 juniors: 9 teams, 2 juniors and 1
// manager left out), and swaps a junior the run left out into a team in someone's place.
//
// In a city of its own with Gangneung's directory; the template compares departments at team level (its
// juniors come from nine teams but two bureaus), its mentors of a team from different teams.

// Two runs on a loaded machine: each takes up to a minute and a half to show as done.
test.setTimeout(600_000);

const seed = gangneungSeed();
const seeded = seededCohorts.gangneung?.[0];
if (!seeded) throw new Error("Gangneung has no seeded cohort");
const cast = cohortCast(seed, seeded);
const coordinator = seededPerson(
  seed,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
);
const template = builtinTemplate("reverse_mentoring");
const reason = "장기 교육 파견으로 참여하기 어려움";
const directoryData = [
  ...seed.staff.flatMap((person) => [person.name, person.positionTitle]),
  ...seed.departments.map((department) => department.name),
  ...template.questionSets.flatMap((set) => [
    localize(set.title, "ko"),
    ...set.dimensions.map((dimension) => localize(dimension.label, "ko")),
    ...set.questions.map((question) => localize(question.prompt, "ko")),
  ]),
  reason,
];

async function expectCleanPage(page: Page, data: string[]) {
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, data);
}

/** A card's first junior: their name and department as the card shows them. */
async function firstMentor(card: Locator) {
  const item = card.locator('[data-testid="team-member"][data-role="mentor"]').first();
  const name = (await item.locator(".member__name").textContent()) ?? "";
  const department = ((await item.locator(".member__meta").textContent()) ?? "").split(" · ")[0] ?? "";
  return { name, department };
}

async function waitForRun(page: Page, number: number) {
  await expect(page.getByRole("heading", { name: `${number}회차 결과` })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("row", { name: new RegExp(`${number}회차`) }).first()).toContainText("완료", {
    timeout: 90_000,
  });
}

test("the rules in words before a run, a pair explained, an exclusion for the next run, and someone unplaced swapped into a team", async ({
  pageAs,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
  });
  const applicants = [
    ...cast.mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
    ...cast.mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
  ];
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seeded.recruitmentStart,
    phase: "matching",
    applicants,
    answers: () => true,
    override: "사전 설문과 진단은 모두 제출되었습니다.",
    appUrl: baseURL(),
  });
  // Departments compared at team level, as the 2nd cohort's people can meet (see above).
  await db.withTenant(city.id, async (tx) => {
    const { templateVersionId } = await tx.cohort.findFirstOrThrow({
      where: { tenantId: city.id, id: cohort.id },
      select: { templateVersionId: true },
    });
    const version = await tx.programTemplateVersion.findFirstOrThrow({
      where: { tenantId: city.id, id: templateVersionId },
    });
    const definition = version.definition as unknown as TemplateDefinition;
    await tx.programTemplateVersion.update({
      where: { id: version.id },
      data: {
        definition: {
          ...definition,
          matching: {
            ...definition.matching,
            departmentLevel: "team",
            mentorsFromDifferentDepartments: true,
          },
        } as never,
      },
    });
  });
  const data = [city.name, cohort.title, ...directoryData, ...applicants.map(({ person }) => person.email)];
  const desk = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(desk);

  // Before any run: the hard rules as sentences, the weights as bars with their share in words.
  await desk.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohort.id}/matching`);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("매칭");
  const rules = desk.getByTestId("matching-rules");
  await expect(rules.getByRole("heading", { level: 2 })).toHaveText("이 기수의 매칭 규칙");
  await expect(rules.getByTestId("rule-sentence")).toHaveText([
    "멘토와 멘티는 같은 팀 소속이 아니어야 합니다.",
    "한 팀의 멘토들은 모두 서로 다른 팀 소속이어야 합니다.",
    "직속 상사와 부하 직원은 같은 팀이 되지 않습니다.",
    "급수 차이에는 제한이 없습니다.",
    "멘티가 원하는 멘토는 반영하지 않습니다.",
  ]);
  // Weights 3, 2, 1 and 2 of 8.
  await expect(rules.getByTestId("criterion-share")).toHaveText(["38%", "25%", "13%", "25%"]);
  await expect(
    rules.getByRole("meter", { name: /^진단 결과 보완 \(.+\): 전체 가중치의 38%$/ }),
  ).toHaveAttribute("value", "38");
  await expect(
    rules.getByRole("meter", { name: /^팀 구성의 다양성 \(.+\): 전체 가중치의 25%$/ }),
  ).toBeVisible();
  await expect(rules.getByTestId("rule-criterion").last()).toContainText("팀 전체에 매기는 기준");
  await expectCleanPage(desk, data);

  // The first run: 10 teams, each pair of a card with its points and the criteria behind them.
  await desk.getByRole("button", { name: "매칭 실행" }).click();
  await desk.waitForURL(/\/matching\?run=[0-9a-f-]{36}$/);
  await waitForRun(desk, 1);
  await expect(desk.getByTestId("summary-teams")).toHaveText("10");
  const cards = desk.getByTestId("team-card");
  const firstCard = cards.first();
  const pairs = firstCard.getByRole("list", { name: "1팀 짝별 점수" }).getByTestId("team-pair");
  await expect(pairs).toHaveCount(3);
  await expect(pairs.first().getByTestId("pair-points")).toHaveText(/^멘토 .+ · 멘티 .+: [\d.]+점$/);
  await pairs.first().getByTestId("pair-points").click();
  await expect(pairs.first().getByTestId("pair-part")).toHaveText([
    /^진단 결과 보완 \(.+\) [\d.]+점 \(충족도 \d+%\)$/,
    /^관심 분야 일치 \(.+\) [\d.]+점 \(충족도 \d+%\)$/,
    /^설문 응답의 비슷함 \(.+\) [\d.]+점 \(충족도 \d+%\)$/,
  ]);
  await expect(firstCard).toContainText(/팀 전체 기준: 팀 구성의 다양성 \(.+\) [\d.]+점/);
  await expectCleanPage(desk, data);

  // A junior of team 1 is excluded from the next run, with a reason: flagged in their team until then.
  const leaving = await firstMentor(firstCard);
  const exclusions = desk.getByTestId("exclusions");
  await expect(exclusions.getByText("제외한 사람이 없습니다.")).toBeVisible();
  await exclusions.getByRole("button", { name: "다음 회차에서 제외" }).click();
  await expect(exclusions.getByRole("alert")).toHaveText("제외할 사람을 고르세요.");
  await exclusions
    .getByLabel("제외할 사람")
    .selectOption({ label: `${leaving.name} · 멘토 · ${leaving.department}` });
  await exclusions.getByLabel("이유 (선택)").fill(reason);
  await exclusions.getByRole("button", { name: "다음 회차에서 제외" }).click();
  await expect(desk.getByTestId("exclusion-result")).toHaveText(
    `${leaving.name}님을 다음 회차에서 제외했습니다.`,
  );
  await expect(exclusions.getByTestId("excluded-person")).toHaveText([
    new RegExp(`^${leaving.name} \\(멘토, ${leaving.department}\\) 이유: ${reason}`),
  ]);
  await expect(firstCard.locator(".violation-list")).toContainText(
    `1팀: ${leaving.name}님은 다음 회차에서 제외했지만 이 팀에 있습니다.`,
  );
  await expectCleanPage(desk, data);

  // The next run leaves them out: 29 juniors make 9 teams, and the reason goes along.
  await desk.getByRole("button", { name: "다시 실행" }).click();
  await waitForRun(desk, 2);
  await expect(desk.getByTestId("summary-teams")).toHaveText("9");
  await expect(desk.getByTestId("summary-unplaced")).toHaveText("4명");
  await expect(exclusions.getByTestId("excluded-person")).toContainText([reason]);
  await expect(desk.getByTestId("team-card").getByText(leaving.name)).toHaveCount(0);

  // A junior left out for want of a team takes a placed junior's place.
  const waitingRow = desk
    .getByTestId("unplaced-row")
    .filter({ hasText: "멘토" })
    .filter({ has: desk.getByRole("button", { name: /^이 사람과 바꾸기: / }) })
    .first();
  const swapIn = waitingRow.getByRole("button", { name: /^이 사람과 바꾸기: / });
  const waiting = ((await swapIn.getAttribute("aria-label")) ?? "").replace("이 사람과 바꾸기: ", "");
  await swapIn.click();
  const dialog = desk.getByRole("dialog", { name: `${waiting} 이동 또는 교체` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { level: 3 })).toHaveText(["팀에 있는 사람과 바꾸기"]);
  await expect(dialog.getByLabel("이름, 부서, 팀으로 찾기")).toBeFocused();
  const choices = dialog.getByLabel(`${waiting}: 맞바꿀 사람`);
  await expect(choices.getByRole("option")).toHaveCount(27);
  await expectCleanPage(desk, data);
  const option = (await choices.getByRole("option").first().textContent()) ?? "";
  const [, replaced = ""] = option.split(" · ");
  await choices.selectOption({ index: 0 });
  await dialog.getByRole("button", { name: `${waiting} 교체` }).click();
  await expect(desk.getByTestId("edit-result")).toContainText(/^총점 [\d.,]+ → [\d.,]+/);
  await expect(dialog).toBeHidden();
  await expect(
    desk.getByTestId("team-card").locator(".member__name").filter({ hasText: waiting }),
  ).toHaveCount(1);
  await expect(desk.getByTestId("unplaced-row").filter({ hasText: replaced })).toContainText(
    "팀 편집으로 팀에서 빠졌습니다 (멘토)",
  );
  await expectCleanPage(desk, data);
  expect(errors).toEqual([]);
});
