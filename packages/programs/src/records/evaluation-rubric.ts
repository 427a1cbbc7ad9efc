import type { EvaluatorCriterion, LocalizedText, RubricLevel, TemplateDefinition } from "@mentoring/domain";

/*
 * What the evaluation use cases take from a cohort's template definition (rubric.ts): its criteria (which
 * of them the evaluators score; a computed one is scored by the program's records) and whether the
 * same-department conflict rule applies.
 */

/** A rubric criterion as the evaluator's page shows it beside the team. */
export interface RubricCriterionView {
  key: string;
  name: LocalizedText;
  description: LocalizedText | null;
  weight: number;
  scaleMax: number;
  /** Who gives it a score: the evaluators, or the program's records (then no evaluator scores it). */
  source: "evaluators" | "computed";
  /** Descriptors of some scores, ascending ("10: 탁월함"). */
  levels: RubricLevel[];
}

export interface EvaluationSetup {
  criteria: RubricCriterionView[];
  /** The criteria an evaluator scores, in the rubric's order. */
  scored: EvaluatorCriterion[];
  /** An evaluator in the same department as a team member may not score that team. */
  sameDepartmentRule: boolean;
}

export function evaluationSetup(definition: TemplateDefinition): EvaluationSetup {
  const criteria = definition.rubric.map(
    (criterion): RubricCriterionView => ({
      key: criterion.key,
      name: criterion.name,
      description: criterion.description ?? null,
      weight: criterion.weight,
      scaleMax: criterion.scaleMax,
      source: criterion.source.kind,
      levels: criterion.levels ?? [],
    }),
  );
  return {
    criteria,
    scored: criteria
      .filter((criterion) => criterion.source === "evaluators")
      .map(({ key, scaleMax }) => ({ key, scaleMax })),
    sameDepartmentRule: definition.evaluation.conflictSameDepartment,
  };
}
