import type { TenantDb } from "@mentoring/db";
import { batchSelect, batchViews, type CertificateBatchView } from "../records/certificate-batch-view";
import { requireCohort } from "../records/certificate-cohort";

/** The cohort's batches, newest first. */
export async function listCertificateBatches(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<CertificateBatchView[]> {
  const { tenantId, cohortId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const batches = await tx.certificateBatch.findMany({
    where: { tenantId, cohortId },
    orderBy: { createdAt: "desc" },
    select: batchSelect,
  });
  return batchViews(tx, tenantId, batches);
}
