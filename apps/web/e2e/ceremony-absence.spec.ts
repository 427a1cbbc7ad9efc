import type { Database } from "@mentoring/db";
import { cohortCast, seededCohorts, YONGIN_AS_OF, yonginSeed } from "@mentoring/db/seed";
import { builtinTemplate } from "@mentoring/domain";
import { saveCeremony, startMatchingRun } from "@mentoring/programs";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// What the coordinator is told before acting on a cohort whose ceremony is over: preparing certificates
// while someone was absent asks whether they get one, and once certificates are issued the matching page
// says that new teams cannot be published, and neither runs nor publishes.
//
// A small cohort of Yongin's new-official mentoring in a city of its own: two mentors and three new
// officials, matched by the worker and published, with a ceremony.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const seed = yonginSeed();
const seeded = seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0];
const cast = cohortCast(seed, seeded);
const program = builtinTemplate("new_official_mentoring");
const cohortTitle = `${program.name} 7기`;
const place = "시청 대회의실";
const mentors = cast.spare.slice(0, 2);
const mentees = cast.mentees.slice(0, 3);
const absentee = mentees[0] as (typeof mentees)[number];
const coordinatorPerson = seededPerson(seed, accounts.yonginCoordinator);

let city: TestTenant;
let cohortId: string;

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinatorPerson, roles: ["coordinator"] }],
  });
  const actorUserId = city.userId(coordinatorPerson);
  const cohort = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    number: 7,
    title: cohortTitle,
    recruitmentStart: YONGIN_AS_OF,
    phase: "published",
    applicants: [
      ...mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "결연식 불참 시험 기수",
    actorUserId,
    appUrl: baseURL(),
  });
  cohortId = cohort.id;
  await db.withTenant(city.id, (tx) =>
    saveCeremony(tx, {
      tenantId: city.id,
      cohortId,
      startsAt: new Date("2025-04-15T05:00:00Z"),
      place,
      programme: "",
      gift: "",
      actorUserId,
    }),
  );
});

/** Text the pages show from the database: the city, the cohort, people with their departments and positions. */
const frame = (...more: string[]) => [
  city.name,
  program.name,
  cohortTitle,
  place,
  ...[...mentors, ...mentees].flatMap((person) => [person.name, person.positionTitle]),
  ...seed.departments.map((department) => department.name),
  ...more,
];

test("marking someone absent makes preparing the certificates ask whether they get one; leaving them out keeps their name off", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/certificates`, {
    waitUntil: "networkidle",
  });
  // Before anyone is marked absent, nothing is asked.
  await expect(page.getByTestId("absentees-choice")).toHaveCount(0);

  const row = page
    .getByRole("table", { name: "결연식 출석" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: absentee.name }) });
  await row.getByRole("button", { name: "불참" }).click();
  await expect(page.getByRole("status").filter({ hasText: "출석을 기록했습니다." })).toBeVisible();

  const choice = page.getByRole("group", {
    name: `결연식에 불참한 사람이 1명 있습니다: ${absentee.name}. 이들의 결연증서를 어떻게 할까요?`,
  });
  await expect(choice).toBeVisible();
  await choice.getByLabel("불참자의 이름은 빼고 발급합니다", { exact: false }).check();
  await page.getByRole("button", { name: "결연증서 준비" }).click();
  await expect(page.getByRole("status").filter({ hasText: "결연증서를 준비했습니다." })).toBeVisible();
  const list = page.getByTestId("certificate-batch").getByRole("table", { name: "결연증서 목록" });
  await expect(list).not.toContainText(absentee.name);
  for (const person of mentees.slice(1)) await expect(list).toContainText(person.name);

  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame(...(await page.locator(".serial").allTextContents())));
  expect(errors).toEqual([]);
});

/** Signs the cohort's prepared certificates as the executive's signature would mark them. */
async function issueCertificates(db: Database): Promise<number> {
  const { count } = await db.withTenant(city.id, (tx) =>
    tx.certificate.updateMany({
      where: { tenantId: city.id, cohortId },
      data: { signature: "e2e-signature", issuedAt: new Date() },
    }),
  );
  return count;
}

/** A new matching run, solved by the worker. */
async function solvedRun(db: Database): Promise<number> {
  const { runId } = await db.withTenant(city.id, (tx) =>
    startMatchingRun(tx, { tenantId: city.id, cohortId, actorUserId: city.userId(coordinatorPerson) }),
  );
  const deadline = Date.now() + 90_000;
  for (;;) {
    const run = await db.withTenant(city.id, (tx) =>
      tx.matchingRun.findFirstOrThrow({
        where: { tenantId: city.id, id: runId },
        select: { status: true, number: true },
      }),
    );
    if (run.status === "succeeded") return run.number;
    if (run.status === "failed" || Date.now() > deadline) throw new Error(`run ${runId} is ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test("once certificates are issued, the matching page says so and neither runs again nor publishes", async ({
  pageAs,
  db,
}) => {
  const issued = await issueCertificates(db);
  expect(issued).toBeGreaterThan(0);
  await solvedRun(db);
  const page = await pageAs(city.staff(coordinatorPerson).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/matching`, {
    waitUntil: "networkidle",
  });
  const again = page.getByRole("button", { name: "다시 실행" });
  await expect(again).toBeDisabled();
  await expect(again).toHaveAccessibleDescription(
    `이 기수에 결연증서 ${issued}장이 발급되어 있어 다시 실행해도 새 팀을 공개할 수 없습니다. 먼저 결연증서를 모두 취소하세요.`,
  );
  const publish = page.getByRole("button", { name: "매칭 결과 공개" });
  await expect(publish).toBeDisabled();
  await expect(publish).toHaveAccessibleDescription(
    `이 기수에 결연증서 ${issued}장이 발급되어 있어 새 팀을 공개할 수 없습니다. 먼저 결연증서를 모두 취소하세요.`,
  );
  await expect(page.getByLabel("팀 구성을 검토했으며 참가자에게 공개합니다")).toBeDisabled();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame());
  expect(errors).toEqual([]);
});
