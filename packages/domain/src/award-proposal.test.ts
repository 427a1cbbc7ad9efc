import { describe, expect, it } from "vitest";
import { awardProposalProblems } from "./award-proposal";

// Gangneung's awards: 최우수 for 1 team, 우수 for 2.
const categories = [{ teams: 1 }, { teams: 2 }];
const teams = ["t1", "t2", "t3", "t4"];

describe("an award proposal", () => {
  it("passes when every category stays within its number and each team of the cohort is named once", () => {
    expect(
      awardProposalProblems(
        [
          { category: 0, teamId: "t1" },
          { category: 1, teamId: "t2" },
          { category: 1, teamId: "t3" },
        ],
        categories,
        teams,
      ),
    ).toEqual([]);
  });

  it("may leave a category short", () => {
    expect(awardProposalProblems([{ category: 0, teamId: "t1" }], categories, teams)).toEqual([]);
  });

  it("refuses a category over its number, saying how many places it has and how many were chosen", () => {
    expect(
      awardProposalProblems(
        [
          { category: 0, teamId: "t1" },
          { category: 0, teamId: "t2" },
        ],
        categories,
        teams,
      ),
    ).toEqual([{ code: "over_count", category: 0, places: 1, chosen: 2 }]);
  });

  it("refuses a team given two awards, a team of another cohort and a category the template lacks", () => {
    expect(
      awardProposalProblems(
        [
          { category: 0, teamId: "t1" },
          { category: 1, teamId: "t1" },
          { category: 1, teamId: "elsewhere" },
          { category: 2, teamId: "t4" },
        ],
        categories,
        teams,
      ),
    ).toEqual([
      { code: "team_twice", teamId: "t1" },
      { code: "team_not_in_cohort", teamId: "elsewhere" },
      { code: "unknown_category", category: 2 },
    ]);
  });

  it("refuses an empty proposal", () => {
    expect(awardProposalProblems([], categories, teams)).toEqual([{ code: "no_grants" }]);
  });
});
