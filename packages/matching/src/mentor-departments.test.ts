import { describe, expect, it } from "vitest";
import { gangneung } from "../test/fixtures";
import { hardRuleViolations } from "./hard-rules";
import { type MatchingProblemInput, parseMatchingProblem, type TeamShape } from "./problem";
import type { MatchingResult } from "./result";
import { solveMatching } from "./solve";
import { syntheticProblem } from "./synthetic";

const reverseShape: TeamShape = { mentors: { min: 3, max: 3 }, mentees: { min: 1, max: 1 } };
const twoByTwo: TeamShape = { mentors: { min: 2, max: 2 }, mentees: { min: 2, max: 2 } };

/**
 * Mentors and mentees by department, scored by an outside assessment (0-100, unlisted pairs 50): the
 * `scores` decide where the best teams are.
 */
function assessed(
  shape: TeamShape,
  mentorDepartments: (string | undefined)[],
  menteeDepartments: string[],
  scores: [mentor: number, mentee: number, score: number][],
  mentorsFromDifferentDepartments: boolean,
): MatchingProblemInput {
  return {
    participants: [
      ...mentorDepartments.map((department, index) => ({
        id: `mentor-${index + 1}`,
        role: "mentor" as const,
        department,
      })),
      ...menteeDepartments.map((department, index) => ({
        id: `mentee-${index + 1}`,
        role: "mentee" as const,
        department,
      })),
    ],
    teamShape: shape,
    criteria: [
      {
        kind: "pair_scores",
        weight: 1,
        missing: 50,
        scores: scores.map(([mentor, mentee, score]) => ({
          mentorId: `mentor-${mentor}`,
          menteeId: `mentee-${mentee}`,
          score,
        })),
      },
    ],
    constraints: { mentorsFromDifferentDepartments },
  };
}

/** The mentor pairs of one team that share a department. */
function sameDepartmentMentors(problem: MatchingProblemInput, result: MatchingResult): string[][] {
  const department = new Map(problem.participants.map((person) => [person.id, person.department]));
  return result.teams.flatMap((team) =>
    team.mentorIds.flatMap((a, index) =>
      team.mentorIds
        .slice(index + 1)
        .filter((b) => department.get(a) !== undefined && department.get(a) === department.get(b))
        .map((b) => [a, b]),
    ),
  );
}

const teamOf = (result: MatchingResult, id: string) =>
  result.teams.find((team) => team.mentorIds.includes(id) || team.menteeIds.includes(id));

