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
import type { RowProblem } from "../src/validate-row";
import { cp949Csv, type FixtureRow, KOREAN_HEADERS, xlsx } from "./fixtures";

// The directory import's two columns for the organisation's shape: the department above the row's
// department (상위부서) and the direct supervisor's employee number (상급자사번).

let database: SeededTestDatabase;
let db: Database;
let store: LocalFileStorage;
let tenantId: string;
const now = new Date("2025-06-30T03:00:00Z");
const HEADERS = [...KOREAN_HEADERS, "상위부서", "상급자사번"];

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  store = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), "directory-hierarchy-test-")));
  tenantId = database.seeded[0]?.tenantId as string;
});

afterAll(async () => {
  await database?.drop();
  await rm(store.root, { recursive: true, force: true });
});

async function validated(bytes: Uint8Array, fileName: string, createMissingDepartments = false) {
  const importId = randomUUID();
  await store.put(uploadKey(tenantId, importId), bytes);
  await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.create({
      data: {
        id: importId,
        tenantId,
        fileName,
        format: fileName.endsWith(".xlsx") ? "xlsx" : "csv",
        createMissingDepartments,
      },
    }),
  );
  await validateImport(db, store, { tenantId, importId }, { now });
  return importId;
}

const person = (
  number: string,
  department: string,
  parent: string,
  supervisor: string | null,
): FixtureRow => [
  number,
  "한예린",
  department,
  "8급",
  "주무관",
  "2021-03-02",
  "",
  "",
  "",
  parent,
  supervisor,
];

const rowsOf = (importId: string) =>
  db.withTenant(tenantId, (tx) =>
    tx.directoryImportRow.findMany({ where: { tenantId, importId }, orderBy: { rowNumber: "asc" } }),
  );

const problemsOf = async (importId: string) =>
  (await rowsOf(importId))
    .filter((row) => row.action === "invalid")
    .map((row) => [
      row.rowNumber,
      (row.errors as unknown as RowProblem[]).map((p) => `${p.field}:${p.code}`),
    ]);

const staff = (employeeNumber: string) =>
  db.withTenant(tenantId, (tx) =>
    tx.staffMember.findFirstOrThrow({
      where: { tenantId, employeeNumber },
      include: { supervisor: { select: { employeeNumber: true } }, department: true },
    }),
  );

const department = (code: string) =>
  db.withTenant(tenantId, (tx) =>
    tx.department.findFirstOrThrow({ where: { tenantId, code }, include: { parent: true } }),
  );

/** An active staff member of the seed, as a supervisor the file need not list. */
const someoneInDirectory = () =>
  db.withTenant(tenantId, (tx) =>
    tx.staffMember.findFirstOrThrow({
      where: { tenantId, active: true },
      orderBy: { employeeNumber: "asc" },
    }),
  );

