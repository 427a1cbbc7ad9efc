import { cohortCast, seededCohorts, YONGIN_AS_OF, yonginSeed } from "@mentoring/db/seed";
import { tenantToday, transitionCohort } from "@mentoring/programs";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, watchErrors } from "./support";

// Closing a cohort whose post-survey has hardly been answered: the cohort page gives the figures and asks
// the coordinator to confirm with a reason; the audit log then tells the tenant admin, in words, what moved
// and why.
//
// A small cohort of Yongin's new-official mentoring in a city of its own, taken through matching and the
// activities by the use cases, into evaluation, where its post-surveys open and nobody answers them.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const seed = yonginSeed();
const seeded = seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0];
const cast = cohortCast(seed, seeded);
const coordinatorPerson = seededPerson(seed, accounts.yonginCoordinator);
const adminPerson = seededPerson(seed, accounts.yonginAdmin);
const reason = "평가 기간이 끝나 남은 응답을 기다리지 않습니다";

let city: TestTenant;
let cohort: { id: string; title: string };

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinatorPerson, roles: ["coordinator"] },
      { person: adminPerson, roles: ["tenant_admin"] },
    ],
  });
  const actorUserId = city.userId(coordinatorPerson);
  cohort = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    number: 5,
    recruitmentStart: YONGIN_AS_OF,
    phase: "published",
    applicants: [
      ...cast.spare.slice(0, 2).map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...cast.mentees.slice(0, 3).map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "종료 경고 시험 기수",
    actorUserId,
    appUrl: baseURL(),
  });
  for (const to of ["active", "evaluation"] as const) {
    await db.withTenant(city.id, (tx) =>
      transitionCohort(tx, {
        tenantId: city.id,
        cohortId: cohort.id,
        to,
        override: true,
        reason: "종료 경고 시험",
        actorUserId,
        today: tenantToday("Asia/Seoul"),
        appUrl: baseURL(),
      }),
    );
  }
});

test("closing with the post-survey unanswered warns with the figures and closes only when confirmed with a reason", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohort.id}`, { waitUntil: "networkidle" });
  const problems = page.locator("#transition-problems");
  await expect(problems).toContainText(/사후 설문 응답이 \d+명 중 0명\(0%\)으로 80%에 못 미칩니다/);
  await expect(problems).toContainText("담당자 판단으로 넘길 수 있습니다");
  await expectAccessible(page);

  await page.getByLabel("위 내용을 확인했으며, 그래도 다음 단계로 넘깁니다").check();
  await page.getByLabel("재정의 사유").fill(reason);
  await page.getByRole("button", { name: "기수 종료하기" }).click();
  await expect(page.getByRole("status").filter({ hasText: "종료 단계로 넘겼습니다." })).toBeVisible();
  expect(errors).toEqual([]);
});

test("the audit log says what moved and why in words, without codes, JSON or ids", async ({ pageAs }) => {
  const page = await pageAs(city.staff(adminPerson).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/admin/audit`, { waitUntil: "networkidle" });
  const closing = page.locator("tbody tr").filter({ hasText: "기수 단계 변경" }).filter({ hasText: reason });
  await expect(closing).toHaveCount(1);
  await expect(closing).toContainText(`기수 · ${cohort.title}`);
  const change = (field: string) =>
    closing.locator(".audit-changes > div").filter({ has: page.locator("dt", { hasText: field }) });
  await expect(change("상태").locator("dd")).toHaveText("평가 → 종료");
  await expect(change("재정의 · 사유").locator("dd")).toHaveText(reason);
  const table = (await page.locator("table").textContent()) ?? "";
  expect(table).not.toMatch(/[{}]|cohort\.status\.update|[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});
