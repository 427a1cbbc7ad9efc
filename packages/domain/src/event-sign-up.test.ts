import { describe, expect, it } from "vitest";
import { placesLeft, signUpClosesAt, signUpRefusal, withdrawalRefusal } from "./event-sign-up";

const startsAt = new Date("2025-05-14T05:00:00Z");
const workshop = { signUp: true, capacity: 2, signUpClosesAt: null, startsAt };
const before = new Date("2025-05-13T05:00:00Z");

describe("signing up for an event", () => {
  it("takes a place while sign-up is open and places are left", () => {
    expect(signUpRefusal(workshop, 0, before)).toBeNull();
    expect(signUpRefusal(workshop, 1, before)).toBeNull();
  });

  it("refuses the person after the last place is taken", () => {
    expect(signUpRefusal(workshop, 2, before)).toBe("calendar.event_full");
  });

  it("has no limit when the coordinator set no capacity", () => {
    expect(signUpRefusal({ ...workshop, capacity: null }, 500, before)).toBeNull();
    expect(placesLeft({ capacity: null }, 500)).toBeNull();
  });

  it("closes at the moment the coordinator set, or else at the start", () => {
    const closes = new Date("2025-05-12T09:00:00Z");
    expect(signUpRefusal({ ...workshop, signUpClosesAt: closes }, 0, before)).toBe("calendar.sign_up_closed");
    expect(
      signUpRefusal({ ...workshop, signUpClosesAt: closes }, 0, new Date("2025-05-12T08:59:59Z")),
    ).toBeNull();
    expect(signUpClosesAt(workshop)).toEqual(startsAt);
    expect(signUpRefusal(workshop, 0, startsAt)).toBe("calendar.sign_up_closed");
  });

  it("says sign-up is not open on an event that takes none, before anything else", () => {
    expect(signUpRefusal({ ...workshop, signUp: false }, 5, startsAt)).toBe("calendar.sign_up_not_open");
  });

  it("counts places left, never below zero", () => {
    expect(placesLeft(workshop, 1)).toBe(1);
    expect(placesLeft(workshop, 3)).toBe(0);
  });

  it("lets a person give their place back until the event starts", () => {
    expect(withdrawalRefusal(workshop, before)).toBeNull();
    expect(withdrawalRefusal(workshop, startsAt)).toBe("calendar.event_started");
  });
});
