import { type Database, type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import { type ApplyRefusal, applyRefusal } from "./apply-refusal";
import { DepartmentIndex, departmentToCreate } from "./departments";
import { planRow } from "./plan";
import { type AppliedCounts, type ImportRowData, type ImportSummary, importSummaryOf } from "./summary";

export type { ApplyRefusal } from "./apply-refusal";

import {
  countMissing,
  currentStaffByNumber,
  ImportNotFoundError,
  type ImportRef,
  type ProgressOptions,
} from "./validate-import";
import type { DirectoryEntry } from "./validate-row";

export type ApplyOutcome =
  | { status: "applied"; applied: AppliedCounts }
  | { status: "already_applied" }
  | { status: "refused"; reason: ApplyRefusal };

/** Whether the import is in a state applying starts from (ready, or a failed or interrupted apply). */
const appliable = (status: string) => status === "ready" || status === "applying" || status === "failed";

/**
 * Applies a validated import to the directory in one transaction: creates the missing departments when
 * the import says so, creates and updates staff by employee number (planned again against the directory
 * as it is now, so an import applied after another still does the right thing), deactivates active staff
 * absent from a full import only when `deactivateMissing` was confirmed, and writes one audit row with the
 * counts. Any failure rolls all of it back.
 *
 * Refuses an import that is not valid (nothing is written). Idempotent: an applied import is left alone.
 * One import per tenant applies at a time (an advisory lock), so a repeated job waits and then finds the
 * import applied. Progress is written to the import from outside the transaction, so the page sees it.
 */
export async function applyImport(
  db: Database,
  { tenantId, importId }: ImportRef,
  {
    onProgress,
    signal,
    batchSize = 1_000,
    timeoutMs = 15 * 60_000,
  }: ProgressOptions & { timeoutMs?: number } = {},
): Promise<ApplyOutcome> {
  const before = await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.findFirst({ where: { tenantId, id: importId } }),
  );
  if (!before) throw new ImportNotFoundError(importId);
  if (before.status === "applied") return { status: "already_applied" };
  const refusal = applyRefusal(before);
  if (refusal) return { status: "refused", reason: refusal };
  if (!appliable(before.status)) return { status: "refused", reason: "not_validated" };

  const report = async (percent: number) => {
    await db.withTenant(tenantId, (tx) =>
      tx.directoryImport.updateMany({
        where: { tenantId, id: importId, status: { not: "applied" } },
        data: { progress: percent },
      }),
    );
    await onProgress?.(percent);
  };
  await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.updateMany({
      where: { tenantId, id: importId, status: { in: ["ready", "applying", "failed"] } },
      data: { status: "applying", progress: 0, error: null, failureCode: null },
    }),
  );
  await onProgress?.(0);

  return db.withTenant(
    tenantId,
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`directory-import:${tenantId}`}))`;
      const current = await tx.directoryImport.findFirst({ where: { tenantId, id: importId } });
      if (!current) throw new ImportNotFoundError(importId);
      if (current.status === "applied") return { status: "already_applied" } as const;

      const departmentsCreated = current.createMissingDepartments
        ? await createMissingDepartments(tx, { tenantId, importId })
        : 0;
      const index = new DepartmentIndex(
        await tx.department.findMany({ where: { tenantId }, select: { id: true, code: true, name: true } }),
      );
      const total = await tx.directoryImportRow.count({
        where: { tenantId, importId, action: { not: "invalid" } },
      });

      const applied: AppliedCounts = {
        created: 0,
        updated: 0,
        unchanged: 0,
        deactivated: 0,
        departmentsCreated,
      };
      let done = 0;
      let after = 0;
      for (;;) {
        if (signal?.aborted) throw signal.reason ?? new Error("aborted");
        const rows = await tx.$queryRaw<{ rowNumber: number; data: ImportRowData }[]>`
          select row_number as "rowNumber", data from directory_import_rows
          where tenant_id = ${tenantId}::uuid and import_id = ${importId}::uuid
            and action <> 'invalid' and row_number > ${after}
          order by row_number limit ${batchSize}`;
        if (rows.length === 0) break;
        after = rows[rows.length - 1]?.rowNumber as number;
        const entries = rows.map((row) => {
          const { entry } = row.data;
          if (!entry) throw new Error(`row ${row.rowNumber} of import ${importId} has no entry`);
          const match = index.match(entry.department);
          if (match.kind !== "found")
            throw new Error(`row ${row.rowNumber}: department "${entry.department}" does not exist`);
          return { entry, departmentId: match.id };
        });
        const staff = await currentStaffByNumber(
          tx,
          tenantId,
          entries.map(({ entry }) => entry.employeeNumber),
        );
        const created: { entry: DirectoryEntry; departmentId: string }[] = [];
        const updated: { id: string; entry: DirectoryEntry; departmentId: string }[] = [];
        for (const { entry, departmentId } of entries) {
          const plan = planRow(entry, departmentId, staff.get(entry.employeeNumber));
          if (plan.action === "new") created.push({ entry, departmentId });
          else if (plan.action === "changed") updated.push({ id: plan.staffId, entry, departmentId });
          else applied.unchanged += 1;
        }
        if (created.length > 0) applied.created += await insertStaff(tx, tenantId, created);
        if (updated.length > 0) applied.updated += await updateStaff(tx, tenantId, updated);
        done += rows.length;
        await report(Math.min(95, Math.floor((done / Math.max(total, 1)) * 95)));
      }

      if (current.full && current.deactivateMissing) {
        applied.deactivated = await countMissing(tx, { tenantId, importId });
        await tx.$executeRaw`
          update staff_members s set active = false, updated_at = now()
          where s.tenant_id = ${tenantId}::uuid and s.active
            and not exists (
              select 1 from directory_import_rows r
              where r.tenant_id = ${tenantId}::uuid and r.import_id = ${importId}::uuid
                and r.data->>'employeeNumber' = s.employee_number)`;
      }

      await recordAudit(tx, {
        tenantId,
        actorUserId: current.uploadedByUserId,
        action: "directory_import.apply",
        entityType: "directory_import",
        entityId: importId,
        after: {
          fileName: current.fileName,
          full: current.full,
          createMissingDepartments: current.createMissingDepartments,
          deactivateMissing: current.deactivateMissing,
          ...applied,
        },
      });
      const summary: ImportSummary = { ...importSummaryOf(current.summary), applied };
      await tx.directoryImport.update({
        where: { id: importId },
        data: {
          status: "applied",
          appliedAt: new Date(),
          progress: 100,
          error: null,
          summary: summary as unknown as Prisma.InputJsonValue,
        },
      });
      await onProgress?.(100);
      return { status: "applied", applied } as const;
    },
    { timeout: timeoutMs },
  );
}

/** Creates a department for every department text of the import's valid rows that none matches yet. */
async function createMissingDepartments(tx: TenantDb, { tenantId, importId }: ImportRef): Promise<number> {
  const texts = await tx.$queryRaw<{ department: string }[]>`
    select distinct data->'entry'->>'department' as department from directory_import_rows
    where tenant_id = ${tenantId}::uuid and import_id = ${importId}::uuid and action <> 'invalid'
      and data->'departmentId' = 'null'::jsonb`;
  const index = new DepartmentIndex(
    await tx.department.findMany({ where: { tenantId }, select: { id: true, code: true, name: true } }),
  );
  const missing = new Map<string, { code: string; name: string }>();
  for (const { department } of texts) {
    if (index.match(department).kind !== "unknown") continue;
    const created = departmentToCreate(department);
    missing.set(created.code, created);
  }
  if (missing.size === 0) return 0;
  const { count } = await tx.department.createMany({
    data: [...missing.values()].map((department) => ({ tenantId, ...department })),
    skipDuplicates: true,
  });
  return count;
}

/** Creates staff members in one statement (the batch as one JSON parameter). */
async function insertStaff(
  tx: TenantDb,
  tenantId: string,
  rows: { entry: DirectoryEntry; departmentId: string }[],
): Promise<number> {
  const values = rows.map(({ entry, departmentId }) => ({
    employee_number: entry.employeeNumber,
    name: entry.name,
    department_id: departmentId,
    grade: entry.grade,
    position_title: entry.positionTitle,
    hire_date: entry.hireDate,
    birth_year: entry.birthYear ?? null,
    email: entry.email ?? null,
    phone: entry.phone ?? null,
  }));
  return tx.$executeRaw`
    insert into staff_members
      (tenant_id, employee_number, name, department_id, grade, position_title, hire_date, birth_year, email, phone)
    select ${tenantId}::uuid, v.employee_number, v.name, v.department_id, v.grade, v.position_title,
      v.hire_date, v.birth_year, v.email, v.phone
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
      employee_number text, name text, department_id uuid, grade smallint, position_title text,
      hire_date date, birth_year smallint, email text, phone text)`;
}

/** Updates changed staff members in one statement; optional fields absent from the file are kept. */
async function updateStaff(
  tx: TenantDb,
  tenantId: string,
  rows: { id: string; entry: DirectoryEntry; departmentId: string }[],
): Promise<number> {
  const values = rows.map(({ id, entry, departmentId }) => ({
    id,
    name: entry.name,
    department_id: departmentId,
    grade: entry.grade,
    position_title: entry.positionTitle,
    hire_date: entry.hireDate,
    set_email: entry.email !== undefined,
    email: entry.email ?? null,
    set_phone: entry.phone !== undefined,
    phone: entry.phone ?? null,
    set_birth_year: entry.birthYear !== undefined,
    birth_year: entry.birthYear ?? null,
  }));
  return tx.$executeRaw`
    update staff_members s set
      name = v.name, department_id = v.department_id, grade = v.grade, position_title = v.position_title,
      hire_date = v.hire_date,
      email = case when v.set_email then v.email else s.email end,
      phone = case when v.set_phone then v.phone else s.phone end,
      birth_year = case when v.set_birth_year then v.birth_year else s.birth_year end,
      active = true, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
      id uuid, name text, department_id uuid, grade smallint, position_title text, hire_date date,
      set_email boolean, email text, set_phone boolean, phone text, set_birth_year boolean, birth_year smallint)
    where s.id = v.id and s.tenant_id = ${tenantId}::uuid`;
}

/** Records an unexpected failure on the import, so the page shows it; the directory was not touched. */
export async function markImportFailed(db: Database, { tenantId, importId }: ImportRef, error: unknown) {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
  await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.updateMany({
      where: { tenantId, id: importId, status: { not: "applied" } },
      data: { status: "failed", error: message },
    }),
  );
}
