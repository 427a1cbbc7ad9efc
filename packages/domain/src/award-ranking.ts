/*
 * Which teams rank where, and which take the template's awards. Pure: the caller passes the aggregated
 * evaluation (evaluation-scoring.ts) and the template's award categories.
 *
 * The tie rules, in order (for the coordinator's page):
 * 1. A complete team (every criterion has a score) ranks before an incomplete one.
 * 2. The higher total ranks first.
 * 3. Then the higher score on the heaviest criterion, then on the next heaviest, and so on (criteria of
 *    equal weight in the rubric's order). The scores compared are the normalised ones, before they are
 *    kept within the scale; a missing score counts below any score.
 * 4. Teams still equal on all of these share a rank (1, 1, 3): the team number does not decide, and
 *    neither do the raw scores (they would bring back the lenient or harsh evaluator that normalisation
 *    took out). When such a tie crosses an award's boundary, the coordinator decides (allocateAwards).
 *
 * Totals and scores are compared to the millionth of a point, so that two figures that are equal but
 * were added up in a different order (and differ in the last binary digit) count as equal.
 */

/** What ranking needs of a team's evaluation (a TeamEvaluation from evaluation-scoring.ts fits). */
export type RankableTeam = {
  teamId: string;
  number: number;
  complete: boolean;
  total: number;
  criteria: readonly { key: string; normalisedUnclamped: number | null }[];
};

/** What ranking needs of a rubric criterion. */
export type RankingCriterion = { key: string; weight: number };

export type Ranked<T> = T & {
  /** 1 for the best; teams that share a rank all get it, and the next rank skips (1, 1, 3). */
  rank: number;
  /** Another team has the same rank: the tie rules could not separate them. */
  sharesRank: boolean;
};

const PRECISION = 1e6;
/** A figure to the millionth of a point; -Infinity for a missing one. */
const comparable = (value: number | null | undefined) =>
  value === null || value === undefined
    ? Number.NEGATIVE_INFINITY
    : Math.round(value * PRECISION) / PRECISION;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The criteria keys in the order rule 3 compares them: heaviest first, equal weights in rubric order. */
export function tieBreakOrder(criteria: readonly RankingCriterion[]): string[] {
  return criteria
    .map((criterion, index) => ({ criterion, index }))
    .sort((a, b) => b.criterion.weight - a.criterion.weight || a.index - b.index)
    .map(({ criterion }) => criterion.key);
}

/**
 * The teams best first, each with its rank (see the rules above). Teams sharing a rank are listed by
 * their numbers; the result is the same whatever order the teams come in.
 */
export function rankTeams<T extends RankableTeam>(
  teams: readonly T[],
  criteria: readonly RankingCriterion[],
): Ranked<T>[] {
  const order = tieBreakOrder(criteria);
  const keyed = teams.map((team) => {
    const scoreOf = new Map(team.criteria.map((criterion) => [criterion.key, criterion.normalisedUnclamped]));
    return {
      team,
      key: [
        team.complete ? 1 : 0,
        comparable(team.total),
        ...order.map((key) => comparable(scoreOf.get(key))),
      ],
    };
  });
  /** Negative when a ranks before b by the tie rules, 0 when they tie. */
  const compareKeys = (a: readonly number[], b: readonly number[]) => {
    for (let index = 0; index < a.length; index += 1) {
      const difference = (b[index] ?? 0) - (a[index] ?? 0);
      if (difference !== 0 && !Number.isNaN(difference)) return difference;
    }
    return 0;
  };
  keyed.sort(
    (a, b) =>
      compareKeys(a.key, b.key) || a.team.number - b.team.number || byCodeUnit(a.team.teamId, b.team.teamId),
  );
  return keyed.map(({ team, key }, index) => {
    let first = index;
    while (first > 0 && compareKeys(keyed[first - 1]?.key ?? [], key) === 0) first -= 1;
    const previous = keyed[index - 1];
    const next = keyed[index + 1];
    const sharesRank =
      (previous !== undefined && compareKeys(previous.key, key) === 0) ||
      (next !== undefined && compareKeys(next.key, key) === 0);
    return { ...team, rank: first + 1, sharesRank };
  });
}

/** An award category of the template, e.g. 최우수 for 1 team, 우수 for 2. */
export type AwardCategory = { name: string; teams: number };

/** Teams that tie for the last places of an award: the coordinator picks `places` of them. */
export type BoundaryTie = { rank: number; teamIds: string[]; places: number };

export type AwardAllocation = {
  name: string;
  /** The category's number of teams. */
  places: number;
  /** The teams that take it, best first. */
  teamIds: string[];
  /**
   * Ties straddling this award's boundary: their teams share a rank but the award's places cannot take
   * them all (the rest would go to the next award, or to none). Never cut silently. Usually empty; an
   * award can have a tie at its top and another at its bottom.
   */
  tiesAtBoundary: BoundaryTie[];
};

/** What allocation needs of a ranked team (a Ranked<TeamEvaluation> fits). */
export type AllocatableTeam = { teamId: string; number: number; rank: number; complete: boolean };

/**
 * The awards in the template's order (best first), each taking its number of teams from the top of the
 * ranking. An incomplete team takes no award. The places of all awards form one line: teams that share a
 * rank and fit within one award's places all take it; teams that share a rank across a boundary (between
 * two awards, or after the last place) are reported on each award they straddle with the number of its
 * places at stake, and those places are left for the coordinator to give. An award never has more teams
 * plus places at stake than its number; an award with too few teams left stays short.
 */
export function allocateAwards(
  ranking: readonly AllocatableTeam[],
  awards: readonly AwardCategory[],
): AwardAllocation[] {
  for (const award of awards)
    if (!Number.isInteger(award.teams) || award.teams < 0)
      throw new RangeError(`award ${award.name} is for ${award.teams} teams`);
  const eligible = ranking
    .filter((team) => team.complete)
    .sort((a, b) => a.rank - b.rank || a.number - b.number || byCodeUnit(a.teamId, b.teamId));

  // Award k holds places [starts[k], starts[k] + teams) of the line.
  const starts: number[] = [];
  let placesInAll = 0;
  for (const award of awards) {
    starts.push(placesInAll);
    placesInAll += award.teams;
  }
  const allocations: AwardAllocation[] = awards.map((award) => ({
    name: award.name,
    places: award.teams,
    teamIds: [],
    tiesAtBoundary: [],
  }));

  let position = 0;
  for (let index = 0; index < eligible.length && position < placesInAll; ) {
    const rank = eligible[index]?.rank;
    let end = index;
    while (end < eligible.length && eligible[end]?.rank === rank) end += 1;
    const group = eligible.slice(index, end);
    const from = position;
    const to = position + group.length; // the group would hold places [from, to)
    const overlapping = awards.flatMap((award, k) => {
      const start = starts[k] ?? 0;
      const places = Math.min(to, start + award.teams) - Math.max(from, start);
      return places > 0 ? [{ k, places }] : [];
    });
    const single = overlapping.length === 1 ? overlapping[0] : undefined;
    if (single && single.places === group.length) {
      allocations[single.k]?.teamIds.push(...group.map((team) => team.teamId));
    } else {
      for (const { k, places } of overlapping)
        allocations[k]?.tiesAtBoundary.push({
          rank: rank ?? 0,
          teamIds: group.map((team) => team.teamId),
          places,
        });
    }
    position = to;
    index = end;
  }
  return allocations;
}
