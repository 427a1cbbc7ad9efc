/*
 * Signing up for a program event (a workshop, a concert, the executive meeting, the radio-DJ hour): the
 * coordinator opens sign-up on an event, with a capacity and a closing moment if they like; the people
 * the event is for take a place or give it back.
 */

/** The most places an event can offer (a staff concert fills a hall; no city event is larger). */
export const EVENT_CAPACITY_MAX = 10_000;

export interface EventSignUpTerms {
  signUp: boolean;
  /** Places offered; null for no limit. */
  capacity: number | null;
  /** When sign-up closes; null: at the start. */
  signUpClosesAt: Date | null;
  startsAt: Date | null;
}

/** When sign-up closes: the moment the coordinator set, or else the event's start. */
export function signUpClosesAt(terms: EventSignUpTerms): Date | null {
  return terms.signUpClosesAt ?? terms.startsAt;
}

/** Places left, or null when the event has no limit. Never below zero. */
export function placesLeft(terms: Pick<EventSignUpTerms, "capacity">, taken: number): number | null {
  return terms.capacity === null ? null : Math.max(0, terms.capacity - taken);
}

/** Why a person may not sign up now, or null when they may. */
export type SignUpRefusal = "calendar.sign_up_not_open" | "calendar.sign_up_closed" | "calendar.event_full";

/**
 * Whether one more person may take a place now: only where sign-up is open, before it closes (at the
 * moment set, or at the start), and while places are left. `taken` counts the places already taken.
 */
export function signUpRefusal(terms: EventSignUpTerms, taken: number, now: Date): SignUpRefusal | null {
  if (!terms.signUp) return "calendar.sign_up_not_open";
  const closes = signUpClosesAt(terms);
  if (closes && now >= closes) return "calendar.sign_up_closed";
  if (terms.capacity !== null && taken >= terms.capacity) return "calendar.event_full";
  return null;
}

/** Whether a person may give their place back now: until the event starts. */
export function withdrawalRefusal(terms: EventSignUpTerms, now: Date): "calendar.event_started" | null {
  return terms.startsAt && now >= terms.startsAt ? "calendar.event_started" : null;
}
