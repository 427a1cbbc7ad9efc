import { describe, expect, it } from "vitest";
import { gangneung } from "../test/fixtures";
import { allowedPairs, greedyFill, maxTeams, repairTeams } from "./construct";
import { buildInstance } from "./instance";
import { matchingProblemSchema } from "./problem";
import { teamAllowed, teamComplete } from "./team";

describe("greedy and repair", () => {
  const instance = buildInstance(matchingProblemSchema.parse(gangneung()));

  it("greedy, taking the best pairs first, leaves some 3:1 teams without their third junior", () => {
    const teams = greedyFill(instance, allowedPairs(instance), maxTeams(instance));
    expect(teams.some((team) => !teamComplete(instance, team))).toBe(true);
  });

  it("repair turns greedy's teams into complete ones that meet the rules", () => {
    const greedy = greedyFill(instance, allowedPairs(instance), maxTeams(instance));
    const repaired = repairTeams(instance, greedy, maxTeams(instance));
    expect(repaired).toHaveLength(10);
    for (const team of repaired) {
      expect(teamComplete(instance, team)).toBe(true);
      expect(teamAllowed(instance, team)).toBe(true);
    }
  });
});
