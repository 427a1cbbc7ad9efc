import type { Instance } from "./instance";
import { seededRandom } from "./random";
import { type TeamDraft, teamComplete, teamUnits } from "./team";

/** Mentor–mentee pairs with their scores, in the order greedy takes them. */
export interface PairList {
  mentor: Int32Array;
  mentee: Int32Array;
  units: Float64Array;
}

/** Indices of `pairs` by score, highest first; ties keep the list's order. */
export function byScore(pairs: PairList): Uint32Array {
  const n = pairs.units.length;
  let max = 0;
  for (const units of pairs.units) if (units > max) max = units;
  if ((max + 1) * n < Number.MAX_SAFE_INTEGER) {
    // One number per pair: descending score, then position; a typed-array sort needs no comparator.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (max - (pairs.units[i] as number)) * n + i;
    keys.sort();
    return Uint32Array.from(keys, (key) => key % n);
  }
  return Uint32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (pairs.units[b] as number) - (pairs.units[a] as number) || a - b,
  );
}

/** Every allowed pair (for the greedy baseline and small problems). */
export function allowedPairs(instance: Instance): PairList {
  const mentor: number[] = [];
  const mentee: number[] = [];
  const units: number[] = [];
  for (let m = 0; m < instance.mentors.length; m++)
    for (let e = 0; e < instance.mentees.length; e++)
      if (instance.allowed(m, e)) {
        mentor.push(m);
        mentee.push(e);
        units.push(instance.scoring.pairUnits(m, e));
      }
  return {
    mentor: Int32Array.from(mentor),
    mentee: Int32Array.from(mentee),
    units: Float64Array.from(units),
  };
}

/**
 * Pairs for a quick first answer on a large problem: each person with a seeded sample of partners
 * (allowed ones only), about `perPerson` each way instead of every pair.
 */
export function sampledPairs(instance: Instance, perPerson: number, seed: number): PairList {
  const M = instance.mentors.length;
  const E = instance.mentees.length;
  if (M * E <= 1_000_000) return allowedPairs(instance);
  const random = seededRandom(seed);
  const mentor: number[] = [];
  const mentee: number[] = [];
  const units: number[] = [];
  const add = (m: number, e: number) => {
    if (!instance.allowed(m, e)) return;
    mentor.push(m);
    mentee.push(e);
    units.push(instance.scoring.pairUnits(m, e));
  };
  for (let m = 0; m < M; m++) for (let k = 0; k < perPerson; k++) add(m, random.below(E));
  for (let e = 0; e < E; e++) for (let k = 0; k < perPerson; k++) add(random.below(M), e);
  return {
    mentor: Int32Array.from(mentor),
    mentee: Int32Array.from(mentee),
    units: Float64Array.from(units),
  };
}

/** The most teams the shape allows with this many mentors and mentees. */
export function maxTeams(
  instance: Instance,
  mentors = instance.mentors.length,
  mentees = instance.mentees.length,
) {
  const { shape } = instance;
  return Math.max(
    0,
    Math.min(Math.floor(mentors / shape.mentors.min), Math.floor(mentees / shape.mentees.min)),
  );
}

/**
 * Greedy: take pairs from the best score down; a pair of two free people starts a team (while fewer than
 * `teamLimit`), a free person joins the other's team while it has room and the rules allow. Teams may
 * end below the shape's minimum: that is the baseline a person sorting a spreadsheet would get.
 */
