/*
 * Suppression of one organisation's insight figures before they leave it (docs/insights-methodology.md,
 * ADR 0024). Pure: the aggregation passes a tenant's cohorts' exact figures, gets back what may be shown.
 *
 * Primary suppression: a figure about fewer than INSIGHTS_MIN_CELL people is not shown (a count below 5, a
 * rate or mean whose people are fewer than 5; a cohort of fewer than 5 participants shows nothing, since
 * every figure of it is about them).
 *
 * Complementary suppression: a hidden figure must not follow from the shown ones and what is public about
 * how they relate. The relations are those an analyst can rely on: per cohort mentors + mentees =
 * participants, and when every team has the published shape a:b, mentors = a × teams and b × mentors =
 * a × mentees; per organisation the totals over its cohorts (participants by role and in all, teams),
 * counted as shown (a page may add the cohorts up, a city may announce them) unless themselves hidden.
 * A shown figure also tells its people count: a rate about the cohort's participants tells the
 * participants. The check is exact (linear-knowledge.ts): a hidden figure is safe when no combination of
 * shown figures and relations gives it. While one is not, the cheapest further quantity is hidden (every
 * figure that tells it): first no relation may keep exactly one hidden quantity (the cheapest other one of
 * it is hidden: an organisation total last, then the fewest figures, then the fewest people); then, while
 * the exact check still finds one recoverable (several relations together, as a uniform shape gives), the
 * quantity leaving the fewest recoverable, then the cheapest.
 *
 * Counts are shown exactly (no rounding to base 5: teams × a uniform shape gives the role counts exactly
 * anyway, and the protection is the threshold and the exact check). Rates are shown to 0.1 percentage
 * point, means to 0.01, both computed from the exact counts.
 */
import { INSIGHTS_MIN_CELL, type InsightMetric, insightMetrics } from "./insight-metrics";
import { type LinearForm, LinearKnowledge } from "./linear-knowledge";

/** A rate or mean of a cohort. */
export interface CohortFigure {
  metric: Exclude<InsightMetric, "participants" | "teams">;
  /** What it is split by (a diagnostic dimension); "" when unsplit. */
  dimension: string;
  value: number;
  /** Whom it is about: the cohort's participants, or people of its own (respondents who answered both). */
  people: "participants" | number;
}

/** One cohort's exact figures, as the aggregation computed them inside the tenant. */
export interface CohortFigures {
  /** The caller's key of the cohort (unique within the tenant). */
  key: string;
  participants: { mentor: number; mentee: number };
  teams: number;
  /** The shape every published team has (mentors : mentees); null when the teams differ. */
  uniformShape: { mentors: number; mentees: number } | null;
  figures: CohortFigure[];
}

export type SuppressionReason = "small_cell" | "complementary";

/** A figure as it may be published. `cohort` null: the organisation's total over its cohorts. */
export interface SuppressedFigure {
  cohort: string | null;
  metric: InsightMetric;
  dimension: string;
  /** Rounded for publication; null when suppressed. */
  value: number | null;
  /** How many people it is about; null when suppressed. */
  peopleCount: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
}

export interface TenantSuppression {
  /** Every figure of every cohort, in the order given: participants (mentor, mentee, all), teams, then the rest. */
  figures: SuppressedFigure[];
  /** The organisation's totals over its cohorts (participants by role and in all, teams): which may be shown. */
  totals: SuppressedFigure[];
}

/** Rates to 0.1 percentage point, means to 0.01, counts whole. */
export function roundInsightValue(kind: "count" | "rate" | "mean", value: number): number {
  if (kind === "count") return Math.round(value);
  const places = kind === "rate" ? 1000 : 100;
  return Math.round(value * places) / places;
}

interface Cell {
  figure: Omit<SuppressedFigure, "value" | "peopleCount" | "suppressed" | "reason">;
  kind: "count" | "rate" | "mean";
  value: number;
  people: number;
  /** The quantity whose recovery would undo the suppression: the count itself, or the rate's own value. */
  quantity: string;
  /** Every quantity a reader learns when it is shown: its value and its people count. */
  tells: string[];
  isTotal: boolean;
  reason: SuppressionReason | null;
}

