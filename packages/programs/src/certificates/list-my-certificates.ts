import type { TenantDb } from "@mentoring/db";
import { type CertificateRow, certificateRowSelect, rowOf } from "../records/certificate-batch-view";
import { textAt } from "../records/certificate-content";

/** A participant's own certificates (ready and signed), across cohorts, revoked ones included as such. */
export async function listMyCertificates(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<(CertificateRow & { cohortTitle: string; award: { title: string; name: string } | null })[]> {
  const { tenantId, staffMemberId } = input;
  const certificates = await tx.certificate.findMany({
    where: {
      tenantId,
      signature: { not: null },
      fileKey: { not: null },
      batch: { tenantId, status: "ready" },
      team: { members: { some: { tenantId, application: { tenantId, staffMemberId } } } },
    },
    orderBy: { issuedAt: "desc" },
    select: { ...certificateRowSelect, batch: { select: { cohort: { select: { title: true } } } } },
  });
  return certificates.map((certificate) => ({
    ...rowOf(certificate),
    cohortTitle: certificate.batch.cohort.title,
    // An award certificate (표창장) says which award; a pairing certificate has none.
    award: textAt(certificate.content, "award", "name")
      ? {
          title: textAt(certificate.content, "award", "title"),
          name: textAt(certificate.content, "award", "name"),
        }
      : null,
  }));
}
