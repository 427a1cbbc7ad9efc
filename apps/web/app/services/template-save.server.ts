import type { TenantDb } from "@mentoring/db";
import { type AppError, isAppError, type TemplateDefinition } from "@mentoring/domain";
import { loadTemplate, type SaveTemplateResult, saveTemplate } from "@mentoring/programs";

/**
 * Saves what one page of a template's editor changes: the current definition with the page's part applied
 * (a new version when cohorts run on the current one; nothing at all when the input is bad), its refusal
 * renamed to the page's field names ("rubric.0.weight" in the definition is "rubric[0].weight" in a form).
 */
export async function saveTemplatePart(
  db: TenantDb,
  input: { tenantId: string; templateId: string; actorUserId: string; requestId?: string },
  change: (current: TemplateDefinition) => unknown,
  toFormPaths: (error: AppError, current: TemplateDefinition) => AppError,
): Promise<SaveTemplateResult> {
  const current = await loadTemplate(db, input.tenantId, input.templateId);
  return saveTemplate(db, { ...input, definition: change(current.definition) }).catch((error: unknown) => {
    throw isAppError(error) ? toFormPaths(error, current.definition) : error;
  });
}
