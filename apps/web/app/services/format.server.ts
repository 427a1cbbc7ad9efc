import { createInstance, type Formatter } from "i18next";

/*
 * Dates, times and numbers as pages show them, formatted on the server only and sent to the page as text:
 * Node's and the browser's ICU differ in small print (the space before 오후/PM), and any difference between
 * the server's and the browser's rendering makes React throw the page away and render it again in the
 * browser, losing what a person had typed or chosen (an e2e test caught a file upload being wiped).
 *
 * Through i18next's own formatters (`datetime`, `number`, `currency`), the ones messages use as
 * `{{value, datetime}}` (ADR 0011). They keep one Intl formatter per locale and options, so this instance,
 * which serves every language, lives as long as the process: a formatter is built once, not per call.
 */
const i18n = createInstance();
void i18n.init({ initImmediate: false });

function formatter(): Formatter {
  const found = i18n.services.formatter;
  if (!found) throw new Error("i18next was initialised without its formatter");
  return found;
}

/** i18next logs a formatter's error and returns the value as it was; an invalid date or zone is a bug here. */
function format(
  value: Date | number,
  name: "datetime" | "number" | "currency",
  locale: string,
  options: object,
) {
  const text: unknown = formatter().format(value, name, locale, options);
  if (typeof text !== "string")
    throw new RangeError(`cannot format ${String(value)} as ${name} in ${locale}`);
  return text;
}

/**
 * A list formats a date or two per row: `formatDateTime` keeps its Intl formatters under a key of its few
 * options, where i18next's formatter keys its cache by the JSON of every option on every call (about 4 % of
 * the applicants list's CPU). The options are the ones `{{value, datetime}}` would pass, so the text is the
 * same as a message's (format.server.test.ts compares them).
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(
  date: Date,
  locale: string,
  timeZone: string,
  style: { dateStyle?: "long" | "medium" | "short"; timeStyle?: "medium" | "short" } = {
    dateStyle: "medium",
    timeStyle: "short",
  },
): string {
  const key = `${locale}\u0000${timeZone}\u0000${style.dateStyle ?? ""}\u0000${style.timeStyle ?? ""}`;
  let formatter = dateTimeFormats.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, dateTimeOptions(locale, timeZone, style));
    // Locales, zones and styles are few; the bound is for safety only.
    if (dateTimeFormats.size >= 1_000) dateTimeFormats.clear();
    dateTimeFormats.set(key, formatter);
  }
  return formatter.format(date);
}

/** What `formatDateTime` asks Intl for: also what a message's `{{value, datetime}}` gets for the same style. */
export function dateTimeOptions(
  locale: string,
  timeZone: string,
  style: { dateStyle?: "long" | "medium" | "short"; timeStyle?: "medium" | "short" },
): Intl.DateTimeFormatOptions {
  // Node's ICU writes "PM" in Korean times where browsers write 오후: a 24-hour clock reads right in both.
  const hourCycle = locale === "ko" && style.timeStyle ? { hourCycle: "h23" as const } : {};
  return { ...style, ...hourCycle, timeZone };
}

/** "2025년 3월", "March 2025": the month a moment falls in, in `timeZone`. */
export function formatMonth(date: Date, locale: string, timeZone: string): string {
  return format(date, "datetime", locale, { year: "numeric", month: "long", timeZone });
}

/** "14:05": a time of day, two-digit 24-hour clock in every language (also what a time input holds). */
export function formatClock(date: Date, locale: string, timeZone: string): string {
  return format(date, "datetime", locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
}

/** "1,234": grouped as the locale groups; `options` as Intl.NumberFormat takes them (percent, sign). */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return format(value, "number", locale, options);
}

/** "₩9,900": an amount of money, in won unless the currency (ISO 4217, "USD") says otherwise. */
export function formatMoney(amount: number, locale: string, currency = "KRW"): string {
  return format(amount, "currency", locale, { currency });
}

/** Each number of a record formatted, for loaders that send a page its counts as text. */
export function formatNumbers<Counts extends { [Name in keyof Counts]: number }>(
  counts: Counts,
  locale: string,
): { [Name in keyof Counts]: string } {
  return Object.fromEntries(
    Object.entries<number>(counts).map(([name, value]) => [name, formatNumber(value, locale)]),
  ) as { [Name in keyof Counts]: string };
}
