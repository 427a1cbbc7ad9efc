import { recordAudit, type TenantDb } from "@mentoring/db";
import { coordinatorRound } from "../records/survey-round-record";

/**
 * The coordinator closes a round: no more answers are taken. Audited. Closing a closed round changes
 * nothing and says so (`closed: false`).
 */
export async function closeRound(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    roundId: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
  },
): Promise<{ closed: boolean }> {
  const { tenantId } = input;
  const round = await coordinatorRound(tx, tenantId, input.cohortId, input.roundId);
  const { count } = await tx.surveyRound.updateMany({
    where: { tenantId, id: round.id, closedAt: null },
    data: { closedAt: input.now },
  });
  if (count === 0) return { closed: false };
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "survey_round.close",
    entityType: "survey_round",
    entityId: round.id,
    before: { closedAt: null },
    after: { closedAt: input.now.toISOString(), by: "coordinator" },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { closed: true };
}
