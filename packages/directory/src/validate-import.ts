import type { Database, Prisma, TenantDb, TenantSql } from "@mentoring/db";
import { calendarDateIn, directoryImportLimitsFor } from "@mentoring/domain";
import type { FileStorage } from "@mentoring/storage";
import { applyRefusal, isValidated } from "./apply-refusal";
import type { FileError } from "./columns";
import { DepartmentPlacements } from "./department-placement";
import { DepartmentIndex } from "./departments";
import { type CurrentStaff, planRow } from "./plan";
import { FileProblem, readDirectoryFile, type SourceRecord } from "./read-file";
import {
  type ImportCounts,
  type ImportRowData,
  type ImportSummary,
  importSummaryOf,
  UNKNOWN_DEPARTMENTS_KEPT,
} from "./summary";
import { uploadKey } from "./upload-key";
import { type RowProblem, validateRecord } from "./validate-row";

export class ImportNotFoundError extends Error {
  constructor(readonly importId: string) {
    super(`directory import ${importId} does not exist`);
    this.name = "ImportNotFoundError";
  }
}

export class UploadMissingError extends Error {
  constructor(readonly importId: string) {
    super(`the uploaded file of directory import ${importId} is no longer stored`);
    this.name = "UploadMissingError";
  }
}

export interface ImportRef {
  tenantId: string;
  importId: string;
}

export interface ProgressOptions {
  /** 0-100; awaited, so a slow reporter slows the work rather than piling up. */
  onProgress?: (percent: number) => Promise<void> | void;
  /** Checked between batches: an aborted run stops there and can be started again from scratch. */
  signal?: AbortSignal;
  batchSize?: number;
}

export type ValidateOutcome =
  | { status: "invalid" | "ready" | "applying"; summary: ImportSummary; totalRows: number }
  | { status: "skipped"; current: string };

/** Current staff with these employee numbers, keyed by employee number. */
export async function currentStaffByNumber(
  sql: TenantSql,
  tenantId: string,
  employeeNumbers: string[],
): Promise<Map<string, CurrentStaff>> {
  if (employeeNumbers.length === 0) return new Map();
  const { rows } = await sql.query<CurrentStaff>(
    `select id::text, employee_number as "employeeNumber", name, department_id::text as "departmentId",
      grade::int, position_title as "positionTitle", to_char(hire_date, 'YYYY-MM-DD') as "hireDate",
      birth_year::int as "birthYear", email, phone, active,
      (select sup.employee_number from staff_members sup
        where sup.tenant_id = s.tenant_id and sup.id = s.supervisor_staff_id) as "supervisorEmployeeNumber"
    from staff_members s
    where tenant_id = $1::uuid and employee_number = any($2::text[])`,
    [tenantId, employeeNumbers],
  );
  return new Map(rows.map((row) => [row.employeeNumber, row]));
}

/**
 * The values as a JSON array in UTF-8, written a value at a time into one buffer. As one string, a
 * batch's JSON (two bytes a character once it holds Korean) could pass the 128 KB beyond which V8 puts a
 * string straight into the old generation, where it stays until a full collection.
 */
function jsonBytes(values: readonly unknown[]): Buffer {
  let bytes = Buffer.allocUnsafe(256 * 1024);
  let length = 0;
  const write = (text: string) => {
    // A UTF-16 code unit takes 3 bytes of UTF-8 at most.
    if (length + text.length * 3 > bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(bytes.length * 2, length + text.length * 3));
      bytes.copy(larger, 0, 0, length);
      bytes = larger;
    }
    length += bytes.write(text, length);
  };
  write("[");
  values.forEach((value, i) => {
    if (i > 0) write(",");
    write(JSON.stringify(value));
  });
  write("]");
  return bytes.subarray(0, length);
}

function throwIfAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw signal.reason ?? new Error("aborted");
}

/**
 * Reads an uploaded directory file, validates every row, and plans each against the current directory:
 * rows are written to directory_import_rows in batches (one short transaction each), the summary to the
 * import, which ends `invalid` (a file error or any invalid row) or `ready`. The file is streamed and
 * the rows are never all held, so memory stays flat however long the file; what grows is one employee
 * number per row, to find duplicates. Staff members are never written.
 *
 * Idempotent: an import already validated is left as it is (`skipped`); a run that stopped half-way
 * (crash, shutdown, failure) starts over, replacing the rows it wrote.
 */
