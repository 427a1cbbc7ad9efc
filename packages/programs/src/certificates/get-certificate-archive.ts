import type { TenantDb } from "@mentoring/db";
import { UUID } from "../records/certificate-cohort";
import { safeFileName } from "../records/certificate-content";

/** The storage key and file name of a ready batch's ZIP (coordinator, executive). */
export async function getCertificateArchive(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; batchId: string },
): Promise<{ storageKey: string; fileName: string } | null> {
  const { tenantId, cohortId, batchId } = input;
  if (!UUID.test(batchId) || !UUID.test(cohortId)) return null;
  const batch = await tx.certificateBatch.findFirst({
    where: { tenantId, cohortId, id: batchId, status: "ready", archiveKey: { not: null } },
    select: { archiveKey: true, cohort: { select: { title: true } } },
  });
  if (!batch?.archiveKey) return null;
  return { storageKey: batch.archiveKey, fileName: safeFileName(`${batch.cohort.title} 결연증서.zip`) };
}
