import { recordAudit, type TenantDb } from "@mentoring/db";

/** Removes a certificate signer, audited; one already gone (or never the tenant's) changes nothing. */
export async function removeCertificateSigner(
  tx: TenantDb,
  input: { tenantId: string; actorUserId: string; signerId: string; requestId: string },
): Promise<void> {
  const { tenantId, actorUserId, signerId, requestId } = input;
  const signer = await tx.certificateSigner.findFirst({ where: { id: signerId, tenantId } });
  if (!signer) return;
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
