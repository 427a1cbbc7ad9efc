/*
 * A panel's scores combined into one result per team: per criterion, a total on 0-100, and how far the
 * evaluators agree. Pure: the caller loads the rubric, the submitted scores and the computed metrics.
 *
 * How the scores are combined (for the coordinator's page):
 *
 * - "none": a criterion's score is the mean of the evaluators' scores on it.
 * - "z_score" (corrects a lenient or a harsh evaluator): an evaluator who gives every team 8 out of 10 and
 *   one who gives every team 5 say the same thing, "these teams are alike"; what counts is how each
 *   evaluator ranks a team among the teams they scored. So for each evaluator and criterion, the
 *   evaluator's scores are expressed as standard scores (z): how many of the evaluator's own standard
 *   deviations a team lies above or below the evaluator's own mean. An evaluator who gave every team the
 *   same score, or scored only one team, says nothing about differences and contributes z = 0 (the
 *   average). A team's z on a criterion is the mean of its evaluators' z. That z is then put back on the
 *   criterion's scale so people can read it: the criterion's mean over all the scores given on it, plus z
 *   times the panel's typical spread, which is the evaluators' own standard deviations pooled over every
 *   evaluator and criterion where an evaluator scored two teams or more (as a share of the scale, then on
 *   the criterion's scale). One spread for all criteria means each criterion weighs in the ranking by its
 *   weight and by nothing else: neither how widely the evaluators happened to spread their marks on it,
 *   nor how far one evaluator's marks sit above another's.
 *
 *   The result: adding the same number to all of one evaluator's scores, or multiplying them all by the
 *   same positive number, leaves every team's z unchanged. Adding moves every complete team's total by the
 *   same amount and the ranking stays; multiplying changes the panel's spread, which stretches the
 *   evaluator-scored part of every total alike, so the ranking stays when no criterion is computed (a
 *   computed criterion's share of the total does not stretch with it).
 *
 * A computed criterion's score is the program's own figure (the same formula for every team), used as
 * is: nothing to correct. A criterion nobody scored (or a computed figure that is missing) leaves the team
 * incomplete: its total adds up the criteria it has, and it ranks after every complete team
 * (award-ranking.ts) and gets no award.
 *
 * Agreement: each evaluator who scored every evaluator-scored criterion of a team has their own total for
 * it (with "z_score", from their own z; with "none", from their raw scores). The spread is the largest
 * minus the smallest of these totals and their standard deviation, in points of the 0-100 total (the
 * computed criteria are the same for every evaluator and do not change it). A spread above the threshold
 * flags the team: the evaluators disagree about it.
 *
 * The normalised score shown is kept within the criterion's scale; the total and the ranking use the
 * value before that, so the clamping cannot make two teams equal.
 */

export type ScoreNormalisation = "z_score" | "none";

/** What scoring needs of a rubric criterion (a RubricCriterion from rubric.ts fits). */
export type ScoringCriterion = {
  key: string;
  /** Its share of the total, in points of 100; a rubric's weights add up to 100. */
  weight: number;
  scaleMax: number;
  source: { kind: "evaluators" } | { kind: "computed" };
};

export type ScoredTeam = { teamId: string; number: number };

/** One evaluator's submitted score for one team on one criterion: an integer from 0 to the scale's max. */
export type SubmittedScore = { evaluatorId: string; teamId: string; criterionKey: string; score: number };

/** A computed criterion's figure for a team, on the criterion's scale; null when it cannot be computed. */
export type ComputedScore = { teamId: string; criterionKey: string; score: number | null };

export type EvaluationScoringInput = {
  criteria: readonly ScoringCriterion[];
  normalisation: ScoreNormalisation;
  /** Points on the 0-100 total: evaluators' totals further apart than this flag the team. */
  disagreementThreshold: number;
  teams: readonly ScoredTeam[];
  scores: readonly SubmittedScore[];
  computed: readonly ComputedScore[];
};

export type CriterionResult = {
  key: string;
  source: "evaluators" | "computed";
  /** How many evaluators scored the team on it (0 for a computed criterion). */
  evaluators: number;
  /** The mean of the scores given (a computed criterion: its figure); null when there is none. */
  rawMean: number | null;
  /** The team's mean z ("z_score", evaluator-scored criteria only); null otherwise. */
  meanZ: number | null;
  /** The score the total uses, on the criterion's scale, before clamping; null when there is none. */
  normalisedUnclamped: number | null;
  /** The same, kept within 0..scaleMax, for display. */
  normalised: number | null;
};

