/**
 * Date-times are formatted on the server only, and the page shows the resulting text: Node's and the
 * browser's ICU differ in small print (the space before 오후/PM), and any difference between the server's
 * and the browser's rendering makes React throw the page away and render it again in the browser,
 * losing what a person had typed or chosen (an e2e test caught a file upload being wiped).
 */
export function formatDateTime(
  date: Date,
  locale: string,
  timeZone: string,
  style: { dateStyle?: "long" | "medium" | "short"; timeStyle?: "medium" | "short" } = {
    dateStyle: "medium",
    timeStyle: "short",
  },
): string {
  // Node's ICU writes "PM" in Korean times where browsers write 오후: a 24-hour clock reads right in both.
  const hourCycle = locale === "ko" && style.timeStyle ? { hourCycle: "h23" as const } : {};
  return new Intl.DateTimeFormat(locale, { ...style, ...hourCycle, timeZone }).format(date);
}

/** "14:05": a time of day, two-digit 24-hour clock in every language (also what a time input holds). */
export function formatClock(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(date);
}
