import { describe, expect, it } from "vitest";
import { DepartmentPlacements } from "./department-placement";

// The tenant's tree: the city, a bureau and a division under it, and a department imported at the top.
const tree = [
  { id: "city", parentId: null },
  { id: "admin_bureau", parentId: "city" },
  { id: "personnel", parentId: "admin_bureau" },
  { id: "loose", parentId: null },
];
const found = (id: string) => ({ kind: "found" as const, id });
const unknown = (text: string) => ({ kind: "unknown" as const, text });

describe("DepartmentPlacements", () => {
  it("places existing and new departments under existing and new ones", () => {
    const placements = new DepartmentPlacements(tree);
    expect(placements.place(found("loose"), found("admin_bureau"), 2)).toBeNull();
    expect(placements.place(unknown("정보통신팀"), unknown("스마트도시과"), 3)).toBeNull();
    expect(placements.place(unknown("스마트도시과"), found("admin_bureau"), 4)).toBeNull();
  });

  it("lets rows repeat a placement, matching a new department's text as its code would be", () => {
    const placements = new DepartmentPlacements(tree);
    expect(placements.place(unknown("정보통신팀"), found("personnel"), 2)).toBeNull();
    expect(placements.place(unknown(" 정보통신팀"), found("personnel"), 3)).toBeNull();
  });

  it("refuses a row giving a department another parent than an earlier row, naming that row", () => {
    const placements = new DepartmentPlacements(tree);
    placements.place(found("loose"), found("personnel"), 2);
    expect(placements.place(found("loose"), found("city"), 5)).toEqual({
      field: "parentDepartment",
      code: "parent_conflict",
      params: { row: 2 },
    });
  });

  it("refuses a department under itself, under its own division in the tree, or in a circle the file makes", () => {
    const placements = new DepartmentPlacements(tree);
    const cycle = { field: "parentDepartment", code: "parent_cycle", params: {} };
    expect(placements.place(found("personnel"), found("personnel"), 2)).toEqual(cycle);
    expect(placements.place(found("admin_bureau"), found("personnel"), 3)).toEqual(cycle);
    expect(placements.place(unknown("가팀"), unknown("나과"), 4)).toBeNull();
    expect(placements.place(unknown("나과"), unknown("가팀"), 5)).toEqual(cycle);
    // The refused rows placed nothing: the bureau can still go where it belongs.
    expect(placements.place(found("admin_bureau"), found("city"), 6)).toBeNull();
  });
});
