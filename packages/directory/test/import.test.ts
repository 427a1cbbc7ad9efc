import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { LocalFileStorage } from "@mentoring/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyImport } from "../src/apply-import";
import { createDirectoryImport } from "../src/imports/create-directory-import";
import { getDirectoryImportLimits } from "../src/imports/get-directory-import-limits";
import { requestDirectoryImportApply } from "../src/imports/request-directory-import-apply";
import type { ImportRowData, ImportSummary } from "../src/summary";
import { uploadKey } from "../src/upload-key";
import { validateImport } from "../src/validate-import";
import type { RowProblem } from "../src/validate-row";
import { cp949Csv, type FixtureRow, xlsx } from "./fixtures";

let database: SeededTestDatabase;
let db: Database;
let store: LocalFileStorage;
let tenantId: string;
let adminUserId: string;
const now = new Date("2025-06-30T03:00:00Z");

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  store = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), "directory-test-")));
  const [yongin] = database.seeded;
  tenantId = yongin?.tenantId as string;
  adminUserId = (
    await db.platform.user.findFirstOrThrow({ where: { email: { endsWith: "@yongin.example.kr" } } })
  ).id;
});

afterAll(async () => {
  await database?.drop();
  await rm(store.root, { recursive: true, force: true });
});

async function upload(bytes: Uint8Array, fileName: string, options: { full?: boolean } = {}) {
  const importId = randomUUID();
  await store.put(uploadKey(tenantId, importId), bytes);
  await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.create({
      data: {
        id: importId,
        tenantId,
        uploadedByUserId: adminUserId,
        fileName,
        format: fileName.endsWith(".xlsx") ? "xlsx" : "csv",
        full: options.full ?? false,
      },
    }),
  );
  return importId;
}

const importOf = (importId: string) =>
  db.withTenant(tenantId, (tx) => tx.directoryImport.findFirstOrThrow({ where: { id: importId } }));

/** Every staff member as a comparable line: proves that nothing at all was written. */
const snapshot = () =>
  db.withTenant(tenantId, async (tx) =>
    (await tx.staffMember.findMany({ where: { tenantId }, orderBy: { employeeNumber: "asc" } }))
      .map((s) => JSON.stringify(s))
      .join("\n"),
  );

const staffCount = (where: { active?: boolean } = {}) =>
  db.withTenant(tenantId, (tx) => tx.staffMember.count({ where: { tenantId, ...where } }));

const newPerson = (n: number, department = "인사과"): FixtureRow => [
  `T2025-${String(n).padStart(4, "0")}`,
  ["강하늘", "윤서아", "장도윤", "임지우", "한예린"][n % 5] as string,
  department,
  "9급",
  "주무관",
  "2025-03-04",
  `new.person${n}@yongin.example.kr`,
  "010-0000-0000",
  2000,
];

describe("validating an import", () => {
  it("reports each bad row with its row number and reason, and writes no staff member", async () => {
    const before = await snapshot();
    const importId = await upload(
      cp949Csv([
        newPerson(1),
        newPerson(2),
        ["T2025-0003", "", "인사과", "9급", "주무관", "2025-03-04", "", "", ""],
        newPerson(4),
        ["T2025-0005", "정민서", "인사과", "열급", "주무관", "2025-03-04", "", "", ""],
        ["T2025-0006", "오지호", "인사과", "9급", "주무관", "2099-01-01", "", "", ""],
      ]),
      "직원명부.csv",
    );
    const outcome = await validateImport(db, store, { tenantId, importId }, { now });
    expect(outcome.status).toBe("invalid");
    const directoryImport = await importOf(importId);
    expect(directoryImport).toMatchObject({
      status: "invalid",
      encoding: "cp949",
      totalRows: 6,
      progress: 100,
    });
    expect((directoryImport.summary as ImportSummary).counts).toEqual({
      new: 3,
      changed: 0,
      unchanged: 0,
      missing: 0,
      invalid: 3,
    });
    const invalid = await db.withTenant(tenantId, (tx) =>
      tx.directoryImportRow.findMany({
        where: { importId, action: "invalid" },
        orderBy: { rowNumber: "asc" },
      }),
    );
    expect(
      invalid.map((row) => [
        row.rowNumber,
        (row.errors as unknown as RowProblem[]).map((p) => `${p.field}:${p.code}`),
      ]),
    ).toEqual([
      [4, ["name:required"]],
      [6, ["grade:grade_unrecognised"]],
      [7, ["hireDate:date_in_future"]],
    ]);
    expect(await snapshot()).toBe(before);

    const refused = await applyImport(db, { tenantId, importId });
    expect(refused).toEqual({ status: "refused", reason: "invalid" });
    expect(await snapshot()).toBe(before);
    expect((await importOf(importId)).status).toBe("invalid");
  });

  it("flags both rows that share an employee number", async () => {
    const importId = await upload(cp949Csv([newPerson(11), newPerson(12), newPerson(11)]), "dup.csv");
    await validateImport(db, store, { tenantId, importId }, { now });
    const rows = await db.withTenant(tenantId, (tx) =>
      tx.directoryImportRow.findMany({ where: { importId }, orderBy: { rowNumber: "asc" } }),
    );
    expect(rows.map((row) => [row.rowNumber, row.action, row.errors])).toEqual([
      [2, "invalid", [{ field: "employeeNumber", code: "duplicate", params: { row: 4 } }]],
      [3, "new", []],
      [4, "invalid", [{ field: "employeeNumber", code: "duplicate", params: { row: 2 } }]],
    ]);
    expect((await importOf(importId)).summary).toMatchObject({ counts: { new: 1, invalid: 2 } });
  });

  it("reports a file without the required columns as a file error", async () => {
    const importId = await upload(cp949Csv([["1", "김"]], ["사번", "성명"]), "short.csv");
    await validateImport(db, store, { tenantId, importId }, { now });
    expect(await importOf(importId)).toMatchObject({
      status: "invalid",
      summary: { fileErrors: [{ code: "missing_columns" }] },
    });
  });

  it("is idempotent: validating again leaves a validated import as it is, and the file is gone", async () => {
    const importId = await upload(cp949Csv([newPerson(21)]), "again.csv");
    await validateImport(db, store, { tenantId, importId }, { now });
    expect(await store.stat(uploadKey(tenantId, importId))).toBeNull();
    expect(await validateImport(db, store, { tenantId, importId }, { now })).toEqual({
      status: "skipped",
      current: "ready",
    });
  });
});

