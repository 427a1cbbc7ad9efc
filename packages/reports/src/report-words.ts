import { type LocalizedText, localize } from "@mentoring/domain";
import { type Locale, resources } from "@mentoring/i18n";

/** The report's wording in one locale (packages/i18n, reports.document), Korean unless English is asked. */
export type ReportLocale = Locale;

type Messages = (typeof resources)["ko"]["common"]["reports"]["document"];

export interface ReportWords {
  locale: ReportLocale;
  /** The message at a dotted key under reports.document, with {{name}} filled in. */
  t(key: string, values?: Record<string, string | number>): string;
  /** A template's text in the locale (Korean when it has no English). */
  text(value: LocalizedText): string;
  /** 1 decimal, as every figure of the report is printed. */
  figure(value: number | null): string;
  /** A share as a percentage with 1 decimal; "-" when nothing was expected. */
  percent(part: number, whole: number): string;
  team(number: number): string;
}

/** One decimal, exactly as the workbook stores it: the PDF and the sheets agree to the digit. */
export function roundFigure(value: number): number {
  return Math.round(value * 10) / 10;
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundFigure((part / whole) * 100);
}

export function reportWords(locale: ReportLocale): ReportWords {
  const messages: Messages = resources[locale].common.reports.document;
  const t = (key: string, values: Record<string, string | number> = {}) => {
    let found: unknown = messages;
    for (const part of key.split(".")) found = (found as Record<string, unknown> | undefined)?.[part];
    if (typeof found !== "string") throw new Error(`reports.document.${key} is not a message`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
  };
  return {
    locale,
    t,
    text: (value) => localize(value, locale),
    figure: (value) => (value === null ? "-" : roundFigure(value).toFixed(1)),
    percent: (part, whole) => {
      const share = percentOf(part, whole);
      return share === null ? "-" : `${share.toFixed(1)}%`;
    },
    team: (number) => t("team", { number }),
  };
}
