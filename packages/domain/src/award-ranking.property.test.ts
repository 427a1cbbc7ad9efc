import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AwardCategory,
  allocateAwards,
  type RankableTeam,
  type RankingCriterion,
  rankTeams,
  tieBreakOrder,
} from "./award-ranking";

// Small pools of totals, weights and scores, so that random teams often tie at every step of the rules.
const criteriaArb: fc.Arbitrary<RankingCriterion[]> = fc
  .array(fc.constantFrom(10, 20, 30, 40), { minLength: 1, maxLength: 4 })
  .map((weights) => weights.map((weight, index) => ({ key: `c${index}`, weight })));

const teamsArb = (criteria: RankingCriterion[]): fc.Arbitrary<RankableTeam[]> =>
  fc
    .array(
      fc.record({
        total: fc.constantFrom(50, 60, 60.5, 70, 80),
        scores: fc.array(fc.option(fc.constantFrom(1, 2, 3), { freq: 10 }), {
          minLength: criteria.length,
          maxLength: criteria.length,
        }),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((drawn) =>
      drawn.map(({ total, scores }, index) => ({
        teamId: `t${index + 1}`,
        number: index + 1,
        complete: scores.every((score) => score !== null),
        total,
        criteria: criteria.map((criterion, at) => ({
          key: criterion.key,
          normalisedUnclamped: scores[at] ?? null,
        })),
      })),
    );

const rankingInputArb = criteriaArb.chain((criteria) => fc.tuple(fc.constant(criteria), teamsArb(criteria)));

/** What the stated rules compare, in their order: complete, total, then the criteria heaviest first. */
function ruleKey(team: RankableTeam, criteria: RankingCriterion[]): number[] {
  const scores = new Map(team.criteria.map((criterion) => [criterion.key, criterion.normalisedUnclamped]));
  return [
    team.complete ? 1 : 0,
    team.total,
    ...tieBreakOrder(criteria).map((key) => scores.get(key) ?? Number.NEGATIVE_INFINITY),
  ];
}

/** Positive when a is better by the rules, negative when b is, 0 when they are equal on all of them. */
function better(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const [x, y] = [a[index] ?? 0, b[index] ?? 0];
    if (x !== y) return x > y ? 1 : -1;
  }
  return 0;
}

describe("rankTeams, for any teams", () => {
  it("ranks every team once", () => {
    fc.assert(
      fc.property(rankingInputArb, ([criteria, teams]) => {
        const ranking = rankTeams(teams, criteria);
        expect(ranking.map((team) => team.teamId).sort()).toEqual(teams.map((team) => team.teamId).sort());
      }),
    );
  });

  it("gives the same ranking whatever order the teams come in", () => {
    fc.assert(
      fc.property(
        rankingInputArb.chain(([criteria, teams]) =>
          fc.tuple(
            fc.constant(criteria),
            fc.constant(teams),
            fc.shuffledSubarray(teams, { minLength: teams.length, maxLength: teams.length }),
          ),
        ),
        ([criteria, teams, shuffled]) => {
          expect(rankTeams(shuffled, criteria)).toEqual(rankTeams(teams, criteria));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("orders by the stated rules, ranks one above the teams better by them, and shares a rank only on a full tie", () => {
    fc.assert(
      fc.property(rankingInputArb, ([criteria, teams]) => {
        const ranking = rankTeams(teams, criteria);
        ranking.forEach((team, index) => {
          const key = ruleKey(team, criteria);
          const next = ranking[index + 1];
          if (next) expect(better(key, ruleKey(next, criteria))).toBeGreaterThanOrEqual(0);
          const betterTeams = ranking.filter((other) => better(ruleKey(other, criteria), key) > 0).length;
          expect(team.rank).toBe(betterTeams + 1);
          const equals = ranking.filter(
            (other) => other !== team && better(ruleKey(other, criteria), key) === 0,
          );
          expect(team.sharesRank).toBe(equals.length > 0);
          // Within a shared rank, the team numbers only list the teams.
          if (next && next.rank === team.rank) expect(next.number).toBeGreaterThan(team.number);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

const awardsArb: fc.Arbitrary<AwardCategory[]> = fc
  .array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 })
  .map((counts) => counts.map((teams, index) => ({ name: `award${index}`, teams })));

describe("allocateAwards, for any ranking and awards", () => {
  const allocationArb = fc.tuple(rankingInputArb, awardsArb).map(([[criteria, teams], awards]) => ({
    ranking: rankTeams(teams, criteria),
    awards,
  }));

  it("never gives an award more teams, counting the places at stake in a tie, than its number", () => {
    fc.assert(
      fc.property(allocationArb, ({ ranking, awards }) => {
        allocateAwards(ranking, awards).forEach((allocation, index) => {
          expect(allocation.places).toBe(awards[index]?.teams);
          const atStake = allocation.tiesAtBoundary.reduce((sum, tie) => sum + tie.places, 0);
          expect(allocation.teamIds.length + atStake).toBeLessThanOrEqual(allocation.places);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("fills every place there are complete teams for, with a team or a tie for the coordinator to settle", () => {
    fc.assert(
      fc.property(allocationArb, ({ ranking, awards }) => {
        const filled = allocateAwards(ranking, awards).reduce(
          (sum, allocation) =>
            sum +
            allocation.teamIds.length +
            allocation.tiesAtBoundary.reduce((places, tie) => places + tie.places, 0),
          0,
        );
        const places = awards.reduce((sum, award) => sum + award.teams, 0);
        expect(filled).toBe(Math.min(places, ranking.filter((team) => team.complete).length));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives each complete team at most one award, better ranks first, and no incomplete team any", () => {
    fc.assert(
      fc.property(allocationArb, ({ ranking, awards }) => {
        const rankOf = new Map(ranking.map((team) => [team.teamId, team]));
        const allocations = allocateAwards(ranking, awards);
        const awarded = allocations.flatMap((allocation) => allocation.teamIds);
        expect(new Set(awarded).size).toBe(awarded.length);
        for (const teamId of awarded) expect(rankOf.get(teamId)?.complete).toBe(true);
        // Every team of a better award ranks strictly above every team of a later one.
        const ranksPerAward = allocations.map((allocation) =>
          allocation.teamIds.map((teamId) => rankOf.get(teamId)?.rank ?? 0),
        );
        ranksPerAward.forEach((ranks, index) => {
          for (const later of ranksPerAward.slice(index + 1))
            if (ranks.length > 0 && later.length > 0)
              expect(Math.max(...ranks)).toBeLessThan(Math.min(...later));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("reports as a tie exactly the teams of one shared rank that the places cannot all take", () => {
    fc.assert(
      fc.property(allocationArb, ({ ranking, awards }) => {
        for (const allocation of allocateAwards(ranking, awards))
          for (const tie of allocation.tiesAtBoundary) {
            const ofRank = ranking
              .filter((team) => team.complete && team.rank === tie.rank)
              .map((team) => team.teamId);
            expect(tie.teamIds).toEqual(ofRank);
            expect(tie.places).toBeLessThan(tie.teamIds.length);
            for (const other of allocateAwards(ranking, awards))
              for (const teamId of tie.teamIds) expect(other.teamIds).not.toContain(teamId);
          }
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the same awards whatever order the ranking comes in", () => {
    fc.assert(
      fc.property(
        allocationArb.chain(({ ranking, awards }) =>
          fc.tuple(
            fc.constant(ranking),
            fc.constant(awards),
            fc.shuffledSubarray(ranking, { minLength: ranking.length, maxLength: ranking.length }),
          ),
        ),
        ([ranking, awards, shuffled]) => {
          expect(allocateAwards(shuffled, awards)).toEqual(allocateAwards(ranking, awards));
        },
      ),
      { numRuns: 500 },
    );
  });
});
