import { z } from "zod";

/*
 * A team's submission to a program-wide assignment: one per team and assignment, revised until the due
 * moment, marked late when it first arrives after it; the coordinator accepts it or asks for a revision
 * (which opens it again, due date or not), and may feature it on the tenant's showcase.
 */

export const submissionStatuses = ["submitted", "revision_requested", "accepted"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const SUBMISSION_LIMITS = { text: 10_000, links: 10, link: 2_000 } as const;

/** A link to a video or a post (the city's channel, a drive): http(s) only. */
export const submissionLinkSchema = z
  .string()
  .trim()
  .max(SUBMISSION_LIMITS.link)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), "must be an http:// or https:// address");

/** Why a team may not hand in (or revise) now, or null when it may. */
export type SubmissionRefusal = "submission.already_accepted" | "submission.due_passed";

/**
 * Whether a team may hand in now: never once the coordinator accepted it; a first submission any time
 * (late after the due moment); a revision until the due moment, or after it when the coordinator asked.
 */
export function submissionRefusal(
  existing: { status: SubmissionStatus } | null,
  dueAt: Date,
  now: Date,
): SubmissionRefusal | null {
  if (!existing) return null;
  if (existing.status === "accepted") return "submission.already_accepted";
  if (existing.status === "revision_requested") return null;
  return now > dueAt ? "submission.due_passed" : null;
}

/** Late: first handed in after the due moment. A revision keeps the first submission's lateness. */
export function isLate(firstSubmittedAt: Date, dueAt: Date): boolean {
  return firstSubmittedAt > dueAt;
}