describe("the plan's import limits", () => {
  /** Runs `work` with the tenant on `planCode`, then puts it back on no plan. */
  async function onPlan<T>(planCode: string, work: () => Promise<T>): Promise<T> {
    await db.platform.tenant.update({ where: { id: tenantId }, data: { planCode } });
    try {
      return await work();
    } finally {
      await db.platform.tenant.update({ where: { id: tenantId }, data: { planCode: null } });
    }
  }

  it("are the plan's, and the default without one", async () => {
    const limitsNow = () => db.withTenant(tenantId, (tx) => getDirectoryImportLimits(tx, { tenantId }));
    expect(await limitsNow()).toEqual({ maxRows: 40_000, maxColumns: 30, maxBytes: 20 * 1024 * 1024 });
    expect(await onPlan("starter_yearly", limitsNow)).toEqual({
      maxRows: 2_000,
      maxColumns: 30,
      maxBytes: 5 * 1024 * 1024,
    });
  });

  it("stop validation at the first row beyond the plan's rows: the import is invalid, nothing more read", async () => {
    const people = Array.from({ length: 2_300 }, (_, i) => newPerson(1_000 + i));
    const importId = await upload(cp949Csv(people), "too-many.csv");
    const outcome = await onPlan("starter_monthly", () =>
      validateImport(db, store, { tenantId, importId }, { now }),
    );
    expect(outcome).toMatchObject({ status: "invalid", totalRows: 2_000 });
    expect(await importOf(importId)).toMatchObject({
      status: "invalid",
      totalRows: 2_000,
      summary: { fileErrors: [{ code: "too_many_rows", params: { row: 2_002, limit: 2_000 } }] },
    });
    expect(await applyImport(db, { tenantId, importId })).toEqual({ status: "refused", reason: "invalid" });
  });

  it("refuse a file wider than the plan's columns before listing its headers", async () => {
    const headers = Array.from({ length: 5_000 }, (_, i) => `비고${i}`);
    const importId = await upload(cp949Csv([], headers), "wide.csv");
    await validateImport(db, store, { tenantId, importId }, { now });
    expect((await importOf(importId)).summary).toMatchObject({
      fileErrors: [{ code: "too_many_columns", params: { row: 1, limit: 30 } }],
    });
  });

  it("tell a damaged workbook in words, not with the unzipper's message", async () => {
    const workbook = await xlsx([newPerson(3_500)]);
    const importId = await upload(workbook.subarray(0, workbook.length - 40), "cut.xlsx");
    await validateImport(db, store, { tenantId, importId }, { now });
    expect((await importOf(importId)).summary).toMatchObject({ fileErrors: [{ code: "damaged_workbook" }] });
  });

  it("refuse an upload larger than the plan takes, naming the limit, and store nothing", async () => {
    const before = await db.withTenant(tenantId, (tx) => tx.directoryImport.count());
    const bytes = new Uint8Array(6 * 1024 * 1024).fill(0x41);
    const refusal = await onPlan("starter_monthly", () =>
      createDirectoryImport(db, {
        tenantId,
        userId: adminUserId,
        fileName: "big.csv",
        bytes,
        full: false,
        storage: store,
      }).catch((error: unknown) => error),
    );
    expect(isAppError(refusal, "directory.too_large")).toBe(true);
    expect(refusal).toMatchObject({ params: { maxBytes: 5 * 1024 * 1024, maxMegabytes: 5 } });
    expect(await db.withTenant(tenantId, (tx) => tx.directoryImport.count())).toBe(before);
  });
});

