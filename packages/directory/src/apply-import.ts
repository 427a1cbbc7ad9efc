import { type Database, type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import { type ApplyRefusal, applyRefusal } from "./apply-refusal";
import { DepartmentIndex, departmentToCreate } from "./departments";
import { type AppliedCounts, type ImportSummary, importSummaryOf } from "./summary";

export type { ApplyRefusal } from "./apply-refusal";

import { countMissing, ImportNotFoundError, type ImportRef, type ProgressOptions } from "./validate-import";

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
      const departmentsPlaced = await placeDepartments(tx, { tenantId, importId });
      const { departmentIds, total } = await departmentIdsOfRows(tx, { tenantId, importId });

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
        const batch = await applyBatch(tx, { tenantId, importId, after, batchSize, departmentIds });
        if (batch.rows === 0 || batch.last === null) break;
        applied.updated += batch.updated;
        applied.created += batch.created;
        applied.unchanged += batch.rows - batch.updated - batch.created;
        after = batch.last;
        done += batch.rows;
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
      const supervisorsChanged = await setSupervisors(tx, { tenantId, importId });
      // Counted only when the file's parent and supervisor columns did something.
      if (departmentsPlaced > 0) applied.departmentsPlaced = departmentsPlaced;
      if (supervisorsChanged > 0) applied.supervisorsChanged = supervisorsChanged;
      // No one reports to someone no longer in the directory (the key restricts deletion, so the link is
      // cleared here, where staff are deactivated).
      await tx.$executeRaw`
        update staff_members s set supervisor_staff_id = null, updated_at = now()
        from staff_members sup
        where s.tenant_id = ${tenantId}::uuid and sup.tenant_id = ${tenantId}::uuid
          and sup.id = s.supervisor_staff_id and not sup.active`;

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

/**
 * Creates a department for every department or parent department text of the import's valid rows that
 * none matches yet.
 */
async function createMissingDepartments(tx: TenantDb, { tenantId, importId }: ImportRef): Promise<number> {
  const texts = await tx.$queryRaw<{ department: string }[]>`
    select distinct data->'entry'->>'department' as department from directory_import_rows
    where tenant_id = ${tenantId}::uuid and import_id = ${importId}::uuid and action <> 'invalid'
      and data->'departmentId' = 'null'::jsonb
    union
    select distinct data->'entry'->>'parentDepartment' from directory_import_rows
    where tenant_id = ${tenantId}::uuid and import_id = ${importId}::uuid and action <> 'invalid'
      and data->'entry'->>'parentDepartment' is not null`;
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

/**
 * Places each department that valid rows give a parent (상위부서) under it, in row order; returns how many
 * departments moved. Throws, naming the row, when a text matches no department or a placement would make
 * a circle: validation refused those, so the directory changed since (applying never guesses).
 */
async function placeDepartments(tx: TenantDb, { tenantId, importId }: ImportRef): Promise<number> {
  const pairs = await tx.$queryRaw<{ department: string; parent: string; rowNumber: number }[]>`
    select data->'entry'->>'department' as department, data->'entry'->>'parentDepartment' as parent,
      min(row_number) as "rowNumber"
    from directory_import_rows
    where tenant_id = ${tenantId}::uuid and import_id = ${importId}::uuid and action <> 'invalid'
      and data->'entry'->>'parentDepartment' is not null
    group by 1, 2 order by 3`;
  if (pairs.length === 0) return 0;
  const departments = await tx.department.findMany({
    where: { tenantId },
    select: { id: true, code: true, name: true, parentId: true },
  });
  const index = new DepartmentIndex(departments);
  const parentOf = new Map(departments.map(({ id, parentId }) => [id, parentId]));
  const moved = new Map<string, string>();
  for (const { department, parent, rowNumber } of pairs) {
    const child = index.match(department);
    const above = index.match(parent);
    if (child.kind !== "found" || above.kind !== "found")
      throw new Error(`row ${rowNumber}: department "${department}" or "${parent}" does not exist`);
    if (parentOf.get(child.id) === above.id) continue;
    const seen = new Set<string>();
    for (let at: string | null | undefined = above.id; at && !seen.has(at); at = parentOf.get(at)) {
      if (at === child.id)
        throw new Error(`row ${rowNumber}: placing "${department}" under "${parent}" makes a circle`);
      seen.add(at);
    }
    parentOf.set(child.id, above.id);
    moved.set(child.id, above.id);
  }
  if (moved.size === 0) return 0;
  const rows = [...moved].map(([id, parentId]) => ({ id, parent_id: parentId }));
  return tx.$executeRaw`
    update departments d set parent_id = v.parent_id, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, parent_id uuid)
    where d.tenant_id = ${tenantId}::uuid and d.id = v.id`;
}

/**
 * Sets or clears (a blank cell) the direct supervisor of every valid row's person whose file has the
 * column; returns how many links changed. Throws when a supervisor is no active staff member: validation
 * found them, so the directory changed since.
 */
async function setSupervisors(tx: TenantDb, { tenantId, importId }: ImportRef): Promise<number> {
  const [missing] = await tx.$queryRaw<{ rowNumber: number }[]>`
    select r.row_number as "rowNumber" from directory_import_rows r
    where r.tenant_id = ${tenantId}::uuid and r.import_id = ${importId}::uuid and r.action <> 'invalid'
      and r.data->'entry'->>'supervisorEmployeeNumber' is not null
      and not exists (
        select 1 from staff_members sup where sup.tenant_id = ${tenantId}::uuid and sup.active
          and sup.employee_number = r.data->'entry'->>'supervisorEmployeeNumber')
    order by 1 limit 1`;
  if (missing) throw new Error(`row ${missing.rowNumber}: the supervisor is not in the directory`);
  return tx.$executeRaw`
    update staff_members s set supervisor_staff_id = sup.id, updated_at = now()
    from directory_import_rows r
      left join staff_members sup on sup.tenant_id = ${tenantId}::uuid
        and sup.employee_number = r.data->'entry'->>'supervisorEmployeeNumber'
    where r.tenant_id = ${tenantId}::uuid and r.import_id = ${importId}::uuid and r.action <> 'invalid'
      and r.data->'entry' ? 'supervisorEmployeeNumber'
      and s.tenant_id = ${tenantId}::uuid and s.employee_number = r.data->'entry'->>'employeeNumber'
      and s.supervisor_staff_id is distinct from sup.id`;
}

/**
 * Every valid row's department text → its department id, as a JSON object, matched as validation does
 * (code, then exact name), and how many valid rows there are: one pass over the rows. Throws, naming the
 * first row, when a text matches none (applying never guesses) or a valid row has no entry.
 */
async function departmentIdsOfRows(
  tx: TenantDb,
  { tenantId, importId }: ImportRef,
): Promise<{ departmentIds: string; total: number }> {
  const texts = await tx.$queryRaw<{ department: string | null; rowNumber: number; rows: number }[]>`
    select data->'entry'->>'department' as department, min(row_number) as "rowNumber", count(*)::int as rows
    from directory_import_rows
    where tenant_id = ${tenantId}::uuid and import_id = ${importId}::uuid and action <> 'invalid'
    group by 1 order by 2`;
  const index = new DepartmentIndex(
    await tx.department.findMany({ where: { tenantId }, select: { id: true, code: true, name: true } }),
  );
  const ids = texts.map(({ department, rowNumber }) => {
    if (department === null) throw new Error(`row ${rowNumber} of import ${importId} has no entry`);
    const match = index.match(department);
    if (match.kind !== "found")
      throw new Error(`row ${rowNumber}: department "${department}" does not exist`);
    return [department, match.id] as const;
  });
  return {
    // fromEntries defines each key as its own property, so even a text "__proto__" is kept.
    departmentIds: JSON.stringify(Object.fromEntries(ids)),
    total: texts.reduce((sum, { rows }) => sum + rows, 0),
  };
}

/**
 * Applies the next `batchSize` valid rows after row `after` in one statement, in the database (the rows
 * are never read back into this process): staff members whose employee number is new are created, those
 * a row changes are updated (as planRow decides: a field differs, or they were deactivated), keeping an
 * optional field the file had no column for (absent from the entry; a blank cell is null and clears it).
 */
async function applyBatch(
  tx: TenantDb,
  batch: ImportRef & { after: number; batchSize: number; departmentIds: string },
): Promise<{ rows: number; last: number | null; updated: number; created: number }> {
  const { tenantId, importId, after, batchSize, departmentIds } = batch;
  const [result] = await tx.$queryRaw<
    { rows: number; last: number | null; updated: number; created: number }[]
  >`
    with batch as (
      select row_number, data->'entry' as e from directory_import_rows
      where tenant_id = ${tenantId}::uuid and import_id = ${importId}::uuid
        and action <> 'invalid' and row_number > ${after}
      order by row_number limit ${batchSize}
    ), v as (
      select e->>'employeeNumber' as employee_number, e->>'name' as name,
        (${departmentIds}::jsonb->>(e->>'department'))::uuid as department_id, (e->>'grade')::smallint as grade,
        e->>'positionTitle' as position_title, (e->>'hireDate')::date as hire_date,
        e ? 'email' as has_email, e->>'email' as email, e ? 'phone' as has_phone, e->>'phone' as phone,
        e ? 'birthYear' as has_birth_year, (e->>'birthYear')::smallint as birth_year
      from batch
    ), updated as (
      update staff_members s set
        name = v.name, department_id = v.department_id, grade = v.grade, position_title = v.position_title,
        hire_date = v.hire_date,
        email = case when v.has_email then v.email else s.email end,
        phone = case when v.has_phone then v.phone else s.phone end,
        birth_year = case when v.has_birth_year then v.birth_year else s.birth_year end,
        active = true, updated_at = now()
      from v
      where s.tenant_id = ${tenantId}::uuid and s.employee_number = v.employee_number
        and (s.name is distinct from v.name or s.department_id is distinct from v.department_id
          or s.grade is distinct from v.grade or s.position_title is distinct from v.position_title
          or s.hire_date is distinct from v.hire_date
          or (v.has_email and s.email is distinct from v.email)
          or (v.has_phone and s.phone is distinct from v.phone)
          or (v.has_birth_year and s.birth_year is distinct from v.birth_year)
          or not s.active)
      returning 1
    ), created as (
      insert into staff_members (tenant_id, employee_number, name, department_id, grade, position_title,
        hire_date, birth_year, email, phone)
      select ${tenantId}::uuid, v.employee_number, v.name, v.department_id, v.grade, v.position_title,
        v.hire_date, v.birth_year, v.email, v.phone
      from v
      where not exists (
        select 1 from staff_members s where s.tenant_id = ${tenantId}::uuid and s.employee_number = v.employee_number)
      returning 1
    )
    select (select count(*) from batch)::int as rows, (select max(row_number) from batch) as last,
      (select count(*) from updated)::int as updated, (select count(*) from created)::int as created`;
  return result ?? { rows: 0, last: null, updated: 0, created: 0 };
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
