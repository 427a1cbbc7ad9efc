/**
 * Plans and what a subscription's state allows. Pure: the clock and the grace period are passed in.
 *
 * Prices are in Korean won, VAT excluded (부가세 별도: invoices add 10 %). KRW has no minor unit, so an
 * amount here is also the amount Stripe stores. A plan is chosen by the size of the organisation's staff
 * directory; a year costs ten months (public bodies budget per fiscal year and mostly pay yearly).
 */

export const planBands = ["starter", "standard", "large", "metro"] as const;
export type PlanBand = (typeof planBands)[number];

export const billingIntervals = ["monthly", "yearly"] as const;
export type BillingInterval = (typeof billingIntervals)[number];

/**
 * How large a staff directory file a tenant may import at once. Reading stops at the first row or column
 * beyond, and a larger file is refused before it is stored, so one upload cannot hold the worker for
 * minutes or fill its memory (a 400,000-row workbook took 217 s and 687 MB).
 */
export interface DirectoryImportLimits {
  /** Data rows (the header and blank rows not counted). */
  maxRows: number;
  /** Header cells up to the last one filled in; the directory itself has nine columns. */
  maxColumns: number;
  /** The file as uploaded. */
  maxBytes: number;
}

export interface PlanBandTerms {
  band: PlanBand;
  /** Most staff members in the directory the band covers; null: no upper limit. */
  maxStaff: number | null;
  monthlyKrw: number;
  yearlyKrw: number;
  /** Rows leave room for people who left or are about to join beside the band's directory. */
  directoryImport: DirectoryImportLimits;
}

const MiB = 1024 * 1024;
/** Far more than the nine columns a directory has, and few enough to list in a message. */
const MAX_IMPORT_COLUMNS = 30;

/** Ordered from the smallest directory up. */
export const planBandTerms: readonly PlanBandTerms[] = [
  {
    band: "starter",
    maxStaff: 500,
    monthlyKrw: 300_000,
    yearlyKrw: 3_000_000,
    directoryImport: { maxRows: 2_000, maxColumns: MAX_IMPORT_COLUMNS, maxBytes: 5 * MiB },
  },
  {
    band: "standard",
    maxStaff: 2_000,
    monthlyKrw: 800_000,
    yearlyKrw: 8_000_000,
    directoryImport: { maxRows: 10_000, maxColumns: MAX_IMPORT_COLUMNS, maxBytes: 10 * MiB },
  },
  {
    band: "large",
    maxStaff: 10_000,
    monthlyKrw: 2_000_000,
    yearlyKrw: 20_000_000,
    directoryImport: { maxRows: 40_000, maxColumns: MAX_IMPORT_COLUMNS, maxBytes: 20 * MiB },
  },
  {
    // 100,000 rows: what the import benchmark validates in about ten seconds within 128 MB.
    band: "metro",
    maxStaff: null,
    monthlyKrw: 4_000_000,
    yearlyKrw: 40_000_000,
    directoryImport: { maxRows: 100_000, maxColumns: MAX_IMPORT_COLUMNS, maxBytes: 20 * MiB },
  },
];

/**
 * The import limits of a tenant without a plan (a platform trial, a contract managed outside Stripe, the
 * demo): the "large" band's, so a trial can load a real city's directory.
 */
export const defaultDirectoryImportLimits: DirectoryImportLimits = (
  planBandTerms.find((terms) => terms.band === "large") as PlanBandTerms
).directoryImport;

/** What a tenant on `planCode` may import; the default when it has no plan this code knows. */
export function directoryImportLimitsFor(planCode: string | null | undefined): DirectoryImportLimits {
  return parsePlanCode(planCode)?.directoryImport ?? defaultDirectoryImportLimits;
}

/** The largest file any tenant may import: what a request body is cut at before its tenant is known. */
export const LARGEST_DIRECTORY_IMPORT_BYTES = Math.max(
  defaultDirectoryImportLimits.maxBytes,
  ...planBandTerms.map((terms) => terms.directoryImport.maxBytes),
);

export const VAT_RATE = 0.1;

/** A plan code names a band and an interval, "standard_yearly"; Stripe prices carry it as lookup key. */
export type PlanCode = `${PlanBand}_${BillingInterval}`;

export interface Plan extends PlanBandTerms {
  code: PlanCode;
  interval: BillingInterval;
  /** What one billing period costs, VAT excluded. */
  priceKrw: number;
  /** Monthly recurring revenue: the price spread over the months it pays for. */
  mrrKrw: number;
}

function termsOf(band: PlanBand): PlanBandTerms {
  return planBandTerms.find((terms) => terms.band === band) as PlanBandTerms;
}

export function planOf(band: PlanBand, interval: BillingInterval): Plan {
  const terms = termsOf(band);
  const priceKrw = interval === "monthly" ? terms.monthlyKrw : terms.yearlyKrw;
  return {
    ...terms,
    code: `${band}_${interval}`,
    interval,
    priceKrw,
    mrrKrw: interval === "monthly" ? priceKrw : Math.round(priceKrw / 12),
  };
}

