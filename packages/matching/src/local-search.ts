import type { Instance } from "./instance";
import { seededRandom } from "./random";
import type { RunControl } from "./run-control";
import { type TeamDraft, teamAllowed, teamUnits } from "./team";

type Role = "mentors" | "mentees";

/**
 * Improves complete teams with moves that keep every team complete and every rule met: a person moves to
 * another team with room, two people of one role swap teams, or a free person takes a placed person's
 * seat. A move is taken when it places someone more or raises the exact objective (team-internal terms
 * included). Pinned people never move. The move order is shuffled from the seed, so a run is repeatable.
 */
export async function improveTeams(
  instance: Instance,
  start: readonly TeamDraft[],
  control: RunControl,
  options: {
    seed: number;
    onImproved?: (teams: TeamDraft[]) => void;
    /** A proven upper bound in units: once the teams reach it nothing is left to improve, and the search ends. */
    boundUnits?: number | null;
  },
): Promise<TeamDraft[]> {
  const { shape } = instance;
  const teams = start.map((team) => ({ mentors: [...team.mentors], mentees: [...team.mentees] }));
  const units = teams.map((team) => teamUnits(instance, team));
  const where: Record<Role, Int32Array> = {
    mentors: new Int32Array(instance.mentors.length).fill(-1),
    mentees: new Int32Array(instance.mentees.length).fill(-1),
  };
  teams.forEach((team, t) => {
    for (const m of team.mentors) where.mentors[m] = t;
    for (const e of team.mentees) where.mentees[e] = t;
  });
  const frozen: Record<Role, Set<number>> = {
    mentors: new Set(instance.pinned.map((pin) => pin.mentor)),
    mentees: new Set(instance.pinned.map((pin) => pin.mentee)),
  };
  const limits = { mentors: shape.mentors, mentees: shape.mentees };
  const random = seededRandom(options.seed);
  const fits = (team: TeamDraft, role: Role, person: number) =>
    role === "mentors"
      ? team.mentees.every((e) => instance.allowed(person, e)) && instance.mentorMayJoin(team.mentors, person)
      : team.mentors.every((m) => instance.allowed(m, person));
  const replaced = (team: TeamDraft, role: Role, out: number, into: number): TeamDraft => {
    const list = team[role].filter((x) => x !== out);
    if (into >= 0) list.push(into);
    return role === "mentors"
      ? { mentors: list, mentees: team.mentees }
      : { mentors: team.mentors, mentees: list };
  };
  const people: [Role, number][] = [];
  for (const role of ["mentors", "mentees"] as const)
    for (let p = 0; p < where[role].length; p++) if (!frozen[role].has(p)) people.push([role, p]);

  const bound = options.boundUnits ?? null;
  const proven = () => bound !== null && units.reduce((sum, value) => sum + value, 0) >= bound;
  let improvedAny = true;
  let pass = 0;
  // Asked in this order so that a search with nothing left to do is not reported as cut short.
  while (improvedAny && !proven() && !control.shouldStop()) {
    improvedAny = false;
    pass++;
    random.shuffle(people);
    const teamOrder = teams.map((_, t) => t);
    for (let index = 0; index < people.length; index++) {
      const [role, person] = people[index] as [Role, number];
      if ((index & 31) === 31) {
        control.progress(0.9 + 0.09 * (1 - 1 / (pass + 1)), "local_search");
        await control.breathe();
        if (proven() || control.shouldStop()) break;
      }
      const from = where[role][person] as number;
      const fromTeam = from >= 0 ? (teams[from] as TeamDraft) : null;
      // Candidate teams: all when few, else a fresh sample each time.
      let targets = teamOrder;
      if (teams.length > 60) {
        targets = [];
        for (let k = 0; k < 40; k++) targets.push(random.below(teams.length));
      }
      let best: { gain: number; apply: () => void } | null = null;
      const consider = (gain: number, apply: () => void) => {
        if (gain > 0 && (!best || gain > best.gain)) best = { gain, apply };
      };
      for (const to of targets) {
        if (to === from) continue;
        const toTeam = teams[to] as TeamDraft;
        // Move into a team with room.
        if (
          toTeam[role].length < limits[role].max &&
          (fromTeam === null || fromTeam[role].length > limits[role].min) &&
          fits(toTeam, role, person)
        ) {
          const grown = replaced(toTeam, role, -1, person);
          const grownUnits = teamUnits(instance, grown);
          const shrunk = fromTeam ? replaced(fromTeam, role, person, -1) : null;
          const shrunkUnits = shrunk ? teamUnits(instance, shrunk) : 0;
          // Placing a free person always wins: placement comes before score.
          const gain = fromTeam
            ? grownUnits - (units[to] as number) + shrunkUnits - (units[from] as number)
            : Number.MAX_SAFE_INTEGER;
          consider(gain, () => {
            teams[to] = grown;
            units[to] = grownUnits;
            where[role][person] = to;
            if (shrunk) {
              teams[from] = shrunk;
              units[from] = shrunkUnits;
            }
          });
        }
        // Swap with someone of the same role there.
        for (const mate of toTeam[role]) {
          if (frozen[role].has(mate)) continue;
          const toAfter = replaced(toTeam, role, mate, person);
          if (!fits(replaced(toTeam, role, mate, -1), role, person)) continue;
          if (fromTeam && !fits(replaced(fromTeam, role, person, -1), role, mate)) continue;
          const toUnits = teamUnits(instance, toAfter);
          const fromAfter = fromTeam ? replaced(fromTeam, role, person, mate) : null;
          const fromUnits = fromAfter ? teamUnits(instance, fromAfter) : 0;
          const gain =
            toUnits - (units[to] as number) + (fromAfter ? fromUnits - (units[from] as number) : 0);
          consider(gain, () => {
            teams[to] = toAfter;
            units[to] = toUnits;
            where[role][person] = to;
            where[role][mate] = from;
            if (fromAfter) {
              teams[from] = fromAfter;
              units[from] = fromUnits;
            }
          });
        }
      }
      const chosen = best as { gain: number; apply: () => void } | null;
      if (chosen) {
        chosen.apply();
        improvedAny = true;
      }
    }
    if (improvedAny)
      options.onImproved?.(teams.map((team) => ({ mentors: [...team.mentors], mentees: [...team.mentees] })));
  }
  return teams;
}

