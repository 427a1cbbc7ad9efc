import { type AppError, isAppError, type TemplateDefinition } from "@mentoring/domain";
import { loadTemplate, saveTemplate } from "@mentoring/programs";
import { z } from "zod";
import { type FieldNamer, tenantAction } from "./route-builder.server";
import { id } from "./route-params";
import { withFormPaths } from "./template-form";

/** The address of every page of a template's editor. */
export const templateParams = z.object({ templateId: id });

/**
 * The action of a page of a template's editor, for a member who may manage programs: the current definition
 * with the page's part taken from its form, saved (a new version when cohorts run on the current one;
 * nothing at all when the input is bad), its refusal renamed to the page's field names.
 */
export function templatePartAction<F extends z.ZodTypeAny>(page: {
  form: F;
  fieldName: FieldNamer;
  /** The current definition with the page's part taken from the form. */
  change: (form: z.infer<F>, current: TemplateDefinition) => unknown;
  /**
   * The refusal of the changed definition, named by the form's fields; by default its paths as a form
   * writes them ("calendar.0.month" is "calendar[0].month").
   */
  toFormPaths?: (error: AppError, current: TemplateDefinition, form: z.infer<F>) => AppError;
}) {
  const toFormPaths = page.toFormPaths ?? ((error: AppError) => withFormPaths(error));
  return tenantAction(
    { permission: "programs.manage", params: templateParams, form: page.form, fieldName: page.fieldName },
    async ({ params, form, tenant, user, requestId, withTenant }) =>
      withTenant(async (db) => {
        const { definition: current } = await loadTemplate(db, tenant.id, params.templateId);
        const input = { tenantId: tenant.id, templateId: params.templateId, actorUserId: user.id, requestId };
        return saveTemplate(db, { ...input, definition: page.change(form, current) }).catch(
          (error: unknown) => {
            throw isAppError(error) ? toFormPaths(error, current, form) : error;
          },
        );
      }),
  );
}
