// Matching at the sizes of one city's cohort (40), a large city's yearly intake (1,000) and a province-wide
// run (10,000), in both team shapes with the different-department rule: standard 1:1-2 (14:24 mentors to
// mentees, as in Yongin) and reverse 3:1 (juniors mentoring managers, as in Gangneung). Prints time,
// objective, proven bound, gap, time to the first feasible answer, and the greedy baseline (pairs by score,
// fill) on the same input. Targets: ≤ 100 people gap 0 in < 1 s; 1,000 gap ≤ 0.1% in < 2 s; 10,000 gap
// ≤ 0.5% in < 30 s with a first answer in < 5 s. Then 2:2 (two mentors, two mentees, Yongin's criteria)
// at 40, 100 and 200 people, solved by column generation over whole teams: target a proven gap ≤ 1%.
// Usage: npm run bench -w @mentoring/matching (BENCH_SIZES=40,1000 and BENCH_MANY_SIZES=40,100 to choose
// sizes; BENCH_MANY_SIZES= for none). Figures are kept in bench/results.md.

import { hardRuleViolations } from "../src/hard-rules";
import {
  buildInstance,
  greedyBaseline,
  matchingProblemSchema,
  solveMatching,
  syntheticProblem,
} from "../src/index";

const SIZES = (process.env.BENCH_SIZES ?? "40,100,1000,10000").split(",").filter(Boolean).map(Number);
const MANY_SIZES = (process.env.BENCH_MANY_SIZES ?? "40,100,200").split(",").filter(Boolean).map(Number);
const rows: Record<string, string | number>[] = [];
const failures: string[] = [];

const runs = [
  ...(["standard", "reverse"] as const).flatMap((kind) =>
    SIZES.map((size) => ({ kind, size, manyToMany: false as boolean })),
  ),
  ...MANY_SIZES.map((size) => ({ kind: "standard" as const, size, manyToMany: true })),
];
for (const { kind, size, manyToMany } of runs) {
  {
    const mentors = manyToMany
      ? size / 2
      : kind === "standard"
        ? Math.round((size * 14) / 38)
        : Math.round((size * 3) / 4);
    const input = syntheticProblem({
      seed: 2025,
      kind,
      mentors,
      mentees: size - mentors,
      ...(manyToMany ? { shape: { mentors: { min: 2, max: 2 }, mentees: { min: 2, max: 2 } } } : {}),
    });
    const started = performance.now();
    const result = await solveMatching(input, { timeLimitMs: 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const greedy = greedyBaseline(buildInstance(matchingProblemSchema.parse(input)));
    const violations = hardRuleViolations(input, result);
    const greedyObjective = greedy.units / 1_000_000;
    rows.push({
      shape: manyToMany ? "2:2" : kind === "standard" ? "1:1-2" : "3:1",
      people: size,
      "mentors:mentees": `${mentors}:${size - mentors}`,
      seconds: seconds.toFixed(2),
      "first answer s": ((result.stats.firstAnswerMs ?? Number.NaN) / 1000).toFixed(2),
      objective: result.objective.toFixed(3),
      bound: result.bound?.toFixed(3) ?? "—",
      "gap %": result.gap === null ? "—" : (result.gap * 100).toFixed(4),
      teams: result.teams.length,
      unplaced: result.unplaced.length,
      "greedy objective": greedyObjective.toFixed(3),
      "greedy incomplete teams": greedy.incomplete,
      "vs greedy %": (((result.objective - greedyObjective) / greedyObjective) * 100).toFixed(2),
      method: result.stats.method,
    });
    if (violations.length > 0) failures.push(`${kind} ${size}: ${violations.slice(0, 3).join("; ")}`);
    if (result.objective < greedyObjective) failures.push(`${kind} ${size}: below greedy`);
    if (manyToMany && !(result.gap !== null && result.gap <= 0.01))
      failures.push(`2:2 ${size}: gap ${result.gap} above 1%`);
  }
}

console.log("\nmatching engine: synthetic cohorts, different-department rule, seed 2025");
console.table(rows);
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exitCode = 1;
}