export function greedyFill(
  instance: Instance,
  pairs: PairList,
  teamLimit: number,
  seeds: readonly TeamDraft[] = [],
): TeamDraft[] {
  const { shape } = instance;
  const mentorTeam = new Int32Array(instance.mentors.length).fill(-1);
  const menteeTeam = new Int32Array(instance.mentees.length).fill(-1);
  const teams: TeamDraft[] = seeds.map((seed) => ({
    mentors: [...seed.mentors],
    mentees: [...seed.mentees],
  }));
  teams.forEach((team, t) => {
    for (const m of team.mentors) mentorTeam[m] = t;
    for (const e of team.mentees) menteeTeam[e] = t;
  });
  for (const index of byScore(pairs)) {
    const m = pairs.mentor[index] as number;
    const e = pairs.mentee[index] as number;
    const tm = mentorTeam[m] as number;
    const te = menteeTeam[e] as number;
    if (tm === -1 && te === -1) {
      if (teams.length < teamLimit) {
        mentorTeam[m] = teams.length;
        menteeTeam[e] = teams.length;
        teams.push({ mentors: [m], mentees: [e] });
      }
    } else if (tm !== -1 && te === -1) {
      const team = teams[tm] as TeamDraft;
      if (team.mentees.length < shape.mentees.max && team.mentors.every((x) => instance.allowed(x, e))) {
        team.mentees.push(e);
        menteeTeam[e] = tm;
      }
    } else if (tm === -1 && te !== -1) {
      const team = teams[te] as TeamDraft;
      if (
        team.mentors.length < shape.mentors.max &&
        team.mentees.every((x) => instance.allowed(m, x)) &&
        instance.mentorMayJoin(team.mentors, m)
      ) {
        team.mentors.push(m);
        mentorTeam[m] = te;
      }
    }
  }
  return teams;
}

/** The greedy baseline on every allowed pair, as reported next to the engine's answer. */
export function greedyBaseline(instance: Instance): {
  teams: TeamDraft[];
  incomplete: number;
  units: number;
} {
  const teams = greedyFill(instance, allowedPairs(instance), maxTeams(instance));
  return {
    teams,
    incomplete: teams.filter((team) => !teamComplete(instance, team)).length,
    units: teams.reduce((sum, team) => sum + teamUnits(instance, team), 0),
  };
}

type Role = "mentors" | "mentees";

function gain(instance: Instance, team: TeamDraft, role: Role, person: number): number | null {
  let sum = 0;
  if (role === "mentors" && !instance.mentorMayJoin(team.mentors, person)) return null;
  if (role === "mentors")
    for (const e of team.mentees) {
      if (!instance.allowed(person, e)) return null;
      sum += instance.scoring.pairUnits(person, e);
    }
  else
    for (const m of team.mentors) {
      if (!instance.allowed(m, person)) return null;
      sum += instance.scoring.pairUnits(m, person);
    }
  if (instance.scoring.diversity.length === 0) return sum;
  const before = instance.scoring.teamInternalUnits(team.mentors, team.mentees);
  team[role].push(person);
  const after = instance.scoring.teamInternalUnits(team.mentors, team.mentees);
  team[role].pop();
  return sum + after - before;
}

/**
 * The free person of `role` who adds the most to `team`, or -1. Among many free people the first few
 * hundred (by position) are weighed, all of them only when none of those may join.
 */
function bestAddition(instance: Instance, team: TeamDraft, role: Role, free: Set<number>): number {
  let best = -1;
  let bestGain = Number.NEGATIVE_INFINITY;
  let seen = 0;
  for (const person of free) {
    if (seen++ >= 300 && best !== -1) break;
    const value = gain(instance, team, role, person);
    if (value !== null && (value > bestGain || (value === bestGain && person < best))) {
      best = person;
      bestGain = value;
    }
  }
  return best;
}

/**
 * Turns any teams into complete ones: fills teams below the shape's minimum from free people, dissolves
 * those that cannot be filled (unless `keep` says a team holds pinned people), places free people where
 * there is room, and forms new teams from free people while the limit allows.
 */
