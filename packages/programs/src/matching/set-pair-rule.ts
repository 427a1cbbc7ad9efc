import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { type MatchingProblemInput, parseMatchingProblem } from "@mentoring/matching";
import { loadCohort } from "../records/cohort-record";
import { findRun, json, lockRun, problemOf, requireMatching } from "../records/matching-run";

/**
 * Pins or forbids a mentor–mentee pair (or lifts it) in the run's rules, for the next re-run based on this
 * run; the run's own teams are re-checked against them (a forbidden pair in a team, or a pin split across
 * two, is a violation until fixed by an edit or a re-run). Pinning a pair lifts its forbid and the other
 * way round. Audited.
 */
export async function setPairRule(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    runId: string;
    rule: "pin" | "forbid";
    mentorApplicationId: string;
    menteeApplicationId: string;
    on: boolean;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, runId, rule, mentorApplicationId, menteeApplicationId, on } = input;
  const record = await loadCohort(tx, tenantId, cohortId);
  await findRun(tx, tenantId, cohortId, runId);
  await lockRun(tx, tenantId, runId);
  const run = await findRun(tx, tenantId, cohortId, runId);
  requireMatching(record);
  const problem = problemOf(run);
  const roleOf = new Map(problem.participants.map((person) => [person.id, person.role]));
  if (roleOf.get(mentorApplicationId) !== "mentor" || roleOf.get(menteeApplicationId) !== "mentee")
    throw new AppError("matching.person_not_in_run");
  const constraints = problem.constraints ?? {};
  const excluded = new Set(constraints.excluded ?? []);
  if (on && rule === "pin" && (excluded.has(mentorApplicationId) || excluded.has(menteeApplicationId)))
    throw new AppError("matching.pin_excluded");

  const same = (pair: { mentorId: string; menteeId: string }) =>
    pair.mentorId === mentorApplicationId && pair.menteeId === menteeApplicationId;
  const pair = { mentorId: mentorApplicationId, menteeId: menteeApplicationId };
  const pinned = (constraints.pinned ?? []).filter((existing) => !same(existing));
  const forbidden = (constraints.forbidden ?? []).filter((existing) => !same(existing));
  if (on) (rule === "pin" ? pinned : forbidden).push(pair);
  const before = {
    pinned: (constraints.pinned ?? []).some(same),
    forbidden: (constraints.forbidden ?? []).some(same),
  };
  const next: MatchingProblemInput = { ...problem, constraints: { ...constraints, pinned, forbidden } };
  const parsed = parseMatchingProblem(next);
  if (!parsed.ok) throw new AppError("matching.invalid_problem", { detail: parsed.errors[0] ?? "" });

  await tx.matchingRun.update({ where: { id: run.id }, data: { problem: json(next) } });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "matching_run.pair_rule",
    entityType: "matching_run",
    entityId: run.id,
    before: { ...pair, ...before },
    after: { ...pair, pinned: pinned.some(same), forbidden: forbidden.some(same) },
    requestId: input.requestId,
  });
}