/** The subsets of `items` with a size in [min, max]. */
function subsets(items: readonly number[], min: number, max: number): number[][] {
  const result: number[][] = [];
  const count = items.length;
  for (let mask = 0; mask < 1 << count; mask++) {
    let size = 0;
    for (let bit = 0; bit < count; bit++) if (mask & (1 << bit)) size++;
    if (size < min || size > max) continue;
    result.push(items.filter((_, bit) => (mask & (1 << bit)) !== 0));
  }
  return result;
}

/**
 * Two teams at a time, re-formed as the best two teams of their people (every split of their mentors and of
 * their mentees that fits the shape and the rules): a move the one-person moves of `improveTeams` cannot
 * make when swapping any one person alone loses. Teams holding pinned people are left as they are. Repeats
 * until no pair of teams improves; returns the teams and whether any changed.
 */
export async function recombineTeams(
  instance: Instance,
  start: readonly TeamDraft[],
  control: RunControl,
  options: { boundUnits?: number | null } = {},
): Promise<{ teams: TeamDraft[]; changed: boolean }> {
  const { shape } = instance;
  const teams = start.map((team) => ({ mentors: [...team.mentors], mentees: [...team.mentees] }));
  const units = teams.map((team) => teamUnits(instance, team));
  const pinnedPeople = new Set(instance.pinned.flatMap((pin) => [`m${pin.mentor}`, `e${pin.mentee}`]));
  const movable = teams.map(
    (team) =>
      !team.mentors.some((m) => pinnedPeople.has(`m${m}`)) &&
      !team.mentees.some((e) => pinnedPeople.has(`e${e}`)),
  );
  // Only unions small enough to enumerate every split (2:2 has 6 × 6 splits per pair of teams; 3:3 at most
  // 20 × 20).
  if (2 * shape.mentors.max + 2 * shape.mentees.max > 12) return { teams, changed: false };
  const bound = options.boundUnits ?? null;
  let changed = false;
  let improved = true;
  let visited = 0;
  while (improved) {
    improved = false;
    for (let p = 0; p < teams.length; p++) {
      for (let q = p + 1; q < teams.length; q++) {
        if (!movable[p] || !movable[q]) continue;
        if ((++visited & 255) === 0) {
          await control.breathe();
          if (bound !== null && units.reduce((sum, value) => sum + value, 0) >= bound)
            return { teams, changed };
          if (control.shouldStop()) return { teams, changed };
        }
        const first = teams[p] as TeamDraft;
        const second = teams[q] as TeamDraft;
        const mentors = [...first.mentors, ...second.mentors].sort((x, y) => x - y);
        const mentees = [...first.mentees, ...second.mentees].sort((x, y) => x - y);
        const before = (units[p] as number) + (units[q] as number);
        let best: [TeamDraft, TeamDraft, number, number] | null = null;
        let bestTotal = before;
        const mentorSplits = subsets(mentors, shape.mentors.min, shape.mentors.max).filter(
          (part) =>
            mentors.length - part.length >= shape.mentors.min &&
            mentors.length - part.length <= shape.mentors.max,
        );
        const menteeSplits = subsets(mentees, shape.mentees.min, shape.mentees.max).filter(
          (part) =>
            mentees.length - part.length >= shape.mentees.min &&
            mentees.length - part.length <= shape.mentees.max,
        );
        for (const mentorPart of mentorSplits)
          for (const menteePart of menteeSplits) {
            const one = { mentors: mentorPart, mentees: menteePart };
            if (!teamAllowed(instance, one)) continue;
            const two = {
              mentors: mentors.filter((m) => !mentorPart.includes(m)),
              mentees: mentees.filter((e) => !menteePart.includes(e)),
            };
            if (!teamAllowed(instance, two)) continue;
            const oneUnits = teamUnits(instance, one);
            const twoUnits = teamUnits(instance, two);
            if (oneUnits + twoUnits > bestTotal) {
              bestTotal = oneUnits + twoUnits;
              best = [one, two, oneUnits, twoUnits];
            }
          }
        if (best) {
          [teams[p], teams[q], units[p], units[q]] = best;
          improved = true;
          changed = true;
        }
      }
    }
  }
  return { teams, changed };
}
