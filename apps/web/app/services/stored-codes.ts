import type { ImportStatus } from "@mentoring/directory";
import type { Grade, SubscriptionStatus } from "@mentoring/domain";

/*
 * Codes that reach the pages as plain text (a text column, a Stripe status) although only a known set is
 * ever written: each is taken here, once per kind, to be one of that set, so that `t()` checks a message
 * exists for every member. A value outside the set would show as its raw key, as it would without these.
 */

/** A staff member's grade: the database checks it to be 1–9 (staff_members_grade_check). */
export function staffGrade(grade: number): Grade {
  return grade as Grade;
}

/** A directory import's status, written only by packages/directory. */
export function importStatusOf(status: string): ImportStatus {
  return status as ImportStatus;
}

/** The subscription's status as billing.status words it: "none" when the tenant never subscribed. */
export function subscriptionStatusOf(status: string | null): SubscriptionStatus | "none" {
  return (status ?? "none") as SubscriptionStatus | "none";
}

/** Stripe's invoice statuses (its types leave them open to statuses added later). */
export type InvoiceState = "draft" | "open" | "paid" | "uncollectible" | "void";

export function invoiceStateOf(state: string): InvoiceState {
  return state as InvoiceState;
}
