import { builtinTemplate, builtinTemplateKeys, describeTeamShape } from "@mentoring/domain";
import type { CohortSummary, TemplateSummary } from "@mentoring/programs";

/** The programs page: the built-in templates to copy, the tenant's templates and its cohorts. */
export function presentPrograms(templates: TemplateSummary[], cohorts: CohortSummary[]) {
  return {
    builtins: builtinTemplateKeys.map((key) => ({
      key,
      kind: builtinTemplate(key).kind,
      shape: describeTeamShape(builtinTemplate(key).teamShape),
    })),
    templates: templates.map(({ teamShape, ...template }) => ({
      ...template,
      shape: describeTeamShape(teamShape),
    })),
    cohorts,
  };
}
