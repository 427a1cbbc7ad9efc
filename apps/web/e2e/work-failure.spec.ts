import { randomUUID } from "node:crypto";
import type { Database } from "@mentoring/db";
import { cohortCast, seededCohorts, YONGIN_AS_OF, yonginSeed } from "@mentoring/db/seed";
import type { Page } from "@playwright/test";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible } from "./support";

// Work that failed, as the person who started it sees it: the certificate batch, the directory import and
// the matching run each say why in words (the job gave up, or it stalled), never the database's text, beside
// the button that tries again, which names the message as its description and is reached by keyboard; and
// on a phone the run table's "보는 중" stays one pill. In a city of its own with Yongin's directory, the
// failed rows written as the worker's final-failure handler and the stale-work sweep write them.

test.setTimeout(180_000);

const seed = yonginSeed();
const coordinatorPerson = seededPerson(seed, accounts.yonginCoordinator);
const adminPerson = seededPerson(seed, accounts.yonginAdmin);
const seeded = seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0];
const cast = cohortCast(seed, seeded);
const mentors = cast.spare.slice(0, 2);
const mentees = cast.mentees.slice(0, 3);

let city: TestTenant;
let cohortId: string;
let importId: string;

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinatorPerson, roles: ["coordinator"] },
      { person: adminPerson, roles: ["tenant_admin"] },
    ],
    staff: (person) => [...mentors, ...mentees].includes(person),
  });
  const cohort = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    recruitmentStart: YONGIN_AS_OF,
    phase: "matching",
    applicants: [
      ...mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "실패 화면 확인",
    actorUserId: city.userId(coordinatorPerson),
    appUrl: baseURL(),
  });
  cohortId = cohort.id;
  importId = await failedWork(db, city.id, cohortId);
});

/** A matching run, a certificate batch and a directory import failed, with raw error text on each row. */
async function failedWork(db: Database, tenantId: string, cohortId: string): Promise<string> {
  const importId = randomUUID();
  await db.withTenant(tenantId, async (tx) => {
    await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId,
        number: 1,
        status: "failed",
        problem: { participants: [], teamShape: {} },
        error: "RAW-RUN job stalled more than allowable limit",
        failureCode: "stalled",
        finishedAt: new Date(),
      },
    });
    await tx.certificateBatch.create({
      data: {
        tenantId,
        cohortId,
        status: "failed",
        signerName: "용인시장",
        signerTitle: "시장",
        error: "RAW-BATCH could not open seal.png",
        failureCode: "job_failed",
      },
    });
    await tx.directoryImport.create({
      data: {
        id: importId,
        tenantId,
        fileName: "직원.csv",
        format: "csv",
        status: "failed",
        error: "RAW-IMPORT duplicate key value",
        failureCode: "stalled",
      },
    });
  });
  return importId;
}

/** Tabs from the top of the page until `button` has focus: it must be reached by keyboard. */
async function tabTo(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if (await button.evaluate((element) => element === document.activeElement)) return button;
  }
  throw new Error(`${name} was not reached by keyboard`);
}

for (const viewport of [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
]) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("a failed certificate batch says why beside 다시 시도", async ({ pageAs }) => {
      const page = await pageAs(city.staff(coordinatorPerson).email);
      await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/certificates`);
      const message = "결연증서 파일을 만드는 작업이 여러 번 시도한 끝에 멈췄습니다.";
      await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
      const retry = await tabTo(page, "다시 시도");
      await expect(retry).toHaveAccessibleDescription(new RegExp(`^${message}`));
      await expect(page.locator("body")).not.toContainText("RAW-BATCH");
      await expectAccessible(page);
    });

    test("a failed directory import says why beside 다시 시도", async ({ pageAs }) => {
      const page = await pageAs(city.staff(adminPerson).email);
      await page.goto(`${baseURL()}/${city.slug}/admin/directory/${importId}`);
      const message = "명부를 처리하는 작업이 30분 넘게 진행되지 않아 중단된 것으로 보았습니다.";
      await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
      const retry = await tabTo(page, "다시 시도");
      await expect(retry).toHaveAccessibleDescription(new RegExp(`^${message}`));
      await expect(page.locator("body")).not.toContainText("RAW-IMPORT");
      await expectAccessible(page);
    });

    test("a failed matching run says why above 다시 실행", async ({ pageAs }) => {
      const page = await pageAs(city.staff(coordinatorPerson).email);
      await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/matching`);
      const message = "1회차 매칭이 30분 넘게 진행되지 않아 중단된 것으로 보았습니다.";
      const alert = page.getByRole("alert").filter({ hasText: message });
      await expect(alert).toBeVisible();
      const rerun = await tabTo(page, "다시 실행");
      await expect(rerun).toHaveAccessibleDescription(new RegExp(`^${message}`));
      // Next to the button: the message comes right before the run form, not below the runs table.
      const [alertBox, buttonBox] = [await alert.boundingBox(), await rerun.boundingBox()];
      expect((buttonBox?.y ?? 0) - ((alertBox?.y ?? 0) + (alertBox?.height ?? 0))).toBeLessThan(150);
      await expect(page.locator("body")).not.toContainText("RAW-RUN");
      // The badge of the run being viewed stays on one line, however narrow its cell.
      const badge = page.getByTestId("run-row").locator(".badge");
      const lineHeight = await badge.evaluate(
        (element) => Number.parseFloat(getComputedStyle(element).fontSize) * 2,
      );
      expect((await badge.boundingBox())?.height ?? 0).toBeLessThan(lineHeight);
      await expectAccessible(page);
    });
  });
}