describe("applying an import", () => {
  it("creates, updates and leaves alone by employee number, creates missing departments, and audits it", async () => {
    const [changed, unchanged] = await db.withTenant(tenantId, (tx) =>
      tx.staffMember.findMany({
        where: { tenantId, active: true, grade: 8, email: { not: null } },
        include: { department: true },
        take: 2,
        orderBy: { employeeNumber: "asc" },
      }),
    );
    if (!changed || !unchanged) throw new Error("the seed has grade-8 staff");
    const asRow = (s: typeof changed, grade = s.grade): FixtureRow => [
      s.employeeNumber,
      s.name,
      s.department.code,
      `${grade}급`,
      s.positionTitle,
      new Date(s.hireDate),
      s.email,
      s.phone,
      s.birthYear,
    ];
    const countBefore = await staffCount();
    const importId = await upload(
      await xlsx([asRow(changed, 7), asRow(unchanged), newPerson(31), newPerson(32, "미래전략과")]),
      "directory.xlsx",
    );
    const progress: number[] = [];
    await validateImport(
      db,
      store,
      { tenantId, importId },
      { now, onProgress: (p) => void progress.push(p) },
    );
    expect(await importOf(importId)).toMatchObject({
      status: "ready",
      summary: {
        counts: { new: 2, changed: 1, unchanged: 1, missing: 0, invalid: 0 },
        unknownDepartments: ["미래전략과"],
        unknownDepartmentCount: 1,
      },
    });
    expect(progress.at(-1)).toBe(100);
    const changedRow = await db.withTenant(tenantId, (tx) =>
      tx.directoryImportRow.findFirstOrThrow({ where: { importId, action: "changed" } }),
    );
    expect((changedRow.data as unknown as ImportRowData).fields).toEqual(["grade"]);

    // Without "create the missing departments", applying is refused and writes nothing.
    const before = await snapshot();
    expect(await applyImport(db, { tenantId, importId })).toEqual({
      status: "refused",
      reason: "unknown_departments",
    });
    expect(await snapshot()).toBe(before);

    await db.withTenant(tenantId, (tx) =>
      tx.directoryImport.update({ where: { id: importId }, data: { createMissingDepartments: true } }),
    );
    const outcome = await applyImport(db, { tenantId, importId });
    expect(outcome).toEqual({
      status: "applied",
      applied: { created: 2, updated: 1, unchanged: 1, deactivated: 0, departmentsCreated: 1 },
    });
    expect(await staffCount()).toBe(countBefore + 2);
    const after = await db.withTenant(tenantId, async (tx) => ({
      changed: await tx.staffMember.findFirstOrThrow({ where: { id: changed.id } }),
      created: await tx.staffMember.findFirstOrThrow({
        where: { tenantId, employeeNumber: "T2025-0032" },
        include: { department: true },
      }),
      audit: await tx.auditLog.findMany({ where: { tenantId, entityId: importId } }),
      status: await tx.directoryImport.findFirstOrThrow({ where: { id: importId } }),
    }));
    expect(after.changed).toMatchObject({ grade: 7, email: changed.email, name: changed.name });
    expect(after.created).toMatchObject({
      grade: 9,
      hireDate: new Date("2025-03-04T00:00:00Z"),
      department: { code: "미래전략과", name: "미래전략과" },
    });
    expect(after.audit).toHaveLength(1);
    expect(after.audit[0]).toMatchObject({
      action: "directory_import.apply",
      actorUserId: adminUserId,
      after: { created: 2, updated: 1, unchanged: 1, deactivated: 0, departmentsCreated: 1 },
    });
    expect(after.status).toMatchObject({ status: "applied", progress: 100 });
    expect(after.status.appliedAt).not.toBeNull();

    // Applying again does nothing.
    const applied = await snapshot();
    expect(await applyImport(db, { tenantId, importId })).toEqual({ status: "already_applied" });
    expect(await snapshot()).toBe(applied);
  });

  it("rolls everything back when applying fails part-way, and can be applied again afterwards", async () => {
    const importId = await upload(
      cp949Csv([newPerson(41), newPerson(42), newPerson(43, "세정과")]),
      "fail.csv",
    );
    await validateImport(db, store, { tenantId, importId }, { now });
    // The department of the last row disappears between validation and apply.
    const tax = await db.withTenant(tenantId, (tx) =>
      tx.department.findFirstOrThrow({ where: { tenantId, name: "세정과" } }),
    );
    await db.withTenant(tenantId, (tx) =>
      tx.department.update({ where: { id: tax.id }, data: { name: "세정과(폐지)" } }),
    );
    const before = await snapshot();
    await expect(applyImport(db, { tenantId, importId }, { batchSize: 2 })).rejects.toThrow(/세정과/);
    expect(await snapshot()).toBe(before);
    await db.withTenant(tenantId, (tx) =>
      tx.department.update({ where: { id: tax.id }, data: { name: "세정과" } }),
    );
    expect(await applyImport(db, { tenantId, importId })).toMatchObject({ status: "applied" });
  });

  it("deactivates people missing from a full import only when that was confirmed", async () => {
    const keep = await db.withTenant(tenantId, (tx) =>
      tx.staffMember.findMany({
        where: { tenantId, active: true },
        include: { department: true },
        orderBy: { employeeNumber: "asc" },
        take: 5,
      }),
    );
    const rows: FixtureRow[] = keep.map((s) => [
      s.employeeNumber,
      s.name,
      s.department.code,
      s.grade === null ? "연구사" : `${s.grade}급`,
      s.positionTitle,
      new Date(s.hireDate).toISOString().slice(0, 10),
      s.email,
      s.phone,
      s.birthYear,
    ]);
    const active = await staffCount({ active: true });

    const unconfirmed = await upload(cp949Csv(rows), "full.csv", { full: true });
    await validateImport(db, store, { tenantId, importId: unconfirmed }, { now });
    expect((await importOf(unconfirmed)).summary).toMatchObject({ counts: { missing: active - 5 } });
    expect(await applyImport(db, { tenantId, importId: unconfirmed })).toMatchObject({
      status: "applied",
      applied: { deactivated: 0 },
    });
    expect(await staffCount({ active: true })).toBe(active);

    const confirmed = await upload(cp949Csv(rows), "full.csv", { full: true });
    await validateImport(db, store, { tenantId, importId: confirmed }, { now });
    await db.withTenant(tenantId, (tx) =>
      tx.directoryImport.update({ where: { id: confirmed }, data: { deactivateMissing: true } }),
    );
    expect(await applyImport(db, { tenantId, importId: confirmed })).toMatchObject({
      status: "applied",
      applied: { deactivated: active - 5 },
    });
    expect(await staffCount({ active: true })).toBe(5);
  });
});

