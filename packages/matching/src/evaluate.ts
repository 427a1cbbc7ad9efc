import { buildInstance, type PairRule } from "./instance";
import { type Criterion, criterionId, type MatchingProblemInput, matchingProblemSchema } from "./problem";
import { type PairResult, pairResult, teamBreakdown } from "./result";
import { SCORE_UNIT, toPoints } from "./scoring";
import { teamUnits } from "./team";

/** A team as people chose it (a coordinator's edit of the engine's answer), by participant ids. */
export interface TeamAssignment {
  mentorIds: readonly string[];
  menteeIds: readonly string[];
}

/** Why an assigned team cannot stand as it is; ids are participant ids. */
export type TeamViolation =
  | {
      code: "too_few_mentors" | "too_many_mentors" | "too_few_mentees" | "too_many_mentees";
      params: { count: number; min: number; max: number };
    }
  | { code: PairRule; params: { mentorId: string; menteeId: string } }
  /** Two mentors of one team from one department, under mentorsFromDifferentDepartments. */
  | { code: "mentors_same_department"; params: { mentorId: string; otherMentorId: string } }
  /** A pinned pair of whom only one is in this team. */
  | { code: "pin_split"; params: { mentorId: string; menteeId: string } }
  /** Someone in two teams. */
  | { code: "in_two_teams"; params: { participantId: string } }
  /** An id that is not a participant of this role, or one excluded from the run. */
  | { code: "not_a_participant"; params: { participantId: string; role: "mentor" | "mentee" } };

export interface TeamEvaluation {
  /** Sum of the team's pair scores plus its team criteria, as the engine scores it. */
  score: number;
  /** Points per criterion for the whole team (pair criteria summed over its pairs). */
  breakdown: Record<string, number>;
  pairs: PairResult[];
  violations: TeamViolation[];
}

export interface TeamsEvaluation {
  teams: TeamEvaluation[];
  /** Sum of the teams' scores. */
  total: number;
  /** Each criterion by the name its points are reported under, with how it applies. */
  criteria: { id: string; kind: Criterion["kind"]; weight: number; per: "pair" | "team" }[];
}

/**
 * Scores teams someone put together (in the given order, not renumbered) exactly as the engine scores its
 * own, and lists every hard rule each team breaks: the shape's bounds, the problem's pair rules
 * (forbidden, same department, supervisor, grade gap), mentors of one department together when the problem
 * keeps them apart, pins split across teams, people placed twice or not in the problem. Throws the ZodError of an invalid problem.
 */
export function evaluateTeams(
  input: MatchingProblemInput,
  teams: readonly TeamAssignment[],
): TeamsEvaluation {
  const problem = matchingProblemSchema.parse(input);
  const instance = buildInstance(problem);
  const mentorIndex = new Map(instance.mentors.map((person, index) => [person.id, index]));
  const menteeIndex = new Map(instance.mentees.map((person, index) => [person.id, index]));
  const { mentors: mentorSide, mentees: menteeSide } = problem.teamShape;

  const teamOf = new Map<string, number>();
  const seenTwice = new Set<string>();
  teams.forEach((team, index) => {
    for (const id of [...team.mentorIds, ...team.menteeIds]) {
      if (teamOf.has(id)) seenTwice.add(id);
      else teamOf.set(id, index);
    }
  });

  const evaluations = teams.map((team, index): TeamEvaluation => {
    const violations: TeamViolation[] = [];
    const bounds = (count: number, side: { min: number; max: number }, role: "mentors" | "mentees") => {
      if (count < side.min)
        violations.push({ code: `too_few_${role}`, params: { count, min: side.min, max: side.max } });
      if (count > side.max)
        violations.push({ code: `too_many_${role}`, params: { count, min: side.min, max: side.max } });
    };
    bounds(team.mentorIds.length, mentorSide, "mentors");
    bounds(team.menteeIds.length, menteeSide, "mentees");

    const known = (ids: readonly string[], lookup: Map<string, number>, role: "mentor" | "mentee") =>
      ids.flatMap((id) => {
        if (seenTwice.has(id)) violations.push({ code: "in_two_teams", params: { participantId: id } });
        const found = lookup.get(id);
        if (found === undefined) {
          violations.push({ code: "not_a_participant", params: { participantId: id, role } });
          return [];
        }
        return [found];
      });
    const mentors = known(team.mentorIds, mentorIndex, "mentor");
    const mentees = known(team.menteeIds, menteeIndex, "mentee");

    // A coordinator's edit can put two mentors of one department together, which the engine never does.
    const departments = instance.mentorDepartments;
    if (departments)
      mentors.forEach((m, at) => {
        const department = departments[m] as number;
        if (department < 0) return;
        for (const other of mentors.slice(at + 1))
          if (departments[other] === department)
            violations.push({
              code: "mentors_same_department",
              params: {
                mentorId: (instance.mentors[m] as { id: string }).id,
                otherMentorId: (instance.mentors[other] as { id: string }).id,
              },
            });
      });

    const pairs: PairResult[] = [];
    for (const m of mentors)
      for (const e of mentees) {
        const mentorId = (instance.mentors[m] as { id: string }).id;
        const menteeId = (instance.mentees[e] as { id: string }).id;
        const rule = instance.brokenRule(m, e);
        if (rule) violations.push({ code: rule, params: { mentorId, menteeId } });
        pairs.push(pairResult(instance, m, e));
      }

    for (const pin of problem.constraints.pinned) {
      const mentorHere = teamOf.get(pin.mentorId) === index;
      const menteeHere = teamOf.get(pin.menteeId) === index;
      if (mentorHere !== menteeHere)
        violations.push({ code: "pin_split", params: { mentorId: pin.mentorId, menteeId: pin.menteeId } });
    }

    const breakdown = teamBreakdown(instance, { mentors, mentees }, pairs);
    return {
      score: toPoints(teamUnits(instance, { mentors, mentees })),
      breakdown,
      pairs,
      violations,
    };
  });

  const totalUnits = evaluations.reduce((sum, team) => sum + Math.round(team.score * SCORE_UNIT), 0);
  return {
    teams: evaluations,
    total: toPoints(totalUnits),
    criteria: problem.criteria
      .filter((criterion) => criterion.weight > 0)
      .map((criterion) => ({
        id: criterionId(criterion),
        kind: criterion.kind,
        weight: criterion.weight,
        per: criterion.kind === "team_diversity" ? "team" : "pair",
      })),
  };
}
