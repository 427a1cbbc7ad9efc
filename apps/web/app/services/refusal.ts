import type { SubmissionResult } from "@conform-to/react";

/*
 * A refused action's answer as the page receives it. Plain module, not .server: the page's component tells
 * a refusal from success data in the browser too (a .server import there fails the client build).
 */

/**
 * What an action answers when it refuses: conform's submission result (the form's values and errors by
 * field, "" for the form as a whole), the refusal's code when it came from a use case, which of the page's
 * forms it answers (the route's `whichForm`), and anything the route's `onRefusal` adds for its page.
 */
export type Refusal<Extra = object> = SubmissionResult<string[]> & {
  status: "error";
  code?: string;
} & Partial<Extra>;

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as { status?: unknown }).status === "error";
}

/**
 * A refusal as one form shows it: when it names fields of the form, its messages stand beside them only,
 * and what the reply says of the form as a whole (the same message, or "check what you entered") is not
 * said again above it.
 */
export function besideFields(refusal: Refusal, fields: readonly string[]): SubmissionResult<string[]> {
  const errors = refusal.error ?? {};
  if (!fields.some((name) => errors[name]?.length)) return refusal;
  const { "": _formErrors, ...byField } = errors;
  return { ...refusal, error: byField };
}
