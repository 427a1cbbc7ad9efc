import type { TenantDb } from "@mentoring/db";
import { batchSelect, batchViews, type CertificateBatchView } from "../records/certificate-batch-view";

/** For the executive: batches waiting for a signature, then signed ones, newest first. */
export async function listBatchesForSigning(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<CertificateBatchView[]> {
  const { tenantId } = input;
  const batches = await tx.certificateBatch.findMany({
    where: { tenantId, certificates: { some: { tenantId } } },
    orderBy: { createdAt: "desc" },
    select: batchSelect,
  });
  const waiting = batches.filter((batch) => batch.status === "draft");
  const signed = batches
    .filter((batch) => batch.status !== "draft")
    .sort((a, b) => (b.signedAt?.getTime() ?? 0) - (a.signedAt?.getTime() ?? 0));
  return batchViews(tx, tenantId, [...waiting, ...signed]);
}
