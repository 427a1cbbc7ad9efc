import { certificateContentSchema, openSigningKey, signCertificate } from "@mentoring/certificates";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import { requireCohort, UUID } from "../records/certificate-cohort";
import { json } from "../records/certificate-content";
import { loadCohort } from "../records/cohort-record";
import { currentSigningKey } from "../records/signing-key";

/**
 * The executive signs the draft batch: every certificate's canonical content is signed with the tenant's
 * Ed25519 key (made on first use, sealed with `encryptionKey`), and "certificates.generate" is enqueued.
 * Audited.
 */
export async function signCertificateBatch(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    batchId: string;
    actorUserId: string;
    requestId?: string;
    encryptionKey: string;
    now: Date;
  },
): Promise<void> {
  const { tenantId, cohortId, batchId, actorUserId, requestId, now } = input;
  if (!UUID.test(batchId)) throw new AppError("certificate.batch_not_found");
  await requireCohort(tx, tenantId, cohortId);
  // The cohort first, as preparing does, so a refresh and a signature of one batch take turns.
  await loadCohort(tx, tenantId, cohortId, { lock: true });
  await tx.$queryRaw`select 1 from certificate_batches where tenant_id = ${tenantId}::uuid and id = ${batchId}::uuid for update`;
  const batch = await tx.certificateBatch.findFirst({
    where: { tenantId, id: batchId, cohortId },
    select: { id: true, status: true, certificates: { select: { id: true, content: true } } },
  });
  if (!batch) throw new AppError("certificate.batch_not_found");
  if (batch.status !== "draft") throw new AppError("certificate.already_signed");
  if (batch.certificates.length === 0) throw new AppError("certificate.no_teams");
  const key = await currentSigningKey(tx, tenantId, input.encryptionKey);
  const privateKey = openSigningKey(key, tenantId, input.encryptionKey);
  for (const certificate of batch.certificates) {
    const draft = certificate.content as Record<string, unknown>;
    const content = certificateContentSchema.parse({ ...draft, issuedAt: now });
    await tx.certificate.update({
      where: { id: certificate.id },
      data: {
        content: json(content),
        signature: signCertificate(content, privateKey),
        keyId: key.keyId,
        issuedAt: now,
      },
    });
  }
  await tx.certificateBatch.update({
    where: { id: batch.id },
    data: { status: "generating", signedByUserId: actorUserId, signedAt: now, progress: 0, error: null },
  });
  await enqueue(tx, "certificates.generate", { tenantId, batchId });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "certificate_batch.sign",
    entityType: "certificate_batch",
    entityId: batch.id,
    before: { status: "draft" },
    after: { cohortId, status: "generating", certificates: batch.certificates.length, keyId: key.keyId },
    requestId,
  });
}
