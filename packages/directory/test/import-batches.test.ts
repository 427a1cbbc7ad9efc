import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { LocalFileStorage } from "@mentoring/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyImport } from "../src/apply-import";
import type { ImportSummary } from "../src/summary";
import { uploadKey } from "../src/upload-key";
import { validateImport } from "../src/validate-import";
import { bomUtf8Csv, cp949Csv, type FixtureRow, KOREAN_HEADERS } from "./fixtures";

// Validation writes its rows a batch at a time and applying works a batch at a time in the database:
// these tests hold the outcome to be the same whatever the batch size.

let database: SeededTestDatabase;
let db: Database;
let store: LocalFileStorage;
let tenantId: string;
const now = new Date("2025-06-30T03:00:00Z");

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  store = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), "directory-batches-")));
  tenantId = database.seeded[0]?.tenantId as string;
});

afterAll(async () => {
  await database?.drop();
  await rm(store.root, { recursive: true, force: true });
});

async function upload(bytes: Uint8Array, fileName = "직원명부.csv") {
  const importId = randomUUID();
  await store.put(uploadKey(tenantId, importId), bytes);
  await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.create({ data: { id: importId, tenantId, fileName, format: "csv", full: false } }),
  );
  return importId;
}

/** Validates the file and returns its rows as stored, and the summary. */
async function validated(bytes: Uint8Array, batchSize: number) {
  const importId = await upload(bytes);
  await validateImport(db, store, { tenantId, importId }, { now, batchSize });
  return db.withTenant(tenantId, async (tx) => ({
    importId,
    rows: (await tx.directoryImportRow.findMany({ where: { importId }, orderBy: { rowNumber: "asc" } })).map(
      ({ rowNumber, action, data, errors }) => ({ rowNumber, action, data, errors }),
    ),
    summary: (await tx.directoryImport.findFirstOrThrow({ where: { id: importId } }))
      .summary as ImportSummary,
  }));
}

const person = (n: number, name = "강하늘"): FixtureRow => [
  `B2025-${String(n).padStart(4, "0")}`,
  name,
  "인사과",
  "9급",
  "주무관",
  "2025-03-04",
  `person${n}@yongin.example.kr`,
  "010-0000-0000",
  2000,
];

describe("validating in batches", () => {
  it("finds a duplicate whose first row was written in an earlier batch, and stores what one batch would", async () => {
    const nameless = person(3);
    nameless[1] = "";
    const file = cp949Csv([
      person(1),
      person(2),
      nameless,
      person(1),
      person(4),
      person(3),
      person(1),
      person(5),
    ]);
    const small = await validated(file, 2);
    const duplicateOf = (row: number) => ({ field: "employeeNumber", code: "duplicate", params: { row } });
    // Problems in order: the row's own, then the duplicate (jsonb keeps arrays in order).
    expect(small.rows.map((row) => [row.rowNumber, row.action, row.errors])).toEqual([
      [2, "invalid", [duplicateOf(5)]],
      [3, "new", []],
      [4, "invalid", [{ field: "name", code: "required" }, duplicateOf(7)]],
      [5, "invalid", [duplicateOf(2)]],
      [6, "new", []],
      [7, "invalid", [duplicateOf(4)]],
      [8, "invalid", [duplicateOf(2)]],
      [9, "new", []],
    ]);
    // The first row, valid when its batch was written, keeps its cells but no longer its entry.
    expect(small.rows[0]?.data).toEqual({
      display: expect.objectContaining({ employeeNumber: "B2025-0001", name: "강하늘" }),
      employeeNumber: "B2025-0001",
    });
    expect(small.summary.counts).toEqual({ new: 3, changed: 0, unchanged: 0, missing: 0, invalid: 5 });

    const whole = await validated(file, 1_000);
    expect(whole.rows).toEqual(small.rows);
    expect(whole.summary).toEqual(small.summary);
  });

  it("stops between batches when aborted, with nothing still being written once it has thrown", async () => {
    const importId = await upload(cp949Csv(Array.from({ length: 40 }, (_, i) => person(100 + i))));
    const controller = new AbortController();
    const stopped = new Error("shutting down");
    const run = validateImport(
      db,
      store,
      { tenantId, importId },
      { now, batchSize: 2, signal: controller.signal, onProgress: () => controller.abort(stopped) },
    );
    await expect(run).rejects.toBe(stopped);
    const rowsOf = () =>
      db.withTenant(tenantId, (tx) => tx.directoryImportRow.count({ where: { importId } }));
    const written = await rowsOf();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(40);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await rowsOf()).toBe(written);
  });

  it("stores text that JSON escapes, and characters beyond the basic plane, as written", async () => {
    const odd = person(6, '김"따옴표\\역슬래시 😀');
    const { rows } = await validated(bomUtf8Csv([odd, person(7, "이서연")]), 1);
    expect(rows.map((row) => (row.data as { entry?: { name: string } }).entry?.name)).toEqual([
      '김"따옴표\\역슬래시 😀',
      "이서연",
    ]);
  });
});

