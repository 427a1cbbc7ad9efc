import { readFileSync } from "node:fs";
import path from "node:path";
import type { MatchingProblemInput } from "../src/problem";

export const examplesFolder = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "examples");

export function example(name: string): MatchingProblemInput {
  return JSON.parse(readFileSync(path.join(examplesFolder, `${name}.json`), "utf8")) as MatchingProblemInput;
}

/** Yongin, standard mentoring (2025): 14 mentors with a few years of service, 24 new officials. */
export const yongin = () => example("yongin-standard-1-2");

/** Gangneung, reverse mentoring (2025): 30 juniors (grade 8-9, ≤ 5 years) and 10 managers, teams of 3 + 1. */
export const gangneung = () => example("gangneung-reverse-3-1");

/** A result without its timings, for comparing two runs. */
export function withoutStats<T extends { stats: unknown }>(result: T): Omit<T, "stats"> {
  const { stats: _stats, ...rest } = result;
  return rest;
}