export async function validateImport(
  db: Database,
  storage: FileStorage,
  { tenantId, importId }: ImportRef,
  {
    onProgress,
    signal,
    // Small: a batch's rows live until it is written, and rows that outlive two young-generation
    // collections are promoted to the old one, where they pile up until a full collection.
    batchSize = 250,
    now = new Date(),
    enqueueApply,
  }: ProgressOptions & {
    now?: Date;
    /**
     * For imports uploaded with "apply when valid" (the API's ?apply=true): enqueues the apply job in the
     * transaction that marks the import valid, which then goes straight to `applying`.
     */
    enqueueApply?: (tx: TenantDb) => Promise<unknown>;
  } = {},
): Promise<ValidateOutcome> {
  const tenant = await db.platform.tenant.findUnique({
    where: { id: tenantId },
    select: { timeZone: true, planCode: true },
  });
  const today = calendarDateIn(now, tenant?.timeZone ?? "Asia/Seoul");

  const start = await db.withTenant(tenantId, async (tx) => {
    const found = await tx.directoryImport.findFirst({ where: { tenantId, id: importId } });
    if (!found) throw new ImportNotFoundError(importId);
    const rerun = found.status === "validating" || (found.status === "failed" && !isValidated(found.summary));
    if (!rerun) return { skip: found.status };
    await tx.directoryImportRow.deleteMany({ where: { tenantId, importId } });
    await tx.directoryImport.update({
      where: { id: importId },
      data: {
        status: "validating",
        error: null,
        failureCode: null,
        progress: 0,
        summary: json({ request: importSummaryOf(found.summary).request }),
        totalRows: 0,
      },
    });
    const departments = await tx.department.findMany({
      where: { tenantId },
      select: { id: true, code: true, name: true, parentId: true },
    });
    return { found, departments };
  });
  if ("skip" in start) return { status: "skipped", current: start.skip as string };
  const { found, departments } = start;

  const key = uploadKey(tenantId, importId);
  const [stored, content] = await Promise.all([storage.stat(key), storage.stream(key)]);
  if (!stored || !content) throw new UploadMissingError(importId);
  // The plan's limits as they are now: reading stops at the first row or column beyond them.
  const file = await readDirectoryFile(content, found.fileName, directoryImportLimitsFor(tenant?.planCode));

  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, missing: 0, invalid: 0 };
  const fileErrors: FileError[] = [...file.errors];
  const unknownDepartments = new Set<string>();
  const index = new DepartmentIndex(departments);
  const placements = new DepartmentPlacements(departments);
  /** Rows naming a supervisor not seen in the file yet → that employee number, checked at the end. */
  const supervisorsToFind = new Map<number, string>();
  /** Employee number → the first row that has it. */
  const firstRowOf = new Map<string, number>();
  /** First rows found to be repeated later → the first row that repeats each (all a message names). */
  const repeatedFirstRows = new Map<number, number>();
  let totalRows = 0;

  type Pending = { rowNumber: number; data: ImportRowData; problems: RowProblem[] };
  let batch: Pending[] = [];

  let reported = -1;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const percent = stored.size > 0 ? Math.min(95, Math.floor((file.bytesRead() / stored.size) * 95)) : 95;
    const progressed = percent !== reported;
    reported = percent;
    // On a plain connection: the batch as one JSON parameter, which Prisma's query compiler would copy
    // several times (most of validation's CPU and garbage went there).
    await db.withTenantSql(
      tenantId,
      async (sql) => {
        const numbers = rows.flatMap((row) => (row.data.entry ? [row.data.entry.employeeNumber] : []));
        const current = await currentStaffByNumber(sql, tenantId, numbers);
        const values = rows.map(({ rowNumber, data, problems }) => {
          let action: keyof ImportCounts = "invalid";
          if (data.entry) {
            const plan = planRow(
              data.entry,
              data.departmentId ?? null,
              current.get(data.entry.employeeNumber),
            );
            action = plan.action;
            if (plan.action === "changed") data.fields = plan.fields;
          }
          counts[action] += 1;
          return { row_number: rowNumber, action, data, errors: problems };
        });
        await sql.query(
          `insert into directory_import_rows (tenant_id, import_id, row_number, action, data, errors)
        select $1::uuid, $2::uuid, r.row_number, r.action, r.data, r.errors
        from jsonb_to_recordset(convert_from($3::bytea, 'UTF8')::jsonb)
          as r(row_number int, action text, data jsonb, errors jsonb)`,
          [tenantId, importId, jsonBytes(values)],
        );
        if (progressed)
          await sql.query(
            "update directory_imports set progress = $3, updated_at = now() where tenant_id = $1::uuid and id = $2::uuid",
            [tenantId, importId, percent],
          );
      },
      // A batch lost in a crash is written again (validation starts over), and the final commit makes
      // every earlier one durable: no batch waits for its own flush to disk.
      { synchronousCommit: false },
    );
    if (progressed) await onProgress?.(percent);
  };

  const records = file.records[Symbol.asyncIterator]();
  let writing: Promise<void> | undefined;
  try {
    for (;;) {
      let next: IteratorResult<SourceRecord>;
      try {
        next = await records.next();
      } catch (error) {
        // The file broke off, is malformed part-way (a stray quote, a damaged workbook) or goes beyond the
        // plan's rows or columns: the rows before stay listed, the file is invalid, nothing more is read.
        if (!(error instanceof FileProblem)) throw error;
        fileErrors.push(error.fileError);
        break;
      }
      if (next.done) break;
      const record = next.value;
      totalRows += 1;
      const result = validateRecord(record, { today, columns: file.columns });
      const problems = result.ok ? [] : [...result.problems];
      const data: ImportRowData = { display: result.display };
      const employeeNumber = result.display.employeeNumber;
      if (employeeNumber) {
        data.employeeNumber = employeeNumber;
        const first = firstRowOf.get(employeeNumber);
        if (first === undefined) firstRowOf.set(employeeNumber, record.rowNumber);
        else {
          problems.push({ field: "employeeNumber", code: "duplicate", params: { row: first } });
          if (!repeatedFirstRows.has(first)) repeatedFirstRows.set(first, record.rowNumber);
        }
      }
      if (result.ok) {
        const { entry } = result;
        const match = index.match(entry.department);
        const parent = entry.parentDepartment ? index.match(entry.parentDepartment) : null;
        if (match.kind === "ambiguous")
          problems.push({ field: "department", code: "department_ambiguous", params: { value: match.text } });
        if (parent?.kind === "ambiguous")
          problems.push({
            field: "parentDepartment",
            code: "department_ambiguous",
            params: { value: parent.text },
          });
        if (problems.length === 0 && parent && match.kind !== "ambiguous" && parent.kind !== "ambiguous") {
          const refused = placements.place(match, parent, record.rowNumber);
          if (refused) problems.push(refused);
        }
        if (problems.length === 0 && match.kind !== "ambiguous") {
          data.entry = entry;
          data.departmentId = match.kind === "found" ? match.id : null;
          if (match.kind === "unknown") unknownDepartments.add(match.text);
          if (parent?.kind === "unknown") unknownDepartments.add(parent.text);
          const supervisor = entry.supervisorEmployeeNumber;
          if (supervisor && !firstRowOf.has(supervisor)) supervisorsToFind.set(record.rowNumber, supervisor);
        }
      }
      batch.push({ rowNumber: record.rowNumber, data, problems });
      if (batch.length >= batchSize) {
        throwIfAborted(signal);
        // The next rows are read and checked while this batch is written (the database works on the other
        // core); one batch is written at a time, in order.
        await writing;
        writing = flush();
        writing.catch(() => {}); // awaited before the next batch or at the end
      }
    }
    await writing;
    await flush();
  } catch (error) {
    // Nothing may still be writing once this run has ended: a run started again deletes the rows first.
    await writing?.catch(() => {});
    throw error;
  }
  throwIfAborted(signal);

  const outcome = await db.withTenant(
    tenantId,
    async (tx) => {
      // The first of two rows with one employee number was written before the second was read: marked
      // invalid now, all in one statement (a row at a time took a round trip per duplicate).
      if (repeatedFirstRows.size > 0) {
        const repeated = [...repeatedFirstRows].map(([row, repeatedIn]) => ({
          row,
          repeated_in: repeatedIn,
        }));
        const before = await tx.$queryRaw<{ action: keyof ImportCounts }[]>`
          update directory_import_rows r set
            action = 'invalid',
            errors = r.errors || jsonb_build_array(jsonb_build_object(
              'field', 'employeeNumber', 'code', 'duplicate', 'params', jsonb_build_object('row', x.repeated_in))),
            data = r.data - 'entry' - 'departmentId' - 'fields'
          from jsonb_to_recordset(${JSON.stringify(repeated)}::jsonb) as x("row" int, repeated_in int),
            directory_import_rows old
          where r.tenant_id = ${tenantId}::uuid and r.import_id = ${importId}::uuid and r.row_number = x."row"
            and old.id = r.id
          returning old.action`;
        for (const { action } of before) {
          counts[action] -= 1;
          counts.invalid += 1;
        }
      }
      for (const { action } of await markUnknownSupervisors(
        tx,
        { tenantId, importId },
        supervisorsToFind,
        firstRowOf,
      )) {
        counts[action] -= 1;
        counts.invalid += 1;
      }
      if (found.full) counts.missing = await countMissing(tx, { tenantId, importId });
      const summary: ImportSummary = {
        counts,
        fileErrors,
        unknownDepartments: [...unknownDepartments].slice(0, UNKNOWN_DEPARTMENTS_KEPT),
        unknownDepartmentCount: unknownDepartments.size,
        request: importSummaryOf(found.summary).request,
      };
      let status: "invalid" | "ready" | "applying" =
        fileErrors.length > 0 || counts.invalid > 0 ? "invalid" : "ready";
      if (
        status === "ready" &&
        summary.request?.applyWhenValid &&
        enqueueApply &&
        !applyRefusal({ status, summary, createMissingDepartments: found.createMissingDepartments })
      ) {
        await enqueueApply(tx);
        status = "applying";
      }
      await tx.directoryImport.update({
        where: { id: importId },
        data: {
          status,
          summary: json(summary),
          totalRows,
          progress: 100,
          format: file.format ?? found.format,
          encoding: file.encoding,
        },
      });
      await onProgress?.(100);
      return { status, summary, totalRows };
    },
    { timeout: 120_000 },
  );
  // Every row is in the database now; the file (personal data) is not kept longer than needed.
  await storage.delete(key);
  return outcome;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * Marks invalid the rows whose supervisor's employee number is neither on a row of the file (one read
 * after them counts too) nor an active staff member's; returns the actions they had.
 */