export type ScoreSpread = {
  /** How many evaluators' own totals it is taken over (two or more). */
  evaluators: number;
  /** The largest minus the smallest, in points of 100. */
  range: number;
  /** Their standard deviation (over the evaluators, not a sample estimate), in points of 100. */
  standardDeviation: number;
};

export type TeamEvaluation = {
  teamId: string;
  number: number;
  /** In the rubric's order. */
  criteria: CriterionResult[];
  /** Every criterion has a score. */
  complete: boolean;
  /** The keys of the criteria without one. */
  missing: string[];
  /** Σ weight × score / scaleMax over the criteria that have a score, before clamping: ranks the team. */
  total: number;
  /** The total kept within 0..100, for display. */
  displayTotal: number;
  /** The same sum over the raw means. */
  rawTotal: number;
  /** Null when fewer than two evaluators scored every evaluator-scored criterion of the team. */
  spread: ScoreSpread | null;
  /** The spread's range is above the threshold. */
  disagreement: boolean;
};

/** String order by code unit: the same everywhere, unlike localeCompare. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function checkInput(input: EvaluationScoringInput): void {
  const keys = new Set<string>();
  let weights = 0;
  for (const criterion of input.criteria) {
    if (keys.has(criterion.key)) throw new RangeError(`criterion ${criterion.key} appears twice`);
    keys.add(criterion.key);
    if (!Number.isInteger(criterion.weight) || criterion.weight < 0)
      throw new RangeError(`criterion ${criterion.key} has weight ${criterion.weight}`);
    if (!Number.isInteger(criterion.scaleMax) || criterion.scaleMax < 1)
      throw new RangeError(`criterion ${criterion.key} has scale 0..${criterion.scaleMax}`);
    weights += criterion.weight;
  }
  if (input.criteria.length > 0 && weights !== 100)
    throw new RangeError(`the weights add up to ${weights}, not 100`);
  if (!(input.disagreementThreshold >= 0 && Number.isFinite(input.disagreementThreshold)))
    throw new RangeError(`a disagreement threshold of ${input.disagreementThreshold} points`);
  const teamIds = new Set<string>();
  for (const team of input.teams) {
    if (teamIds.has(team.teamId)) throw new RangeError(`team ${team.teamId} appears twice`);
    teamIds.add(team.teamId);
  }
}

type Group = { criterionIndex: number; entries: { evaluatorId: string; teamId: string; score: number }[] };

/**
 * z for each of one evaluator's scores on one criterion. In integers until the last step: with n scores
 * summing to s, d = n·x − s is n times the deviation from the mean, and z² = d²·n / Σd². Adding a constant
 * to every score leaves each d as it is; multiplying by a factor multiplies d and Σd exactly, so the same
 * correctly rounded quotient comes out: z is exactly the same, not merely close.
 */
function zScores(scores: readonly number[]): { z: number[]; squaredDeviations: number } {
  const n = scores.length;
  const sum = scores.reduce((total, score) => total + score, 0);
  const deviations = scores.map((score) => n * score - sum);
  const sumOfSquares = deviations.reduce((total, d) => total + d * d, 0);
  const z = deviations.map((d) =>
    sumOfSquares === 0 ? 0 : Math.sign(d) * Math.sqrt((d * d * n) / sumOfSquares),
  );
  // Σ(x − mean)² = Σd² / n²
  return { z, squaredDeviations: sumOfSquares / (n * n) };
}

