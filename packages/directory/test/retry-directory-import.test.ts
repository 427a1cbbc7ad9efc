import { randomUUID } from "node:crypto";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryDirectoryImport } from "../src/imports/retry-directory-import";

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
let userId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const [yongin] = database.seeded;
  tenantId = yongin?.tenantId as string;
  userId = (await db.platform.user.findFirstOrThrow({ where: { email: { endsWith: "@yongin.example.kr" } } }))
    .id;
});

afterAll(() => database?.drop());

/** An import whose job gave up, before its validation finished or after it (then it was being applied). */
async function failedImport(validated: boolean, status = "failed"): Promise<string> {
  const importId = randomUUID();
  await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.create({
      data: {
        id: importId,
        tenantId,
        fileName: "직원.csv",
        format: "csv",
        status,
        progress: 60,
        error: "worker lost the job too often",
        failureCode: "job_failed",
        ...(validated && {
          totalRows: 1,
          summary: { counts: { new: 1, changed: 0, unchanged: 0, missing: 0, invalid: 0 } },
        }),
      },
    }),
  );
  return importId;
}

const retry = (importId: string) =>
  db.withTenant(tenantId, (tx) => retryDirectoryImport(tx, { tenantId, userId, importId }));
const importOf = (importId: string) =>
  db.withTenant(tenantId, (tx) => tx.directoryImport.findFirstOrThrow({ where: { tenantId, id: importId } }));
const jobsFor = (importId: string) =>
  db.withTenant(tenantId, (tx) =>
    tx.outboxEvent.findMany({
      where: { payload: { path: ["importId"], equals: importId } },
      select: { jobName: true },
    }),
  );

describe("retrying a failed directory import", () => {
  it("validates again an import that failed before its validation finished", async () => {
    const importId = await failedImport(false);
    expect(await retry(importId)).toEqual({ retried: true });
    expect(await importOf(importId)).toMatchObject({
      status: "validating",
      progress: 0,
      error: null,
      failureCode: null,
    });
    expect(await jobsFor(importId)).toEqual([{ jobName: "directory.validate" }]);
  });

  it("applies again, audited, an import that failed once validated", async () => {
    const importId = await failedImport(true);
    expect(await retry(importId)).toEqual({ retried: true });
    expect(await importOf(importId)).toMatchObject({ status: "applying", failureCode: null });
    expect(await jobsFor(importId)).toEqual([{ jobName: "directory.apply" }]);
    const audits = await db.withTenant(tenantId, (tx) =>
      tx.auditLog.count({ where: { tenantId, action: "directory_import.retry", entityId: importId } }),
    );
    expect(audits).toBe(1);
  });

  it("starts one job when pressed twice, one after the other or both at once", async () => {
    const oneAfterTheOther = await failedImport(true);
    expect(await retry(oneAfterTheOther)).toEqual({ retried: true });
    expect(await retry(oneAfterTheOther)).toEqual({ retried: false });
    expect(await jobsFor(oneAfterTheOther)).toHaveLength(1);

    const atOnce = await failedImport(false);
    const answers = await Promise.all([retry(atOnce), retry(atOnce)]);
    expect(answers.map((answer) => answer.retried).sort()).toEqual([false, true]);
    expect(await jobsFor(atOnce)).toHaveLength(1);
  });

  it("leaves an import that did not fail as it is, and refuses one that is not the tenant's", async () => {
    const ready = await failedImport(true, "ready");
    expect(await retry(ready)).toEqual({ retried: false });
    expect((await importOf(ready)).status).toBe("ready");
    expect(await jobsFor(ready)).toHaveLength(0);
    await expect(retry(randomUUID())).rejects.toSatisfy((error) =>
      isAppError(error, "directory.import_not_found"),
    );
  });
});
