import { recordAudit, type TenantDb } from "@mentoring/db";
import {
  AppError,
  type CalendarDate,
  type CohortStatus,
  type TransitionProblem,
  transitionAllowed,
  transitionProblems,
} from "@mentoring/domain";
import { dateColumn, loadCohort } from "../records/cohort-record";
import { transitionFacts } from "../records/transition-facts";
import { openSurveyRounds } from "../surveys/open-survey-rounds";

export interface TransitionInput {
  tenantId: string;
  cohortId: string;
  to: CohortStatus;
  /** The coordinator overrules the overridable problems; needs a reason. */
  override: boolean;
  reason: string | null;
  /** Null for the scheduler. */
  actorUserId: string | null;
  requestId?: string;
  today: CalendarDate;
  /** For links in the survey invitations sent on entering orientation or evaluation. */
  appUrl: string;
}

/**
 * Moves a cohort to its next status when the lifecycle rules allow it (or allow it with an override, whose
 * reason and overruled problems are audited). Holds the cohort's row lock, and moves it only from the status
 * it was read in, so two clicks cannot move it twice. Entering orientation opens the pre-surveys, entering
 * evaluation the post-surveys, in the same transaction. Refusals are AppErrors (cohort.*); a refused move
 * (cohort.transition_refused) carries every problem that refused it in `details.problems`, for the page to
 * list.
 */
export async function transitionCohort(
  tx: TenantDb,
  input: TransitionInput,
): Promise<{ from: CohortStatus; to: CohortStatus; overridden: TransitionProblem[] }> {
  const { tenantId, cohortId, to, actorUserId, requestId, today, appUrl } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const from = record.cohort.status;
  if (from === to) throw new AppError("cohort.already_in_status");
  const { questionSets, kind } = record.definition;
  const facts = await transitionFacts(tx, tenantId, cohortId, today, questionSets, kind);
  const problems = transitionProblems(from, to, record.schedule, facts);
  const override = input.override && problems.length > 0;
  const reason = input.reason?.trim() ?? "";
  if (!transitionAllowed(problems, override)) {
    throw new AppError("cohort.transition_refused", {}, { problems });
  }
  if (override && reason === "") throw new AppError("cohort.override_reason_required");

  const moved = await tx.cohort.updateMany({
    where: { tenantId, id: cohortId, status: from },
    data: { status: to, statusChangedAt: new Date(), scheduleCheckedOn: dateColumn(today) },
  });
  if (moved.count !== 1) throw new AppError("cohort.status_changed");

  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "cohort.status.update",
    entityType: "cohort",
    entityId: cohortId,
    before: { status: from },
    after: {
      status: to,
      by: actorUserId === null ? "scheduler" : "coordinator",
      ...(override && {
        override: { reason, problems: problems.map(({ code, params }) => ({ code, params })) },
      }),
    },
    requestId,
  });

  if (to === "orientation") await openSurveyRounds(tx, { tenantId, cohortId, phase: "pre", today, appUrl });
  if (to === "evaluation") await openSurveyRounds(tx, { tenantId, cohortId, phase: "post", today, appUrl });
  return { from, to, overridden: override ? problems : [] };
}
