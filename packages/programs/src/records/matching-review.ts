import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";
import {
  evaluateTeams,
  type MatchingProblemInput,
  type MatchingResult,
  type PairResult,
  type TeamViolation,
} from "@mentoring/matching";

/**
 * How a run's teams are stored (MatchingRun.teams): the engine's teams, then as the coordinator swapped and
 * moved people, each with the score it had when stored. Violations are not stored: they are recomputed
 * against the run's rules (which pins and forbids may have changed) whenever the teams are read.
 */
export interface StoredTeam {
  number: number;
  mentorIds: string[];
  menteeIds: string[];
  score: number;
  breakdown: Record<string, number>;
}

export function storedTeamsOf(result: Pick<MatchingResult, "teams">): StoredTeam[] {
  return result.teams.map((team) => ({
    number: team.number,
    mentorIds: team.mentorIds,
    menteeIds: team.menteeIds,
    score: team.score,
    breakdown: team.breakdown,
  }));
}

/** A person of the run as the directory shows them now. */
export interface PersonRecord {
  applicationId: string;
  role: ApplicationRole;
  status: string;
  name: string;
  department: string;
  grade: number | null;
  positionTitle: string;
}

export async function peopleOf(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  applicationIds: readonly string[],
): Promise<Map<string, PersonRecord>> {
  const rows = await tx.application.findMany({
    where: { tenantId, cohortId, id: { in: [...applicationIds] } },
    select: {
      id: true,
      role: true,
      status: true,
      staffMember: {
        select: { name: true, grade: true, positionTitle: true, department: { select: { name: true } } },
      },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        applicationId: row.id,
        role: row.role,
        status: row.status,
        name: row.staffMember.name,
        department: row.staffMember.department.name,
        grade: row.staffMember.grade,
        positionTitle: row.staffMember.positionTitle,
      },
    ]),
  );
}

/** A hard rule a team breaks, with people named for the page: `matching.violation.<code>`. */
export interface NamedViolation {
  code: string;
  params: Record<string, string | number>;
}

export interface EvaluatedTeam extends StoredTeam {
  violations: NamedViolation[];
  /** Points per pair of the team: how many mentor–mentee pairs its pair criteria were summed over. */
  pairCount: number;
  /** Every mentor–mentee pair of the team as re-scored now, with its pair criteria's points. */
  pairs: PairResult[];
}

/**
 * Re-scores the teams against the problem with the engine's scoring and names every rule each breaks:
 * the engine's (shape, pair rules, pins) and the programme's own (every member holds an accepted
 * application). Team numbers stay as they are.
 */
export function reviewTeams(
  problem: MatchingProblemInput,
  teams: readonly StoredTeam[],
  people: ReadonlyMap<string, PersonRecord>,
): { teams: EvaluatedTeam[]; total: number; criteria: ReturnType<typeof evaluateTeams>["criteria"] } {
  const evaluation = evaluateTeams(problem, teams);
  const excluded = new Set(problem.constraints?.excluded ?? []);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const named = (team: number, violation: TeamViolation): NamedViolation => {
    switch (violation.code) {
      case "too_few_mentors":
      case "too_many_mentors":
      case "too_few_mentees":
      case "too_many_mentees":
        return { code: violation.code, params: { team, ...violation.params } };
      case "in_two_teams":
        return { code: violation.code, params: { team, person: nameOf(violation.params.participantId) } };
      case "not_a_participant":
        // Someone the coordinator excluded after the run placed them: said as that, not as a stranger.
        return {
          code: excluded.has(violation.params.participantId) ? "excluded_placed" : violation.code,
          params: { team, person: nameOf(violation.params.participantId) },
        };
      case "mentors_same_department":
        return {
          code: violation.code,
          params: {
            team,
            mentor: nameOf(violation.params.mentorId),
            otherMentor: nameOf(violation.params.otherMentorId),
          },
        };
      default:
        return {
          code: violation.code,
          params: {
            team,
            mentor: nameOf(violation.params.mentorId),
            mentee: nameOf(violation.params.menteeId),
          },
        };
    }
  };
  return {
    total: evaluation.total,
    criteria: evaluation.criteria,
    teams: teams.map((team, index) => {
      const evaluated = evaluation.teams[index];
      const violations = (evaluated?.violations ?? []).map((violation) => named(team.number, violation));
      for (const id of [...team.mentorIds, ...team.menteeIds]) {
        const person = people.get(id);
        if (person && person.status !== "accepted")
          violations.push({ code: "not_accepted", params: { team: team.number, person: person.name } });
      }
      return {
        number: team.number,
        mentorIds: team.mentorIds,
        menteeIds: team.menteeIds,
        score: evaluated?.score ?? 0,
        breakdown: evaluated?.breakdown ?? {},
        violations,
        pairCount: team.mentorIds.length * team.menteeIds.length,
        pairs: evaluated?.pairs ?? [],
      };
    }),
  };
}

/**
 * Engine issue and reason parameters for a page: ids become the people's names ("mentorId" → "mentor",
 * "mentorIds" → "mentors" as a list), other values stay as they are.
 */
export function namedParams(
  params: Record<string, unknown>,
  people: ReadonlyMap<string, PersonRecord>,
): Record<string, string | number> {
  const nameOf = (id: unknown) => (typeof id === "string" ? (people.get(id)?.name ?? id) : String(id));
  const named: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.endsWith("Ids") && Array.isArray(value))
      named[`${key.slice(0, -3)}s`] = value.map(nameOf).join(", ");
    else if (key.endsWith("Id")) named[key.slice(0, -2)] = nameOf(value);
    else if (typeof value === "number" || typeof value === "string") named[key] = value;
    else if (Array.isArray(value)) named[key] = value.map(String).join(", ");
    else named[key] = String(value);
  }
  return named;
}
