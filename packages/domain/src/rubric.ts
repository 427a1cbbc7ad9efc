import { z } from "zod";
import { localizedTextSchema } from "./localized-text";
import { templateKeySchema } from "./template-key";

/*
 * The rubric a template scores its teams with when a cohort closes: weighted criteria, each on an integer
 * scale from 0 to its `scaleMax`, scored by the cohort's evaluators or computed from what the program
 * recorded (rubric-metrics.ts has the formulas). A team's total is the weighted sum of its criteria's
 * scores, each as a share of its scale, on 0-100: the weights of a rubric add up to 100.
 */

/** What a computed criterion measures; the formulas are in rubric-metrics.ts. */
export const rubricMetrics = [
  "attendance_rate",
  "assignments_on_time",
  "activities_logged",
  "meeting_frequency",
  "prepost_change",
] as const;
export type RubricMetric = (typeof rubricMetrics)[number];

/**
 * Whether a metric needs a `target` to be scored: counts earn full marks at a number per month, the
 * pre/post change at a number of points. The two rates have their own full mark (everything) and refuse one.
 */
export function rubricMetricTakesTarget(metric: RubricMetric): boolean {
  return metric === "activities_logged" || metric === "meeting_frequency" || metric === "prepost_change";
}

const computedSourceSchema = z
  .object({
    kind: z.literal("computed"),
    metric: z.enum(rubricMetrics),
    /**
     * activities_logged, meeting_frequency: the count per team per activity month that earns full marks;
     * prepost_change: the points of mean improvement on the 0-100 diagnostic scale that earn full marks.
     */
    target: z.number().finite().positive().max(100).optional(),
  })
  .strict();

/** Who gives a criterion its score: the cohort's evaluators, or the program's own records. */
export const rubricSourceSchema = z
  .discriminatedUnion("kind", [z.object({ kind: z.literal("evaluators") }).strict(), computedSourceSchema])
  .superRefine((source, context) => {
    if (source.kind !== "computed") return;
    const takesTarget = rubricMetricTakesTarget(source.metric);
    if (takesTarget && source.target === undefined)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["target"],
        message: `${source.metric} needs a target`,
        params: { code: "target_required" },
      });
    if (!takesTarget && source.target !== undefined)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["target"],
        message: `${source.metric} is a rate and takes no target`,
        params: { code: "target_not_allowed" },
      });
  });

export type RubricSource = z.infer<typeof rubricSourceSchema>;
export type ComputedRubricSource = z.infer<typeof computedSourceSchema>;

/** What a score means on a criterion's scale, shown to evaluators beside it ("10: 탁월함"). */
const rubricLevelSchema = z
  .object({ score: z.number().int().min(0).max(100), label: localizedTextSchema })
  .strict();

export type RubricLevel = z.infer<typeof rubricLevelSchema>;

export const rubricCriterionSchema = z
  .object({
    key: templateKeySchema,
    name: localizedTextSchema,
    description: localizedTextSchema.optional(),
    /** Its share of the team's total, in points of 100. */
    weight: z.number().int().min(1).max(100),
    /** Scores are integers from 0 to this (a computed score has one decimal). */
    scaleMax: z.number().int().min(2).max(100),
    /** Descriptors of some scores, in ascending order of score once parsed. */
    levels: z
      .array(rubricLevelSchema)
      .max(101)
      .transform((levels) => [...levels].sort((a, b) => a.score - b.score))
      .optional(),
    source: rubricSourceSchema.default({ kind: "evaluators" }),
  })
  .strict()
  .superRefine((criterion, context) => {
    const levels = criterion.levels ?? [];
    levels.forEach((level, index) => {
      if (level.score > criterion.scaleMax)
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["levels", index, "score"],
          message: `a level's score must not be above the scale's ${criterion.scaleMax}`,
          params: { code: "level_above_scale" },
        });
      // Sorted: a repeated score sits right after its first.
      if (index > 0 && levels[index - 1]?.score === level.score)
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["levels", index, "score"],
          message: "two levels have the same score",
          params: { code: "duplicate_level" },
        });
    });
  });

export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
/** A criterion whose score the program's records give (rubric-metrics.ts). */
export type ComputedRubricCriterion = RubricCriterion & { source: ComputedRubricSource };

export function isComputedCriterion(criterion: RubricCriterion): criterion is ComputedRubricCriterion {
  return criterion.source.kind === "computed";
}

/**
 * A template's rubric: no criteria (no evaluation), or criteria with unique keys whose weights add up to
 * exactly 100. A sum other than 100 is one issue on the rubric itself, carrying the sum found.
 */
export const rubricSchema = z
  .array(rubricCriterionSchema)
  .max(20)
  .superRefine((criteria, context) => {
    const seen = new Set<string>();
    criteria.forEach((criterion, index) => {
      if (seen.has(criterion.key))
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, "key"],
          message: "criterion keys must be unique",
          params: { code: "duplicate_key" },
        });
      seen.add(criterion.key);
    });
    const sum = criteria.reduce((total, criterion) => total + criterion.weight, 0);
    if (criteria.length > 0 && sum !== 100)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: [],
        message: `the weights add up to ${sum}, not 100`,
        params: { code: "weights_sum", sum },
      });
  });

export type Rubric = z.infer<typeof rubricSchema>;

export const evaluationNormalisations = ["z_score", "none"] as const;
export type EvaluationNormalisation = (typeof evaluationNormalisations)[number];

/** How a template's evaluation runs: who may not score a team, and how evaluators' scores are combined. */
export const evaluationSettingsSchema = z
  .object({
    /** An evaluator in the same department as a member of a team may not score it. */
    conflictSameDepartment: z.boolean().default(true),
    /**
     * z_score: each evaluator's scores are standardised against their own mean and spread before they are
     * combined, so a lenient or a harsh evaluator counts like the others; none: raw scores are averaged.
     */
    normalisation: z.enum(evaluationNormalisations).default("z_score"),
    /**
     * Points on the 0-100 total: evaluators whose totals for one team lie further apart than this are
     * flagged as disagreeing.
     */
    disagreementSpread: z.number().finite().min(0).max(100).default(20),
  })
  .strict();

export type EvaluationSettings = z.infer<typeof evaluationSettingsSchema>;
