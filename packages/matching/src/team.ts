import type { Instance } from "./instance";

/** A team by index: mentors index `instance.mentors`, mentees index `instance.mentees`. */
export interface TeamDraft {
  mentors: number[];
  mentees: number[];
}

/** Exact score of one team in units: every mentor–mentee pair plus the team-internal criteria. */
export function teamUnits(instance: Instance, team: TeamDraft): number {
  let sum = 0;
  for (const mentor of team.mentors)
    for (const mentee of team.mentees) sum += instance.scoring.pairUnits(mentor, mentee);
  return sum + instance.scoring.teamInternalUnits(team.mentors, team.mentees);
}

/** Every mentor–mentee pair in the team is allowed by the hard rules, and so are its mentors together. */
export function teamAllowed(instance: Instance, team: TeamDraft): boolean {
  for (const mentor of team.mentors) {
    if (!instance.mentorMayJoin(team.mentors, mentor)) return false;
    for (const mentee of team.mentees) if (!instance.allowed(mentor, mentee)) return false;
  }
  return true;
}

export function teamComplete(instance: Instance, team: TeamDraft): boolean {
  const { mentors, mentees } = instance.shape;
  return (
    team.mentors.length >= mentors.min &&
    team.mentors.length <= mentors.max &&
    team.mentees.length >= mentees.min &&
    team.mentees.length <= mentees.max
  );
}

/**
 * Points in units that every team gets whoever is in it: each team criterion's full weight, which only
 * same-attribute pairs take away from. They are left out of the gap's scale (see `relativeGap`).
 */
export function teamConstantUnits(instance: Instance): number {
  return instance.scoring.diversity.reduce((sum, criterion) => sum + criterion.weightUnits, 0);
}

/**
 * The gap of an answer scoring `units` under a bound, relative to the bound's scoring part: the bound less
 * the points its `teams` get whoever is in them (each team criterion's full weight per team), so that a
 * heavily weighted team criterion does not make every gap look small. Falls back to the whole bound when
 * that part is 0.
 */
export function relativeGap(boundUnits: number, units: number, constantUnits: number): number {
  if (boundUnits === units) return 0;
  const scale = Math.abs(boundUnits - constantUnits) || Math.abs(boundUnits) || 1;
  return (boundUnits - units) / scale;
}

export function totalUnits(instance: Instance, teams: readonly TeamDraft[]): number {
  return teams.reduce((sum, team) => sum + teamUnits(instance, team), 0);
}

/** People placed in teams (the first thing the engine maximises). */
export function placedCount(teams: readonly TeamDraft[]): number {
  return teams.reduce((sum, team) => sum + team.mentors.length + team.mentees.length, 0);
}

/** Sorts members and teams into a canonical order so equal assignments print equally. */
export function canonicalTeams(teams: readonly TeamDraft[]): TeamDraft[] {
  const sorted = teams.map((team) => ({
    mentors: [...team.mentors].sort((a, b) => a - b),
    mentees: [...team.mentees].sort((a, b) => a - b),
  }));
  const key = (team: TeamDraft) =>
    team.mentors.length > 0 ? (team.mentors[0] as number) : Number.MAX_SAFE_INTEGER;
  const menteeKey = (team: TeamDraft) =>
    team.mentees.length > 0 ? (team.mentees[0] as number) : Number.MAX_SAFE_INTEGER;
  return sorted.sort((a, b) => key(a) - key(b) || menteeKey(a) - menteeKey(b));
}

const teamableCache = new WeakMap<Instance, Uint8Array | null>();

/**
 * Under the rule that a team's mentors come from different departments, with several mentors per team:
 * per mentee, 1 when the mentors they may be with come from enough departments to fill a team (a mentor
 * without a department counts alone), else 0: such a mentee can be in no team. Null when the rule cannot
 * bind.
 */
export function menteesWithEnoughDepartments(instance: Instance): Uint8Array | null {
  if (teamableCache.has(instance)) return teamableCache.get(instance) as Uint8Array | null;
  const departments = instance.mentorDepartments;
  const need = instance.shape.mentors.min;
  let result: Uint8Array | null = null;
  if (departments && need >= 2) {
    const M = instance.mentors.length;
    result = new Uint8Array(instance.mentees.length);
    const seen = new Int32Array(M).fill(-1);
    for (let e = 0; e < instance.mentees.length; e++) {
      let count = 0;
      for (let m = 0; m < M && count < need; m++) {
        if (!instance.allowed(m, e)) continue;
        const department = departments[m] as number;
        if (department >= 0) {
          if (seen[department] === e) continue;
          seen[department] = e;
        }
        count++;
      }
      result[e] = count >= need ? 1 : 0;
    }
  }
  teamableCache.set(instance, result);
  return result;
}
