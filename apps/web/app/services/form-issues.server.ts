import { type FieldIssue, fieldIssueOf } from "@mentoring/domain";
import type { ZodError } from "zod";

/**
 * Why a field's value was refused, ready for the page: an i18n key of the common namespace and its values,
 * among them `field`, the field's visible name, already translated, so the message names the field
 * ("멘토 수 최솟값: 1 이상이어야 합니다"). The page shows it with `t(issue.key, issue.params)`.
 */
export interface FormIssue {
  key: string;
  params: Record<string, string | number>;
}

/**
 * Issues by form field: the field's name attribute, which is the zod path joined with "." (e.g.
 * "teamShape.mentors.min"); one issue per field, the first. Issues no field on the form can show are kept
 * under "" for the page's summary.
 */
export type FormIssues = Record<string, FormIssue>;

/**
 * The visible name (translated) of the form field at a dotted path, or null when the form has no such field.
 * A deeper path falls back to the nearest field above it ("…include.0" to "…include"); the empty path names
 * what an issue outside every field is about (e.g. the parts of a template the form does not edit).
 */
export type FieldNamer = (path: string) => string | null;

/** The nearest path at or above `path` that names a field on the form, with that name. */
function fieldAt(path: string[], fieldName: FieldNamer): { field: string; name: string } | null {
  for (let length = path.length; length > 0; length--) {
    const field = path.slice(0, length).join(".");
    const name = fieldName(field);
    if (name !== null) return { field, name };
  }
  return null;
}

/**
 * Turns a zod error into one message per field, each naming its field. A schedule date that comes before
 * another (`date_before`) also names that other field, the sibling at the same depth.
 */
export function formIssues(error: ZodError, fieldName: FieldNamer): FormIssues {
  return formIssuesOfFields(error.issues.map(fieldIssueOf), fieldName);
}

/**
 * The same from the field issues of an `input.invalid` AppError (`error.details.fields`), so a use case's
 * refusal reads on the page as the form's own validation would.
 */
export function formIssuesOfFields(fields: FieldIssue[], fieldName: FieldNamer): FormIssues {
  const issues: FormIssues = {};
  for (const { path, message, params: issueParams } of fields) {
    const { beforePath, ...params } = issueParams;
    const at = fieldAt(path === "" ? [] : path.split("."), fieldName);
    const field = at?.field ?? "";
    if (field in issues) continue;
    // A date that must not come before another carries that field's path; the message names it.
    if (typeof beforePath === "string") {
      params.before = fieldName(beforePath) ?? beforePath.split(".").pop() ?? beforePath;
    }
    issues[field] = { key: message, params: { ...params, field: at?.name ?? fieldName("") ?? "" } };
  }
  return issues;
}