/** The plan a code names, or null for anything else (an old code, a typo, a foreign price). */
export function parsePlanCode(code: string | null | undefined): Plan | null {
  const match = /^([a-z]+)_([a-z]+)$/.exec(code ?? "");
  if (!match) return null;
  const [, band, interval] = match;
  if (!planBands.includes(band as PlanBand) || !billingIntervals.includes(interval as BillingInterval))
    return null;
  return planOf(band as PlanBand, interval as BillingInterval);
}

/** The smallest band whose limit covers the directory. */
export function planForDirectorySize(staffCount: number): PlanBandTerms {
  if (!Number.isInteger(staffCount) || staffCount < 0)
    throw new RangeError(`staff count must be a whole number of 0 or more, got ${staffCount}`);
  return (
    planBandTerms.find((terms) => terms.maxStaff === null || staffCount <= terms.maxStaff) ??
    (planBandTerms.at(-1) as PlanBandTerms)
  );
}

/** Stripe's subscription statuses (an unknown future one is treated as not paid). */
export type SubscriptionStatus =
  | "trialing"
  | "active"
  | "past_due"
  | "canceled"
  | "unpaid"
  | "incomplete"
  | "incomplete_expired"
  | "paused";

export type AccessLevel = "full" | "read_only";

export type AccessReason =
  /** No subscription and no trial end: managed by hand (a contract outside Stripe, a demo). */
  | "unmanaged"
  | "trial"
  | "trial_expired"
  | "subscription_trialing"
  | "subscription_active"
  | "past_due_grace"
  | "past_due_expired"
  /** The first payment is still open (card): full access while the platform trial runs. */
  | "incomplete"
  | "canceled"
  | "unpaid"
  | "paused";

/** The reasons a tenant is read-only: the ones a page explains to its members. */
export type ReadOnlyReason = Extract<
  AccessReason,
  "trial_expired" | "past_due_expired" | "incomplete" | "canceled" | "unpaid" | "paused"
>;

/** Read-only access always comes with a `ReadOnlyReason`, so a page can name it. */
export type AccessDecision = {
  /** Past due: when full access ends unless the invoice is paid. */
  graceEndsAt?: Date;
} & ({ access: "full"; reason: AccessReason } | { access: "read_only"; reason: ReadOnlyReason });

export interface AccessInput {
  /** The subscription's status as Stripe last reported it; null when the tenant never subscribed. */
  status: string | null;
  pastDueSince: Date | null;
  trialEndsAt: Date | null;
  now: Date;
  graceDays: number;
}

const DAY_MS = 24 * 3600_000;

/**
 * What a tenant may do, judged from its subscription. Access is only ever narrowed to read-only, never
 * taken away: data is kept whatever the state, so paying restores everything.
 */
export function accessFor({
  status,
  pastDueSince,
  trialEndsAt,
  now,
  graceDays,
}: AccessInput): AccessDecision {
  const trialRunning = trialEndsAt !== null && now.getTime() < trialEndsAt.getTime();
  switch (status) {
    case null:
      if (trialEndsAt === null) return { access: "full", reason: "unmanaged" };
      return trialRunning
        ? { access: "full", reason: "trial" }
        : { access: "read_only", reason: "trial_expired" };
    case "trialing":
      return { access: "full", reason: "subscription_trialing" };
    case "active":
      return { access: "full", reason: "subscription_active" };
    case "past_due": {
      // Unknown start (an event lost): count from now, so the tenant gets the whole grace period.
      const graceEndsAt = new Date((pastDueSince ?? now).getTime() + graceDays * DAY_MS);
      return now.getTime() < graceEndsAt.getTime()
        ? { access: "full", reason: "past_due_grace", graceEndsAt }
        : { access: "read_only", reason: "past_due_expired", graceEndsAt };
    }
    case "incomplete":
      return trialRunning
        ? { access: "full", reason: "incomplete" }
        : { access: "read_only", reason: "incomplete" };
    case "paused":
      return { access: "read_only", reason: "paused" };
    case "unpaid":
      return { access: "read_only", reason: "unpaid" };
    default:
      // canceled, incomplete_expired, and anything Stripe adds later
      return { access: "read_only", reason: "canceled" };
  }
}

export type TenantLifecycleStatus = "applied" | "trial" | "active" | "read_only" | "closed";

/**
 * The tenant status a subscription leads to. An application not yet approved and a closed tenant are the
 * operator's decisions and never change through billing.
 */
export function tenantStatusFor({
  current,
  decision,
}: {
  current: TenantLifecycleStatus;
  decision: AccessDecision;
}): TenantLifecycleStatus {
  if (current === "applied" || current === "closed") return current;
  if (decision.access === "read_only") return "read_only";
  switch (decision.reason) {
    case "unmanaged":
      // Nothing to judge by: the operator's choice stands.
      return current;
    case "trial":
      return current === "read_only" ? "trial" : current;
    case "subscription_trialing":
    case "incomplete":
      return "trial";
    default:
      return "active";
  }
}

/**
 * What a tenant adds to monthly recurring revenue, VAT excluded: its plan's monthly share while the
 * subscription is billed (active or past due, as Stripe counts it); nothing in a trial or once ended.
 */
export function monthlyRevenueKrw(planCode: string | null, subscriptionStatus: string | null): number {
  if (subscriptionStatus !== "active" && subscriptionStatus !== "past_due") return 0;
  return parsePlanCode(planCode)?.mrrKrw ?? 0;
}
