import type { ProgramKind } from "@mentoring/domain";

/** Enough for every cohort a process serves in a day; past it the memory starts again. */
const LIMIT = 10_000;
const known = new Map<string, ProgramKind>();

/**
 * The kind of program a cohort runs, read by `read` the first time and remembered by the process: a
 * cohort's kind never changes (its template version is fixed when it is made, and versions in use are not
 * edited), and every cohort page's frame asks for it, a transaction each time. Remembered per tenant: the
 * answer is given only to the tenant whose row-level security let `read` see the cohort. A read that fails
 * (no such cohort) is not remembered.
 */
export async function cohortKindOf(
  tenantId: string,
  cohortId: string,
  read: () => Promise<ProgramKind>,
): Promise<ProgramKind> {
  const key = `${tenantId}/${cohortId}`;
  const remembered = known.get(key);
  if (remembered) return remembered;
  const kind = await read();
  if (known.size >= LIMIT) known.clear();
  known.set(key, kind);
  return kind;
}