/** Aggregates a panel's scores per team; the teams come back in the order of their numbers. */
export function aggregateEvaluations(input: EvaluationScoringInput): TeamEvaluation[] {
  checkInput(input);
  const { criteria, normalisation } = input;
  const criterionIndex = new Map(criteria.map((criterion, index) => [criterion.key, index]));
  const teams = [...input.teams].sort((a, b) => a.number - b.number || byCodeUnit(a.teamId, b.teamId));
  const teamIds = new Set(teams.map((team) => team.teamId));

  // The scores in one order whatever order they came in, so that every sum is taken in the same order.
  const seen = new Set<string>();
  const scores = input.scores.map((entry) => {
    const index = criterionIndex.get(entry.criterionKey);
    const criterion = index === undefined ? undefined : criteria[index];
    if (index === undefined || criterion === undefined)
      throw new RangeError(`a score for unknown criterion ${entry.criterionKey}`);
    if (criterion.source.kind !== "evaluators")
      throw new RangeError(`criterion ${entry.criterionKey} is computed, not scored by evaluators`);
    if (!teamIds.has(entry.teamId)) throw new RangeError(`a score for unknown team ${entry.teamId}`);
    if (!Number.isInteger(entry.score) || entry.score < 0 || entry.score > criterion.scaleMax)
      throw new RangeError(
        `score ${entry.score} is outside ${entry.criterionKey}'s scale 0..${criterion.scaleMax}`,
      );
    const identity = JSON.stringify([entry.evaluatorId, entry.teamId, entry.criterionKey]);
    if (seen.has(identity))
      throw new RangeError(`${entry.evaluatorId} scored ${entry.teamId} on ${entry.criterionKey} twice`);
    seen.add(identity);
    return { ...entry, criterionIndex: index };
  });
  scores.sort(
    (a, b) =>
      a.criterionIndex - b.criterionIndex ||
      byCodeUnit(a.evaluatorId, b.evaluatorId) ||
      byCodeUnit(a.teamId, b.teamId),
  );

  // One group per evaluator and criterion.
  const groups: Group[] = [];
  for (const entry of scores) {
    const last = groups.at(-1);
    const first = last?.entries[0];
    if (
      last &&
      first &&
      last.criterionIndex === entry.criterionIndex &&
      first.evaluatorId === entry.evaluatorId
    )
      last.entries.push(entry);
    else groups.push({ criterionIndex: entry.criterionIndex, entries: [entry] });
  }

  // z per score, and the pooled spread as a share of the scale.
  const zOf = new Map<string, number>(); // criterionIndex, evaluatorId, teamId → z
  const zKey = (index: number, evaluatorId: string, teamId: string) =>
    JSON.stringify([index, evaluatorId, teamId]);
  let pooledSquares = 0;
  let pooledCount = 0;
  for (const group of groups) {
    const scale = criteria[group.criterionIndex]?.scaleMax ?? 1;
    const { z, squaredDeviations } = zScores(group.entries.map((entry) => entry.score));
    group.entries.forEach((entry, index) => {
      zOf.set(zKey(group.criterionIndex, entry.evaluatorId, entry.teamId), z[index] ?? 0);
    });
    if (group.entries.length >= 2) {
      pooledSquares += squaredDeviations / (scale * scale);
      pooledCount += group.entries.length;
    }
  }
  const pooledSpread = pooledCount === 0 ? 0 : Math.sqrt(pooledSquares / pooledCount);

  // The mean of all the scores on each criterion.
  const criterionMean = criteria.map((_, index) => {
    const onIt = scores.filter((entry) => entry.criterionIndex === index);
    return onIt.length === 0 ? 0 : onIt.reduce((total, entry) => total + entry.score, 0) / onIt.length;
  });

  const computed = new Map<string, number | null>();
  for (const entry of input.computed) {
    const criterion = criteria[criterionIndex.get(entry.criterionKey) ?? -1];
    if (criterion === undefined)
      throw new RangeError(`a computed score for unknown criterion ${entry.criterionKey}`);
    if (criterion.source.kind !== "computed")
      throw new RangeError(`criterion ${entry.criterionKey} is scored by evaluators, not computed`);
    if (!teamIds.has(entry.teamId)) throw new RangeError(`a computed score for unknown team ${entry.teamId}`);
    if (entry.score !== null && !(entry.score >= 0 && entry.score <= criterion.scaleMax))
      throw new RangeError(
        `computed ${entry.score} is outside ${entry.criterionKey}'s scale 0..${criterion.scaleMax}`,
      );
    const identity = JSON.stringify([entry.teamId, entry.criterionKey]);
    if (computed.has(identity))
      throw new RangeError(`${entry.teamId} has two figures for ${entry.criterionKey}`);
    computed.set(identity, entry.score);
  }

  const scoresOfTeam = new Map<string, typeof scores>();
  for (const entry of scores) {
    const list = scoresOfTeam.get(entry.teamId) ?? [];
    list.push(entry);
    scoresOfTeam.set(entry.teamId, list);
  }

  /** On the criterion's scale: its mean plus z pooled spreads. */
  const fromZ = (index: number, z: number) => {
    const scale = criteria[index]?.scaleMax ?? 1;
    return (criterionMean[index] ?? 0) + z * pooledSpread * scale;
  };

  return teams.map((team): TeamEvaluation => {
    const teamScores = scoresOfTeam.get(team.teamId) ?? [];
    const results = criteria.map((criterion, index): CriterionResult => {
      if (criterion.source.kind === "computed") {
        const figure = computed.get(JSON.stringify([team.teamId, criterion.key])) ?? null;
        return {
          key: criterion.key,
          source: "computed",
          evaluators: 0,
          rawMean: figure,
          meanZ: null,
          normalisedUnclamped: figure,
          normalised: figure,
        };
      }
      // Already in evaluator order.
      const onIt = teamScores.filter((entry) => entry.criterionIndex === index);
      if (onIt.length === 0)
        return {
          key: criterion.key,
          source: "evaluators",
          evaluators: 0,
          rawMean: null,
          meanZ: null,
          normalisedUnclamped: null,
          normalised: null,
        };
      const rawMean = onIt.reduce((total, entry) => total + entry.score, 0) / onIt.length;
      const meanZ =
        normalisation === "z_score"
          ? onIt.reduce(
              (total, entry) => total + (zOf.get(zKey(index, entry.evaluatorId, team.teamId)) ?? 0),
              0,
            ) / onIt.length
          : null;
      const unclamped = meanZ === null ? rawMean : fromZ(index, meanZ);
      return {
        key: criterion.key,
        source: "evaluators",
        evaluators: onIt.length,
        rawMean,
        meanZ,
        normalisedUnclamped: unclamped,
        normalised: clamp(unclamped, 0, criterion.scaleMax),
      };
    });

    let total = 0;
    let rawTotal = 0;
    const missing: string[] = [];
    results.forEach((result, index) => {
      const criterion = criteria[index];
      if (criterion === undefined) return;
      if (result.normalisedUnclamped === null || result.rawMean === null) {
        missing.push(result.key);
        return;
      }
      total += (criterion.weight * result.normalisedUnclamped) / criterion.scaleMax;
      rawTotal += (criterion.weight * result.rawMean) / criterion.scaleMax;
    });

    const spread = spreadOf(team.teamId, teamScores);
    return {
      teamId: team.teamId,
      number: team.number,
      criteria: results,
      complete: missing.length === 0,
      missing,
      total,
      displayTotal: clamp(total, 0, 100),
      rawTotal,
      spread,
      disagreement: spread !== null && spread.range > input.disagreementThreshold,
    };
  });

  /**
   * The spread of the evaluators' own totals for a team. Each total is counted without the computed
   * criteria and, with "z_score", without the criterion means: both are the same for every evaluator, so
   * the differences between evaluators, which are all the spread measures, stay the same.
   */
  function spreadOf(teamId: string, teamScores: typeof scores): ScoreSpread | null {
    const scoredCriteria = criteria.flatMap((criterion, index) =>
      criterion.source.kind === "evaluators" ? [index] : [],
    );
    if (scoredCriteria.length === 0) return null;
    const byEvaluator = new Map<string, Map<number, number>>();
    for (const entry of teamScores) {
      const own = byEvaluator.get(entry.evaluatorId) ?? new Map<number, number>();
      own.set(entry.criterionIndex, entry.score);
      byEvaluator.set(entry.evaluatorId, own);
    }
    const totals: number[] = [];
    for (const evaluatorId of [...byEvaluator.keys()].sort(byCodeUnit)) {
      const own = byEvaluator.get(evaluatorId);
      if (!own || scoredCriteria.some((index) => !own.has(index))) continue;
      let sum = 0;
      for (const index of scoredCriteria) {
        const criterion = criteria[index];
        if (criterion === undefined) continue;
        sum +=
          normalisation === "z_score"
            ? criterion.weight * (zOf.get(zKey(index, evaluatorId, teamId)) ?? 0) * pooledSpread
            : (criterion.weight * (own.get(index) ?? 0)) / criterion.scaleMax;
      }
      totals.push(sum);
    }
    if (totals.length < 2) return null;
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const variance = totals.reduce((a, total) => a + (total - mean) ** 2, 0) / totals.length;
    return {
      evaluators: totals.length,
      range: Math.max(...totals) - Math.min(...totals),
      standardDeviation: Math.sqrt(variance),
    };
  }
}
