import type { MatchingRun, Prisma, TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import type { MatchingPhase, MatchingProblemInput, MatchingResult } from "@mentoring/matching";
import type { CohortRecord } from "./cohort-record";
import type { StoredTeam } from "./matching-review";

/** A hard rule a team breaks (after a manual edit): `matching.violation.<code>` with params. */
export interface RuleViolation {
  code: string;
  params: Record<string, string | number>;
}

export interface RunSummary {
  id: string;
  number: number;
  status: "queued" | "running" | "succeeded" | "failed";
  progress: number;
  phase: MatchingPhase | null;
  objective: number | null;
  bound: number | null;
  /** Proven gap as a fraction (0.001 = 0.1 %), null until solved. */
  gap: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  publishedAt: Date | null;
}

/** A matching run of the cohort, or 404. */
export async function findRun(tx: TenantDb, tenantId: string, cohortId: string, runId: string) {
  const run = await tx.matchingRun.findFirst({ where: { tenantId, cohortId, id: runId } });
  if (!run) throw new AppError("matching.run_not_found");
  return run;
}

/** Holds the run's row lock for the rest of the transaction: two edits of one run apply one after the other. */
export async function lockRun(tx: TenantDb, tenantId: string, runId: string) {
  await tx.$queryRaw`select 1 from matching_runs where tenant_id = ${tenantId}::uuid and id = ${runId}::uuid for update`;
}

export const problemOf = (run: { problem: Prisma.JsonValue }) =>
  run.problem as unknown as MatchingProblemInput;
export const resultOf = (run: { result: Prisma.JsonValue }) => run.result as unknown as MatchingResult | null;
export const teamsOf = (run: { teams: Prisma.JsonValue }) => run.teams as unknown as StoredTeam[] | null;
export const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Why people were excluded from the next run, by application id (a reason is optional: absent ids have none). */
export function exclusionReasonsOf(run: { exclusionReasons: Prisma.JsonValue }): Record<string, string> {
  const stored = run.exclusionReasons;
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).flatMap(([id, reason]) => (typeof reason === "string" ? [[id, reason]] : [])),
  );
}

/** The columns a run's summary reads: listing runs leaves their problem, result and teams unread. */
export const summaryColumns = {
  id: true,
  number: true,
  status: true,
  progress: true,
  phase: true,
  objective: true,
  bound: true,
  gap: true,
  createdAt: true,
  finishedAt: true,
  publishedAt: true,
} as const satisfies Prisma.MatchingRunSelect;

export function summaryOf(run: Pick<MatchingRun, keyof typeof summaryColumns>): RunSummary {
  return {
    id: run.id,
    number: run.number,
    status: run.status,
    progress: run.progress,
    // A text column, written only with the engine's phases (run-matching.ts).
    phase: run.phase as MatchingPhase | null,
    objective: run.objective,
    bound: run.bound,
    gap: run.gap,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    publishedAt: run.publishedAt,
  };
}

/** Refuses (409) unless the cohort is in matching. */
export function requireMatching(record: CohortRecord) {
  if (record.cohort.status !== "matching") throw new AppError("matching.cohort_not_matching");
}

/** Refuses (409) unless the run has succeeded with teams to review. */
export function requireTeams(run: MatchingRun): StoredTeam[] {
  const teams = teamsOf(run);
  if (run.status !== "succeeded" || teams === null) throw new AppError("matching.run_not_ready");
  return teams;
}

/** Every application id a run mentions: its participants. */
export const participantIds = (problem: MatchingProblemInput) =>
  problem.participants.map((person) => person.id);

/** Runs of a cohort already found, newest first: their summaries only, not their problems and results. */
export async function runSummaries(
  tx: TenantDb,
  { tenantId, cohortId }: { tenantId: string; cohortId: string },
): Promise<RunSummary[]> {
  const runs = await tx.matchingRun.findMany({
    where: { tenantId, cohortId },
    orderBy: { number: "desc" },
    select: summaryColumns,
  });
  return runs.map(summaryOf);
}
