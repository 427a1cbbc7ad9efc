import { type RetentionKind, type RetentionPeriods, retentionKinds, retentionRules } from "@mentoring/domain";
import type { RetentionOverview } from "@mentoring/programs";
import type { PrivacyPolicy } from "@mentoring/tenants";
import type { TFunction } from "i18next";
import { formatDateTime, formatNumber } from "../services/format.server";

interface Formatting {
  t: TFunction;
  locale: string;
  timeZone: string;
}

/** A start as the purge records it: a calendar day ("2027-03-15") or a moment; shown as a date. */
function dayInWords(value: string | null, f: Formatting): string | null {
  if (!value) return null;
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  // A calendar day is the same day everywhere: read at noon UTC it is that day in Seoul too.
  return formatDateTime(moment, f.locale, /^\d{4}-\d{2}-\d{2}$/.test(value) ? "UTC" : f.timeZone, {
    dateStyle: "long",
  });
}

/** Each kind's period in words: what it covers, when it starts, how long, what happens, its bounds. */
export function presentRetentionPeriods(periods: RetentionPeriods, t: TFunction) {
  return retentionKinds.map((kind) => {
    const rule = retentionRules[kind];
    return {
      kind,
      name: t(`retention.kind.${kind}`),
      detail: t(`retention.kindDetail.${kind}`),
      start: t(`retention.start.${rule.start}`),
      months: periods[kind],
      period: t("retention.months", { count: periods[kind] }),
      action: t(`retention.action.${rule.action}`),
      bounds: t("retention.page.bounds", {
        min: rule.minMonths,
        max: rule.maxMonths,
        default: rule.defaultMonths,
      }),
      min: rule.minMonths,
      max: rule.maxMonths,
    };
  });
}

/** The privacy officer's page: the periods, what is due now per kind and per table, and the last runs. */
export function presentRetentionOverview(overview: RetentionOverview, f: Formatting) {
  const { t, locale } = f;
  const tableName = (table: string) => t(`retention.table.${table as "applications"}`);
  return {
    today: dayInWords(overview.preview.today, f),
    periods: presentRetentionPeriods(overview.periods, t),
    kinds: overview.preview.kinds.map((kind) => ({
      kind: kind.kind as RetentionKind,
      name: t(`retention.kind.${kind.kind}`),
      count: formatNumber(kind.count, locale),
      oldest: dayInWords(kind.oldest, f) ?? t("retention.page.none"),
      cohorts:
        kind.cohorts.length > 0
          ? kind.cohorts.map((cohort) => `${cohort.title} (${dayInWords(cohort.closedOn, f)})`).join(", ")
          : t("retention.page.none"),
    })),
    tables: Object.entries(overview.preview.counts).map(([table, counts]) => ({
      table,
      name: tableName(table),
      deleted: formatNumber(counts?.deleted ?? 0, locale),
      pseudonymised: formatNumber(counts?.pseudonymised ?? 0, locale),
    })),
    runs: overview.runs.map((run, index) => {
      const sum = (counts: Record<string, number>) =>
        Object.values(counts).reduce((total, count) => total + count, 0);
      return {
        key: `${run.at.toISOString()}-${index}`,
        at: formatDateTime(run.at, locale, f.timeZone),
        deleted: t("retention.page.rows", { count: sum(run.deleted) }),
        pseudonymised: t("retention.page.rows", { count: sum(run.pseudonymised) }),
        files: formatNumber(run.files, locale),
      };
    }),
  };
}

/** The public privacy policy in the reader's language. */
export function presentPrivacyPolicy(policy: PrivacyPolicy, f: Formatting) {
  return {
    name: f.locale === "en" && policy.tenant.nameEn ? policy.tenant.nameEn : policy.tenant.name,
    periods: presentRetentionPeriods(policy.periods, f.t),
    officers: policy.officers.map((officer, index) => ({
      key: String(index),
      name: officer.name,
      department: officer.department ?? "",
      contact: [officer.email, officer.phone].filter(Boolean).join(", "),
    })),
    date: formatDateTime(policy.updatedAt, f.locale, policy.tenant.timeZone, { dateStyle: "long" }),
  };
}