describe("mentors of one team from different departments", () => {
  // Mentors 1 and 2 (both of 건축과) are by far the best for mentee 1 and poor for mentee 2.
  const reverse = (rule: boolean) =>
    assessed(
      reverseShape,
      ["건축과", "건축과", "세정과", "회계과", "총무과", "관광과"],
      ["복지정책과", "교통정책과"],
      [
        [1, 1, 100],
        [2, 1, 100],
        [1, 2, 0],
        [2, 2, 0],
      ],
      rule,
    );

  it("two mentors of one department are never in one reverse team when the template says so", async () => {
    const without = await solveMatching(reverse(false));
    expect(teamOf(without, "mentor-1")).toBe(teamOf(without, "mentor-2"));
    expect(without.objective).toBe(4);

    const problem = reverse(true);
    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(sameDepartmentMentors(problem, result)).toEqual([]);
    expect(teamOf(result, "mentor-1")).not.toBe(teamOf(result, "mentor-2"));
    expect(result.unplaced).toEqual([]);
    // Mentor 1 or 2 with mentee 1 and two others (2 points), the other with mentee 2 and two others (1).
    expect(result.objective).toBe(3);
    expect(result.status).toBe("optimal");
    expect(result.bound).toBe(3);
  });

  it("says nothing against the teams when the rule is off, and names the mentors when it is on", async () => {
    const without = await solveMatching(reverse(false));
    expect(hardRuleViolations(reverse(false), without)).toEqual([]);
    const shared = teamOf(without, "mentor-1")?.number;
    expect(hardRuleViolations(reverse(true), without)).toEqual([
      `mentors mentor-1 and mentor-2 share a department in team ${shared}`,
    ]);
  });

  it("a mentor without a department goes with anyone", async () => {
    const problem = assessed(reverseShape, [undefined, undefined, undefined], ["복지정책과"], [], true);
    const result = await solveMatching(problem);
    expect(result.teams).toHaveLength(1);
    expect(hardRuleViolations(problem, result)).toEqual([]);
  });

  it("leaves out a mentor the rule keeps from every team, with the reason the engine gives when no team has room", async () => {
    // Three mentors of 건축과 and four of other departments for two teams: a third 건축과 mentor would
    // join one of the other two.
    const problem = assessed(
      reverseShape,
      ["건축과", "건축과", "건축과", "세정과", "회계과", "총무과", "관광과"],
      ["복지정책과", "교통정책과"],
      [[3, 1, 100]],
      true,
    );
    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(result.teams).toHaveLength(2);
    expect(sameDepartmentMentors(problem, result)).toEqual([]);
    const left = result.unplaced.map((person) => [person.role, person.reason.code]);
    // Every team has its three mentors and no mentee is left for another.
    expect(left).toEqual([["mentor", "not_enough_partners"]]);
    expect(["mentor-1", "mentor-2"]).toContain(result.unplaced[0]?.participantId);
  });

  it("says no team can form when no mentee has mentors of enough departments, and why each is left out", async () => {
    const problem = assessed(
      { mentors: { min: 4, max: 4 }, mentees: { min: 1, max: 1 } },
      ["건축과", "건축과", "세정과", "세정과", "회계과", "회계과"],
      ["복지정책과"],
      [],
      true,
    );
    const result = await solveMatching(problem);
    expect(result.status).toBe("infeasible");
    expect(result.teams).toEqual([]);
    expect(result.issues.map((entry) => entry.code)).toEqual(["no_team_possible"]);
    expect(new Set(result.unplaced.map((person) => person.reason.code))).toEqual(
      new Set(["no_eligible_partner"]),
    );
    expect(hardRuleViolations(problem, result)).toEqual([]);
  });

  it("keeps a mentee out when the mentors left come from too few departments", async () => {
    const problem = assessed(
      reverseShape,
      ["건축과", "건축과", "건축과", "세정과", "회계과"],
      ["복지정책과", "교통정책과"],
      [],
      true,
    );
    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(result.teams).toHaveLength(1);
    const mentee = result.unplaced.filter((person) => person.role === "mentee");
    expect(mentee.map((person) => person.reason.code)).toEqual(["not_enough_partners"]);
  });

  it("in 2:2 teams (column generation) keeps two mentors of one department apart where they would score most together", async () => {
    // Mentors 1 and 2 (건축과) score 100 with mentees 1 and 2; everything else 50.
    const problem = (rule: boolean) =>
      assessed(
        twoByTwo,
        ["건축과", "건축과", "세정과", "회계과"],
        ["복지정책과", "교통정책과", "총무과", "관광과"],
        [
          [1, 1, 100],
          [1, 2, 100],
          [2, 1, 100],
          [2, 2, 100],
        ],
        rule,
      );
    const without = await solveMatching(problem(false));
    expect(teamOf(without, "mentor-1")).toBe(teamOf(without, "mentor-2"));
    const result = await solveMatching(problem(true));
    expect(hardRuleViolations(problem(true), result)).toEqual([]);
    expect(teamOf(result, "mentor-1")).not.toBe(teamOf(result, "mentor-2"));
    expect(result.unplaced).toEqual([]);
    // 1 and 2 each with mentees 1 and 2 is impossible now: one of them takes both (2 points + 2 × 0.5).
    expect(result.objective).toBe(5);
    expect(result.bound).not.toBeNull();
    expect(result.bound as number).toBeGreaterThanOrEqual(result.objective);
  });

  const large = (shape: TeamShape | undefined, mentors: number, mentees: number, departments: number) => {
    const problem = syntheticProblem({ seed: 18, kind: "reverse", mentors, mentees, departments, shape });
    problem.constraints = { ...problem.constraints, mentorsFromDifferentDepartments: true };
    return problem;
  };

  for (const [name, problem] of [
    ["reverse 3:1, 450 juniors and 150 managers of 12 departments", large(undefined, 450, 150, 12)],
    // Here a third of the juniors are of one department: the rule leaves people out.
    ["reverse 3:1, 225 juniors and 75 managers of 8 departments", large(undefined, 225, 75, 8)],
    ["2:2, 100 mentors and 100 mentees", large(twoByTwo, 100, 100, 6)],
    [
      "2-3:1, 250 mentors and 100 mentees",
      large({ ...reverseShape, mentors: { min: 2, max: 3 } }, 250, 100, 6),
    ],
  ] as const)
    it(`a time limit of 50 ms still keeps mentors of one team in different departments: ${name}`, async () => {
      const result = await solveMatching(problem, { timeLimitMs: 50 });
      expect(result.teams.length).toBeGreaterThan(0);
      expect(hardRuleViolations(problem, result)).toEqual([]);
      expect(sameDepartmentMentors(problem, result)).toEqual([]);
      if (result.bound !== null) expect(result.objective).toBeLessThanOrEqual(result.bound);
    });

  it("on Gangneung's juniors the teams already spread departments; the rule makes it certain, at no cost", async () => {
    const plain = gangneung();
    const problem = {
      ...plain,
      constraints: { ...plain.constraints, mentorsFromDifferentDepartments: true },
    };
    const before = await solveMatching(plain);
    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(result.teams).toHaveLength(10);
    expect(result.status).toBe("optimal");
    expect(result.objective).toBeLessThanOrEqual(before.objective);
  });
});

