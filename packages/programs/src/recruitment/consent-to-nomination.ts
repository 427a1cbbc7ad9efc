import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, CONSENT_VERSION } from "@mentoring/domain";
import { liveApplicationOf, type OwnApplicationInput } from "../records/application-record";
import { loadCohort } from "../records/cohort-record";
import { inviteToOpenRounds } from "../records/late-survey-invitations";

/**
 * A nominee agrees to take part: their consent to the current text is recorded. Holding a place, they are
 * invited at once to the survey rounds already open for their role (each once, however often asked).
 */
export async function consentToNomination(
  tx: TenantDb,
  input: OwnApplicationInput & { consentVersion: string | null | undefined },
): Promise<void> {
  if (input.consentVersion !== CONSENT_VERSION) throw new AppError("recruitment.consent_required");
  await loadCohort(tx, input.tenantId, input.cohortId, { lock: true });
  const application = await liveApplicationOf(tx, input);
  if (application.nominatedByUserId === null || application.consentAt)
    throw new AppError("recruitment.already_consented");
  await tx.application.update({
    where: { id: application.id },
    data: { consentVersion: CONSENT_VERSION, consentAt: input.now },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: "application.consent",
    entityType: "application",
    entityId: application.id,
    before: { consentAt: null },
    after: { consentVersion: CONSENT_VERSION, consentAt: input.now.toISOString() },
    requestId: input.requestId,
  });
  await inviteToOpenRounds(tx, {
    tenantId: input.tenantId,
    cohortId: input.cohortId,
    applicationId: application.id,
    now: input.now,
    appUrl: input.appUrl,
  });
}
