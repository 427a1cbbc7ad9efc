import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";

/**
 * Removes a certificate signer, audited. One that is not the tenant's (or is already gone) is not found:
 * nothing changes, and the page must not say it was saved.
 */
export async function removeCertificateSigner(
  tx: TenantDb,
  input: { tenantId: string; actorUserId: string; signerId: string; requestId: string },
): Promise<void> {
  const { tenantId, actorUserId, signerId, requestId } = input;
  const signer = await tx.certificateSigner.findFirst({ where: { id: signerId, tenantId } });
  if (!signer) throw new AppError("certificate.signer_not_found");
  await tx.certificateSigner.delete({ where: { id: signer.id } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "certificate_signer.delete",
    entityType: "certificate_signer",
    entityId: signer.id,
    before: { name: signer.name, title: signer.title },
    requestId,
  });
}
