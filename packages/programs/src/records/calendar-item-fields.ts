import {
  type CalendarAudience,
  type CalendarItemKind,
  closesBeforeOpens,
  EVENT_CAPACITY_MAX,
} from "@mentoring/domain";
import { fieldError } from "./field-error";

export const CALENDAR_LIMITS = { title: 200, place: 200, description: 4000 } as const;

interface CalendarItemCommon {
  title: string;
  description: string;
  place: string;
  audience: CalendarAudience;
  teamId: string | null;
  attendance: boolean;
  /** Whether the people it is for sign up (events only). */
  signUp?: boolean;
  /** Places offered when they sign up; null or absent for no limit. */
  capacity?: number | null;
  /** When sign-up closes, no later than the start; null or absent: at the start. */
  signUpClosesAt?: Date | null;
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
    return {
      ...common,
      dueAt: input.dueAt,
      startsAt: null,
      endsAt: null,
      signUp: false,
      capacity: null,
      signUpClosesAt: null,
    };
  }
  if (!isMoment(input.startsAt)) throw fieldError("calendar.start_invalid", "startsAt");
  if (!isMoment(input.endsAt)) throw fieldError("calendar.end_invalid", "endsAt");
  if (closesBeforeOpens({ opens: input.startsAt, closes: input.endsAt }))
    throw fieldError("calendar.ends_before_start", "endsAt");
  return { ...common, dueAt: null, startsAt: input.startsAt, endsAt: input.endsAt, ...signUpFields(input) };
}

/** An event's sign-up terms: on or off, a capacity of 1 to 10,000, a closing moment no later than the start. */
function signUpFields(input: SpanItemInput) {
  if (!input.signUp) return { signUp: false, capacity: null, signUpClosesAt: null };
  if (input.kind !== "event") throw fieldError("calendar.sign_up_events_only", "signUp");
  const capacity = input.capacity ?? null;
  if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= EVENT_CAPACITY_MAX))
    throw fieldError("calendar.capacity_invalid", "capacity", { max: EVENT_CAPACITY_MAX });
  const closes = input.signUpClosesAt ?? null;
  if (closes !== null && !isMoment(closes))
    throw fieldError("calendar.sign_up_closes_invalid", "signUpClosesAt");
  // Sign-up closes, then the event starts: that span may be empty, never reversed.
  if (closes !== null && closesBeforeOpens({ opens: closes, closes: input.startsAt }))
    throw fieldError("calendar.sign_up_closes_after_start", "signUpClosesAt");
  return { signUp: true, capacity, signUpClosesAt: closes };
}
