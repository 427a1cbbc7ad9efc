import { maxTeams } from "./construct";
import type { Instance } from "./instance";
import { PackingLp } from "./packing-lp";
import type { RunControl } from "./run-control";
import { type DiversityCriterion, diversityPenaltyUnits, diversityUnits, SCORE_UNIT } from "./scoring";
import { type TeamDraft, teamUnits } from "./team";

/**
 * Shapes with several people on both sides (2:2, 2:1-3, 1-2:1-2) as a set-packing linear programme over
 * whole teams, solved by column generation: every complete team that meets the rules is a column worth its
 * exact score (pairs and team criteria), each person is a row covered at most once. The programme starts
 * from the teams of a first answer; each round solves it (packing-lp.ts) and prices every team against its
 * row prices λ: the teams of the side with fewer combinations are enumerated (for 2:2 at 200 people, the
 * 4,950 pairs of mentors), and for each the best partners of the other side are chosen exactly — with one
 * diversity criterion on that side by taking, one at a time, the partner adding most after the penalty,
 * which is exact because the penalty grows convexly per attribute.
 *
 * Bound: for any λ ≥ 0 and any packing of teams, Σ score ≤ Σ λ + (teams) × max(0, best reduced cost),
 * because each person's λ is counted at most once. With the most teams the shape allows and the best
 * reduced cost found by exact pricing this holds for every assignment, whatever λ the simplex gave; at the
 * programme's optimum the best reduced cost is 0 and the bound is the linear relaxation's value, which for
 * these problems is within a fraction of a percent of the best assignment.
 */
export interface ColumnsResult {
  /** Upper bound in units on the score of any assignment; null when the problem is too large to price. */
  boundUnits: number | null;
  /** Teams rounded from the programme's solution (complete, rules met; may place fewer than possible). */
  teams: TeamDraft[] | null;
  rounds: number;
  columns: number;
}

/**
 * Work per pricing round, at most: teams of the enumerated side × people of the other side (for 2:2, about
 * 270 people per side; 200 people in all take 0.5 million). Above it only the b-matching bound is used.
 */
const PRICING_LIMIT = 10_000_000;

type Side = "mentors" | "mentees";

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

