import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import { loadCohort } from "../records/cohort-record";
import { buildMatchingProblem, type CarriedRules } from "../records/matching-problem";
import { exclusionReasonsOf, findRun, json, problemOf, requireMatching } from "../records/matching-run";

/** A run still queued or running that started this recently blocks another: a double click runs once. */
const RUN_IN_PROGRESS_MS = 10 * 60_000;

/**
 * Snapshots the cohort's matching problem (accepted applicants, directory attributes, survey answers and
 * diagnostics, the template's criteria and constraints; pins, forbids and exclusions carried over from
 * `basedOnRunId`, with the reasons given for the exclusions), stores a queued run and enqueues "matching.run" through the outbox. Refused unless
 * the cohort is in matching, and while another run of it is under way. Audited.
 */
export async function startMatchingRun(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    actorUserId: string;
    requestId?: string;
    basedOnRunId?: string;
  },
): Promise<{ runId: string }> {
  const { tenantId, cohortId, actorUserId, requestId, basedOnRunId } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  requireMatching(record);
  const busy = await tx.matchingRun.count({
    where: {
      tenantId,
      cohortId,
      status: { in: ["queued", "running"] },
      createdAt: { gt: new Date(Date.now() - RUN_IN_PROGRESS_MS) },
    },
  });
  if (busy > 0) throw new AppError("matching.run_in_progress");

  let carried: CarriedRules | undefined;
  let baseReasons: Record<string, string> = {};
  if (basedOnRunId !== undefined) {
    const base = await findRun(tx, tenantId, cohortId, basedOnRunId);
    baseReasons = exclusionReasonsOf(base);
    const constraints = problemOf(base).constraints ?? {};
    carried = {
      pinned: constraints.pinned ?? [],
      forbidden: constraints.forbidden ?? [],
      excluded: constraints.excluded ?? [],
    };
  }
  const problem = await buildMatchingProblem(tx, tenantId, record, carried);
  // The reasons go with the exclusions still carried (someone no longer taking part is dropped from both).
  const stillExcluded = new Set(problem.constraints?.excluded ?? []);
  const exclusionReasons = Object.fromEntries(
    Object.entries(baseReasons).filter(([applicationId]) => stillExcluded.has(applicationId)),
  );
  const last = await tx.matchingRun.aggregate({ where: { tenantId, cohortId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const run = await tx.matchingRun.create({
    data: {
      tenantId,
      cohortId,
      number,
      status: "queued",
      problem: json(problem),
      exclusionReasons: json(exclusionReasons),
      createdByUserId: actorUserId,
    },
    select: { id: true },
  });
  await enqueue(tx, "matching.run", { tenantId, runId: run.id });
  const constraints = problem.constraints ?? {};
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "matching_run.start",
    entityType: "matching_run",
    entityId: run.id,
    after: {
      cohortId,
      number,
      ...(basedOnRunId !== undefined && { basedOnRunId }),
      mentors: problem.participants.filter((person) => person.role === "mentor").length,
      mentees: problem.participants.filter((person) => person.role === "mentee").length,
      pinned: constraints.pinned?.length ?? 0,
      forbidden: constraints.forbidden?.length ?? 0,
      excluded: constraints.excluded?.length ?? 0,
    },
    requestId,
  });
  return { runId: run.id };
}
