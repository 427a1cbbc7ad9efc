import { describe, expect, it } from "vitest";
import { evaluatorConflict } from "./evaluator-conflict";

const members = [
  { staffMemberId: "kim", departmentId: "tax" },
  { staffMemberId: "lee", departmentId: "roads" },
];

describe("an evaluator's conflict of interest", () => {
  it("refuses a member of the team, whatever the department rule says", () => {
    for (const sameDepartmentRule of [true, false])
      expect(
        evaluatorConflict({
          evaluator: { staffMemberId: "lee", departmentId: "roads" },
          teamMembers: members,
          sameDepartmentRule,
        }),
      ).toEqual({ reason: "member" });
  });

  it("refuses someone from a member's department when the template's rule is on, and allows them when off", () => {
    const evaluator = { staffMemberId: "park", departmentId: "tax" };
    expect(evaluatorConflict({ evaluator, teamMembers: members, sameDepartmentRule: true })).toEqual({
      reason: "same_department",
    });
    expect(evaluatorConflict({ evaluator, teamMembers: members, sameDepartmentRule: false })).toBeNull();
  });

  it("allows someone from another department", () => {
    expect(
      evaluatorConflict({
        evaluator: { staffMemberId: "park", departmentId: "welfare" },
        teamMembers: members,
        sameDepartmentRule: true,
      }),
    ).toBeNull();
  });

  it("allows an outside trainer, who has no staff record or department to match", () => {
    expect(
      evaluatorConflict({
        evaluator: { staffMemberId: null, departmentId: null },
        teamMembers: [...members, { staffMemberId: null, departmentId: null }],
        sameDepartmentRule: true,
      }),
    ).toBeNull();
  });
});
