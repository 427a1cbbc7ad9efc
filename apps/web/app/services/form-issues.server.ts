import type { ZodError, ZodIssue } from "zod";

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

/** The domain's refinement codes (`params.code`) and the message each is shown with. */
const customMessages: Record<string, string> = {
  min_above_max: "programs.issue.belowMin",
  date_before: "programs.issue.dateBefore",
  above_max: "programs.issue.aboveMax",
  after_to: "programs.issue.afterTo",
  not_a_date: "programs.issue.date",
};

/** The message key and values of one issue, without the field's name. */
function messageOf(issue: ZodIssue): { key: string; params: Record<string, string | number> } {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined" || issue.received === "null")
        return { key: "programs.issue.required", params: {} };
      if (issue.received === "nan" || issue.expected === "number")
        return { key: "programs.issue.number", params: {} };
      if (issue.expected === "integer") return { key: "programs.issue.integer", params: {} };
      return { key: "programs.issue.invalid", params: {} };
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.type === "number" || issue.type === "bigint")
        return { key: "programs.issue.min", params: { minimum } };
      if (issue.type === "array" || issue.type === "set")
        return { key: "programs.issue.listMin", params: { minimum } };
      return { key: "programs.issue.required", params: {} };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.type === "number" || issue.type === "bigint")
        return { key: "programs.issue.max", params: { maximum } };
      if (issue.type === "array" || issue.type === "set")
        return { key: "programs.issue.listMax", params: { maximum } };
      if (issue.type === "string") return { key: "programs.issue.tooLong", params: { maximum } };
      return { key: "programs.issue.invalid", params: {} };
    }
    case "invalid_enum_value":
    case "invalid_literal":
    case "invalid_union_discriminator":
      return { key: "programs.issue.choice", params: {} };
    case "custom": {
      const code = (issue.params as { code?: string } | undefined)?.code;
      return { key: (code && customMessages[code]) || "programs.issue.invalid", params: {} };
    }
    default:
      return { key: "programs.issue.invalid", params: {} };
  }
}

/** The nearest path at or above `path` that names a field on the form, with that name. */
function fieldAt(path: (string | number)[], fieldName: FieldNamer): { field: string; name: string } | null {
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
  const issues: FormIssues = {};
  for (const issue of error.issues) {
    const { key, params } = messageOf(issue);
    const at = fieldAt(issue.path, fieldName);
    const field = at?.field ?? "";
    if (field in issues) continue;
    const before = (issue as { params?: { before?: string } }).params?.before;
    if (key === "programs.issue.dateBefore" && before) {
      params.before = fieldName([...issue.path.slice(0, -1), before].join(".")) ?? before;
    }
    issues[field] = { key, params: { ...params, field: at?.name ?? fieldName("") ?? "" } };
  }
  return issues;
}
