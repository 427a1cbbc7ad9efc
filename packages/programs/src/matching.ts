import { type Database, type MatchingRun, Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import {
  type MatchingProblemInput,
  type MatchingResult,
  parseMatchingProblem,
  solveMatching,
} from "@mentoring/matching";
import { type CohortRecord, loadCohort } from "./records/cohort-record";
import { ProgramError } from "./errors";
import { buildMatchingProblem, type CarriedRules } from "./matching-problem";
import { namedParams, peopleOf, reviewTeams, type StoredTeam, storedTeamsOf } from "./matching-review";

/*
 * Matching runs of a cohort: the snapshot of its problem, the worker's solve, the coordinator's review
 * (swaps, moves, pins, forbids), publication as the cohort's teams, and each participant's own team.
 * Applications are the people: every id below that names a person is an application id.
 */

/** A person as the review page shows them. */
export interface RunPerson {
  applicationId: string;
  role: ApplicationRole;
  name: string;
  department: string;
  grade: number | null;
  positionTitle: string;
}

/** One criterion's part of a score: `value` in [0, 1] times `weight` gives `points`. */
export interface ScorePart {
  /** The criterion's id in the problem, e.g. "diagnostic_complement:digital_diagnostic.digital_literacy". */
  criterion: string;
  /** The criterion kind, for a translated label: `matching.criterion.<kind>`. */
  kind: string;
  value: number;
  weight: number;
  points: number;
}

/** A hard rule a team breaks (after a manual edit): `matching.violation.<code>` with params. */
export interface RuleViolation {
  code: string;
  params: Record<string, string | number>;
}

export interface ReviewedTeam {
  number: number;
  members: RunPerson[];
  score: number;
  breakdown: ScorePart[];
  violations: RuleViolation[];
}

export interface RunSummary {
  id: string;
  number: number;
  status: "queued" | "running" | "succeeded" | "failed";
  progress: number;
  phase: string | null;
  objective: number | null;
  bound: number | null;
  /** Proven gap as a fraction (0.001 = 0.1 %), null until solved. */
  gap: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  publishedAt: Date | null;
}

export interface RunView extends RunSummary {
  error: string | null;
  /** Null until the engine has an answer (a first feasible answer may arrive while running). */
  teams: ReviewedTeam[] | null;
  /** The sum of the reviewed teams' scores (changes with edits; `objective` is the engine's). */
  total: number | null;
  unplaced: (RunPerson & { code: string; params: Record<string, string | number> })[];
  /** Engine issues such as "too few mentors for capacity": `matching.issue.<code>` with params. */
  issues: RuleViolation[];
  pinned: { mentor: RunPerson; mentee: RunPerson }[];
  forbidden: { mentor: RunPerson; mentee: RunPerson }[];
  /** Whether edits, re-runs and publication are still possible (cohort in matching, run succeeded). */
  editable: boolean;
}

export type TeamEdit =
  | { kind: "swap"; applicationId: string; withApplicationId: string }
  | { kind: "move"; applicationId: string; toTeam: number };

/** A matching run of the cohort, or 404. */
async function findRun(tx: TenantDb, tenantId: string, cohortId: string, runId: string) {
  const run = await tx.matchingRun.findFirst({ where: { tenantId, cohortId, id: runId } });
  if (!run) throw new ProgramError("matching.error.runNotFound", {}, 404);
  return run;
}

/** Holds the run's row lock for the rest of the transaction: two edits of one run apply one after the other. */
async function lockRun(tx: TenantDb, tenantId: string, runId: string) {
  await tx.$queryRaw`select 1 from matching_runs where tenant_id = ${tenantId}::uuid and id = ${runId}::uuid for update`;
}

const problemOf = (run: { problem: Prisma.JsonValue }) => run.problem as unknown as MatchingProblemInput;
const resultOf = (run: { result: Prisma.JsonValue }) => run.result as unknown as MatchingResult | null;
const teamsOf = (run: { teams: Prisma.JsonValue }) => run.teams as unknown as StoredTeam[] | null;
const json = (value: unknown) => value as Prisma.InputJsonValue;

function summaryOf(run: MatchingRun): RunSummary {
  return {
    id: run.id,
    number: run.number,
    status: run.status,
    progress: run.progress,
    phase: run.phase,
    objective: run.objective,
    bound: run.bound,
    gap: run.gap,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    publishedAt: run.publishedAt,
  };
}

/** Refuses (409) unless the cohort is in matching. */
function requireMatching(record: CohortRecord) {
  if (record.cohort.status !== "matching")
    throw new ProgramError("matching.error.cohortNotMatching", {}, 409);
}

/** Refuses (409) unless the run has succeeded with teams to review. */
function requireTeams(run: MatchingRun): StoredTeam[] {
  const teams = teamsOf(run);
  if (run.status !== "succeeded" || teams === null)
    throw new ProgramError("matching.error.runNotReady", {}, 409);
  return teams;
}

/** Every application id a run mentions: its participants. */
const participantIds = (problem: MatchingProblemInput) => problem.participants.map((person) => person.id);

/** Runs of a cohort, newest first. */
export async function listRuns(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<RunSummary[]> {
  const { tenantId, cohortId } = input;
  await loadCohort(tx, tenantId, cohortId);
  const runs = await tx.matchingRun.findMany({ where: { tenantId, cohortId }, orderBy: { number: "desc" } });
  return runs.map(summaryOf);
}

const rounded = (value: number) => Math.round(value * 10_000) / 10_000;

/** One run with its reviewed teams; 404 ProgramError when not the cohort's. */
export async function getRun(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; runId: string },
): Promise<RunView> {
  const { tenantId, cohortId, runId } = input;
  const record = await loadCohort(tx, tenantId, cohortId);
  const run = await findRun(tx, tenantId, cohortId, runId);
  const problem = problemOf(run);
  const result = resultOf(run);
  const stored = teamsOf(run);
  const people = await peopleOf(tx, tenantId, cohortId, participantIds(problem));
  const personOf = (id: string, role: ApplicationRole): RunPerson => {
    const found = people.get(id);
    return {
      applicationId: id,
      role: found?.role ?? role,
      name: found?.name ?? "",
      department: found?.department ?? "",
      grade: found?.grade ?? null,
      positionTitle: found?.positionTitle ?? "",
    };
  };

  let teams: ReviewedTeam[] | null = null;
  let total: number | null = null;
  if (stored !== null) {
    const review = reviewTeams(problem, stored, people);
    total = review.total;
    teams = review.teams.map((team) => ({
      number: team.number,
      members: [
        ...team.mentorIds.map((id) => personOf(id, "mentor")),
        ...team.menteeIds.map((id) => personOf(id, "mentee")),
      ],
      score: team.score,
      breakdown: review.criteria.map((criterion) => {
        const points = team.breakdown[criterion.id] ?? 0;
        const most = criterion.weight * (criterion.per === "pair" ? Math.max(team.pairCount, 1) : 1);
        return {
          criterion: criterion.id,
          kind: criterion.kind,
          value: most > 0 ? rounded(points / most) : 0,
          weight: criterion.weight,
          points,
        };
      }),
      violations: team.violations,
    }));
  }

  const constraints = problem.constraints ?? {};
  const pairs = (list: { mentorId: string; menteeId: string }[] | undefined) =>
    (list ?? []).map((pair) => ({
      mentor: personOf(pair.mentorId, "mentor"),
      mentee: personOf(pair.menteeId, "mentee"),
    }));
  return {
    ...summaryOf(run),
    error: run.error,
    teams,
    total,
    unplaced: (result?.unplaced ?? []).map((person) => ({
      ...personOf(person.participantId, person.role),
      code: person.reason.code,
      params: namedParams(person.reason.params, people),
    })),
    issues: (result?.issues ?? []).map((issue) => ({
      code: issue.code,
      params: namedParams(issue.params as unknown as Record<string, unknown>, people),
    })),
    pinned: pairs(constraints.pinned),
    forbidden: pairs(constraints.forbidden),
    editable: record.cohort.status === "matching" && run.status === "succeeded",
  };
}

/** A run still queued or running that started this recently blocks another: a double click runs once. */
const RUN_IN_PROGRESS_MS = 10 * 60_000;

/**
 * Snapshots the cohort's matching problem (accepted applicants, directory attributes, survey answers and
 * diagnostics, the template's criteria and constraints; pins, forbids and exclusions carried over from
 * `basedOnRunId`), stores a queued run and enqueues "matching.run" through the outbox. Refused unless
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
  if (busy > 0) throw new ProgramError("matching.error.runInProgress", {}, 409);

  let carried: CarriedRules | undefined;
  if (basedOnRunId !== undefined) {
    const base = await findRun(tx, tenantId, cohortId, basedOnRunId);
    const constraints = problemOf(base).constraints ?? {};
    carried = {
      pinned: constraints.pinned ?? [],
      forbidden: constraints.forbidden ?? [],
      excluded: constraints.excluded ?? [],
    };
  }
  const problem = await buildMatchingProblem(tx, tenantId, record, carried);
  const last = await tx.matchingRun.aggregate({ where: { tenantId, cohortId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const run = await tx.matchingRun.create({
    data: {
      tenantId,
      cohortId,
      number,
      status: "queued",
      problem: json(problem),
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

/** Progress is written to the run at most this often (and on each new phase). */
const PROGRESS_INTERVAL_MS = 250;

/** A run the worker was asked to solve does not exist (deleted, or another tenant's): nothing to retry. */
export class MatchingRunNotFoundError extends Error {
  constructor(readonly runId: string) {
    super(`matching run ${runId} not found`);
    this.name = "MatchingRunNotFoundError";
  }
}

/**
 * The worker's part: solves the stored problem, reporting progress, and stores the result. Idempotent: a
 * run that has succeeded or failed is left alone; one found running (a worker that crashed mid-solve) is
 * solved again from its snapshot. The first complete answer is stored as soon as the engine has it, so
 * the page can show teams while the proof runs. An invalid snapshot or an engine error fails the run with
 * the message; an abort (the worker shutting down) leaves it running and throws, for the retry.
 */
export async function runMatching(
  db: Database,
  input: { tenantId: string; runId: string },
  options: { onProgress?: (percent: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<void> {
  const { tenantId, runId } = input;
  const claimed = await db.withTenant(tenantId, async (tx) => {
    const run = await tx.matchingRun.findFirst({ where: { tenantId, id: runId } });
    if (!run) throw new MatchingRunNotFoundError(runId);
    if (run.status === "succeeded" || run.status === "failed") return null;
    await tx.matchingRun.update({
      where: { id: run.id },
      data: {
        status: "running",
        startedAt: new Date(),
        progress: 0,
        phase: "preparing",
        teams: Prisma.DbNull,
      },
    });
    return run;
  });
  if (!claimed) return;

  const fail = (message: string) =>
    db.withTenant(tenantId, (tx) =>
      tx.matchingRun.updateMany({
        where: { tenantId, id: runId, status: "running" },
        data: { status: "failed", error: message.slice(0, 2000), finishedAt: new Date() },
      }),
    );
  const parsed = parseMatchingProblem(problemOf(claimed));
  if (!parsed.ok) {
    await fail(parsed.errors.join("\n"));
    return;
  }

  // Writes happen one after another, off the solver's path; the solver yields to the event loop every few
  // tens of milliseconds, so they (and BullMQ's lock renewal) run while it works.
  let writes: Promise<unknown> = Promise.resolve();
  let writeError: unknown = null;
  const write = (work: (tx: TenantDb) => Promise<unknown>) => {
    writes = writes.then(() => db.withTenant(tenantId, work)).catch((error) => (writeError ??= error));
  };
  let lastWrite = 0;
  let lastPhase = "";
  let lastPercent = -1;
  let firstAnswerStored = false;
  let result: MatchingResult;
  try {
    result = await solveMatching(parsed.problem, {
      signal: options.signal,
      onProgress: (fraction, phase) => {
        const now = performance.now();
        // 100 is kept for the stored result.
        const percent = Math.min(99, Math.floor(fraction * 100));
        if (phase === lastPhase && (now - lastWrite < PROGRESS_INTERVAL_MS || percent === lastPercent))
          return;
        lastWrite = now;
        lastPhase = phase;
        lastPercent = percent;
        write((tx) =>
          tx.matchingRun.updateMany({
            where: { tenantId, id: runId, status: "running" },
            data: { progress: percent, phase },
          }),
        );
        if (options.onProgress) {
          const report = options.onProgress;
          writes = writes.then(() => report(percent)).catch((error) => (writeError ??= error));
        }
      },
      onIncumbent: (answer) => {
        if (firstAnswerStored) return;
        firstAnswerStored = true;
        const teams = storedTeamsOf(answer);
        write((tx) =>
          tx.matchingRun.updateMany({
            where: { tenantId, id: runId, status: "running" },
            data: { teams: json(teams) },
          }),
        );
      },
    });
  } catch (error) {
    await writes;
    await fail(error instanceof Error ? error.message : String(error));
    return;
  }
  await writes;
  if (options.signal?.aborted) throw new Error(`matching run ${runId} stopped: the worker is shutting down`);
  if (writeError) throw writeError;

  await db.withTenant(tenantId, (tx) =>
    tx.matchingRun.updateMany({
      where: { tenantId, id: runId, status: "running" },
      data: {
        status: "succeeded",
        progress: 100,
        phase: "done",
        result: json(result),
        teams: json(storedTeamsOf(result)),
        objective: result.objective,
        bound: result.bound,
        gap: result.gap,
        error: null,
        finishedAt: new Date(),
      },
    }),
  );
  await options.onProgress?.(100);
}

/** Where a person is among the teams: the team's index and the person's role, or null. */
function placeOf(teams: readonly StoredTeam[], id: string) {
  for (const [index, team] of teams.entries()) {
    if (team.mentorIds.includes(id)) return { index, role: "mentor" as const };
    if (team.menteeIds.includes(id)) return { index, role: "mentee" as const };
  }
  return null;
}

const sideOf = (team: StoredTeam, role: ApplicationRole) =>
  role === "mentor" ? team.mentorIds : team.menteeIds;

/** The teams after an edit (new arrays; the input is left as it was) and the indices it touched. */
function applyEdit(teams: readonly StoredTeam[], edit: TeamEdit): { teams: StoredTeam[]; touched: number[] } {
  const next = teams.map((team) => ({
    ...team,
    mentorIds: [...team.mentorIds],
    menteeIds: [...team.menteeIds],
  }));
  const from = placeOf(next, edit.applicationId);
  if (!from) throw new ProgramError("matching.error.personNotPlaced", {}, 400);
  const fromTeam = next[from.index] as StoredTeam;
  if (edit.kind === "swap") {
    const other = placeOf(next, edit.withApplicationId);
    if (!other) throw new ProgramError("matching.error.personNotPlaced", {}, 400);
    if (other.role !== from.role) throw new ProgramError("matching.error.rolesDiffer", {}, 400);
    if (other.index === from.index) throw new ProgramError("matching.error.sameTeam", {}, 400);
    const otherTeam = next[other.index] as StoredTeam;
    const mine = sideOf(fromTeam, from.role);
    const theirs = sideOf(otherTeam, from.role);
    mine[mine.indexOf(edit.applicationId)] = edit.withApplicationId;
    theirs[theirs.indexOf(edit.withApplicationId)] = edit.applicationId;
    return { teams: next, touched: [from.index, other.index] };
  }
  const to = next.findIndex((team) => team.number === edit.toTeam);
  if (to < 0) throw new ProgramError("matching.error.teamNotFound", { team: edit.toTeam }, 400);
  if (to === from.index) throw new ProgramError("matching.error.sameTeam", {}, 400);
  const mine = sideOf(fromTeam, from.role);
  mine.splice(mine.indexOf(edit.applicationId), 1);
  sideOf(next[to] as StoredTeam, from.role).push(edit.applicationId);
  return { teams: next, touched: [from.index, to] };
}

/**
 * Swaps two people of the same role between teams, or moves one to another team; re-scores every team
 * with the engine's scoring and re-checks the hard rules. The edit is kept even when it breaks a rule (the
 * page shows the violation; publication waits until none is left). Returns the run's total before and
 * after, and the violations of the teams the edit touched (params name the team and the people). Audited.
 */
export async function editRunTeams(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    runId: string;
    edit: TeamEdit;
    actorUserId: string;
    requestId?: string;
  },
): Promise<{ totalBefore: number; totalAfter: number; violations: RuleViolation[] }> {
  const { tenantId, cohortId, runId, edit, actorUserId, requestId } = input;
  const record = await loadCohort(tx, tenantId, cohortId);
  await findRun(tx, tenantId, cohortId, runId);
  await lockRun(tx, tenantId, runId);
  const run = await findRun(tx, tenantId, cohortId, runId);
  requireMatching(record);
  const teams = requireTeams(run);
  const problem = problemOf(run);
  const people = await peopleOf(tx, tenantId, cohortId, participantIds(problem));

  const before = reviewTeams(problem, teams, people);
  const { teams: edited, touched } = applyEdit(teams, edit);
  const after = reviewTeams(problem, edited, people);
  const stored: StoredTeam[] = after.teams.map(({ number, mentorIds, menteeIds, score, breakdown }) => ({
    number,
    mentorIds,
    menteeIds,
    score,
    breakdown,
  }));
  await tx.matchingRun.update({ where: { id: run.id }, data: { teams: json(stored) } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "matching_run.edit",
    entityType: "matching_run",
    entityId: run.id,
    before: { total: before.total, teams: touched.map((index) => membersOf(teams[index] as StoredTeam)) },
    after: {
      edit,
      total: after.total,
      teams: touched.map((index) => membersOf(edited[index] as StoredTeam)),
    },
    requestId,
  });
  return {
    totalBefore: before.total,
    totalAfter: after.total,
    violations: touched.flatMap((index) => after.teams[index]?.violations ?? []),
  };
}

const membersOf = (team: StoredTeam) => ({
  number: team.number,
  mentorIds: team.mentorIds,
  menteeIds: team.menteeIds,
});

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
    throw new ProgramError("matching.error.personNotInRun", {}, 400);
  const constraints = problem.constraints ?? {};
  const excluded = new Set(constraints.excluded ?? []);
  if (on && rule === "pin" && (excluded.has(mentorApplicationId) || excluded.has(menteeApplicationId)))
    throw new ProgramError("matching.error.pinExcluded", {}, 400);

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
  if (!parsed.ok)
    throw new ProgramError("matching.error.invalidProblem", { detail: parsed.errors[0] ?? "" }, 400);

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

/**
 * Publishes the run's reviewed teams as the cohort's teams (replacing any earlier publication while the
 * cohort is in matching). Refused while any team breaks a hard rule, has not the template's shape, or has
 * a member whose application is no longer accepted. Audited.
 */
export async function publishRun(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    runId: string;
    actorUserId: string;
    requestId?: string;
    appUrl: string;
  },
): Promise<{ teams: number }> {
  const { tenantId, cohortId, runId, actorUserId, requestId } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  await findRun(tx, tenantId, cohortId, runId);
  await lockRun(tx, tenantId, runId);
  const run = await findRun(tx, tenantId, cohortId, runId);
  requireMatching(record);
  const teams = requireTeams(run);
  if (teams.length === 0) throw new ProgramError("matching.error.noTeams", {}, 409);
  // The shape is the template's, whatever the snapshot says: the invariant of a published team.
  const problem = { ...problemOf(run), teamShape: record.definition.teamShape };
  const people = await peopleOf(tx, tenantId, cohortId, participantIds(problem));
  const review = reviewTeams(problem, teams, people);
  const violations = review.teams.flatMap((team) => team.violations);
  if (violations.length > 0)
    throw new ProgramError("matching.error.violations", { count: violations.length }, 409);

  const previous = await tx.team.findMany({ where: { tenantId, cohortId }, select: { runId: true } });
  await tx.teamMember.deleteMany({ where: { tenantId, cohortId } });
  await tx.team.deleteMany({ where: { tenantId, cohortId } });
  for (const [index, team] of review.teams.entries()) {
    const created = await tx.team.create({
      data: {
        tenantId,
        cohortId,
        runId,
        number: index + 1,
        score: team.score,
        breakdown: json(team.breakdown),
      },
      select: { id: true },
    });
    await tx.teamMember.createMany({
      data: [
        ...team.mentorIds.map((applicationId) => ({ role: "mentor" as const, applicationId })),
        ...team.menteeIds.map((applicationId) => ({ role: "mentee" as const, applicationId })),
      ].map((member) => ({ tenantId, cohortId, teamId: created.id, ...member })),
    });
  }
  const now = new Date();
  await tx.matchingRun.updateMany({
    where: { tenantId, cohortId, id: { not: runId }, publishedAt: { not: null } },
    data: { publishedAt: null, publishedByUserId: null },
  });
  await tx.matchingRun.update({
    where: { id: run.id },
    data: { publishedAt: now, publishedByUserId: actorUserId },
  });
  const replaced = [...new Set(previous.map((team) => team.runId))];
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "matching_run.publish",
    entityType: "matching_run",
    entityId: run.id,
    ...(replaced.length > 0 && { before: { publishedRunIds: replaced, teams: previous.length } }),
    after: { cohortId, number: run.number, teams: review.teams.length, total: review.total },
    requestId,
  });
  return { teams: review.teams.length };
}

