import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { examplesFolder } from "../test/fixtures";
import { main } from "./cli";
import { hardRuleViolations } from "./hard-rules";
import type { MatchingProblemInput } from "./problem";
import type { MatchingResult } from "./result";

/** Runs the CLI in-process and returns its exit code, standard output and standard error. */
async function run(args: string[]) {
  let stdout = "";
  const errors: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(console, "error").mockImplementation((...parts) => {
    errors.push(parts.join(" "));
  });
  const code = await main(args);
  return { code, stdout, stderr: errors.join("\n") };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const examples = readdirSync(examplesFolder).filter((file) => file.endsWith(".json"));

describe("npm run match -- problem.json", () => {
  it("has one example per team shape cities use", () => {
    expect(examples.sort()).toEqual([
      "eight-to-one.json",
      "gangneung-reverse-3-1.json",
      "one-to-one.json",
      "one-to-seven.json",
      "two-to-two.json",
      "yongin-standard-1-2.json",
    ]);
  });

  it.each(examples)("solves %s and prints teams, scores, objective, bound and gap as JSON", async (file) => {
    const { code, stdout } = await run([path.join(examplesFolder, file)]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as MatchingResult;
    expect(result.status === "optimal" || result.status === "feasible").toBe(true);
    expect(result.teams.length).toBeGreaterThan(0);
    expect(result.bound).toBeGreaterThanOrEqual(result.objective);
    expect(result.gap).not.toBeNull();
    for (const team of result.teams) expect(team.pairs.length).toBeGreaterThan(0);
  });

  it("reads mentorsFromDifferentDepartments from the problem's constraints and explains each pair", async () => {
    const problem = JSON.parse(
      readFileSync(path.join(examplesFolder, "gangneung-reverse-3-1.json"), "utf8"),
    ) as MatchingProblemInput;
    problem.constraints = { ...problem.constraints, mentorsFromDifferentDepartments: true };
    const folder = mkdtempSync(path.join(tmpdir(), "matching-cli-"));
    const file = path.join(folder, "problem.json");
    writeFileSync(file, JSON.stringify(problem));
    try {
      const { code, stdout } = await run([file]);
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as MatchingResult;
      expect(hardRuleViolations(problem, result)).toEqual([]);
      expect(result.teams).toHaveLength(10);
      const department = new Map(problem.participants.map((person) => [person.id, person.department]));
      for (const team of result.teams) {
        const departments = team.mentorIds
          .map((id) => department.get(id))
          .filter((name) => name !== undefined);
        expect(new Set(departments).size).toBe(departments.length);
        for (const pair of team.pairs) expect(pair.breakdown.length).toBeGreaterThan(0);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("names the field of each error in an invalid problem", async () => {
    const file = path.join(examplesFolder, "..", "test", "invalid-problem.json");
    const { code, stderr } = await run([file]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "participants[1].role: Invalid enum value. Expected 'mentor' | 'mentee', received 'coach'",
    );
    expect(stderr).toContain("teamShape.mentees.max: min must not be greater than max");
  });

  it("explains a missing file and a missing argument", async () => {
    expect((await run(["no-such-problem.json"])).stderr).toContain("cannot read");
    expect((await run([])).code).toBe(2);
  });
});
