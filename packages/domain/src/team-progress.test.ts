import { describe, expect, it } from "vitest";
import { attendanceRate, isTeamAtRisk } from "./team-progress";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const activitiesStart = day("2025-03-01");

describe("a team at risk", () => {
  it("is one silent for 21 days", () => {
    expect(
      isTeamAtRisk({ lastActivityOn: day("2025-04-01"), activitiesStart, today: day("2025-04-22") }),
    ).toBe(true);
    expect(
      isTeamAtRisk({ lastActivityOn: day("2025-04-02"), activitiesStart, today: day("2025-04-22") }),
    ).toBe(false);
  });

  it("counts from the start of activities when the team has logged nothing", () => {
    expect(isTeamAtRisk({ lastActivityOn: null, activitiesStart, today: day("2025-03-21") })).toBe(false);
    expect(isTeamAtRisk({ lastActivityOn: null, activitiesStart, today: day("2025-03-22") })).toBe(true);
  });

  it("is nobody before activities have run for the silent period, and follows the template's setting", () => {
    expect(isTeamAtRisk({ lastActivityOn: null, activitiesStart, today: day("2025-03-10") })).toBe(false);
    expect(
      isTeamAtRisk({ lastActivityOn: null, activitiesStart, today: day("2025-03-10"), silentDays: 7 }),
    ).toBe(true);
  });
});

describe("an attendance rate", () => {
  it("is present out of marked, and nothing before anyone was marked", () => {
    expect(attendanceRate(3, 4)).toBe(0.75);
    expect(attendanceRate(0, 0)).toBeNull();
  });
});