const TOTAL = "*";
const quantity = (cohort: string, name: string) => `${cohort}|${name}`;

/** The public relations between the counts of a tenant's cohorts and its totals, each a form equal to 0. */
export function insightRelations(cohorts: readonly CohortFigures[]): LinearForm[] {
  const relations: LinearForm[] = [];
  for (const cohort of cohorts) {
    const q = (name: string) => quantity(cohort.key, name);
    relations.push({ [q("mentor")]: 1, [q("mentee")]: 1, [q("total")]: -1 });
    if (cohort.uniformShape) {
      const { mentors: a, mentees: b } = cohort.uniformShape;
      relations.push({ [q("mentor")]: 1, [q("teams")]: -a });
      relations.push({ [q("mentor")]: b, [q("mentee")]: -a });
    }
  }
  for (const name of cohorts.length === 0 ? [] : ["mentor", "mentee", "total", "teams"]) {
    const form: Record<string, number> = { [quantity(TOTAL, name)]: -1 };
    for (const cohort of cohorts) form[quantity(cohort.key, name)] = 1;
    relations.push(form);
  }
  return relations;
}

function cellsOf(cohorts: readonly CohortFigures[]): Cell[] {
  const cells: Cell[] = [];
  const countCells = (cohort: string, counts: { mentor: number; mentee: number; teams: number }) => {
    const isTotal = cohort === TOTAL;
    const total = counts.mentor + counts.mentee;
    const q = (name: string) => quantity(cohort, name);
    const figureCohort = isTotal ? null : cohort;
    for (const [dimension, name, people] of [
      ["mentor", "mentor", counts.mentor],
      ["mentee", "mentee", counts.mentee],
      ["", "total", total],
    ] as const) {
      cells.push({
        figure: { cohort: figureCohort, metric: "participants", dimension },
        kind: "count",
        value: people,
        people,
        quantity: q(name),
        tells: [q(name)],
        isTotal,
        reason: null,
      });
    }
    cells.push({
      figure: { cohort: figureCohort, metric: "teams", dimension: "" },
      kind: "count",
      value: counts.teams,
      people: total,
      quantity: q("teams"),
      tells: [q("teams"), q("total")],
      isTotal,
      reason: null,
    });
  };
  for (const cohort of cohorts) {
    countCells(cohort.key, { ...cohort.participants, teams: cohort.teams });
    const total = cohort.participants.mentor + cohort.participants.mentee;
    for (const figure of cohort.figures) {
      const own = quantity(cohort.key, `${figure.metric}.${figure.dimension}`);
      const kind = insightMetrics[figure.metric].kind;
      cells.push({
        figure: { cohort: cohort.key, metric: figure.metric, dimension: figure.dimension },
        kind,
        value: figure.value,
        people: figure.people === "participants" ? total : figure.people,
        quantity: `${own}:value`,
        tells: [
          `${own}:value`,
          figure.people === "participants" ? quantity(cohort.key, "total") : `${own}:people`,
        ],
        isTotal: false,
        reason: null,
      });
    }
  }
  const sum = (pick: (cohort: CohortFigures) => number) => cohorts.reduce((all, c) => all + pick(c), 0);
  countCells(TOTAL, {
    mentor: sum((c) => c.participants.mentor),
    mentee: sum((c) => c.participants.mentee),
    teams: sum((c) => c.teams),
  });
  return cells;
}

/** The hidden cells whose quantity follows from the shown cells and the relations. */
function recoverable(cells: readonly Cell[], relations: readonly LinearForm[], related: ReadonlySet<string>) {
  const knowledge = new LinearKnowledge();
  for (const relation of relations) knowledge.know(relation);
  const told = new Set<string>();
  for (const cell of cells) {
    if (cell.reason !== null) continue;
    for (const name of cell.tells) {
      if (told.has(name)) continue;
      told.add(name);
      if (related.has(name)) knowledge.know({ [name]: 1 });
    }
  }
  return cells.filter(
    (cell) =>
      cell.reason !== null &&
      (told.has(cell.quantity) || (related.has(cell.quantity) && knowledge.determinesUnknown(cell.quantity))),
  );
}

