import type { CohortAwards, CohortResults } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

const long = { dateStyle: "long", timeStyle: "short" } as const;

/**
 * A cohort's awards as its pages show them: the decision (dates in the tenant's zone) and, for the
 * coordinator's proposal, each award's places prefilled (the decision's grants when there is one, else
 * the allocation of the evaluation's ranking), the teams to choose from in ranking order, and the ties at
 * an award's boundary that the coordinator decides.
 */
export function presentCohortAwards(
  awards: CohortAwards,
  results: Pick<CohortResults, "ranking" | "awards"> | null,
  locale: string,
  timeZone: string,
) {
  const { decision } = awards;
  const numberOf = new Map(awards.teams.map((team) => [team.id, team.number]));
  const ranking = results?.ranking ?? [];
  const rankOf = new Map(ranking.map((place) => [place.teamId, place]));
  // Ranked teams first (best first), then any team the ranking does not hold, by number.
  const teams = [...awards.teams]
    .sort((a, b) => {
      const [ra, rb] = [rankOf.get(a.id), rankOf.get(b.id)];
      if (ra && rb) return ra.rank - rb.rank || a.number - b.number;
      if (ra || rb) return ra ? -1 : 1;
      return a.number - b.number;
    })
    .map((team) => {
      const place = rankOf.get(team.id);
      return {
        id: team.id,
        number: team.number,
        rank: place?.complete ? place.rank : null,
        total: place?.complete ? place.displayTotal : null,
      };
    });
  const categories = awards.categories.map((category) => {
    const chosen = decision
      ? decision.grants.filter((grant) => grant.category === category.index).map((grant) => grant.teamId)
      : (results?.awards[category.index]?.teamIds ?? []);
    const ties = (results?.awards[category.index]?.tiesAtBoundary ?? []).map((tie) => ({
      rank: tie.rank,
      places: tie.places,
      teams: tie.teamIds.map((teamId) => numberOf.get(teamId) ?? 0).sort((a, b) => a - b),
    }));
    return {
      ...category,
      places: Array.from({ length: category.teams }, (_, place) => chosen[place] ?? ""),
      ties,
    };
  });
  return {
    cohort: awards.cohort,
    categories,
    teams,
    decision: decision && {
      ...decision,
      proposedAt: decision.proposedAt ? formatDateTime(decision.proposedAt, locale, timeZone, long) : null,
      decidedAt: decision.decidedAt ? formatDateTime(decision.decidedAt, locale, timeZone, long) : null,
    },
  };
}

export type CohortAwardsPage = ReturnType<typeof presentCohortAwards>;