export function repairTeams(
  instance: Instance,
  draft: readonly TeamDraft[],
  teamLimit: number,
  keep: (team: TeamDraft) => boolean = () => false,
): TeamDraft[] {
  const { shape } = instance;
  const teams = draft.map((team) => ({ mentors: [...team.mentors], mentees: [...team.mentees] }));
  const freeMentors = new Set<number>();
  const freeMentees = new Set<number>();
  const placedMentors = new Set(teams.flatMap((team) => team.mentors));
  const placedMentees = new Set(teams.flatMap((team) => team.mentees));
  for (let m = 0; m < instance.mentors.length; m++) if (!placedMentors.has(m)) freeMentors.add(m);
  for (let e = 0; e < instance.mentees.length; e++) if (!placedMentees.has(e)) freeMentees.add(e);
  const freeOf = (role: Role) => (role === "mentors" ? freeMentors : freeMentees);
  const kept: TeamDraft[] = [];
  /**
   * When no free person may join `team`, a member of a kept team (not one holding pins) may move over if
   * a free person can take their seat there (the first such exchange found, kept teams in order).
   */
  const borrow = (team: TeamDraft, role: Role) => {
    const free = [...freeOf(role)].slice(0, 200);
    for (const other of kept) {
      // Teams holding pinned people keep their members.
      if (other === team || keep(other)) continue;
      for (const member of other[role]) {
        if (gain(instance, team, role, member) === null) continue;
        const rest =
          role === "mentors"
            ? { ...other, mentors: other.mentors.filter((x) => x !== member) }
            : { ...other, mentees: other.mentees.filter((x) => x !== member) };
        const stand = free.find((person) => gain(instance, rest, role, person) !== null);
        if (stand === undefined) continue;
        other[role].splice(other[role].indexOf(member), 1, stand);
        freeOf(role).delete(stand);
        team[role].push(member);
        return true;
      }
    }
    return false;
  };
  const fillTo = (team: TeamDraft, role: Role, target: number): boolean => {
    while (team[role].length < target) {
      const person = bestAddition(instance, team, role, freeOf(role));
      if (person === -1) return borrow(team, role) && fillTo(team, role, target);
      team[role].push(person);
      freeOf(role).delete(person);
    }
    return true;
  };
  const fillToMinimum = (team: TeamDraft) => {
    // Alternate sides so a partner chosen for one side is checked against what the other side already has.
    for (;;) {
      const needMentors = team.mentors.length < shape.mentors.min;
      const needMentees = team.mentees.length < shape.mentees.min;
      if (!needMentors && !needMentees) return true;
      const role: Role =
        needMentees && (!needMentors || team.mentees.length <= team.mentors.length) ? "mentees" : "mentors";
      if (!fillTo(team, role, team[role].length + 1)) return false;
    }
  };

  for (const team of teams) {
    if (fillToMinimum(team) || keep(team)) kept.push(team);
    else {
      for (const m of team.mentors) freeMentors.add(m);
      for (const e of team.mentees) freeMentees.add(e);
    }
  }
  // Free people join the team they add most to, while there is room.
  const placeFree = (role: Role) => {
    const max = role === "mentors" ? shape.mentors.max : shape.mentees.max;
    const open = kept.filter((team) => team[role].length < max);
    for (const person of [...freeOf(role)].sort((a, b) => a - b)) {
      let best: TeamDraft | null = null;
      let bestGain = Number.NEGATIVE_INFINITY;
      for (const team of open) {
        if (team[role].length >= max) continue;
        const value = gain(instance, team, role, person);
        if (value !== null && value > bestGain) {
          best = team;
          bestGain = value;
        }
      }
      if (best) {
        best[role].push(person);
        freeOf(role).delete(person);
      }
    }
  };
  // New teams from free people: start from the best free pair, then fill to the minimum; when a seed
  // cannot be completed, the next best seed is tried.
  const failedSeeds = new Set<string>();
  while (
    kept.length < teamLimit &&
    freeMentors.size >= shape.mentors.min &&
    freeMentees.size >= shape.mentees.min
  ) {
    let bestPair: [number, number] | null = null;
    let bestUnits = Number.NEGATIVE_INFINITY;
    // Among many free people, the first few hundred of each role are enough to find a good seed.
    const someMentors = [...freeMentors].slice(0, 400);
    const someMentees = [...freeMentees].slice(0, 400);
    for (const m of someMentors)
      for (const e of someMentees)
        if (!failedSeeds.has(`${m}:${e}`) && instance.allowed(m, e)) {
          const units = instance.scoring.pairUnits(m, e);
          if (units > bestUnits) {
            bestUnits = units;
            bestPair = [m, e];
          }
        }
    if (!bestPair || failedSeeds.size >= 50) break;
    const team: TeamDraft = { mentors: [bestPair[0]], mentees: [bestPair[1]] };
    freeMentors.delete(bestPair[0]);
    freeMentees.delete(bestPair[1]);
    if (fillToMinimum(team)) kept.push(team);
    else {
      failedSeeds.add(`${bestPair[0]}:${bestPair[1]}`);
      for (const m of team.mentors) freeMentors.add(m);
      for (const e of team.mentees) freeMentees.add(e);
    }
  }
  placeFree("mentees");
  placeFree("mentors");
  return kept.filter((team) => teamComplete(instance, team));
}
