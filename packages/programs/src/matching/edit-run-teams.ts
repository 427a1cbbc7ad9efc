import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type ApplicationRole } from "@mentoring/domain";
import { loadCohort } from "../records/cohort-record";
import { peopleOf, reviewTeams, type StoredTeam } from "../records/matching-review";
import {
  findRun,
  json,
  lockRun,
  participantIds,
  problemOf,
  type RuleViolation,
  requireMatching,
  requireTeams,
} from "../records/matching-run";

export type TeamEdit =
  | { kind: "swap"; applicationId: string; withApplicationId: string }
  | { kind: "move"; applicationId: string; toTeam: number };

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

/**
 * The teams after an edit (new arrays; the input is left as it was) and the indices it touched. A swap
 * takes two placed people, or one placed and one the run left unplaced (in either order): the unplaced
 * person takes the other's place, who is then unplaced. `roleOf` knows the run's participants.
 */
function applyEdit(
  teams: readonly StoredTeam[],
  edit: TeamEdit,
  roleOf: ReadonlyMap<string, ApplicationRole>,
): { teams: StoredTeam[]; touched: number[] } {
  const next = teams.map((team) => ({
    ...team,
    mentorIds: [...team.mentorIds],
    menteeIds: [...team.menteeIds],
  }));
  const from = placeOf(next, edit.applicationId);
  if (edit.kind === "swap") {
    const other = placeOf(next, edit.withApplicationId);
    if (!from && !other) throw new AppError("matching.person_not_placed");
    if (!from || !other) {
      const [placed, placedId, outsideId] = from
        ? [from, edit.applicationId, edit.withApplicationId]
        : [other as NonNullable<typeof other>, edit.withApplicationId, edit.applicationId];
      const outsideRole = roleOf.get(outsideId);
      if (outsideRole === undefined) throw new AppError("matching.person_not_in_run");
      if (outsideRole !== placed.role) throw new AppError("matching.roles_differ");
      const side = sideOf(next[placed.index] as StoredTeam, placed.role);
      side[side.indexOf(placedId)] = outsideId;
      return { teams: next, touched: [placed.index] };
    }
    if (other.role !== from.role) throw new AppError("matching.roles_differ");
    if (other.index === from.index) throw new AppError("matching.same_team");
    const fromTeam = next[from.index] as StoredTeam;
    const otherTeam = next[other.index] as StoredTeam;
    const mine = sideOf(fromTeam, from.role);
    const theirs = sideOf(otherTeam, from.role);
    mine[mine.indexOf(edit.applicationId)] = edit.withApplicationId;
    theirs[theirs.indexOf(edit.withApplicationId)] = edit.applicationId;
    return { teams: next, touched: [from.index, other.index] };
  }
  if (!from) throw new AppError("matching.person_not_placed");
  const fromTeam = next[from.index] as StoredTeam;
  const to = next.findIndex((team) => team.number === edit.toTeam);
  if (to < 0) throw new AppError("matching.team_not_found", { team: edit.toTeam });
  if (to === from.index) throw new AppError("matching.same_team");
  const mine = sideOf(fromTeam, from.role);
  mine.splice(mine.indexOf(edit.applicationId), 1);
  sideOf(next[to] as StoredTeam, from.role).push(edit.applicationId);
  return { teams: next, touched: [from.index, to] };
}

/**
 * Swaps two people of the same role between teams (or one placed with one the run left unplaced, who takes
 * the other's place), or moves one to another team; re-scores every team
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
  const roleOf = new Map(problem.participants.map((person) => [person.id, person.role]));
  const { teams: edited, touched } = applyEdit(teams, edit, roleOf);
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
