import type { TenantDb } from "@mentoring/db";
import { UUID } from "../records/certificate-cohort";
import { namesAt, safeFileName } from "../records/certificate-content";

function fileNameOf(content: unknown, serial: string): string {
  const mentors = namesAt(content, "mentors").join(",");
  const mentees = namesAt(content, "mentees").join(",");
  return safeFileName(`${mentors}_${mentees}_${serial}.pdf`);
}

/**
 * The stored file of a certificate, for download: the coordinator may fetch any of the tenant's; a
 * participant (staffMemberId given) only their own team's, and not a revoked one. Null when not theirs or
 * not generated.
 */
export async function getCertificateDownload(
  tx: TenantDb,
  input: { tenantId: string; certificateId: string; staffMemberId: string | null },
): Promise<{ storageKey: string; fileName: string } | null> {
  const { tenantId, certificateId, staffMemberId } = input;
  if (!UUID.test(certificateId)) return null;
  const certificate = await tx.certificate.findFirst({
    where: {
      tenantId,
      id: certificateId,
      signature: { not: null },
      fileKey: { not: null },
      ...(staffMemberId !== null && {
        revokedAt: null,
        team: { members: { some: { tenantId, application: { tenantId, staffMemberId } } } },
      }),
    },
    select: { serial: true, content: true, fileKey: true },
  });
  if (!certificate?.fileKey) return null;
  return { storageKey: certificate.fileKey, fileName: fileNameOf(certificate.content, certificate.serial) };
}