describe("pins and the different-departments rule", () => {
  const pinned = (pins: [mentor: number, mentee: number][]) => ({
    ...assessed(reverseShape, ["건축과", "건축과", "세정과", "회계과"], ["복지정책과"], [], true),
    constraints: {
      mentorsFromDifferentDepartments: true,
      pinned: pins.map(([mentor, mentee]) => ({
        mentorId: `mentor-${mentor}`,
        menteeId: `mentee-${mentee}`,
      })),
    },
  });

  it("a pin that would put two mentors of one department together is refused", async () => {
    const parsed = parseMatchingProblem(
      pinned([
        [1, 1],
        [2, 1],
      ]),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'constraints.pinned[1].mentorId: pins would put mentors "mentor-1" and "mentor-2", both of department "건축과", in one team; mentorsFromDifferentDepartments keeps them apart',
      ],
    });
    await expect(
      solveMatching(
        pinned([
          [1, 1],
          [2, 1],
        ]),
      ),
    ).rejects.toThrow(/mentorsFromDifferentDepartments keeps them apart/);
  });

  it("pins that chain two mentors of one department through their mentees are refused at the pin that joins them", () => {
    const problem = {
      ...assessed(twoByTwo, ["건축과", "세정과", "건축과"], ["복지정책과", "교통정책과"], [], true),
      constraints: {
        mentorsFromDifferentDepartments: true,
        pinned: [
          { mentorId: "mentor-1", menteeId: "mentee-1" },
          { mentorId: "mentor-3", menteeId: "mentee-2" },
          { mentorId: "mentor-1", menteeId: "mentee-2" },
        ],
      },
    };
    const parsed = parseMatchingProblem(problem);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatch(
      /^constraints\.pinned\[2\]\.mentorId: pins would put mentors "mentor-3" and "mentor-1"/,
    );
  });

  it("pins of mentors from different departments stand, and the team's third mentor is of a third", async () => {
    const problem = pinned([
      [1, 1],
      [3, 1],
    ]);
    expect(parseMatchingProblem(problem).ok).toBe(true);
    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(result.teams.map((team) => team.mentorIds)).toEqual([["mentor-1", "mentor-3", "mentor-4"]]);
  });

  it("the same pins are fine when the rule is off", () => {
    const problem = pinned([
      [1, 1],
      [2, 1],
    ]);
    problem.constraints.mentorsFromDifferentDepartments = false;
    expect(parseMatchingProblem(problem).ok).toBe(true);
  });
});
