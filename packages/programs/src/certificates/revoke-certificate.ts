import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { fieldError } from "../records/field-error";

export const REVOCATION_REASON_MAX = 500;

/** Revokes one certificate with a reason (coordinator). Audited. */
export async function revokeCertificate(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    certificateId: string;
    reason: string;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, certificateId, actorUserId, requestId } = input;
  const reason = (input.reason ?? "").trim();
  if (reason.length === 0) throw fieldError("certificate.reason_required", "reason");
  if (reason.length > REVOCATION_REASON_MAX)
    throw fieldError("certificate.reason_too_long", "reason", { max: REVOCATION_REASON_MAX });
  if (!UUID.test(certificateId) || !UUID.test(cohortId)) throw new AppError("certificate.not_found");
  const certificate = await tx.certificate.findFirst({
    where: { tenantId, cohortId, id: certificateId },
    select: { id: true, serial: true, signature: true, revokedAt: true },
  });
  if (!certificate) throw new AppError("certificate.not_found");
  if (certificate.signature === null) throw new AppError("certificate.not_signed");
  if (certificate.revokedAt !== null) throw new AppError("certificate.already_revoked");
  const revokedAt = new Date();
  await tx.certificate.update({
    where: { id: certificate.id },
    data: { revokedAt, revokedReason: reason, revokedByUserId: actorUserId },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "certificate.revoke",
    entityType: "certificate",
    entityId: certificate.id,
    before: { revokedAt: null },
    after: { cohortId, serial: certificate.serial, revokedAt: revokedAt.toISOString(), reason },
    requestId,
  });
}
