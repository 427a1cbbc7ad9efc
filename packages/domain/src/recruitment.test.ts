import { describe, expect, it } from "vitest";
import type { EligibilityResult } from "./eligibility";
import { decideApplication, placesToFill } from "./recruitment";

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
