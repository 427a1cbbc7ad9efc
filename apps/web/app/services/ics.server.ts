import { fixedUtcOffset, localize, wallClockIn } from "@mentoring/domain";
import type { MyCalendarItem } from "@mentoring/programs";
import ical from "ical-generator";

/**
 * A VTIMEZONE for a zone that keeps one offset all year (Seoul: +0900 since 1988), so that calendar apps
 * show the tenant's wall-clock times; a zone with summer time gets none, and the events are then written
 * in UTC, which every app places right.
 */
function vtimezone(timeZone: string): string | null {
  const offset = fixedUtcOffset(timeZone);
  if (!offset) return null;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
}

/**
 * A person's program items as an iCalendar text: trainings, events and mentoring days from their start to
 * their end, assignments at their due moment ("마감: …" in Korean). `link` is where each item is seen in
 * the app.
 */
export function programCalendarIcs(
  items: MyCalendarItem[],
  options: { name: string; timeZone: string; locale: string; duePrefix: string; link: string },
): string {
  const { timeZone, locale } = options;
  const zoned = fixedUtcOffset(timeZone) !== null;
  // With the zone's VTIMEZONE, a moment is written as its wall-clock time there ("20250312T140000", read
  // by the library as local to the process, written back the same); without, as UTC.
  const moment = (instant: Date) => (zoned ? wallClockIn(instant, timeZone) : instant);
  const calendar = ical({
    name: options.name,
    prodId: { company: "mentoring-platform", product: "program-calendar", language: locale.toUpperCase() },
    ...(zoned ? { timezone: { name: timeZone, generator: vtimezone } } : {}),
  });
  for (const item of items) {
    const title = localize({ ko: item.title, en: item.titleEn ?? undefined }, locale);
    const start = item.dueAt ?? item.startsAt;
    const end = item.dueAt ?? item.endsAt;
    if (!start || !end) continue;
    calendar.createEvent({
      id: `${item.id}@mentoring-platform`,
      start: moment(start),
      end: moment(end),
      ...(zoned ? { timezone: timeZone } : {}),
      summary: item.dueAt ? `${options.duePrefix}${title}` : title,
      description: [item.cohortTitle, item.description].filter(Boolean).join("\n"),
      location: item.place || undefined,
      url: options.link,
      lastModified: item.updatedAt,
      stamp: item.updatedAt,
    });
  }
  return calendar.toString();
}
