// `npm run match -- problem.json [--time-limit <ms>] [--seed <n>] [--progress]`: reads a matching problem
// (JSON, see docs/matching.md), solves it and prints the result as JSON on standard output, so an analyst
// can reproduce any run. Messages go to standard error. Exit codes: 0 solved, 1 infeasible, 2 bad input.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseMatchingProblem } from "./problem";
import { solveMatching } from "./solve";

const usage = "usage: npm run match -- problem.json [--time-limit <ms>] [--seed <n>] [--progress]";

export async function main(args: readonly string[]): Promise<number> {
  let file: string | undefined;
  let timeLimitMs: number | undefined;
  let seed: number | undefined;
  let progress = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--time-limit") timeLimitMs = Number(args[++i]);
    else if (arg === "--seed") seed = Number(args[++i]);
    else if (arg === "--progress") progress = true;
    else if (arg === "--help" || arg === "-h") {
      console.error(usage);
      return 0;
    } else if (!file && !arg.startsWith("-")) file = arg;
    else {
      console.error(`unknown argument ${arg}\n${usage}`);
      return 2;
    }
  }
  if (!file) {
    console.error(usage);
    return 2;
  }
  if ((timeLimitMs !== undefined && !(timeLimitMs > 0)) || (seed !== undefined && !Number.isInteger(seed))) {
    console.error(`--time-limit takes a positive number of milliseconds, --seed an integer\n${usage}`);
    return 2;
  }
  // npm runs scripts in the package folder; INIT_CWD is where the command was typed.
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(resolved, "utf8"));
  } catch (error) {
    console.error(`cannot read ${resolved}: ${(error as Error).message}`);
    return 2;
  }
  const parsed = parseMatchingProblem(json);
  if (!parsed.ok) {
    console.error(`${resolved} is not a valid matching problem:`);
    for (const line of parsed.errors) console.error(`  ${line}`);
    return 2;
  }
  const problem = parsed.problem;
  if (seed !== undefined) problem.settings.seed = seed;
  const result = await solveMatching(problem, {
    timeLimitMs,
    onProgress: progress
      ? (fraction, phase) =>
          process.stderr.write(`\r${(fraction * 100).toFixed(0).padStart(3)}% ${phase.padEnd(14)}`)
      : undefined,
  });
  if (progress) process.stderr.write("\n");
  for (const entry of result.issues) console.error(`${entry.code}: ${entry.message}`);
  console.error(
    `${result.status}: ${result.teams.length} teams, objective ${result.objective}, bound ${result.bound ?? "none"}, gap ${
      result.gap === null ? "unknown" : `${(result.gap * 100).toFixed(4)}%`
    }, ${result.unplaced.length} unplaced`,
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.status === "infeasible" ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  process.exitCode = await main(process.argv.slice(2));
}
