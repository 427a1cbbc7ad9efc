import type { TenantDb } from "@mentoring/db";
import { type ApplicationRole, type WorkFailureCode, workFailureCodes } from "@mentoring/domain";
import type { Criterion } from "@mentoring/matching";
import type { CohortRecord } from "./cohort-record";
import { namedParams, peopleOf, reviewTeams } from "./matching-review";
import {
  exclusionReasonsOf,
  findRun,
  participantIds,
  problemOf,
  type RuleViolation,
  type RunSummary,
  resultOf,
  summaryOf,
  teamsOf,
} from "./matching-run";

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
  kind: Criterion["kind"];
  value: number;
  weight: number;
  points: number;
}

/** One mentor–mentee pair of a team: its points and the pair criteria that gave them. */
export interface PairExplanation {
  mentorId: string;
  menteeId: string;
  points: number;
  parts: ScorePart[];
}

export interface ReviewedTeam {
  number: number;
  members: RunPerson[];
  score: number;
  breakdown: ScorePart[];
  /** Every mentor–mentee pair, re-scored with the team (team criteria such as diversity are the team's only). */
  pairs: PairExplanation[];
  violations: RuleViolation[];
}

export interface RunView extends RunSummary {
  /**
   * Why a failed run failed, for the page to say in words: its job gave up, or it showed no progress. Null
   * for a run the engine itself refused (the page then says so generally). The raw error text stays in the
   * database, for operators.
   */
  failureCode: WorkFailureCode | null;
  /** Null until the engine has an answer (a first feasible answer may arrive while running). */
  teams: ReviewedTeam[] | null;
  /** The sum of the reviewed teams' scores (changes with edits; `objective` is the engine's). */
  total: number | null;
  unplaced: (RunPerson & { code: string; params: Record<string, string | number> })[];
  /** Engine issues such as "too few mentors for capacity": `matching.issue.<code>` with params. */
  issues: RuleViolation[];
  pinned: { mentor: RunPerson; mentee: RunPerson }[];
  forbidden: { mentor: RunPerson; mentee: RunPerson }[];
  /** People excluded from the next run based on this one, with the reason given, if any. */
  excluded: (RunPerson & { reason: string | null })[];
  /** Whether edits, re-runs and publication are still possible (cohort in matching, run succeeded). */
  editable: boolean;
}

const rounded = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * One run of a cohort already loaded (its status decides whether the run is editable), with its reviewed
 * teams: 404 AppError when not the cohort's. Shared by getRun and the matching review page.
 */
export async function viewRun(
  tx: TenantDb,
  record: CohortRecord,
  input: { tenantId: string; cohortId: string; runId: string },
): Promise<RunView> {
  const { tenantId, cohortId, runId } = input;
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
    const criterionOf = new Map(review.criteria.map((criterion) => [criterion.id, criterion]));
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
      pairs: team.pairs.map((pair) => ({
        mentorId: pair.mentorId,
        menteeId: pair.menteeId,
        points: pair.points,
        parts: pair.breakdown.flatMap((part) => {
          const criterion = criterionOf.get(part.criterionId);
          return criterion
            ? [
                {
                  criterion: part.criterionId,
                  kind: criterion.kind,
                  value: rounded(part.value),
                  weight: criterion.weight,
                  points: part.points,
                },
              ]
            : [];
        }),
      })),
      violations: team.violations,
    }));
  }

  const constraints = problem.constraints ?? {};
  const reasons = exclusionReasonsOf(run);
  const roleOf = new Map(problem.participants.map((person) => [person.id, person.role]));
  const pairs = (list: { mentorId: string; menteeId: string }[] | undefined) =>
    (list ?? []).map((pair) => ({
      mentor: personOf(pair.mentorId, "mentor"),
      mentee: personOf(pair.menteeId, "mentee"),
    }));
  return {
    ...summaryOf(run),
    failureCode: workFailureCodes.find((code) => code === run.failureCode) ?? null,
    teams,
    total,
    unplaced: unplacedOf(problem, result, stored).map((person) => ({
      ...personOf(person.participantId, person.role),
      code: person.code,
      params: namedParams(person.params, people),
    })),
    issues: (result?.issues ?? []).map((issue) => ({
      code: issue.code,
      params: namedParams(issue.params as unknown as Record<string, unknown>, people),
    })),
    pinned: pairs(constraints.pinned),
    forbidden: pairs(constraints.forbidden),
    excluded: (constraints.excluded ?? []).map((id) => ({
      ...personOf(id, roleOf.get(id) ?? "mentee"),
      reason: reasons[id] ?? null,
    })),
    editable: record.cohort.status === "matching" && run.status === "succeeded",
  };
}

/**
 * Who is in no team of the run as it stands: the engine's unplaced until the teams exist; then everyone
 * the teams leave out, with the engine's reason, "excluded" for someone excluded since, "exclusion_lifted"
 * for someone the run left out as excluded who no longer is, or "swapped_out" for someone a coordinator's
 * swap took out of a team.
 */
function unplacedOf(
  problem: ReturnType<typeof problemOf>,
  result: ReturnType<typeof resultOf>,
  stored: ReturnType<typeof teamsOf>,
): { participantId: string; role: ApplicationRole; code: string; params: Record<string, unknown> }[] {
  const engine = (result?.unplaced ?? []).map((person) => ({
    participantId: person.participantId,
    role: person.role,
    code: person.reason.code as string,
    params: person.reason.params as unknown as Record<string, unknown>,
  }));
  if (stored === null) return engine;
  const placed = new Set(stored.flatMap((team) => [...team.mentorIds, ...team.menteeIds]));
  const excluded = new Set(problem.constraints?.excluded ?? []);
  const left = engine.filter((person) => !placed.has(person.participantId));
  const listed = new Set(left.map((person) => person.participantId));
  const swappedOut = problem.participants
    .filter((person) => !placed.has(person.id) && !listed.has(person.id))
    .map((person) => ({
      participantId: person.id,
      role: person.role,
      code: "swapped_out",
      params: { role: person.role } as Record<string, unknown>,
    }));
  return [...left, ...swappedOut].map((person) => {
    if (excluded.has(person.participantId)) return { ...person, code: "excluded", params: {} };
    // Left out by an exclusion since lifted: a swap (or the next run) can place them now.
    if (person.code === "excluded") return { ...person, code: "exclusion_lifted", params: {} };
    return person;
  });
}