export interface MyTeam {
  cohortId: string;
  cohortTitle: string;
  teamNumber: number;
  myRole: ApplicationRole;
  members: {
    name: string;
    role: ApplicationRole;
    department: string;
    positionTitle: string;
    email: string | null;
    phone: string | null;
    isMe: boolean;
  }[];
}

/** The published teams the staff member is in (one per cohort); nothing before publication. */
export async function myTeams(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<MyTeam[]> {
  const { tenantId, staffMemberId } = input;
  const mine = await tx.teamMember.findMany({
    where: { tenantId, application: { tenantId, staffMemberId, status: "accepted" } },
    select: {
      role: true,
      team: {
        select: {
          number: true,
          cohort: { select: { id: true, title: true, createdAt: true } },
          members: {
            where: { tenantId },
            orderBy: [{ role: "asc" }, { application: { submittedAt: "asc" } }],
            select: {
              role: true,
              application: {
                select: {
                  staffMemberId: true,
                  staffMember: {
                    select: {
                      name: true,
                      positionTitle: true,
                      email: true,
                      phone: true,
                      department: { select: { name: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  return mine
    .sort((a, b) => b.team.cohort.createdAt.getTime() - a.team.cohort.createdAt.getTime())
    .map(({ role, team }) => ({
      cohortId: team.cohort.id,
      cohortTitle: team.cohort.title,
      teamNumber: team.number,
      myRole: role,
      members: team.members.map((member) => {
        const staff = member.application.staffMember;
        return {
          name: staff.name,
          role: member.role,
          department: staff.department.name,
          positionTitle: staff.positionTitle,
          email: staff.email,
          phone: staff.phone,
          isMe: member.application.staffMemberId === staffMemberId,
        };
      }),
    }));
}