describe("applying in batches", () => {
  it("creates, updates and leaves alone as validation planned, keeping fields the file has no column for", async () => {
    const staff = await db.withTenant(tenantId, (tx) =>
      tx.staffMember.findMany({
        where: { tenantId, active: true, grade: 8, email: { not: null }, phone: { not: null } },
        include: { department: true },
        orderBy: { employeeNumber: "asc" },
        take: 4,
      }),
    );
    const [promoted, same, cleared, returning] = staff;
    if (!promoted || !same || !cleared || !returning) throw new Error("the seed has grade-8 staff");
    await db.withTenant(tenantId, (tx) =>
      tx.staffMember.update({ where: { id: returning.id }, data: { active: false } }),
    );
    // No e-mail column: every e-mail is kept. A blank phone clears it.
    const headers = KOREAN_HEADERS.filter((header) => header !== "이메일");
    const row = (s: (typeof staff)[number], grade: number, phone: string | null): FixtureRow => [
      s.employeeNumber,
      s.name,
      s.department.code,
      `${grade}급`,
      s.positionTitle,
      new Date(s.hireDate).toISOString().slice(0, 10),
      phone,
      s.birthYear,
    ];
    const newcomer = person(8);
    newcomer.splice(6, 1);
    const { importId, summary } = await validated(
      cp949Csv(
        [
          row(promoted, 7, promoted.phone),
          row(same, 8, same.phone),
          row(cleared, 8, null),
          row(returning, 8, returning.phone),
          newcomer,
        ],
        headers,
      ),
      2,
    );
    expect(summary.counts).toEqual({ new: 1, changed: 3, unchanged: 1, missing: 0, invalid: 0 });

    const outcome = await applyImport(db, { tenantId, importId }, { batchSize: 2 });
    expect(outcome).toEqual({
      status: "applied",
      applied: { created: 1, updated: 3, unchanged: 1, deactivated: 0, departmentsCreated: 0 },
    });
    const after = await db.withTenant(tenantId, async (tx) => {
      const byNumber = async (employeeNumber: string) =>
        tx.staffMember.findFirstOrThrow({ where: { tenantId, employeeNumber } });
      return {
        promoted: await byNumber(promoted.employeeNumber),
        same: await byNumber(same.employeeNumber),
        cleared: await byNumber(cleared.employeeNumber),
        returning: await byNumber(returning.employeeNumber),
        newcomer: await byNumber("B2025-0008"),
      };
    });
    expect(after.promoted).toMatchObject({ grade: 7, email: promoted.email, phone: promoted.phone });
    const { department: _, ...sameBefore } = same;
    expect(after.same).toEqual(sameBefore); // not even updated_at moved
    expect(after.cleared).toMatchObject({ phone: null, email: cleared.email });
    expect(after.returning).toMatchObject({ active: true, email: returning.email });
    expect(after.newcomer).toMatchObject({
      name: "강하늘",
      grade: 9,
      email: null,
      phone: "010-0000-0000",
      birthYear: 2000,
      active: true,
      hireDate: new Date("2025-03-04T00:00:00Z"),
    });
  });
});
