import { describe, expect, it } from "vitest";
import { roleChangeProblems } from "./membership-roles";

describe("changing a member's roles", () => {
  it("lets a coordinator become evaluator as well", () => {
    expect(
      roleChangeProblems({ current: ["coordinator"], next: ["coordinator", "evaluator"], adminsInTenant: 1 }),
    ).toEqual([]);
  });

  it("refuses to leave a member with no role", () => {
    expect(roleChangeProblems({ current: ["participant"], next: [], adminsInTenant: 1 })).toEqual([
      "no_roles",
    ]);
  });

  it("refuses to remove the organisation's last tenant admin", () => {
    expect(
      roleChangeProblems({ current: ["tenant_admin"], next: ["coordinator"], adminsInTenant: 1 }),
    ).toEqual(["last_admin"]);
  });

  it("lets one of two tenant admins step down", () => {
    expect(
      roleChangeProblems({ current: ["tenant_admin"], next: ["coordinator"], adminsInTenant: 2 }),
    ).toEqual([]);
  });
});
