import { describe, expect, it } from "vitest";
import { gangneung, yongin } from "../test/fixtures";
import { evaluateTeams, type TeamAssignment } from "./evaluate";
import type { MatchingProblemInput } from "./problem";
import { solveMatching } from "./solve";

type Editable = { mentorIds: string[]; menteeIds: string[] };

const asAssignments = (teams: readonly TeamAssignment[]): Editable[] =>
  teams.map((team) => ({ mentorIds: [...team.mentorIds], menteeIds: [...team.menteeIds] }));

/** The team at `index`, which the test knows exists. */
const at = (teams: Editable[], index: number): Editable => {
  const team = teams[index];
  if (!team) throw new Error(`no team ${index}`);
  return team;
};

describe("evaluating teams someone put together", () => {
  it("scores the engine's own teams exactly as the engine did, with no violation", async () => {
    const problem = gangneung();
    const result = await solveMatching(problem);
    const evaluation = evaluateTeams(problem, asAssignments(result.teams));
    expect(evaluation.total).toBe(result.objective);
    evaluation.teams.forEach((team, index) => {
      const engine = result.teams[index];
      expect(team.score).toBe(engine?.score);
      expect(team.breakdown).toEqual(engine?.breakdown);
      expect(team.violations).toEqual([]);
    });
    expect(evaluation.criteria.map((criterion) => criterion.per)).toContain("team");
  });

  it("re-scores two teams after a swap, and reports a same-department pair when the rule is on", async () => {
    const problem = gangneung();
    const result = await solveMatching(problem);
    const byId = new Map(problem.participants.map((person) => [person.id, person]));
    const teams = asAssignments(result.teams);
    // Find a mentor who shares a department with another team's mentee: swapping them in breaks the rule.
    let swapped: { from: number; to: number; mentor: string; other: string } | null = null;
    for (let a = 0; a < teams.length && !swapped; a++)
      for (let b = 0; b < teams.length && !swapped; b++) {
        if (a === b) continue;
        const mentee = byId.get(teams[b]?.menteeIds[0] as string);
        const mentor = teams[a]?.mentorIds.find((id) => byId.get(id)?.department === mentee?.department);
        if (mentor) swapped = { from: a, to: b, mentor, other: teams[b]?.mentorIds[0] as string };
      }
    if (!swapped)
      throw new Error("the fixture has no mentor sharing a department with another team's mentee");
    const { from, to, mentor, other } = swapped;
    const edited = asAssignments(teams);
    at(edited, from).mentorIds = at(edited, from).mentorIds.map((id) => (id === mentor ? other : id));
    at(edited, to).mentorIds = at(edited, to).mentorIds.map((id) => (id === other ? mentor : id));

    const before = evaluateTeams(problem, teams);
    const after = evaluateTeams(problem, edited);
    expect(after.total).not.toBe(before.total);
    expect(after.teams[to]?.violations).toContainEqual({
      code: "same_department",
      params: { mentorId: mentor, menteeId: teams[to]?.menteeIds[0] },
    });
    // Teams the swap did not touch keep their scores.
    after.teams.forEach((team, index) => {
      if (index !== from && index !== to) expect(team.score).toBe(before.teams[index]?.score);
    });
  });

  it("reports a team left below or above the shape after a move", async () => {
    const problem = gangneung();
    const result = await solveMatching(problem);
    const teams = asAssignments(result.teams);
    const moved = teams[0]?.mentorIds[0] as string;
    at(teams, 0).mentorIds = at(teams, 0).mentorIds.slice(1);
    at(teams, 1).mentorIds = [...at(teams, 1).mentorIds, moved];
    const evaluation = evaluateTeams(problem, teams);
    expect(evaluation.teams[0]?.violations).toContainEqual({
      code: "too_few_mentors",
      params: { count: 2, min: 3, max: 3 },
    });
    expect(evaluation.teams[1]?.violations).toContainEqual({
      code: "too_many_mentors",
      params: { count: 4, min: 3, max: 3 },
    });
  });

  it("reports a pinned pair split across teams, a forbidden pair, someone twice and a stranger", async () => {
    const base = yongin();
    const result = await solveMatching(base);
    const teams = asAssignments(result.teams);
    const [first, second] = [at(teams, 0), at(teams, 1)];
    const problem: MatchingProblemInput = {
      ...base,
      constraints: {
        ...base.constraints,
        pinned: [{ mentorId: first.mentorIds[0] as string, menteeId: second.menteeIds[0] as string }],
        forbidden: [{ mentorId: first.mentorIds[0] as string, menteeId: first.menteeIds[0] as string }],
      },
    };
    const extra = [...teams, { mentorIds: ["nobody"], menteeIds: [first.menteeIds[0] as string] }];
    const evaluation = evaluateTeams(problem, extra);
    const codes = (index: number) => evaluation.teams[index]?.violations.map((violation) => violation.code);
    expect(codes(0)).toEqual(expect.arrayContaining(["pin_split", "forbidden", "in_two_teams"]));
    expect(codes(1)).toContain("pin_split");
    expect(codes(extra.length - 1)).toEqual(expect.arrayContaining(["not_a_participant", "in_two_teams"]));
  });
});

describe("re-checking a coordinator's edit against the mentors' departments rule", () => {
  const problem = (mentorsFromDifferentDepartments: boolean): MatchingProblemInput => ({
    participants: [
      { id: "mentor-a", role: "mentor", department: "tax" },
      { id: "mentor-b", role: "mentor", department: "tax" },
      { id: "mentor-c", role: "mentor", department: "roads" },
      { id: "mentor-d", role: "mentor" },
      { id: "mentee-a", role: "mentee", department: "parks" },
    ],
    teamShape: { mentors: { min: 1, max: 4 }, mentees: { min: 1, max: 1 } },
    criteria: [],
    constraints: { mentorsFromDifferentDepartments },
  });

  it("names both mentors of one department in a team when the rule is on, and nothing when it is off", () => {
    const team = { mentorIds: ["mentor-a", "mentor-c", "mentor-b", "mentor-d"], menteeIds: ["mentee-a"] };
    expect(evaluateTeams(problem(true), [team]).teams[0]?.violations).toEqual([
      { code: "mentors_same_department", params: { mentorId: "mentor-a", otherMentorId: "mentor-b" } },
    ]);
    expect(evaluateTeams(problem(false), [team]).teams[0]?.violations).toEqual([]);
  });

  it("lets mentors of different departments, or one without a department, share a team", () => {
    const team = { mentorIds: ["mentor-a", "mentor-c", "mentor-d"], menteeIds: ["mentee-a"] };
    expect(evaluateTeams(problem(true), [team]).teams[0]?.violations).toEqual([]);
  });
});
