import { calendarDateIn, localize } from "@mentoring/domain";
import type { CohortCalendar } from "@mentoring/programs";
import { formatClock, formatDateTime, formatMonth } from "../services/format.server";

type Item = CohortCalendar["items"][number];

/** A moment as a datetime-local input holds it ("2025-03-12T14:00"), on the tenant's wall clock. */
const formValue = (moment: Date | null, timeZone: string) =>
  moment ? `${calendarDateIn(moment, timeZone)}T${formatClock(moment, "en-GB", timeZone)}` : "";

/**
 * The coordinator's calendar page: items grouped by the month they happen in, each with its moments
 * worded ("2025년 3월 12일 14:00 ~ 16:00") and as the edit form's values, and who it is for.
 */
export function presentCohortCalendar(page: CohortCalendar, locale: string, timeZone: string) {
  const teamNumbers = new Map(page.teams.map((team) => [team.id, team.number]));
  const when = (item: Item) => {
    const long = { dateStyle: "long", timeStyle: "short" } as const;
    if (item.dueAt) return formatDateTime(item.dueAt, locale, timeZone, long);
    if (!item.startsAt || !item.endsAt) return "";
    const sameDay = calendarDateIn(item.startsAt, timeZone) === calendarDateIn(item.endsAt, timeZone);
    const end = sameDay
      ? formatClock(item.endsAt, locale, timeZone)
      : formatDateTime(item.endsAt, locale, timeZone, long);
    return `${formatDateTime(item.startsAt, locale, timeZone, long)} ~ ${end}`;
  };
  const items = page.items.map((item) => {
    const moment = item.startsAt ?? item.dueAt ?? new Date(0);
    return {
      id: item.id,
      kind: item.kind,
      title: localize({ ko: item.title, en: item.titleEn ?? undefined }, locale),
      description: item.description
        ? localize({ ko: item.description, en: item.descriptionEn ?? undefined }, locale)
        : "",
      place: item.place,
      when: when(item),
      month: formatMonth(moment, locale, timeZone),
      audience: item.audience,
      teamNumber: item.teamId ? (teamNumbers.get(item.teamId) ?? null) : null,
      attendance: item.attendance,
      signUp: item.signUp,
      /** The edit form's values. */
      form: {
        title: item.title,
        description: item.description,
        place: item.place,
        audience: item.teamId ? `team:${item.teamId}` : item.audience,
        attendance: item.attendance,
        startsAt: formValue(item.startsAt, timeZone),
        endsAt: formValue(item.endsAt, timeZone),
        dueAt: formValue(item.dueAt, timeZone),
        signUp: item.signUp,
        capacity: item.capacity === null ? "" : String(item.capacity),
        signUpClosesAt: formValue(item.signUpClosesAt, timeZone),
      },
    };
  });
  const months: { month: string; items: typeof items }[] = [];
  for (const item of items) {
    const last = months.at(-1);
    if (last?.month === item.month) last.items.push(item);
    else months.push({ month: item.month, items: [item] });
  }
  return {
    cohort: page.cohort,
    months,
    teams: page.teams,
    planned: page.items.some((item) => item.sourceKey !== null),
    empty: page.items.length === 0,
  };
}

export type CohortCalendarPage = ReturnType<typeof presentCohortCalendar>;
