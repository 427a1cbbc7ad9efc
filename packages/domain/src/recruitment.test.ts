import { describe, expect, it } from "vitest";
import { calendarDate } from "./calendar-date";
import type { EligibilityResult } from "./eligibility";
import { decideApplication, placesToFill, recruitmentWindowAt, recruitmentWindowOn } from "./recruitment";

const eligible: EligibilityResult = { eligible: true, failures: [] };
const tooSenior: EligibilityResult = {
  eligible: false,
  failures: [
    { code: "grade.below_min", params: { actual: 7, min: 8, max: 9 } },
    { code: "years_of_service.above_max", params: { actual: 12, max: 5 } },
  ],
};

describe("decideApplication", () => {
  it("accepts an eligible applicant while the quota has room", () => {
    expect(decideApplication({ eligibility: eligible, quota: 30, accepted: 0, waitlisted: 0 })).toEqual({
      outcome: "accepted",
    });
    expect(decideApplication({ eligibility: eligible, quota: 30, accepted: 29, waitlisted: 0 })).toEqual({
      outcome: "accepted",
    });
  });

  it("puts the 31st eligible junior on the waitlist when 30 places are taken", () => {
    expect(decideApplication({ eligibility: eligible, quota: 30, accepted: 30, waitlisted: 0 })).toEqual({
      outcome: "waitlisted",
      position: 1,
    });
  });

  it("queues a waitlisted applicant behind those already waiting", () => {
    expect(decideApplication({ eligibility: eligible, quota: 30, accepted: 30, waitlisted: 4 })).toEqual({
      outcome: "waitlisted",
      position: 5,
    });
  });

  it("never accepts beyond the quota, even if more were accepted than it allows", () => {
    // A coordinator may lower a quota after people were accepted: nobody new gets in then.
    expect(decideApplication({ eligibility: eligible, quota: 10, accepted: 12, waitlisted: 0 })).toEqual({
      outcome: "waitlisted",
      position: 1,
    });
  });

  it("refuses an ineligible applicant with every reason, whatever the places left", () => {
    for (const accepted of [0, 30]) {
      expect(decideApplication({ eligibility: tooSenior, quota: 30, accepted, waitlisted: 0 })).toEqual({
        outcome: "refused",
        failures: tooSenior.failures,
      });
    }
  });
});

describe("placesToFill", () => {
  it("is the free places of the quota", () => {
    expect(placesToFill(30, 29)).toBe(1);
    expect(placesToFill(30, 25)).toBe(5);
  });

  it("is zero when the quota is full or over-full", () => {
    expect(placesToFill(30, 30)).toBe(0);
    expect(placesToFill(10, 12)).toBe(0);
  });
});

describe("the recruitment window", () => {
  // Recruitment runs from 22 January to 10 February 2025, both days included.
  const schedule = {
    recruitmentStart: calendarDate("2025-01-22"),
    recruitmentEnd: calendarDate("2025-02-10"),
  };

  it("is not open yet the day before it starts, and says the day it opens", () => {
    expect(recruitmentWindowOn(schedule, calendarDate("2025-01-21"))).toEqual({
      state: "not_yet_open",
      opensOn: "2025-01-22",
    });
  });

  it("is open on its first and on its last day", () => {
    expect(recruitmentWindowOn(schedule, calendarDate("2025-01-22"))).toEqual({
      state: "open",
      closesOn: "2025-02-10",
    });
    expect(recruitmentWindowOn(schedule, calendarDate("2025-02-10")).state).toBe("open");
  });

  it("is closed the day after its last day, and says the day it closed", () => {
    expect(recruitmentWindowOn(schedule, calendarDate("2025-02-11"))).toEqual({
      state: "closed",
      closedOn: "2025-02-10",
    });
  });

  it("may open and close on the same day", () => {
    const oneDay = {
      recruitmentStart: calendarDate("2025-03-03"),
      recruitmentEnd: calendarDate("2025-03-03"),
    };
    expect(recruitmentWindowOn(oneDay, calendarDate("2025-03-02")).state).toBe("not_yet_open");
    expect(recruitmentWindowOn(oneDay, calendarDate("2025-03-03")).state).toBe("open");
    expect(recruitmentWindowOn(oneDay, calendarDate("2025-03-04")).state).toBe("closed");
  });

  it("counts the last day to its end in Seoul, not in UTC", () => {
    // 23:59 on 10 February in Seoul is 14:59 UTC; a minute later it is 11 February there.
    expect(recruitmentWindowAt(schedule, new Date("2025-02-10T14:59:59Z"), "Asia/Seoul").state).toBe("open");
    expect(recruitmentWindowAt(schedule, new Date("2025-02-10T15:00:00Z"), "Asia/Seoul").state).toBe(
      "closed",
    );
  });

  it("opens at midnight in Seoul, while it is still the day before in UTC", () => {
    // 00:00 on 22 January in Seoul is 15:00 UTC on the 21st.
    expect(recruitmentWindowAt(schedule, new Date("2025-01-21T14:59:59Z"), "Asia/Seoul").state).toBe(
      "not_yet_open",
    );
    expect(recruitmentWindowAt(schedule, new Date("2025-01-21T15:00:00Z"), "Asia/Seoul").state).toBe("open");
  });

  it("reads the day in the tenant's own time zone", () => {
    // 15:00 UTC on 10 February is still the 10th in London: open there, closed in Seoul.
    expect(recruitmentWindowAt(schedule, new Date("2025-02-10T15:00:00Z"), "Europe/London").state).toBe(
      "open",
    );
  });
});
