import { describe, expect, it } from "vitest";
import { describeTeamShape, TEAM_SIDE_LIMIT, teamCountRange, teamShapeSchema } from "./team-shape";

const shape = (mentors: [number, number], mentees: [number, number]) => ({
  mentors: { min: mentors[0], max: mentors[1] },
  mentees: { min: mentees[0], max: mentees[1] },
});

describe("teamShapeSchema", () => {
  it("accepts the shapes cities run: 1:1, 1:1-2, 3:1, 8:1, 1:7", () => {
    for (const accepted of [
      shape([1, 1], [1, 1]),
      shape([1, 1], [1, 2]),
      shape([3, 3], [1, 1]),
      shape([8, 8], [1, 1]),
      shape([1, 1], [7, 7]),
    ]) {
      expect(teamShapeSchema.safeParse(accepted).success).toBe(true);
    }
  });

  it("refuses a team without a mentor, at mentors.min", () => {
    const result = teamShapeSchema.safeParse(shape([0, 3], [1, 1]));
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["mentors", "min"], code: "too_small", minimum: 1 }),
    ]);
  });

  it("refuses a team without a mentee, at mentees.min", () => {
    const result = teamShapeSchema.safeParse(shape([1, 1], [0, 0]));
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(["mentees", "min"]);
  });

  it("refuses a minimum above the maximum, at max, with the code min_above_max", () => {
    const result = teamShapeSchema.safeParse(shape([3, 2], [1, 1]));
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["mentors", "max"], params: { code: "min_above_max" } }),
    ]);
  });

  it(`refuses a side larger than ${TEAM_SIDE_LIMIT}, and a fraction of a person`, () => {
    expect(teamShapeSchema.safeParse(shape([1, TEAM_SIDE_LIMIT + 1], [1, 1])).success).toBe(false);
    expect(teamShapeSchema.safeParse(shape([1, 1], [1, 1.5])).success).toBe(false);
  });

  it("refuses unknown keys, so that a misspelt bound is not silently ignored", () => {
    expect(teamShapeSchema.safeParse({ ...shape([1, 1], [1, 1]), mentor: { min: 1, max: 1 } }).success).toBe(
      false,
    );
  });
});

describe("describeTeamShape", () => {
  it("writes shapes as coordinators do", () => {
    expect(describeTeamShape(shape([3, 3], [1, 1]))).toBe("3:1");
    expect(describeTeamShape(shape([1, 1], [1, 2]))).toBe("1:1-2");
    expect(describeTeamShape(shape([2, 4], [1, 3]))).toBe("2-4:1-3");
  });
});

describe("teamCountRange", () => {
  it("forms exactly 10 teams of 3 juniors and 1 manager from Gangneung's 30 and 10", () => {
    expect(teamCountRange(shape([3, 3], [1, 1]), 30, 10)).toEqual({ min: 10, max: 10 });
  });

  it("forms 14 pairs or trios from Yongin's 14 mentors and 24 new officials", () => {
    expect(teamCountRange(shape([1, 1], [1, 2]), 14, 24)).toEqual({ min: 14, max: 14 });
  });

  it("finds no way when a side cannot be split into whole teams", () => {
    expect(teamCountRange(shape([3, 3], [1, 1]), 31, 10)).toBeNull();
    expect(teamCountRange(shape([1, 1], [1, 2]), 10, 24)).toBeNull();
  });

  it("gives a range when the bounds leave room", () => {
    expect(teamCountRange(shape([1, 2], [1, 2]), 6, 6)).toEqual({ min: 3, max: 6 });
  });
});
