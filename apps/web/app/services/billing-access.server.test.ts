import { describe, expect, it } from "vitest";
import { tenantAccessState } from "./billing-access.server";

const now = new Date("2026-11-24T03:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
const tenant = {
  status: "active" as const,
  subscriptionStatus: "active" as string | null,
  pastDueSince: null as Date | null,
  trialEndsAt: null as Date | null,
};

describe("the tenant's access state shown by the layout", () => {
  it("shows no banner to a paying tenant", () => {
    expect(tenantAccessState(tenant, now, 14)).toEqual({
      readOnly: false,
      reason: "subscription_active",
      graceEndsAt: null,
      banner: null,
    });
  });

  it("warns a past-due tenant with the date its grace period ends", () => {
    const state = tenantAccessState(
      { ...tenant, subscriptionStatus: "past_due", pastDueSince: daysAgo(3) },
      now,
      14,
    );
    expect(state).toMatchObject({
      readOnly: false,
      banner: { tone: "warning", messageKey: "billing.banner.pastDue", date: "2026-12-05T03:00:00.000Z" },
    });
  });

  it("is read-only once the grace period is over, even before the tenant's status was updated", () => {
    const state = tenantAccessState(
      { ...tenant, subscriptionStatus: "past_due", pastDueSince: daysAgo(15) },
      now,
      14,
    );
    expect(state).toMatchObject({
      readOnly: true,
      reason: "past_due_expired",
      banner: {
        tone: "error",
        messageKey: "billing.banner.readOnly",
        reasonKey: "billing.banner.reason.past_due_expired",
      },
    });
  });

  it("is read-only when the operator set the tenant read-only, whatever billing says", () => {
    expect(tenantAccessState({ ...tenant, status: "read_only" } as never, now, 14)).toMatchObject({
      readOnly: true,
      reason: "operator",
      banner: { reasonKey: "billing.banner.reason.operator" },
    });
  });

  it("is read-only after an unpaid trial", () => {
    expect(
      tenantAccessState({ ...tenant, subscriptionStatus: null, trialEndsAt: daysAgo(1) }, now, 14),
    ).toMatchObject({ readOnly: true, reason: "trial_expired" });
  });
});
