import type { SubmissionResult } from "@conform-to/react";

/*
 * Plain module, not .server: a page tells a list edit from a save in the browser too.
 */

/**
 * The server's answer to adding, removing or moving a row of one of conform's lists (its list buttons post
 * the form): the form as it was, with the list changed. Nothing was saved.
 */
export function isListEdit(value: unknown): value is SubmissionResult<string[]> {
  return (
    typeof value === "object" &&
    value !== null &&
    "intent" in value &&
    Boolean(value.intent) &&
    (value as { status?: unknown }).status === undefined
  );
}
