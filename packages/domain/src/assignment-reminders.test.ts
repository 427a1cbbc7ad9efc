import { describe, expect, it } from "vitest";
import { assignmentReminder, reminderWindow } from "./assignment-reminders";
import { MAX_ASSIGNMENT_REMINDER_DAYS } from "./template-notifications";

/** 23:59 on 25 March 2025 in Seoul. */
const dueAt = new Date("2025-03-25T14:59:00Z");
const hoursBefore = (hours: number) => new Date(dueAt.getTime() - hours * 3_600_000);
/** 09:00 in Seoul on the given day of March 2025, when the daily reminder runs. */
const nineOn = (day: number) => new Date(`2025-03-${String(day).padStart(2, "0")}T00:00:00Z`);
const seoul = (daysBefore: number) => ({ daysBefore, timeZone: "Asia/Seoul" });

describe("reminding a team of an assignment it has not handed in", () => {
  it("says nothing while the due date is more than three days away (the default)", () => {
    expect(assignmentReminder(dueAt, nineOn(21))).toBeNull();
    expect(assignmentReminder(dueAt, hoursBefore(24 * 10))).toBeNull();
    // 23:00 on the 21st in Seoul is still four days before the 25th.
    expect(assignmentReminder(dueAt, new Date("2025-03-21T14:00:00Z"))).toBeNull();
  });

  it("reminds from the third day before the due date on, up to the due moment's last minute", () => {
    // From midnight of the 22nd in Seoul (15:00 UTC the day before).
    expect(assignmentReminder(dueAt, new Date("2025-03-21T15:00:00Z"))).toBe("due_soon");
    expect(assignmentReminder(dueAt, nineOn(22))).toBe("due_soon");
    expect(assignmentReminder(dueAt, hoursBefore(1))).toBe("due_soon");
    expect(assignmentReminder(dueAt, new Date(dueAt.getTime() - 1))).toBe("due_soon");
  });

  it("counts the days the template sets, on the tenant's calendar", () => {
    expect(assignmentReminder(dueAt, nineOn(18), seoul(7))).toBe("due_soon");
    expect(assignmentReminder(dueAt, nineOn(17), seoul(7))).toBeNull();
    expect(assignmentReminder(dueAt, nineOn(24), seoul(1))).toBe("due_soon");
    expect(assignmentReminder(dueAt, nineOn(23), seoul(1))).toBeNull();
    // 16:00 UTC on the 22nd is already the 23rd in Seoul (two days before) but still the 22nd in Berlin.
    const lateEvening = new Date("2025-03-22T16:00:00Z");
    expect(assignmentReminder(dueAt, lateEvening, seoul(2))).toBe("due_soon");
    expect(assignmentReminder(dueAt, lateEvening, { daysBefore: 2, timeZone: "Europe/Berlin" })).toBeNull();
  });

  it("never announces as due a moment that has passed: from the due moment on, the team is late", () => {
    expect(assignmentReminder(dueAt, dueAt)).toBe("late");
    expect(assignmentReminder(dueAt, hoursBefore(-1))).toBe("late");
    expect(assignmentReminder(dueAt, hoursBefore(-71), seoul(14))).toBe("late");
  });

  it("leaves an assignment that passed more than three days ago alone", () => {
    expect(assignmentReminder(dueAt, hoursBefore(-72))).toBeNull();
    expect(assignmentReminder(dueAt, hoursBefore(-24 * 30))).toBeNull();
  });

  it("looks at every due moment the longest reminder may speak of", () => {
    const now = nineOn(10);
    const { from, until } = reminderWindow(now);
    const longest = seoul(MAX_ASSIGNMENT_REMINDER_DAYS);
    expect(assignmentReminder(new Date(from.getTime() + 1), now)).toBe("late");
    expect(assignmentReminder(from, now)).toBeNull();
    // 23:59 on the 24th, fourteen days after the 10th: inside the window.
    const lastDue = new Date("2025-03-24T14:59:00Z");
    expect(assignmentReminder(lastDue, now, longest)).toBe("due_soon");
    expect(lastDue.getTime()).toBeLessThanOrEqual(until.getTime());
    expect(assignmentReminder(new Date(until.getTime() + 1), now, longest)).toBeNull();
  });
});
