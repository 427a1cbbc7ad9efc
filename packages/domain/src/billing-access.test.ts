import { describe, expect, it } from "vitest";
import {
  accessFor,
  defaultDirectoryImportLimits,
  directoryImportLimitsFor,
  LARGEST_DIRECTORY_IMPORT_BYTES,
  monthlyRevenueKrw,
  parsePlanCode,
  planBandTerms,
  planForDirectorySize,
  planOf,
  tenantStatusFor,
} from "./billing-access";

const now = new Date("2026-11-24T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
const base = { pastDueSince: null as Date | null, trialEndsAt: null as Date | null, now, graceDays: 14 };

describe("choosing a plan by directory size", () => {
  it("puts a small county office (480 staff) on the starter band", () => {
    expect(planForDirectorySize(480).band).toBe("starter");
  });

  it("keeps exactly 500 staff on the starter band and moves 501 up", () => {
    expect(planForDirectorySize(500).band).toBe("starter");
    expect(planForDirectorySize(501).band).toBe("standard");
  });

  it("puts Yongin-sized cities (about 3,000 staff) on the large band", () => {
    expect(planForDirectorySize(3_000).band).toBe("large");
  });

  it("puts a metropolitan government above 10,000 staff on the metro band", () => {
    expect(planForDirectorySize(10_000).band).toBe("large");
    expect(planForDirectorySize(18_000).band).toBe("metro");
  });

  it("gives an empty directory the smallest band and refuses a negative count", () => {
    expect(planForDirectorySize(0).band).toBe("starter");
    expect(() => planForDirectorySize(-1)).toThrow(RangeError);
  });

  it("charges more for every larger band, and a year costs ten months", () => {
    for (let i = 1; i < planBandTerms.length; i++) {
      expect(planBandTerms[i]?.monthlyKrw).toBeGreaterThan(planBandTerms[i - 1]?.monthlyKrw ?? 0);
    }
    for (const terms of planBandTerms) expect(terms.yearlyKrw).toBe(terms.monthlyKrw * 10);
  });
});

describe("directory import limits by plan", () => {
  it("lets every band import more rows than its directory holds, and larger bands more", () => {
    for (const [i, terms] of planBandTerms.entries()) {
      if (terms.maxStaff !== null) expect(terms.directoryImport.maxRows).toBeGreaterThan(terms.maxStaff);
      const smaller = planBandTerms[i - 1];
      if (smaller) expect(terms.directoryImport.maxRows).toBeGreaterThan(smaller.directoryImport.maxRows);
    }
  });

  it("takes the limits from the tenant's plan code, whatever its interval", () => {
    expect(directoryImportLimitsFor("starter_monthly")).toEqual({
      maxRows: 2_000,
      maxColumns: 30,
      maxBytes: 5 * 1024 * 1024,
    });
    expect(directoryImportLimitsFor("starter_yearly")).toEqual(directoryImportLimitsFor("starter_monthly"));
  });

  it("gives a tenant without a plan, or with a code no plan has, the large band's limits", () => {
    const large = planBandTerms.find((terms) => terms.band === "large")?.directoryImport;
    expect(directoryImportLimitsFor(null)).toEqual(large);
    expect(directoryImportLimitsFor("gold_monthly")).toBe(defaultDirectoryImportLimits);
  });

  it("never lets a plan take a file larger than the request body limit", () => {
    for (const terms of planBandTerms)
      expect(terms.directoryImport.maxBytes).toBeLessThanOrEqual(LARGEST_DIRECTORY_IMPORT_BYTES);
    expect(LARGEST_DIRECTORY_IMPORT_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe("plan codes", () => {
  it("reads a band and interval back from its code, with the monthly revenue it brings", () => {
    expect(parsePlanCode("standard_yearly")).toMatchObject({
      band: "standard",
      interval: "yearly",
      priceKrw: 8_000_000,
      mrrKrw: 666_667,
    });
    expect(planOf("large", "monthly")).toMatchObject({ code: "large_monthly", mrrKrw: 2_000_000 });
  });

  it("refuses codes it does not know", () => {
    expect(parsePlanCode("gold_monthly")).toBeNull();
    expect(parsePlanCode("standard_weekly")).toBeNull();
    expect(parsePlanCode(null)).toBeNull();
    expect(parsePlanCode("")).toBeNull();
  });
});

describe("what a subscription allows", () => {
  it("gives full access while subscribed or in a Stripe trial", () => {
    expect(accessFor({ ...base, status: "active" })).toEqual({
      access: "full",
      reason: "subscription_active",
    });
    expect(accessFor({ ...base, status: "trialing" }).access).toBe("full");
  });

  it("keeps full access for a past-due tenant until the grace period ends", () => {
    const decision = accessFor({ ...base, status: "past_due", pastDueSince: daysAgo(13) });
    expect(decision).toMatchObject({ access: "full", reason: "past_due_grace" });
    expect(decision.graceEndsAt).toEqual(new Date(daysAgo(13).getTime() + 14 * 24 * 3600_000));
  });

  it("makes a past-due tenant read-only once the grace period is over, to the millisecond", () => {
    expect(accessFor({ ...base, status: "past_due", pastDueSince: daysAgo(14) })).toMatchObject({
      access: "read_only",
      reason: "past_due_expired",
    });
    expect(accessFor({ ...base, status: "past_due", pastDueSince: daysAgo(30) }).access).toBe("read_only");
  });

  it("makes a past-due tenant read-only at once when the grace period is zero days", () => {
    expect(accessFor({ ...base, status: "past_due", pastDueSince: now, graceDays: 0 }).access).toBe(
      "read_only",
    );
  });

  it("starts the grace period now when it does not know since when the tenant is past due", () => {
    expect(accessFor({ ...base, status: "past_due" }).access).toBe("full");
  });

  it("makes canceled, unpaid, paused and expired subscriptions read-only, never anything harsher", () => {
    for (const status of ["canceled", "unpaid", "paused", "incomplete_expired", "something_new"]) {
      expect(accessFor({ ...base, status }).access).toBe("read_only");
    }
  });

  it("gives full access during the platform trial and read-only once it has expired unpaid", () => {
    expect(accessFor({ ...base, status: null, trialEndsAt: daysAgo(-3) })).toEqual({
      access: "full",
      reason: "trial",
    });
    expect(accessFor({ ...base, status: null, trialEndsAt: daysAgo(1) })).toEqual({
      access: "read_only",
      reason: "trial_expired",
    });
  });

  it("lets an unfinished card payment run only as long as the trial", () => {
    expect(accessFor({ ...base, status: "incomplete", trialEndsAt: daysAgo(-3) }).access).toBe("full");
    expect(accessFor({ ...base, status: "incomplete", trialEndsAt: daysAgo(3) }).access).toBe("read_only");
  });

  it("leaves a tenant with neither subscription nor trial alone (managed by the operator)", () => {
    expect(accessFor({ ...base, status: null })).toEqual({ access: "full", reason: "unmanaged" });
  });
});

describe("the tenant status billing leads to", () => {
  const decide = (status: string | null, extra: Partial<typeof base> = {}) =>
    accessFor({ ...base, status, ...extra });

  it("makes an active tenant read-only when access becomes read-only", () => {
    expect(tenantStatusFor({ current: "active", decision: decide("canceled") })).toBe("read_only");
  });

  it("restores a read-only tenant to active once the subscription is paid", () => {
    expect(tenantStatusFor({ current: "read_only", decision: decide("active") })).toBe("active");
  });

  it("keeps a past-due tenant active during its grace period", () => {
    expect(
      tenantStatusFor({ current: "active", decision: decide("past_due", { pastDueSince: daysAgo(2) }) }),
    ).toBe("active");
  });

  it("never reopens a closed tenant nor approves an application", () => {
    expect(tenantStatusFor({ current: "closed", decision: decide("active") })).toBe("closed");
    expect(tenantStatusFor({ current: "applied", decision: decide("active") })).toBe("applied");
    expect(tenantStatusFor({ current: "closed", decision: decide("canceled") })).toBe("closed");
  });

  it("marks a Stripe trial as trial and leaves a hand-managed tenant's status alone", () => {
    expect(tenantStatusFor({ current: "active", decision: decide("trialing") })).toBe("trial");
    expect(tenantStatusFor({ current: "read_only", decision: decide(null) })).toBe("read_only");
    expect(tenantStatusFor({ current: "active", decision: decide(null) })).toBe("active");
  });
});

describe("monthly recurring revenue", () => {
  it("counts a yearly plan as a twelfth a month, and past-due tenants as still billed", () => {
    expect(monthlyRevenueKrw("large_yearly", "active")).toBe(1_666_667);
    expect(monthlyRevenueKrw("starter_monthly", "past_due")).toBe(300_000);
  });

  it("counts nothing for trials, ended subscriptions and unknown plans", () => {
    expect(monthlyRevenueKrw("starter_monthly", "trialing")).toBe(0);
    expect(monthlyRevenueKrw("starter_monthly", "canceled")).toBe(0);
    expect(monthlyRevenueKrw(null, null)).toBe(0);
    expect(monthlyRevenueKrw("gold_monthly", "active")).toBe(0);
  });
});