export async function solveTeamColumns(
  instance: Instance,
  control: RunControl,
  start: readonly TeamDraft[],
  options: { incumbentUnits: () => number; pinned: boolean },
): Promise<ColumnsResult> {
  const { shape, scoring } = instance;
  const M = instance.mentors.length;
  const E = instance.mentees.length;
  const combos = (count: number, side: { min: number; max: number }) => {
    let total = 0;
    for (let a = side.min; a <= side.max; a++) total += choose(count, a);
    return total;
  };
  const enumerateMentors = combos(M, shape.mentors) <= combos(E, shape.mentees);
  const sideA: Side = enumerateMentors ? "mentors" : "mentees";
  const sideB: Side = enumerateMentors ? "mentees" : "mentors";
  const countA = enumerateMentors ? M : E;
  const countB = enumerateMentors ? E : M;
  const sizeA = shape[sideA];
  const sizeB = shape[sideB];
  const teamLimit = maxTeams(instance);
  if (combos(countA, sizeA) * countB > PRICING_LIMIT || teamLimit === 0)
    return { boundUnits: null, teams: null, rounds: 0, columns: 0 };

  // Pair scores by (a, b), −1 where the rules forbid the pair.
  const score = new Float64Array(countA * countB);
  for (let a = 0; a < countA; a++)
    for (let b = 0; b < countB; b++) {
      const [m, e] = enumerateMentors ? [a, b] : [b, a];
      score[a * countB + b] = instance.allowed(m, e) ? scoring.pairUnits(m, e) : -1;
    }
  const diversityA = scoring.diversity.filter((criterion) => criterion.among === sideA);
  const diversityB = scoring.diversity.filter((criterion) => criterion.among === sideB);
  // Mentors of one team from different departments: the enumerated side skips combinations that break it,
  // and on the chosen side at most one partner per department is taken.
  const departments = instance.mentorDepartments;
  const departmentsB = sideB === "mentors" ? departments : null;
  // One diversity criterion on the chosen side is priced exactly; with more, each counts its full weight
  // in the reduced cost (an over-estimate, so the bound stays valid) and the partners are chosen by pairs.
  // Under the departments rule the one-at-a-time choice is exact only when that criterion is on department
  // (the rule then leaves it nothing to take away); on another attribute it counts its full weight too.
  const exactB =
    diversityB.length <= 1 && (departmentsB === null || diversityB[0]?.attribute === "department")
      ? (diversityB[0] as DiversityCriterion | undefined)
      : undefined;
  const fullWeightB = diversityB.reduce((sum, criterion) => sum + criterion.weightUnits, 0);
  const rowOfA = (a: number) => (enumerateMentors ? a : M + a);
  const rowOfB = (b: number) => (enumerateMentors ? M + b : b);
  const draft = (membersA: readonly number[], membersB: readonly number[]): TeamDraft =>
    enumerateMentors
      ? { mentors: [...membersA], mentees: [...membersB] }
      : { mentors: [...membersB], mentees: [...membersA] };

  /** Every team generated so far, as rows with its score in points; the programmes draw on it. */
  const pool: { rows: number[]; points: number }[] = [];
  const known = new Set<string>();
  let lp = new PackingLp(M + E);
  /** People still free (diving fixes teams one after another). */
  const free = new Uint8Array(M + E).fill(1);
  /**
   * Points per person placed, added to each team's worth while diving: placement comes before score, and
   * a programme on scores alone may leave a few people out whom no team of the rest can take. 0 for the
   * bound.
   */
  let bonusPoints = 0;
  const addTeam = (team: TeamDraft) => {
    const rows = [...team.mentors, ...team.mentees.map((e) => M + e)].sort((x, y) => x - y);
    const key = rows.join(",");
    if (known.has(key)) return;
    known.add(key);
    const points = teamUnits(instance, team) / SCORE_UNIT;
    pool.push({ rows, points });
    lp.addColumn(rows, points + bonusPoints * rows.length);
  };
  for (const team of start) addTeam(team);

  const lambda = new Float64Array(M + E);
  let bestBound = Number.POSITIVE_INFINITY;
  let rounds = 0;

  /** Prices every team against λ: the best team per combination of side A, and the best reduced cost. */
  const price = async () => {
    const found: { reduced: number; a: number[]; b: number[] }[] = [];
    let bestReduced = 0;
    const sums = Array.from({ length: sizeA.max + 1 }, () => new Float64Array(countB));
    const members: number[] = [];
    const chosen: number[] = [];
    const counts = new Map<number, number>();
    let visited = 0;
    /** Departments already taken on side B while choosing partners (the rule's one per department). */
    const taken = new Set<number>();
    const partnersFor = (base: number) => {
      const w = sums[members.length] as Float64Array;
      let bestValue = Number.NEGATIVE_INFINITY;
      let bestList: number[] | null = null;
      for (let size = sizeB.min; size <= sizeB.max; size++) {
        const penalty = exactB ? diversityPenaltyUnits(exactB.weightUnits, size) : 0;
        chosen.length = 0;
        counts.clear();
        taken.clear();
        let value = base + (exactB ? exactB.weightUnits : fullWeightB);
        for (let k = 0; k < size; k++) {
          let pick = -1;
          let pickValue = Number.NEGATIVE_INFINITY;
          for (let b = 0; b < countB; b++) {
            const wb = w[b] as number;
            if (wb === Number.NEGATIVE_INFINITY || chosen.includes(b)) continue;
            if (departmentsB && taken.has(departmentsB[b] as number)) continue;
            const marginal = exactB ? wb - penalty * (counts.get(exactB.codes[b] as number) ?? 0) : wb;
            if (marginal > pickValue) {
              pickValue = marginal;
              pick = b;
            }
          }
          if (pick === -1) {
            value = Number.NEGATIVE_INFINITY;
            break;
          }
          chosen.push(pick);
          value += pickValue;
          if (departmentsB && (departmentsB[pick] as number) >= 0) taken.add(departmentsB[pick] as number);
          if (exactB) {
            const code = exactB.codes[pick] as number;
            counts.set(code, (counts.get(code) ?? 0) + 1);
          }
        }
        if (value > bestValue) {
          bestValue = value;
          bestList = [...chosen];
        }
      }
      return { value: bestValue, list: bestList };
    };
    const visit = async (from: number): Promise<boolean> => {
      const depth = members.length;
      if (depth >= sizeA.min) {
        let base = bonusPoints * SCORE_UNIT * members.length;
        for (const a of members) base -= lambda[rowOfA(a)] as number;
        for (const criterion of diversityA) base += diversityUnits(criterion, members);
        const { value, list } = partnersFor(base);
        if (list && value > 0) {
          if (value > bestReduced) bestReduced = value;
          // The actual reduced cost (exact diversity on side B) decides whether the team joins.
          const team = draft(members, list);
          let reduced = teamUnits(instance, team) + bonusPoints * SCORE_UNIT * (members.length + list.length);
          for (const a of members) reduced -= lambda[rowOfA(a)] as number;
          for (const b of list) reduced -= lambda[rowOfB(b)] as number;
          if (reduced > 0.5) found.push({ reduced, a: [...members], b: list });
        }
        if ((++visited & 1023) === 0) {
          await control.breathe();
          if (control.shouldStop()) return false;
        }
      }
      if (depth === sizeA.max) return true;
      const previous = sums[depth] as Float64Array;
      const next = sums[depth + 1] as Float64Array;
      for (let a = from; a < countA; a++) {
        if (!free[rowOfA(a)]) continue;
        if (sideA === "mentors" && !instance.mentorMayJoin(members, a)) continue;
        const row = a * countB;
        let any = false;
        for (let b = 0; b < countB; b++) {
          const pair = score[row + b] as number;
          const before = previous[b] as number;
          const value =
            pair < 0 || before === Number.NEGATIVE_INFINITY ? Number.NEGATIVE_INFINITY : before + pair;
          next[b] = value;
          if (value !== Number.NEGATIVE_INFINITY) any = true;
        }
        if (!any) continue;
        members.push(a);
        const goOn = await visit(a + 1);
        members.pop();
        if (!goOn) return false;
      }
      return true;
    };
    // Depth 0: each partner's own price.
    const first = sums[0] as Float64Array;
    for (let b = 0; b < countB; b++)
      first[b] = free[rowOfB(b)]
        ? bonusPoints * SCORE_UNIT - (lambda[rowOfB(b)] as number)
        : Number.NEGATIVE_INFINITY;
    const complete = await visit(0);
    return complete ? { found, bestReduced } : null;
  };

  /**
   * Column generation on the free people until no team prices out (true) or the run must stop (false).
   * With everyone free, each round's λ gives a bound on every assignment.
   */
  const generate = async (root: boolean): Promise<boolean> => {
    for (;;) {
      rounds++;
      if (lp.solve(20_000, () => control.shouldStop()) === "limit" && control.shouldStop()) return false;
      const duals = lp.duals();
      let sumLambda = 0;
      for (let r = 0; r < M + E; r++) {
        lambda[r] = free[r] ? Math.max(0, duals[r] as number) * SCORE_UNIT : 0;
        sumLambda += lambda[r] as number;
      }
      control.progress(Math.min(0.85, 0.4 + 0.01 * rounds), "pricing");
      const priced = await price();
      if (!priced) return false;
      if (root) {
        // Every assignment has at most `teamLimit` teams, each worth at most its λ plus the best reduced cost.
        const bound = Math.floor(sumLambda + teamLimit * priced.bestReduced + 1e-3);
        bestBound = Math.min(bestBound, bound);
        if (bestBound <= options.incumbentUnits()) return true;
      }
      if (priced.found.length === 0) return true;
      if (control.shouldStop()) return false;
      priced.found.sort((x, y) => y.reduced - x.reduced);
      const before = pool.length;
      for (const entry of priced.found.slice(0, 2 * (M + E))) addTeam(draft(entry.a, entry.b));
      // Only teams the programme already has (or was told to leave out) price out: nothing new to add.
      if (pool.length === before) return true;
    }
  };

  const rootDone = await generate(true);
  if (options.pinned || !rootDone || bestBound <= options.incumbentUnits())
    return {
      boundUnits: Number.isFinite(bestBound) ? bestBound : null,
      teams: null,
      rounds,
      columns: pool.length,
    };

  // Diving: with a bonus per person placed larger than any team's score, the programme places the most
  // people it can first. The teams it takes whole are fixed, else the one it takes most of; the programme
  // on the people left is solved again (with new columns priced for them), until it is whole.
  bonusPoints = 1 + pool.reduce((most, column) => Math.max(most, column.points), 0);
  const rebuild = () => {
    lp = new PackingLp(M + E);
    for (const column of pool)
      if (column.rows.every((r) => free[r] === 1))
        lp.addColumn(column.rows, column.points + bonusPoints * column.rows.length);
  };
  rebuild();
  if (!(await generate(false))) return { boundUnits: bestBound, teams: null, rounds, columns: pool.length };
  const fixed: TeamDraft[] = [];
  const teamOf = (rows: Int32Array | number[]): TeamDraft => {
    const mentors: number[] = [];
    const mentees: number[] = [];
    for (const r of rows) {
      if (r < M) mentors.push(r);
      else mentees.push(r - M);
    }
    return { mentors, mentees };
  };
  for (;;) {
    const x = lp.solution();
    const taken: number[] = [];
    let largest = -1;
    for (let j = 0; j < x.length; j++) {
      const value = x[j] as number;
      if (value >= 0.999) taken.push(j);
      if (value > 1e-6 && (largest === -1 || value > (x[largest] as number) + 1e-9)) largest = j;
    }
    const fractional = x.some((value) => value > 1e-6 && value < 0.999);
    if (!fractional) {
      for (const j of taken) fixed.push(teamOf(lp.column(j)));
      break;
    }
    const fix = taken.length > 0 ? taken : [largest];
    for (const j of fix) {
      const rows = lp.column(j);
      fixed.push(teamOf(rows));
      for (const r of rows) free[r] = 0;
    }
    rebuild();
    if (!(await generate(false))) break;
  }

  return {
    boundUnits: Number.isFinite(bestBound) ? bestBound : null,
    teams: fixed,
    rounds,
    columns: pool.length,
  };
}
