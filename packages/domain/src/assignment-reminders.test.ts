import { describe, expect, it } from "vitest";
import { assignmentReminder, reminderWindow } from "./assignment-reminders";

/** 23:59 on 25 March 2025 in Seoul. */
const dueAt = new Date("2025-03-25T14:59:00Z");
const hoursBefore = (hours: number) => new Date(dueAt.getTime() - hours * 3_600_000);

describe("reminding a team of an assignment it has not handed in", () => {
  it("says nothing while the due moment is more than three days away", () => {
    expect(assignmentReminder(dueAt, hoursBefore(72.5))).toBeNull();
    expect(assignmentReminder(dueAt, hoursBefore(24 * 10))).toBeNull();
  });

  it("reminds within the three days before the due moment, up to its last minute", () => {
    expect(assignmentReminder(dueAt, hoursBefore(72))).toBe("due_soon");
    expect(assignmentReminder(dueAt, hoursBefore(1))).toBe("due_soon");
    expect(assignmentReminder(dueAt, new Date(dueAt.getTime() - 1))).toBe("due_soon");
  });

  it("never announces as due a moment that has passed: from the due moment on, the team is late", () => {
    expect(assignmentReminder(dueAt, dueAt)).toBe("late");
    expect(assignmentReminder(dueAt, hoursBefore(-1))).toBe("late");
    expect(assignmentReminder(dueAt, hoursBefore(-71))).toBe("late");
  });

  it("leaves an assignment that passed more than three days ago alone", () => {
    expect(assignmentReminder(dueAt, hoursBefore(-72))).toBeNull();
    expect(assignmentReminder(dueAt, hoursBefore(-24 * 30))).toBeNull();
  });

  it("looks only at due moments it may speak of", () => {
    const now = hoursBefore(10);
    const { from, until } = reminderWindow(now);
    expect(assignmentReminder(new Date(from.getTime() + 1), now)).toBe("late");
    expect(assignmentReminder(from, now)).toBeNull();
    expect(assignmentReminder(until, now)).toBe("due_soon");
    expect(assignmentReminder(new Date(until.getTime() + 1), now)).toBeNull();
  });
});
