import { recordAudit, type TenantDb } from "@mentoring/db";
import { type CalendarDate, reminderDue, roundPastLastDay } from "@mentoring/domain";
import { dateColumn, dayOf, loadCohort } from "../records/cohort-record";
import { mailParticipants, tenantFacts } from "../records/survey-mail";
import { participantsOf } from "../records/survey-participants";
import { coordinatorRound, roundNotFound, setOf } from "../records/survey-round-record";

export type ReminderOutcome =
  | { status: "sent"; reminded: number }
  | { status: "not_due" }
  | { status: "closed" };

/**
 * Reminds the participants of one round who have not submitted. `schedule` (the daily run) reminds only
 * when due: three days after the invitation or the last reminder. `coordinator` ("remind now") reminds
 * unless a reminder already went out today, and is audited. A round past its last day is reminded by
 * neither (the mail would name a day gone by): it answers as a closed one. Either way the round's
 * reminder day is claimed with a conditional update first, so two runs on the same day mail people once.
 */
export async function remindRound(
  tx: TenantDb,
  input: {
    tenantId: string;
    roundId: string;
    today: CalendarDate;
    appUrl: string;
    trigger: "schedule" | "coordinator";
    /** The coordinator's action: the round must belong to this cohort. */
    cohortId?: string;
    actorUserId?: string;
    requestId?: string;
  },
): Promise<ReminderOutcome> {
  const { tenantId, today } = input;
  const round = input.cohortId
    ? await coordinatorRound(tx, tenantId, input.cohortId, input.roundId)
    : await tx.surveyRound.findFirst({ where: { tenantId, id: input.roundId, openedAt: { not: null } } });
  if (!round) throw roundNotFound();
  if (round.closedAt || roundPastLastDay({ closesOn: dayOf(round.closesOn) }, today))
    return { status: "closed" };
  const last = round.lastRemindedOn ? dayOf(round.lastRemindedOn) : null;
  const due =
    input.trigger === "schedule"
      ? reminderDue(
          {
            opensOn: dayOf(round.opensOn),
            closesOn: dayOf(round.closesOn),
            closed: false,
            lastRemindedOn: last,
          },
          today,
        )
      : last !== today;
  if (!due) return { status: "not_due" };
  const claimed = await tx.surveyRound.updateMany({
    where: { tenantId, id: round.id, lastRemindedOn: round.lastRemindedOn },
    data: { lastRemindedOn: dateColumn(today) },
  });
  if (claimed.count === 0) return { status: "not_due" };

  const { cohort, definition } = await loadCohort(tx, tenantId, round.cohortId);
  const set = setOf(definition.questionSets, round.questionSetKey);
  if (!set) return { status: "sent", reminded: 0 };
  const waiting = (await participantsOf(tx, tenantId, round.cohortId, set.roles, round.id)).filter(
    (p) => !p.response?.submittedAt,
  );
  const reminded = await mailParticipants(tx, {
    kind: "survey_reminder",
    tenantId,
    tenant: await tenantFacts(tx, tenantId),
    cohortTitle: cohort.title,
    set,
    roundId: round.id,
    closesOn: dayOf(round.closesOn),
    appUrl: input.appUrl,
    recipients: waiting,
  });
  if (input.trigger === "coordinator") {
    await recordAudit(tx, {
      tenantId,
      actorUserId: input.actorUserId ?? null,
      action: "survey_round.remind",
      entityType: "survey_round",
      entityId: round.id,
      after: { remindedOn: today, reminded },
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
  }
  return { status: "sent", reminded };
}
