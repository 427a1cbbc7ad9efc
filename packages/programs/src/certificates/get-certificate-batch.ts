import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { batchSelect, batchViews, type CertificateBatchView } from "../records/certificate-batch-view";
import { UUID } from "../records/certificate-cohort";

/** One batch; certificate.batch_not_found (404) when not the tenant's (or not the cohort's, when cohortId is given). */
export async function getCertificateBatch(
  tx: TenantDb,
  input: { tenantId: string; batchId: string; cohortId?: string },
): Promise<CertificateBatchView> {
  const { tenantId, batchId, cohortId } = input;
  if (!UUID.test(batchId) || (cohortId !== undefined && !UUID.test(cohortId)))
    throw new AppError("certificate.batch_not_found");
  const batch = await tx.certificateBatch.findFirst({
    where: { tenantId, id: batchId, ...(cohortId !== undefined && { cohortId }) },
    select: batchSelect,
  });
  if (!batch) throw new AppError("certificate.batch_not_found");
  const [view] = await batchViews(tx, tenantId, [batch]);
  return view as CertificateBatchView;
}