async function markUnknownSupervisors(
  tx: TenantDb,
  { tenantId, importId }: ImportRef,
  supervisorsToFind: ReadonlyMap<number, string>,
  inFile: ReadonlyMap<string, number>,
): Promise<{ action: keyof ImportCounts }[]> {
  const notInFile = [...supervisorsToFind].filter(([, number]) => !inFile.has(number));
  if (notInFile.length === 0) return [];
  const numbers = [...new Set(notInFile.map(([, number]) => number))];
  const active = new Set(
    (
      await tx.staffMember.findMany({
        where: { tenantId, active: true, employeeNumber: { in: numbers } },
        select: { employeeNumber: true },
      })
    ).map((staff) => staff.employeeNumber),
  );
  const unknown = notInFile
    .filter(([, number]) => !active.has(number))
    .map(([row, number]) => ({ row, number }));
  if (unknown.length === 0) return [];
  return tx.$queryRaw<{ action: keyof ImportCounts }[]>`
    update directory_import_rows r set
      action = 'invalid',
      errors = r.errors || jsonb_build_array(jsonb_build_object(
        'field', 'supervisorEmployeeNumber', 'code', 'supervisor_unknown',
        'params', jsonb_build_object('value', x.number))),
      data = r.data - 'entry' - 'departmentId' - 'fields'
    from jsonb_to_recordset(${JSON.stringify(unknown)}::jsonb) as x("row" int, number text),
      directory_import_rows old
    where r.tenant_id = ${tenantId}::uuid and r.import_id = ${importId}::uuid and r.row_number = x."row"
      and old.id = r.id and old.action <> 'invalid'
    returning old.action`;
}

/** Active staff whose employee number is on no row of the import. */
export async function countMissing(tx: TenantDb, { tenantId, importId }: ImportRef): Promise<number> {
  const [result] = await tx.$queryRaw<{ missing: number }[]>`
    select count(*)::int as missing from staff_members s
    where s.tenant_id = ${tenantId}::uuid and s.active
      and not exists (
        select 1 from directory_import_rows r
        where r.tenant_id = ${tenantId}::uuid and r.import_id = ${importId}::uuid
          and r.data->>'employeeNumber' = s.employee_number)`;
  return result?.missing ?? 0;
}
