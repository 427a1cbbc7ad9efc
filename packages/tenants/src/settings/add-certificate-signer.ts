import { recordAudit, type TenantDb } from "@mentoring/db";
import { z } from "zod";

/** Someone whose name and title are printed on certificates; messages are i18n keys (empty is absent). */
export const certificateSignerForm = z.object({
  name: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(50),
  title: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(50),
});

export type CertificateSignerInput = z.output<typeof certificateSignerForm>;

/** Adds a certificate signer after the existing ones, audited. */
export async function addCertificateSigner(
  tx: TenantDb,
  input: { tenantId: string; actorUserId: string; form: CertificateSignerInput; requestId: string },
): Promise<void> {
  const { tenantId, actorUserId, form, requestId } = input;
  const position = await tx.certificateSigner.count({ where: { tenantId } });
  const signer = await tx.certificateSigner.create({ data: { tenantId, ...form, position } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "certificate_signer.create",
    entityType: "certificate_signer",
    entityId: signer.id,
    after: form,
    requestId,
  });
}
