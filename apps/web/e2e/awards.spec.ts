import type { Database } from "@mentoring/db";
import type { SeedStaffMember } from "@mentoring/db/seed";
import { assignEvaluator, markAttendance, submitEvaluation } from "@mentoring/programs";
import type { Page } from "@playwright/test";
import {
  createTraining,
  gangneungCast,
  gangneungCity,
  gangneungOutsiders,
  gangneungTeam,
  seededPerson,
  type TestTenant,
} from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, watchErrors } from "./support";

// A cohort's awards in a Gangneung city of the test's own with four published teams scored by two
// evaluators (2팀 best, then 4팀, then 1팀 and 3팀 level): the 시상 page comes prefilled with the evaluation's
// allocation (최우수 2팀, 우수 4팀) and calls out the tie for 우수's last place; the coordinator decides it
// (a team chosen twice is refused) and proposes, the executive returns the proposal with a comment, the
// coordinator proposes again, the executive approves; each winner's 표창장 is made by the worker and
// verifies at /verify as an award. Outsiders do not find the pages, a participant is forbidden them.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { seed, coordinator } = gangneungTeam;
const { juniors, managers, members } = gangneungCast({ juniors: 12, managers: 4 });
const executive = seededPerson(seed, (person) => person.positionTitle === "부시장");
const participant = juniors[0];
if (!participant) throw new Error("Gangneung's cohort has no juniors");
/** Staff outside the cohort and its members' departments: free of the conflict rule for every team. */
const evaluators = gangneungOutsiders(members, [coordinator, executive]).slice(0, 2);
if (evaluators.length < 2) throw new Error("Gangneung's directory has too few people to evaluate");

let city: TestTenant;
let cohortId = "";
/** Team ids by team number. */
const teamIds = new Map<number, string>();

/** Two evaluators score every team: 2팀 first, 4팀 second, 1팀 and 3팀 the same from each. */
async function evaluate(db: Database, actorUserId: string) {
  const startsAt = new Date(Date.now() - 5 * 60_000);
  const itemId = await createTraining(db, city, {
    cohortId,
    actorUserId,
    title: "소통 역량 강화 교육",
    startsAt,
  });
  await db.withTenant(city.id, (tx) =>
    markAttendance(tx, { tenantId: city.id, cohortId, itemId, who: "all", present: true, actorUserId }),
  );
  const scores: [SeedStaffMember, Record<number, number>][] = [
    [evaluators[0] as SeedStaffMember, { 1: 6, 2: 9, 3: 6, 4: 8 }],
    [evaluators[1] as SeedStaffMember, { 1: 5, 2: 9, 3: 5, 4: 7 }],
  ];
  for (const [evaluator, byTeam] of scores)
    for (const [number, score] of Object.entries(byTeam)) {
      const teamId = teamIds.get(Number(number)) as string;
      const evaluatorUserId = city.userId(evaluator);
      await db.withTenant(city.id, async (tx) => {
        await assignEvaluator(tx, {
          tenantId: city.id,
          cohortId,
          teamId,
          evaluatorUserId,
          actorUserId,
          now: new Date(),
        });
        await submitEvaluation(tx, {
          tenantId: city.id,
          evaluatorUserId,
          teamId,
          entries: { results: { score, comment: `${number}팀 활동 성과` } },
          now: new Date(),
        });
      });
    }
}

