import type { CalendarAudience, CalendarItemKind } from "@mentoring/domain";
import { fieldError } from "./field-error";

export const CALENDAR_LIMITS = { title: 200, place: 200, description: 4000 } as const;

interface CalendarItemCommon {
  title: string;
  description: string;
  place: string;
  audience: CalendarAudience;
  teamId: string | null;
  attendance: boolean;
}

/** An assignment as a coordinator gives it: due at a moment. */
export interface AssignmentItemInput extends CalendarItemCommon {
  kind: "assignment";
  dueAt: Date;
}

/** A training, event or mentoring day as a coordinator gives it: from a start to an end. */
export interface SpanItemInput extends CalendarItemCommon {
  kind: Exclude<CalendarItemKind, "assignment">;
  startsAt: Date;
  endsAt: Date;
}

export type CalendarItemInput = AssignmentItemInput | SpanItemInput;

const isMoment = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The item's columns, trimmed, or an AppError naming the first field that is wrong. */
export function calendarItemFields(input: CalendarItemInput) {
  const title = (input.title ?? "").trim();
  const description = (input.description ?? "").trim();
  const place = (input.place ?? "").trim();
  if (title.length === 0) throw fieldError("calendar.title_required", "title");
  if (title.length > CALENDAR_LIMITS.title)
    throw fieldError("calendar.title_too_long", "title", { max: CALENDAR_LIMITS.title });
  if (place.length > CALENDAR_LIMITS.place)
    throw fieldError("calendar.place_too_long", "place", { max: CALENDAR_LIMITS.place });
  if (description.length > CALENDAR_LIMITS.description)
    throw fieldError("calendar.description_too_long", "description", { max: CALENDAR_LIMITS.description });
  const common = {
    kind: input.kind,
    title,
    // What the coordinator writes is one text: the template's English wording no longer applies.
    titleEn: null,
    description,
    descriptionEn: null,
    place,
    audience: input.audience,
    teamId: input.teamId,
    attendance: input.kind === "assignment" ? false : input.attendance,
  };
  if (input.kind === "assignment") {
    if (!isMoment(input.dueAt)) throw fieldError("calendar.due_invalid", "dueAt");
    return { ...common, dueAt: input.dueAt, startsAt: null, endsAt: null };
  }
  if (!isMoment(input.startsAt)) throw fieldError("calendar.start_invalid", "startsAt");
  if (!isMoment(input.endsAt)) throw fieldError("calendar.end_invalid", "endsAt");
  if (input.endsAt < input.startsAt) throw fieldError("calendar.ends_before_start", "endsAt");
  return { ...common, dueAt: null, startsAt: input.startsAt, endsAt: input.endsAt };
}