/**
 * What of one tenant's cohort figures may be published: primary suppression of figures about fewer than
 * INSIGHTS_MIN_CELL people, then complementary suppression until no hidden figure can be recovered from
 * the shown ones, the relations between them and the tenant's totals. Shown values rounded.
 */
export function suppressTenantFigures(cohorts: readonly CohortFigures[]): TenantSuppression {
  const cells = cellsOf(cohorts);
  const relations = insightRelations(cohorts);
  const related = new Set(relations.flatMap((relation) => Object.keys(relation)));

  const cohortTotal = new Map(cohorts.map((c) => [c.key, c.participants.mentor + c.participants.mentee]));
  for (const cell of cells) {
    const smallCohort =
      cell.figure.cohort !== null && (cohortTotal.get(cell.figure.cohort) ?? 0) < INSIGHTS_MIN_CELL;
    if (cell.people < INSIGHTS_MIN_CELL || smallCohort) cell.reason = "small_cell";
  }

  const hide = (name: string) => {
    for (const cell of cells) {
      if (cell.reason === null && cell.tells.includes(name)) cell.reason = "complementary";
    }
  };
  /** What hiding a quantity costs: organisation totals last, then the fewest figures, then the fewest people. */
  const costOf = (name: string, among: readonly Cell[] = cells) => {
    const hiding = among.filter((cell) => cell.reason === null && cell.tells.includes(name));
    return [
      hiding.filter((cell) => cell.isTotal).length,
      hiding.length,
      hiding.reduce((all, cell) => all + cell.people, 0),
    ];
  };
  for (;;) {
    // The usual rule first: no relation may hold exactly one hidden quantity (the others would give it).
    const told = new Set(cells.filter((cell) => cell.reason === null).flatMap((cell) => cell.tells));
    const alone = relations
      .map((relation) => Object.keys(relation))
      .find((names) => names.length > 1 && names.filter((name) => !told.has(name)).length === 1);
    if (alone) {
      const choices = alone.filter((name) => told.has(name)).sort();
      const cheapest = choices.reduce((best, name) =>
        compareRanks(costOf(name), costOf(best)) < 0 ? name : best,
      );
      hide(cheapest);
      continue;
    }
    // Then the exact check, which also sees what several relations give together (a uniform shape).
    const exposed = recoverable(cells, relations, related);
    if (exposed.length === 0) break;
    const candidates = [
      ...new Set(
        cells
          .filter((cell) => cell.reason === null)
          .flatMap((cell) => cell.tells)
          .filter((name) => related.has(name) || exposed.some((cell) => cell.quantity === name)),
      ),
    ].sort();
    let best: { name: string; rank: number[] } | null = null;
    for (const name of candidates) {
      const trial = cells.map((cell) =>
        cell.reason === null && cell.tells.includes(name)
          ? { ...cell, reason: "complementary" as const }
          : cell,
      );
      const rank = [recoverable(trial, relations, related).length, ...costOf(name)];
      if (best === null || compareRanks(rank, best.rank) < 0) best = { name, rank };
    }
    if (best === null) throw new Error("complementary suppression found nothing left to hide");
    hide(best.name);
  }

  const publish = (cell: Cell): SuppressedFigure => ({
    ...cell.figure,
    value: cell.reason === null ? roundInsightValue(cell.kind, cell.value) : null,
    peopleCount: cell.reason === null ? cell.people : null,
    suppressed: cell.reason !== null,
    reason: cell.reason,
  });
  return {
    figures: cells.filter((cell) => !cell.isTotal).map(publish),
    totals: cells.filter((cell) => cell.isTotal).map(publish),
  };
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
