import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { type MatchingProblemInput, parseMatchingProblem } from "@mentoring/matching";
import { loadCohort } from "../records/cohort-record";
import {
  exclusionReasonsOf,
  findRun,
  json,
  lockRun,
  problemOf,
  requireMatching,
} from "../records/matching-run";

/**
 * Excludes a person of the run from the next run based on it (or lifts that), with an optional reason, in
 * the run's rules as pins and forbids are kept: the ids in the problem's `constraints.excluded`, which the
 * engine reads, and the reasons beside them. Excluding someone lifts their pins (the engine refuses a pin
 * of someone left out). The run's own teams are re-checked against it: an excluded person still in a team
 * is a violation until they are swapped out or the run is re-run. Audited.
 */
export async function setExclusion(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    runId: string;
    applicationId: string;
    on: boolean;
    reason?: string;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, runId, applicationId, on } = input;
  const record = await loadCohort(tx, tenantId, cohortId);
  await findRun(tx, tenantId, cohortId, runId);
  await lockRun(tx, tenantId, runId);
  const run = await findRun(tx, tenantId, cohortId, runId);
  requireMatching(record);
  const problem = problemOf(run);
  if (!problem.participants.some((person) => person.id === applicationId))
    throw new AppError("matching.person_not_in_run");

  const constraints = problem.constraints ?? {};
  const wasExcluded = (constraints.excluded ?? []).includes(applicationId);
  const excluded = (constraints.excluded ?? []).filter((id) => id !== applicationId);
  if (on) excluded.push(applicationId);
  const involves = (pair: { mentorId: string; menteeId: string }) =>
    pair.mentorId === applicationId || pair.menteeId === applicationId;
  const liftedPins = on ? (constraints.pinned ?? []).filter(involves) : [];
  const pinned = (constraints.pinned ?? []).filter((pair) => !on || !involves(pair));
  const next: MatchingProblemInput = { ...problem, constraints: { ...constraints, pinned, excluded } };
  const parsed = parseMatchingProblem(next);
  if (!parsed.ok) throw new AppError("matching.invalid_problem", { detail: parsed.errors[0] ?? "" });

  const reasons = exclusionReasonsOf(run);
  const beforeReason = reasons[applicationId] ?? null;
  const reason = input.reason?.trim() || null;
  const { [applicationId]: _lifted, ...others } = reasons;
  const nextReasons = on && reason !== null ? { ...others, [applicationId]: reason } : others;

  await tx.matchingRun.update({
    where: { id: run.id },
    data: { problem: json(next), exclusionReasons: json(nextReasons) },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "matching_run.exclusion",
    entityType: "matching_run",
    entityId: run.id,
    before: { applicationId, excluded: wasExcluded, reason: beforeReason },
    after: { applicationId, excluded: on, reason: on ? reason : null, liftedPins },
    requestId: input.requestId,
  });
}
