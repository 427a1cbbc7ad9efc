import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";

/** An id's shape, checked before it reaches a uuid column: anything else is simply not found. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cohort a certificate request is about: its id and title, or not found (404). */
export async function requireCohort(tx: TenantDb, tenantId: string, cohortId: string) {
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  const cohort = await tx.cohort.findFirst({
    where: { tenantId, id: cohortId },
    select: { id: true, title: true },
  });
  if (!cohort) throw new AppError("cohort.not_found");
  return cohort;
}
