import { cohortCast, seededCohorts } from "@mentoring/db/seed";
import { createCohortFor, createTenant, gangneungTeam, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, watchErrors } from "./support";

// A cohort's awards in a Gangneung city of the test's own with four published teams: the coordinator
// proposes 최우수 and 우수 on the 시상 page (a team chosen twice is refused), the executive returns the
// proposal with a comment, the coordinator proposes again, the executive approves; each winner's 표창장 is
// made by the worker and verifies at /verify as an award. Outsiders do not find the pages, a participant
// is forbidden them.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { seed, coordinator } = gangneungTeam;
const seeded = seededCohorts.gangneung?.[0];
if (!seeded) throw new Error("Gangneung has no seeded cohort");
const cast = cohortCast(seed, seeded);
const juniors = cast.mentors.slice(0, 12);
const managers = cast.mentees.slice(0, 4);
const members = [...juniors, ...managers];
const executive = seededPerson(seed, (person) => person.positionTitle === "부시장");
const participant = juniors[0];
if (!participant) throw new Error("Gangneung's cohort has no juniors");
const involved = new Set([...members, coordinator, executive].map((person) => person.employeeNumber));

let city: TestTenant;
let cohortId = "";

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinator, roles: ["coordinator"] },
      { person: executive, roles: ["executive"] },
      { person: participant, roles: ["participant"] },
    ],
    staff: (person) => involved.has(person.employeeNumber),
  });
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seeded.recruitmentStart as string,
    phase: "published",
    applicants: [
      ...juniors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...managers.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "시상 시험 기수",
    actorUserId: city.userId(coordinator),
    appUrl: baseURL(),
  });
  cohortId = cohort.id;
});

const awardsPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/awards`;
const decisionPage = () => `${baseURL()}/${city.slug}/signing/awards/${cohortId}`;

async function choose(page: import("@playwright/test").Page, picks: Record<string, string>) {
  for (const [label, team] of Object.entries(picks))
    await page.getByLabel(label, { exact: true }).selectOption({ label: team });
}

test("the coordinator proposes the awards, and a team chosen twice is refused", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(awardsPage(), { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("시상");
  await expect(
    page.getByRole("navigation", { name: "기수 메뉴" }).getByRole("link", { name: "시상" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("award-status")).toHaveAttribute("data-status", "none");
  await expectAccessible(page);

  await choose(page, { "최우수 1번째 팀": "1팀", "우수 1번째 팀": "1팀", "우수 2번째 팀": "3팀" });
  await page.getByRole("button", { name: "결재 요청" }).click();
  await expect(page.getByRole("alert")).toHaveText("1팀은 한 부문에만 선정할 수 있습니다.");

  await choose(page, { "우수 1번째 팀": "2팀" });
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
  await boss.getByLabel("반려 사유").fill("2팀과 4팀의 활동 실적을 다시 비교해 주세요.");
  await boss.getByRole("button", { name: "반려" }).click();
  await expect(boss.getByRole("status")).toHaveText("반려했습니다.");

  const page = await pageAs(city.staff(coordinator).email);
  await page.goto(awardsPage(), { waitUntil: "networkidle" });
  await expect(page.getByTestId("award-comment")).toHaveText(
    "반려 사유: 2팀과 4팀의 활동 실적을 다시 비교해 주세요.",
  );
  await choose(page, { "우수 1번째 팀": "4팀" });
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
