import { describe, expect, it } from "vitest";
import { consentWithdrawalEffects } from "./consent-withdrawal";

describe("what withdrawing consent does", () => {
  it("withdraws an accepted application while recruiting and gives the place to the waitlist", () => {
    const effects = consentWithdrawalEffects({
      cohortStatus: "recruiting",
      applicationStatus: "accepted",
      teamNumber: null,
      certificatesIssued: false,
    });
    expect(effects).toMatchObject({ withdrawsApplication: true, placeToWaitlist: true, leavesTeam: null });
  });

  it("takes an active participant out of their team without moving the waitlist once matching began", () => {
    const effects = consentWithdrawalEffects({
      cohortStatus: "active",
      applicationStatus: "accepted",
      teamNumber: 4,
      certificatesIssued: true,
    });
    expect(effects).toMatchObject({
      withdrawsApplication: true,
      placeToWaitlist: false,
      leavesTeam: 4,
      keepsCertificates: true,
      keepsRecords: true,
    });
  });

  it("leaves a withdrawn or rejected application as it is: only the consent is recorded as withdrawn", () => {
    for (const applicationStatus of ["withdrawn", "rejected"] as const)
      expect(
        consentWithdrawalEffects({
          cohortStatus: "closed",
          applicationStatus,
          teamNumber: null,
          certificatesIssued: false,
        }),
      ).toMatchObject({ withdrawsApplication: false, placeToWaitlist: false, leavesTeam: null });
  });

  it("does not hand a waitlisted person's non-place to anyone", () => {
    expect(
      consentWithdrawalEffects({
        cohortStatus: "recruiting",
        applicationStatus: "waitlisted",
        teamNumber: null,
        certificatesIssued: false,
      }).placeToWaitlist,
    ).toBe(false);
  });
});