describe("the parent department and supervisor columns", () => {
  it("creates a team under a new division under a bureau, and sets supervisors named before or after, from a CP949 file", async () => {
    const head = await someoneInDirectory();
    const importId = await validated(
      cp949Csv(
        [
          // The officer's row comes before the team leader's: a supervisor may be listed later in the file.
          person("H2025-0002", "스마트시티팀", "스마트도시과", "H2025-0001"),
          person("H2025-0001", "스마트시티팀", "스마트도시과", "H2025-0000"),
          person("H2025-0000", "스마트도시과", "자치행정국", head.employeeNumber),
        ],
        HEADERS,
      ),
      "조직도.csv",
      true,
    );
    expect(await problemsOf(importId)).toEqual([]);
    expect(
      (
        await db.withTenant(tenantId, (tx) =>
          tx.directoryImport.findFirstOrThrow({ where: { id: importId } }),
        )
      ).summary,
    ).toMatchObject({
      unknownDepartments: ["스마트시티팀", "스마트도시과"],
    });

    const outcome = await applyImport(db, { tenantId, importId });
    expect(outcome).toMatchObject({
      status: "applied",
      applied: { created: 3, departmentsCreated: 2, departmentsPlaced: 2, supervisorsChanged: 3 },
    });
    const team = await department("스마트시티팀");
    expect(team.parent?.code).toBe("스마트도시과");
    expect((await department("스마트도시과")).parent?.code).toBe("administration-bureau");
    expect((await staff("H2025-0002")).supervisor?.employeeNumber).toBe("H2025-0001");
    expect((await staff("H2025-0001")).supervisor?.employeeNumber).toBe("H2025-0000");
    expect((await staff("H2025-0000")).supervisor?.employeeNumber).toBe(head.employeeNumber);
  });

  it("moves an existing department the file names under another parent, from a workbook", async () => {
    const importId = await validated(
      await xlsx([person("H2025-0100", "회계과", "기획조정실", null)], HEADERS),
      "조직.xlsx",
    );
    expect(await problemsOf(importId)).toEqual([]);
    expect(await applyImport(db, { tenantId, importId })).toMatchObject({
      applied: { departmentsPlaced: 1 },
    });
    expect((await department("accounting")).parent?.code).toBe("planning-office");
  });

  it("refuses rows whose supervisor is unknown or themselves, and a placement making a circle or contradicting an earlier row", async () => {
    const importId = await validated(
      cp949Csv(
        [
          person("H2025-0200", "인사과", "자치행정국", "NOBODY-1"),
          person("H2025-0201", "인사과", "자치행정국", "H2025-0201"),
          person("H2025-0202", "자치행정국", "인사과", null),
          person("H2025-0203", "인사과", "총무과", null),
          person("H2025-0204", "인사과", "자치행정국", "H2025-0200"),
        ],
        HEADERS,
      ),
      "틀린조직.csv",
    );
    expect(await problemsOf(importId)).toEqual([
      [2, ["supervisorEmployeeNumber:supervisor_unknown"]],
      [3, ["supervisorEmployeeNumber:supervisor_self"]],
      [4, ["parentDepartment:parent_cycle"]],
      [5, ["parentDepartment:parent_conflict"]],
    ]);
    const rows = await rowsOf(importId);
    expect(rows.find((row) => row.rowNumber === 2)?.errors).toEqual([
      { field: "supervisorEmployeeNumber", code: "supervisor_unknown", params: { value: "NOBODY-1" } },
    ]);
    const summary = (
      await db.withTenant(tenantId, (tx) => tx.directoryImport.findFirstOrThrow({ where: { id: importId } }))
    ).summary as ImportSummary;
    expect(summary.counts).toMatchObject({ new: 1, invalid: 4 });
    expect(await applyImport(db, { tenantId, importId })).toEqual({ status: "refused", reason: "invalid" });
  });

  it("keeps supervisors and parents when a file has neither column, clears a supervisor for a blank cell", async () => {
    const plain = await validated(
      cp949Csv([person("H2025-0002", "스마트시티팀", "", null).slice(0, 9)]),
      "명부.csv",
    );
    await applyImport(db, { tenantId, importId: plain });
    expect((await staff("H2025-0002")).supervisor?.employeeNumber).toBe("H2025-0001");
    expect((await department("스마트시티팀")).parent?.code).toBe("스마트도시과");

    const blank = await validated(
      cp949Csv([person("H2025-0002", "스마트시티팀", "", null)], HEADERS),
      "명부2.csv",
    );
    expect((await rowsOf(blank))[0]?.data).toMatchObject({ fields: ["supervisorEmployeeNumber"] });
    await applyImport(db, { tenantId, importId: blank });
    expect((await staff("H2025-0002")).supervisorStaffId).toBeNull();
    expect((await department("스마트시티팀")).parent?.code).toBe("스마트도시과");
  });

  it("clears the link to a supervisor a full import deactivates", async () => {
    const again = await validated(
      cp949Csv([person("H2025-0002", "스마트시티팀", "", "H2025-0001")], HEADERS),
      "명부3.csv",
    );
    await applyImport(db, { tenantId, importId: again });
    expect((await staff("H2025-0002")).supervisor?.employeeNumber).toBe("H2025-0001");
    const everyone = await db.withTenant(tenantId, (tx) =>
      tx.staffMember.findMany({ where: { tenantId, active: true }, include: { department: true } }),
    );
    const rows = everyone
      .filter((member) => member.employeeNumber !== "H2025-0001")
      .map((member) => [
        member.employeeNumber,
        member.name,
        member.department.code,
        member.grade === null ? "연구사" : `${member.grade}급`,
        member.positionTitle,
        member.hireDate,
        member.email,
        member.phone,
        member.birthYear,
      ]);
    const importId = randomUUID();
    await store.put(uploadKey(tenantId, importId), cp949Csv(rows));
    await db.withTenant(tenantId, (tx) =>
      tx.directoryImport.create({
        data: {
          id: importId,
          tenantId,
          fileName: "전체.csv",
          format: "csv",
          full: true,
          deactivateMissing: true,
        },
      }),
    );
    await validateImport(db, store, { tenantId, importId }, { now });
    expect(await problemsOf(importId)).toEqual([]);
    expect(await applyImport(db, { tenantId, importId })).toMatchObject({ applied: { deactivated: 1 } });
    expect((await staff("H2025-0001")).active).toBe(false);
    expect((await staff("H2025-0002")).supervisorStaffId).toBeNull();
    const reports = await db.withTenant(tenantId, (tx) =>
      tx.staffMember.count({ where: { tenantId, supervisor: { employeeNumber: "H2025-0001" } } }),
    );
    expect(reports).toBe(0);
  });
});
