import type { TenantDb } from "@mentoring/db";
import { notify } from "./notify";
import { teamRecipients } from "./notify-recipients";
import { tenantFacts } from "./survey-mail";

/**
 * Tells the members of every team certified in the batch (and not revoked) that their certificate is
 * issued, in the app and by mail, once per certificate: a batch generated again tells no one again.
 */
export async function announceCertificates(
  tx: TenantDb,
  input: { tenantId: string; batchId: string; cohortTitle: string; appUrl: string },
): Promise<number> {
  const { tenantId, batchId, cohortTitle } = input;
  const certificates = await tx.certificate.findMany({
    where: { tenantId, batchId, revokedAt: null, signature: { not: null }, teamId: { not: null } },
    select: { id: true, cohortId: true, teamId: true },
  });
  const first = certificates[0];
  if (!first) return 0;
  const certificateOf = new Map(certificates.map((certificate) => [certificate.teamId, certificate.id]));
  const tenant = await tenantFacts(tx, tenantId);
  const { notified } = await notify(tx, {
    tenantId,
    tenant,
    kind: "certificate_issued",
    subject: (member) => `certificate:${certificateOf.get(member.teamId)}`,
    path: "/certificates",
    appUrl: input.appUrl,
    recipients: await teamRecipients(tx, tenantId, {
      cohortId: first.cohortId,
      teamIds: certificates.map((certificate) => certificate.teamId as string),
    }),
    params: (member) => ({ cohortTitle, teamNumber: member.teamNumber }),
    mail: (member, _locale, link) => ({
      kind: "certificate_issued",
      name: member.name,
      cohortTitle,
      teamNumber: member.teamNumber,
      link,
    }),
  });
  return notified;
}