test.beforeAll(async ({ db }) => {
  const built = await gangneungCity(db, {
    juniors,
    managers,
    accounts: [
      { person: executive, roles: ["executive"] },
      { person: participant, roles: ["participant"] },
      ...evaluators.map((person) => ({ person, roles: ["evaluator" as const] })),
    ],
    reason: "시상 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  const teams = await db.withTenant(city.id, (tx) =>
    tx.team.findMany({ where: { tenantId: city.id, cohortId }, select: { id: true, number: true } }),
  );
  for (const team of teams) teamIds.set(team.number, team.id);
  expect(teamIds.size).toBe(4);
  await evaluate(db, city.userId(coordinator));
});

const awardsPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/awards`;
const decisionPage = () => `${baseURL()}/${city.slug}/signing/awards/${cohortId}`;

/** Picks team `number` for the place labelled `label` of award `category` (0 최우수, 1 우수). */
async function choose(page: Page, label: string, category: number, number: number | null) {
  const value = number === null ? "" : `${category}:${teamIds.get(number)}`;
  await page.getByLabel(label, { exact: true }).selectOption(value);
}

const chosen = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);

test("the proposal comes prefilled from the evaluation with the boundary tie called out; the coordinator decides it", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(awardsPage(), { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("시상");
  await expect(
    page.getByRole("navigation", { name: "기수 메뉴" }).getByRole("link", { name: "시상" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("award-status")).toHaveAttribute("data-status", "none");
  await expectAccessible(page);

  // The evaluation's allocation: 최우수 2팀, 우수 4팀; 우수's last place is at stake between 1팀 and 3팀.
  expect(await chosen(page, "최우수 1번째 팀")).toMatch(/^2팀 \(1위, /);
  expect(await chosen(page, "우수 1번째 팀")).toMatch(/^4팀 \(2위, /);
  expect(await chosen(page, "우수 2번째 팀")).toBe("선정하지 않음");
  await expect(page.getByTestId("award-1").getByRole("note")).toHaveText(
    "3위 동점 팀 1팀, 3팀 가운데 1팀을 직접 골라 주세요.",
  );
  await expect(page.getByTestId("award-0").getByRole("note")).toHaveCount(0);

  // A team given two awards is refused; the tie decided for 3팀 goes through.
  await choose(page, "우수 2번째 팀", 1, 2);
  await page.getByRole("button", { name: "결재 요청" }).click();
  await expect(page.getByRole("alert")).toHaveText("2팀은 한 부문에만 선정할 수 있습니다.");
  await choose(page, "우수 2번째 팀", 1, 3);
  await page.getByRole("button", { name: "결재 요청" }).click();
  await expect(page.getByRole("status")).toHaveText("결재를 요청했습니다.");
  await expect(page.getByTestId("award-status")).toHaveAttribute("data-status", "proposed");
  expect(errors).toEqual([]);
});

test("the executive returns it with a comment, the coordinator proposes again, the executive approves", async ({
  pageAs,
  visitorPage,
}) => {
  const boss = await pageAs(city.staff(executive).email);
  await boss.goto(`${baseURL()}/${city.slug}/signing`, { waitUntil: "networkidle" });
  await boss.getByRole("link", { name: /시상 결재하기$/ }).click();
  await expect(boss.getByRole("table", { name: "부문별 수상 팀" })).toContainText("최우수");
  await expectAccessible(boss);
  await boss.getByLabel("반려 사유").fill("1팀과 3팀의 활동 실적을 다시 비교해 주세요.");
  await boss.getByRole("button", { name: "반려" }).click();
  await expect(boss.getByRole("status")).toHaveText("반려했습니다.");

  const page = await pageAs(city.staff(coordinator).email);
  await page.goto(awardsPage(), { waitUntil: "networkidle" });
  await expect(page.getByTestId("award-comment")).toHaveText(
    "반려 사유: 1팀과 3팀의 활동 실적을 다시 비교해 주세요.",
  );
  // The returned proposal is shown as it was (an award's teams by number); the coordinator gives the
  // tied place to 1팀 instead of 3팀.
  expect(await chosen(page, "최우수 1번째 팀")).toMatch(/^2팀 /);
  expect(await chosen(page, "우수 1번째 팀")).toMatch(/^3팀 /);
  expect(await chosen(page, "우수 2번째 팀")).toMatch(/^4팀 /);
  await choose(page, "우수 1번째 팀", 1, 1);
  await page.getByRole("button", { name: "결재 요청" }).click();
  await expect(page.getByTestId("award-status")).toHaveAttribute("data-status", "proposed");

  await boss.goto(decisionPage(), { waitUntil: "networkidle" });
  await boss.getByRole("button", { name: "승인하고 표창장 발급" }).click();
  await expect(boss.getByRole("status")).toHaveText("승인했습니다. 표창장을 만들고 있습니다.");
  // The worker makes the PDFs; the page refreshes until each winner's certificate is issued.
  const table = boss.getByRole("table", { name: "부문별 수상 팀" });
  await expect(table.getByRole("link")).toHaveCount(3, { timeout: 60_000 });
  const grand = table.getByRole("row").filter({ hasText: "최우수" });
  const serial = ((await grand.getByRole("link").textContent()) ?? "").replace(/^발급됨 \(|\)$/g, "");

  const visitor = await visitorPage();
  const response = await visitor.goto(`${baseURL()}/verify/${serial}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole("status")).toHaveAttribute("data-status", "valid");
  await expect(visitor.getByRole("status")).toContainText("유효한 표창장입니다");
  await expect(visitor.getByTestId("verify-award-title")).toHaveText("표창장");
  await expect(visitor.getByTestId("verify-award")).toHaveText("최우수");
});

test("a participant is forbidden the awards pages, and another tenant does not find them", async ({
  pageAs,
}) => {
  const member = await pageAs(city.staff(participant).email);
  expect((await member.goto(awardsPage()))?.status()).toBe(403);
  expect((await member.goto(decisionPage()))?.status()).toBe(403);
  const outsider = await pageAs(accounts.yonginCoordinator);
  expect((await outsider.goto(awardsPage()))?.status()).toBe(404);
  expect((await outsider.goto(`${baseURL()}/yongin/programs/cohorts/${cohortId}/awards`))?.status()).toBe(
    404,
  );
});
