import {
  certificateContentSchema,
  newSerial,
  openSigningKey,
  signCertificate,
} from "@mentoring/certificates";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, calendarDateIn } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import { auditedGrants, lockedDecision, requireAwardPermission } from "../records/award-decision";
import { announceAwards } from "../records/award-mail";
import { requireCohort } from "../records/certificate-cohort";
import { json } from "../records/certificate-content";
import { teamsOfCohort } from "../records/certificate-teams";
import { loadCohort } from "../records/cohort-record";
import { currentSigningKey } from "../records/signing-key";

/**
 * An executive approves the cohort's proposed awards. In the same transaction each winning team's award
 * certificate (표창장) is made and signed as the pairing certificates are: a serial of the tenant, the
 * canonical content (tenant, program, cohort, the team's members, today on the tenant's calendar, the
 * tenant's first certificate signer) with the award (its certificate title, name and prize), signed with
 * the tenant's Ed25519 key; they form a batch of kind "award", signed by the approver, whose PDFs the
 * worker renders ("certificates.generate"). The members of each winning team are told (award_granted).
 * Only a proposed decision is approved (award.not_proposed; award.already_approved once approved), only by
 * a member holding certificates.sign (award.not_allowed). Audited.
 */
export async function approveAwards(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    actorUserId: string;
    /** DATA_ENCRYPTION_KEY, which seals the tenant's signing key. */
    encryptionKey: string;
    /** The web address mails link to (APP_URL). */
    appUrl: string;
    now: Date;
    requestId?: string;
  },
): Promise<{ decisionId: string; batchId: string; serials: string[] }> {
  const { tenantId, cohortId, actorUserId, now, requestId } = input;
  await requireCohort(tx, tenantId, cohortId);
  await requireAwardPermission(tx, input, "certificates.sign");
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const decision = await lockedDecision(tx, tenantId, cohortId);
  if (!decision) throw new AppError("award.not_found");
  if (decision.status === "approved") throw new AppError("award.already_approved");
  if (decision.status !== "proposed") throw new AppError("award.not_proposed");

  const signer = await tx.certificateSigner.findFirst({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { name: true, title: true },
  });
  if (!signer) throw new AppError("award.no_signer");
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, name: true, timeZone: true },
  });
  const date = calendarDateIn(now, tenant.timeZone);
  const teams = new Map((await teamsOfCohort(tx, tenantId, cohortId)).map((team) => [team.id, team]));
  const key = await currentSigningKey(tx, tenantId, input.encryptionKey);
  const privateKey = openSigningKey(key, tenantId, input.encryptionKey);

  const certificates = decision.grants.map((grant) => {
    const team = teams.get(grant.teamId);
    const parsed = certificateContentSchema.safeParse({
      serial: newSerial(),
      tenant: { id: tenant.id, name: tenant.name },
      program: record.definition.name,
      cohort: record.cohort.title,
      mentors: team?.mentors.map((person) => person.name) ?? [],
      mentees: team?.mentees.map((person) => person.name) ?? [],
      date,
      signer: { name: signer.name, title: signer.title },
      award: { title: grant.certificateTitle, name: grant.name, prize: grant.prize },
      issuedAt: now,
    });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join(".") ?? "";
      throw new AppError("certificate.content_invalid", { team: grant.team.number, field });
    }
    return { grant, content: parsed.data, signature: signCertificate(parsed.data, privateKey) };
  });

  const batch = await tx.certificateBatch.create({
    data: {
      tenantId,
      cohortId,
      kind: "award",
      status: "generating",
      signerName: signer.name,
      signerTitle: signer.title,
      signedByUserId: actorUserId,
      signedAt: now,
      createdByUserId: decision.proposedByUserId,
    },
    select: { id: true },
  });
  await tx.certificateSerial.createMany({
    data: certificates.map(({ content }) => ({ serial: content.serial, tenantId })),
  });
  await tx.certificate.createMany({
    data: certificates.map(({ grant, content, signature }) => ({
      tenantId,
      cohortId,
      batchId: batch.id,
      teamId: grant.teamId,
      serial: content.serial,
      content: json(content),
      signature,
      keyId: key.keyId,
      issuedAt: now,
    })),
  });
  await tx.awardDecision.update({
    where: { id: decision.id },
    data: {
      status: "approved",
      decidedByUserId: actorUserId,
      decidedAt: now,
      comment: null,
      certificateBatchId: batch.id,
    },
  });
  await enqueue(tx, "certificates.generate", { tenantId, batchId: batch.id });
  await announceAwards(tx, {
    tenantId,
    cohortId,
    cohortTitle: record.cohort.title,
    grants: decision.grants,
    appUrl: input.appUrl,
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "award_decision.approve",
    entityType: "award_decision",
    entityId: decision.id,
    before: { status: "proposed" },
    after: {
      cohortId,
      status: "approved",
      grants: auditedGrants(decision.grants),
      certificateBatchId: batch.id,
      keyId: key.keyId,
    },
    requestId,
  });
  return {
    decisionId: decision.id,
    batchId: batch.id,
    serials: certificates.map(({ content }) => content.serial),
  };
}
