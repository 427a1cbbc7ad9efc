import { describe, expect, it } from "vitest";
import { evaluateTeams } from "./evaluate";
import { hardRuleViolations } from "./hard-rules";
import type { MatchingProblemInput, TeamShape } from "./problem";
import type { MatchingResult } from "./result";
import { solveMatching } from "./solve";

const pairs: [string, string][] = [
  ["관광과", "문화예술과"],
  ["일자리경제과", "관광과"],
];

/** Mentors and mentees by department, mentors scored high with mentees of their own department. */
function crossDepartment(
  shape: TeamShape,
  mentorDepartments: (string | undefined)[],
  menteeDepartments: (string | undefined)[],
  departmentPairs: [string, string][],
): MatchingProblemInput {
  return {
    participants: [
      ...mentorDepartments.map((department, index) => ({
        id: `mentor-${index + 1}`,
        role: "mentor" as const,
        ...(department !== undefined && { department }),
      })),
      ...menteeDepartments.map((department, index) => ({
        id: `mentee-${index + 1}`,
        role: "mentee" as const,
        ...(department !== undefined && { department }),
      })),
    ],
    teamShape: shape,
    // The score pulls towards one department, which the pairs forbid: the rule, not the score, decides.
    criteria: [{ kind: "attribute", attribute: "department", prefer: "same", weight: 10 }],
    constraints: { departmentPairs },
  };
}

const departmentOf = (problem: MatchingProblemInput) =>
  new Map(problem.participants.map((person) => [person.id, person.department]));

/** Each mentor–mentee pair of the result as "mentor department|mentee department". */
function departmentPairsOf(problem: MatchingProblemInput, result: MatchingResult): string[] {
  const department = departmentOf(problem);
  return result.teams.flatMap((team) =>
    team.mentorIds.flatMap((mentor) =>
      team.menteeIds.map((mentee) => `${department.get(mentor)}|${department.get(mentee)}`),
    ),
  );
}

const named = (pair: string) => pairs.some(([a, b]) => pair === `${a}|${b}` || pair === `${b}|${a}`);

const oneToOne: TeamShape = { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 1 } };

describe("department pairs", () => {
  it("a mentor and a mentee share a team only if their departments form a named pair, in either order", async () => {
    const problem = crossDepartment(
      oneToOne,
      ["관광과", "문화예술과", "일자리경제과", "관광과"],
      ["관광과", "문화예술과", "관광과", "일자리경제과"],
      pairs,
    );
    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    const joined = departmentPairsOf(problem, result);
    expect(joined).toHaveLength(4);
    expect(joined.filter((pair) => !named(pair))).toEqual([]);

    // Without pairs, the score puts everyone with their own department.
    const free = await solveMatching({ ...problem, constraints: {} });
    expect(departmentPairsOf(problem, free).filter((pair) => !named(pair))).not.toEqual([]);
  });

  it("leaves out someone whose department is in no pair with anyone of the other role, and someone without a department", async () => {
    const problem = crossDepartment(
      oneToOne,
      ["관광과", "관광과"],
      ["문화예술과", "세정과", undefined],
      pairs,
    );
    const result = await solveMatching(problem);
    expect(result.teams).toHaveLength(1);
    expect(result.unplaced.map((person) => [person.participantId, person.reason.code]).sort()).toEqual([
      ["mentee-2", "no_eligible_partner"],
      ["mentee-3", "no_eligible_partner"],
      ["mentor-2", expect.any(String)],
    ]);
  });

  it("names a coordinator's team that joins departments of no pair, and says nothing when the pairs are empty", () => {
    const problem = crossDepartment(oneToOne, ["관광과"], ["세정과"], pairs);
    const teams = [{ mentorIds: ["mentor-1"], menteeIds: ["mentee-1"] }];
    expect(evaluateTeams(problem, teams).teams[0]?.violations).toEqual([
      { code: "department_pair", params: { mentorId: "mentor-1", menteeId: "mentee-1" } },
    ]);
    expect(evaluateTeams({ ...problem, constraints: {} }, teams).teams[0]?.violations).toEqual([]);
    expect(
      hardRuleViolations(problem, {
        status: "feasible",
        teams: [{ number: 1, mentorIds: ["mentor-1"], menteeIds: ["mentee-1"] }],
        unplaced: [],
      } as unknown as MatchingResult),
    ).toEqual(["mentor-1 and mentee-1 are of no department pair in team 1"]);
  });

  it("forms 1:2 teams of 200 people across four department pairs, every pair of a team a named one", async () => {
    const departments = ["관광과", "문화예술과", "일자리경제과", "체육진흥과", "세정과"];
    const cityPairs: [string, string][] = [
      ["관광과", "문화예술과"],
      ["관광과", "일자리경제과"],
      ["문화예술과", "체육진흥과"],
      ["세정과", "일자리경제과"],
    ];
    const shape: TeamShape = { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 2 } };
    const mentorDepartments = Array.from({ length: 70 }, (_, index) => departments[index % 5]);
    const menteeDepartments = Array.from({ length: 130 }, (_, index) => departments[(index * 3) % 5]);
    const problem = crossDepartment(shape, mentorDepartments, menteeDepartments, cityPairs);
    const started = performance.now();
    const result = await solveMatching(problem);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    const joined = departmentPairsOf(problem, result);
    expect(
      joined.filter((pair) => !cityPairs.some(([a, b]) => pair === `${a}|${b}` || pair === `${b}|${a}`)),
    ).toEqual([]);
    // Every mentor has a partner department, so every mentor leads a team.
    expect(result.teams).toHaveLength(70);
  });
});
