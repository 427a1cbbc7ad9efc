import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { uploadKey } from "@mentoring/directory";
import { LocalFileStorage } from "@mentoring/storage";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyDirectoryImport } from "../src/jobs/directory-apply";
import { validateDirectoryImportWith } from "../src/jobs/directory-validate";
import type { JobContext } from "../src/jobs/handler";
import { log, noMail } from "./support";

let database: SeededTestDatabase;
let db: Database;
let store: LocalFileStorage;
let tenantId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  store = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), "directory-jobs-")));
  const [yongin] = database.seeded;
  tenantId = yongin?.tenantId as string;
});

afterAll(async () => {
  await database?.drop();
  await rm(store.root, { recursive: true, force: true });
});

function context(): JobContext & { reported: number[] } {
  const reported: number[] = [];
  return {
    db,
    log,
    mailer: noMail,
    signal: new AbortController().signal,
    reported,
    async progress(percent) {
      reported.push(percent);
    },
  };
}

const csv = (rows: string[]) =>
  new TextEncoder().encode(["사번,성명,부서,직급,직위,임용일", ...rows].join("\r\n"));

async function upload(bytes: Uint8Array | null) {
  const importId = randomUUID();
  if (bytes) await store.put(uploadKey(tenantId, importId), bytes);
  await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.create({ data: { id: importId, tenantId, fileName: "직원.csv", format: "csv" } }),
  );
  return importId;
}

const importOf = (id: string) =>
  db.withTenant(tenantId, (tx) => tx.directoryImport.findFirstOrThrow({ where: { id } }));
const staffCount = () => db.withTenant(tenantId, (tx) => tx.staffMember.count({ where: { tenantId } }));
const validate: ReturnType<typeof validateDirectoryImportWith> = (payload, jobContext) =>
  validateDirectoryImportWith(() => store)(payload, jobContext);

describe("directory.validate and directory.apply", () => {
  it("validate then apply, reporting progress; running either again changes nothing", async () => {
    const importId = await upload(
      csv([
        "J2025-0001,강하늘,인사과,9급,주무관,2025-03-04",
        "J2025-0002,윤서아,personnel,9급,주무관,2025.03.04",
      ]),
    );
    const before = await staffCount();
    const validating = context();
    expect(await validate({ tenantId, importId }, validating)).toEqual({ status: "ready" });
    expect(validating.reported.at(-1)).toBe(100);
    expect(await validate({ tenantId, importId }, context())).toEqual({ skipped: true, status: "ready" });
    expect(await db.withTenant(tenantId, (tx) => tx.directoryImportRow.count({ where: { importId } }))).toBe(
      2,
    );

    const applying = context();
    expect(await applyDirectoryImport({ tenantId, importId }, applying)).toMatchObject({ status: "applied" });
    expect(applying.reported.at(-1)).toBe(100);
    expect(await staffCount()).toBe(before + 2);
    expect(await applyDirectoryImport({ tenantId, importId }, context())).toEqual({
      status: "already_applied",
    });
    expect(await staffCount()).toBe(before + 2);
  });

  it("refuses to apply an invalid import and writes nothing", async () => {
    const importId = await upload(csv(["J2025-0003,,인사과,9급,주무관,2025-03-04"]));
    expect(await validate({ tenantId, importId }, context())).toEqual({ status: "invalid" });
    const before = await staffCount();
    expect(await applyDirectoryImport({ tenantId, importId }, context())).toEqual({
      status: "refused",
      reason: "invalid",
    });
    expect(await staffCount()).toBe(before);
    expect((await importOf(importId)).status).toBe("invalid");
  });

  it("marks the import failed with the reason when its file is gone, and does not retry", async () => {
    const importId = await upload(null);
    await expect(validate({ tenantId, importId }, context())).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await importOf(importId)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/no longer stored/),
    });
  });

  it("marks the import failed when applying breaks, leaves the directory untouched, and rethrows", async () => {
    const importId = await upload(csv(["J2025-0004,장도윤,세정과,9급,주무관,2025-03-04"]));
    await validate({ tenantId, importId }, context());
    await db.withTenant(tenantId, (tx) =>
      tx.department.updateMany({ where: { tenantId, name: "세정과" }, data: { name: "세정과(폐지)" } }),
    );
    const before = await staffCount();
    await expect(applyDirectoryImport({ tenantId, importId }, context())).rejects.toThrow(/세정과/);
    expect(await importOf(importId)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/세정과/),
    });
    expect(await staffCount()).toBe(before);

    // The retry, once the cause is gone, applies it.
    await db.withTenant(tenantId, (tx) =>
      tx.department.updateMany({ where: { tenantId, name: "세정과(폐지)" }, data: { name: "세정과" } }),
    );
    expect(await applyDirectoryImport({ tenantId, importId }, context())).toMatchObject({
      status: "applied",
    });
    expect(await staffCount()).toBe(before + 1);
  });
});
