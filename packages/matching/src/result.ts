import type { MatchingIssue, UnplacedReason } from "./diagnostics";
import { unplacedReason } from "./diagnostics";
import type { Instance } from "./instance";
import type { MatchingPhase } from "./run-control";
import { type PairCriterionPoints, SCORE_UNIT, toPoints } from "./scoring";
import { canonicalTeams, menteesWithEnoughDepartments, type TeamDraft, teamUnits } from "./team";

/**
 * One mentor–mentee pair of a team and why it scores what it does: every pair criterion's value and points
 * (team criteria such as team_diversity are only in the team's breakdown). A team's score is the sum of its
 * pairs' points plus its team criteria's points.
 */
export interface PairResult {
  mentorId: string;
  menteeId: string;
  /** Weighted pair score: the pair criteria's points, added up exactly (each rounded to a millionth). */
  points: number;
  /** The same as `points`, under the name earlier results used. */
  score: number;
  /** Per pair criterion, in the problem's order, under the ids of the team's breakdown. */
  breakdown: PairCriterionPoints[];
}

export interface TeamResult {
  /** 1, 2, …: teams ordered by their first mentor's position in the input. */
  number: number;
  mentorIds: string[];
  menteeIds: string[];
  /** Sum of the team's pair scores plus its team criteria. */
  score: number;
  /** Points per criterion for the whole team (pair criteria summed over its pairs). */
  breakdown: Record<string, number>;
  /** Every mentor–mentee pair of the team with its pair criteria's points. */
  pairs: PairResult[];
}

export interface UnplacedPerson {
  participantId: string;
  role: "mentor" | "mentee";
  reason: UnplacedReason;
}

export interface MatchingResult {
  /**
   * `optimal`: the objective equals the proven bound. `feasible`: every hard rule holds, the gap says how
   * far from optimal it can be at most. `infeasible`: the hard rules cannot all be met (see `issues`).
   */
  status: "optimal" | "feasible" | "infeasible";
  /** Set when the run stopped early and returned the best answer found so far. */
  stopped: "time_limit" | "aborted" | null;
  /** Sum of team scores. */
  objective: number;
  /**
   * Proven upper bound on the objective of any assignment that places as many people as this one (the
   * engine places as many as it can first, then maximises the score). Null when none was proven.
   */
  bound: number | null;
  /**
   * (bound − objective) / |bound − C|, C being each team criterion's full weight once per team of the answer
   * (points every team gets whoever is in it); 0 when optimal, null without a bound.
   */
  gap: number | null;
  teams: TeamResult[];
  unplaced: UnplacedPerson[];
  /** What in the input cannot be met, as codes with parameters. */
  issues: MatchingIssue[];
  /** Timings and solver facts; the only part that differs between runs of the same input. */
  stats: MatchingStats;
}

export interface MatchingStats {
  method:
    | "min-cost-flow"
    | "min-cost-flow+local-search"
    | "greedy+local-search"
    /** Several on both sides: greedy, the linear relaxation over whole teams with diving, local search. */
    | "column-generation+local-search";
  elapsedMs: number;
  firstAnswerMs: number | null;
  teamsTarget: number;
  /** The flow's arcs; with column generation, the teams generated. */
  arcs: number;
  /** Pricing rounds of the flow, or of column generation (diving included). */
  pricingRounds: number;
  phase: MatchingPhase;
}

export function pairResult(instance: Instance, m: number, e: number): PairResult {
  const points = toPoints(instance.scoring.pairUnits(m, e));
  return {
    mentorId: (instance.mentors[m] as { id: string }).id,
    menteeId: (instance.mentees[e] as { id: string }).id,
    points,
    score: points,
    breakdown: instance.scoring.pairBreakdown(m, e),
  };
}

/** Points per criterion for a whole team: pair criteria summed over its pairs, then its team criteria. */
export function teamBreakdown(
  instance: Instance,
  team: TeamDraft,
  pairs: readonly PairResult[],
): Record<string, number> {
  const units = new Map<string, number>(instance.scoring.pairCriterionIds.map((id) => [id, 0]));
  for (const pair of pairs)
    for (const part of pair.breakdown)
      units.set(part.criterionId, (units.get(part.criterionId) ?? 0) + Math.round(part.points * SCORE_UNIT));
  const breakdown: Record<string, number> = {};
  for (const [id, sum] of units) breakdown[id] = toPoints(sum);
  return Object.assign(breakdown, instance.scoring.teamInternalBreakdown(team.mentors, team.mentees));
}

export function describeTeams(instance: Instance, drafts: readonly TeamDraft[]): TeamResult[] {
  return canonicalTeams(drafts).map((team, index) => {
    const pairs = team.mentors.flatMap((m) => team.mentees.map((e) => pairResult(instance, m, e)));
    const breakdown = teamBreakdown(instance, team, pairs);
    return {
      number: index + 1,
      mentorIds: team.mentors.map((m) => (instance.mentors[m] as { id: string }).id),
      menteeIds: team.mentees.map((e) => (instance.mentees[e] as { id: string }).id),
      score: toPoints(teamUnits(instance, team)),
      breakdown,
      pairs,
    };
  });
}

/** Why each person outside the teams is there, most specific reason first. */
export function unplacedPeople(instance: Instance, teams: readonly TeamDraft[]): UnplacedPerson[] {
  const { shape } = instance;
  const placedMentors = new Set(teams.flatMap((team) => team.mentors));
  const placedMentees = new Set(teams.flatMap((team) => team.mentees));
  const freeMentors = instance.mentors.length - placedMentors.size;
  const freeMentees = instance.mentees.length - placedMentees.size;
  const result: UnplacedPerson[] = instance.excluded.map((person) => ({
    participantId: person.id,
    role: person.role,
    reason: unplacedReason("excluded", {}),
  }));
  // Under the different-departments rule, a mentee whose possible mentors come from too few departments
  // can be in no team: as a partner they count for no one.
  const teamable = menteesWithEnoughDepartments(instance);
  const explain = (role: "mentor" | "mentee", index: number): UnplacedReason => {
    const isMentor = role === "mentor";
    const partners = isMentor ? instance.mentees.length : instance.mentors.length;
    let any = false;
    if (!isMentor && teamable && !teamable[index]) return unplacedReason("no_eligible_partner", { role });
    for (let p = 0; p < partners && !any; p++)
      any = isMentor
        ? instance.allowed(index, p) && (!teamable || teamable[p] === 1)
        : instance.allowed(p, index);
    if (!any) return unplacedReason("no_eligible_partner", { role });
    const side = isMentor ? shape.mentors : shape.mentees;
    const otherSide = isMentor ? shape.mentees : shape.mentors;
    const list = (team: TeamDraft) => (isMentor ? team.mentors : team.mentees);
    const withRoom = teams.filter((team) => list(team).length < side.max);
    if (withRoom.length === 0) {
      const freePartners = isMentor ? freeMentees : freeMentors;
      if (side.max === 1 || freePartners < otherSide.min)
        return unplacedReason("not_enough_partners", { role, perTeam: otherSide.min });
      return unplacedReason("capacity_full", { role, teams: teams.length, capacity: side.max });
    }
    return unplacedReason("no_compatible_team", { role });
  };
  instance.mentors.forEach((person, m) => {
    if (!placedMentors.has(m))
      result.push({ participantId: person.id, role: "mentor", reason: explain("mentor", m) });
  });
  instance.mentees.forEach((person, e) => {
    if (!placedMentees.has(e))
      result.push({ participantId: person.id, role: "mentee", reason: explain("mentee", e) });
  });
  return result;
}
