/*
 * What a coordinator may propose as a cohort's awards, as a pure rule: each grant gives one of the
 * template's award categories (by its index, best first) to one team of the cohort. No category takes more
 * teams than its number, a team takes at most one award, and only the cohort's teams take any. A category
 * may stay short (too few complete teams, or the coordinator leaves a place empty). Every problem is
 * reported at once, in the order of the grants.
 */

/** One award given to one team: the template's category index and the team. */
export type AwardGrantChoice = { category: number; teamId: string };

export type AwardProposalProblem =
  /** No grant at all: there is nothing to approve. */
  | { code: "no_grants" }
  /** The index names no award of the template. */
  | { code: "unknown_category"; category: number }
  /** More teams than the category's number (`places`). */
  | { code: "over_count"; category: number; places: number; chosen: number }
  /** The same team is given a second award (or the same one twice). */
  | { code: "team_twice"; teamId: string }
  /** Not one of the cohort's teams. */
  | { code: "team_not_in_cohort"; teamId: string };

export function awardProposalProblems(
  grants: readonly AwardGrantChoice[],
  categories: readonly { teams: number }[],
  cohortTeamIds: readonly string[],
): AwardProposalProblem[] {
  if (grants.length === 0) return [{ code: "no_grants" }];
  const problems: AwardProposalProblem[] = [];
  const inCohort = new Set(cohortTeamIds);
  const seenTeams = new Set<string>();
  const chosen = new Map<number, number>();
  for (const grant of grants) {
    const category = categories[grant.category];
    if (!Number.isInteger(grant.category) || !category) {
      problems.push({ code: "unknown_category", category: grant.category });
    } else {
      chosen.set(grant.category, (chosen.get(grant.category) ?? 0) + 1);
    }
    if (!inCohort.has(grant.teamId)) problems.push({ code: "team_not_in_cohort", teamId: grant.teamId });
    else if (seenTeams.has(grant.teamId)) problems.push({ code: "team_twice", teamId: grant.teamId });
    seenTeams.add(grant.teamId);
  }
  for (const [index, count] of [...chosen].sort(([a], [b]) => a - b)) {
    const places = categories[index]?.teams ?? 0;
    if (count > places) problems.push({ code: "over_count", category: index, places, chosen: count });
  }
  return problems;
}
