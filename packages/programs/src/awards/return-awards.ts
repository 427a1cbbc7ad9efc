import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { auditedGrants, lockedDecision, requireAwardPermission } from "../records/award-decision";
import { requireCohort } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";

export const AWARD_COMMENT_MAX = 2000;

/** The comment as kept: NFC, trimmed, line ends as "\n"; refused when empty, too long or holding control characters. */
function returnComment(comment: string): string {
  const text = comment.normalize("NFC").replace(/\r\n?/g, "\n").trim();
  if (text === "") throw new AppError("award.comment_required");
  if (text.length > AWARD_COMMENT_MAX)
    throw new AppError("award.comment_too_long", { max: AWARD_COMMENT_MAX });
  if (/[^\P{Cc}\n\t]/u.test(text)) throw new AppError("award.comment_control_characters");
  return text;
}

/**
 * An executive returns the cohort's proposed awards to the coordinator with a comment (why), after which
 * the coordinator proposes again (proposeAwards). Only a proposed decision is returned
 * (award.not_proposed), only by a member holding certificates.sign (award.not_allowed); the comment is
 * required. Nothing is issued. Audited with the grants as they were.
 */
export async function returnAwards(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    actorUserId: string;
    comment: string;
    now: Date;
    requestId?: string;
  },
): Promise<{ decisionId: string }> {
  const { tenantId, cohortId, actorUserId, now, requestId } = input;
  await requireCohort(tx, tenantId, cohortId);
  await requireAwardPermission(tx, input, "certificates.sign");
  const comment = returnComment(typeof input.comment === "string" ? input.comment : "");
  await loadCohort(tx, tenantId, cohortId, { lock: true });
  const decision = await lockedDecision(tx, tenantId, cohortId);
  if (!decision) throw new AppError("award.not_found");
  if (decision.status === "approved") throw new AppError("award.already_approved");
  if (decision.status !== "proposed") throw new AppError("award.not_proposed");
  await tx.awardDecision.update({
    where: { id: decision.id },
    data: { status: "returned", decidedByUserId: actorUserId, decidedAt: now, comment },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "award_decision.return",
    entityType: "award_decision",
    entityId: decision.id,
    before: { status: "proposed", grants: auditedGrants(decision.grants) },
    after: { cohortId, status: "returned", comment },
    requestId,
  });
  return { decisionId: decision.id };
}