describe("asking for an import to be applied", () => {
  const ask = (importId: string, createMissingDepartments = false) =>
    db.withTenant(tenantId, (tx) =>
      requestDirectoryImportApply(tx, {
        tenantId,
        userId: adminUserId,
        importId,
        createMissingDepartments,
        deactivateMissing: false,
        requestId: randomUUID(),
      }),
    );
  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (isAppError(error) ? error.code : error),
    );

  it("is refused before validation, and while departments are missing and may not be created", async () => {
    const importId = await upload(cp949Csv([newPerson(41, "신설과")]), "new-department.csv");
    expect(await refusalOf(ask(importId))).toBe("directory.not_ready");
    await validateImport(db, store, { tenantId, importId }, { now });
    expect(await refusalOf(ask(importId))).toBe("directory.unknown_departments");
    expect((await importOf(importId)).status).toBe("ready");
  });

  it("enqueues the apply job once and audits who asked; a second ask is refused", async () => {
    const importId = await upload(cp949Csv([newPerson(42, "신설과")]), "asked-twice.csv");
    await validateImport(db, store, { tenantId, importId }, { now });
    await ask(importId, true);
    expect(await importOf(importId)).toMatchObject({ status: "applying", createMissingDepartments: true });
    expect(await refusalOf(ask(importId, true))).toBe("directory.not_ready");
    const jobs = await db.platform.outboxEvent.findMany({ where: { jobName: "directory.apply" } });
    expect(jobs.filter((job) => (job.payload as { importId: string }).importId === importId)).toHaveLength(1);
    const audit = await db.withTenant(tenantId, (tx) =>
      tx.auditLog.findMany({ where: { tenantId, entityId: importId } }),
    );
    expect(audit.map((row) => [row.action, row.actorUserId])).toEqual([
      ["directory_import.apply_requested", adminUserId],
    ]);
  });

  it("answers another tenant's import, or none, as not found", async () => {
    expect(await refusalOf(ask(randomUUID()))).toBe("directory.import_not_found");
  });
});
