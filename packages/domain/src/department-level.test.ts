import { describe, expect, it } from "vitest";
import { DepartmentTree, departmentsAtLevel } from "./department-level";

/** Gangneung in small: the city, two bureaus, their divisions, and teams in one division. */
const gangneung = [
  { id: "city", parentId: null },
  { id: "planning_bureau", parentId: "city" },
  { id: "budget_division", parentId: "planning_bureau" },
  { id: "budget_team", parentId: "budget_division" },
  { id: "audit_team", parentId: "budget_division" },
  { id: "it_division", parentId: "planning_bureau" },
  { id: "welfare_bureau", parentId: "city" },
  { id: "elderly_division", parentId: "welfare_bureau" },
];

describe("DepartmentTree", () => {
  it("counts the city at depth 0, bureaus at 1, divisions at 2 and teams at 3", () => {
    const tree = new DepartmentTree(gangneung);
    expect(["city", "welfare_bureau", "it_division", "budget_team"].map((id) => tree.depthOf(id))).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it("keeps everyone's own department at team level", () => {
    const tree = new DepartmentTree(gangneung);
    expect(gangneung.map(({ id }) => tree.at(id, "team"))).toEqual(gangneung.map(({ id }) => id));
  });

  it("puts a team's people in its division, and a division's own people in the division, at division level", () => {
    const tree = new DepartmentTree(gangneung);
    expect(
      ["budget_team", "audit_team", "budget_division", "it_division"].map((id) => tree.at(id, "division")),
    ).toEqual(["budget_division", "budget_division", "budget_division", "it_division"]);
  });

  it("puts everyone below a bureau in that bureau at bureau level", () => {
    const tree = new DepartmentTree(gangneung);
    expect(
      ["budget_team", "it_division", "planning_bureau", "elderly_division"].map((id) =>
        tree.at(id, "bureau"),
      ),
    ).toEqual(["planning_bureau", "planning_bureau", "planning_bureau", "welfare_bureau"]);
  });

  it("leaves people higher than the level in their own department: the mayor's office is the city", () => {
    const tree = new DepartmentTree(gangneung);
    expect([
      tree.at("city", "bureau"),
      tree.at("city", "division"),
      tree.at("welfare_bureau", "division"),
    ]).toEqual(["city", "city", "welfare_bureau"]);
  });

  it("makes a department imported without a parent a bureau of its own, next to the city", () => {
    const tree = new DepartmentTree([...gangneung, { id: "imported", parentId: null }]);
    expect([
      tree.depthOf("imported"),
      tree.at("imported", "bureau"),
      tree.at("imported", "division"),
    ]).toEqual([1, "imported", "imported"]);
    expect(tree.depthOf("city")).toBe(0);
  });

  it("keeps the city the city when an imported parentless department was given divisions of its own", () => {
    const tree = new DepartmentTree([
      ...gangneung,
      { id: "imported_bureau", parentId: null },
      { id: "imported_division", parentId: "imported_bureau" },
    ]);
    expect([
      tree.depthOf("city"),
      tree.depthOf("imported_bureau"),
      tree.depthOf("imported_division"),
    ]).toEqual([0, 1, 2]);
    expect(tree.at("imported_division", "bureau")).toBe("imported_bureau");
  });

  it("reads bureaus imported without the city, none larger than another, as bureaus", () => {
    const bureaus = [
      { id: "a", parentId: null },
      { id: "a1", parentId: "a" },
      { id: "b", parentId: null },
      { id: "b1", parentId: "b" },
    ];
    const tree = new DepartmentTree(bureaus);
    expect(bureaus.map(({ id }) => tree.depthOf(id))).toEqual([1, 2, 1, 2]);
    expect(tree.at("a1", "bureau")).toBe("a");
  });

  it("reads a flat list of imported departments as bureaus: every level is one's own department", () => {
    const flat = [
      { id: "a", parentId: null },
      { id: "b", parentId: null },
    ];
    const tree = new DepartmentTree(flat);
    expect([
      tree.at("a", "bureau"),
      tree.at("b", "division"),
      tree.has("bureau"),
      tree.has("division"),
    ]).toEqual(["a", "b", true, false]);
  });

  it("says which levels the tree has", () => {
    const cityAndBureaus = [
      { id: "city", parentId: null },
      { id: "a", parentId: "city" },
    ];
    expect(
      ["team", "division", "bureau"].map((level) => new DepartmentTree(gangneung).has(level as "team")),
    ).toEqual([true, true, true]);
    expect(
      ["team", "division", "bureau"].map((level) => new DepartmentTree(cityAndBureaus).has(level as "team")),
    ).toEqual([true, false, true]);
    expect(new DepartmentTree([]).has("bureau")).toBe(false);
    expect(new DepartmentTree([]).has("team")).toBe(true);
  });

  it("ends on a circle of parent links, its departments counting as bureaus", () => {
    const circle = [
      { id: "city", parentId: null },
      { id: "bureau", parentId: "city" },
      { id: "x", parentId: "y" },
      { id: "y", parentId: "x" },
      { id: "under_x", parentId: "x" },
    ];
    const tree = new DepartmentTree(circle);
    expect([tree.depthOf("x"), tree.depthOf("y"), tree.depthOf("under_x")]).toEqual([1, 1, 2]);
    expect(tree.at("under_x", "bureau")).toBe("x");
  });

  it("counts a parent not among the departments given as no parent, and an unknown id as its own", () => {
    const tree = new DepartmentTree([{ id: "orphan", parentId: "gone" }]);
    expect([tree.depthOf("orphan"), tree.at("stranger", "bureau")]).toEqual([1, "stranger"]);
  });
});

describe("departmentsAtLevel", () => {
  it("maps every department to the one it counts as at the level", () => {
    expect(Object.fromEntries(departmentsAtLevel(gangneung, "bureau"))).toEqual({
      city: "city",
      planning_bureau: "planning_bureau",
      budget_division: "planning_bureau",
      budget_team: "planning_bureau",
      audit_team: "planning_bureau",
      it_division: "planning_bureau",
      welfare_bureau: "welfare_bureau",
      elderly_division: "welfare_bureau",
    });
  });
});
