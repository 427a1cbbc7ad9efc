import { describe, expect, it } from "vitest";
import { DepartmentIndex, departmentToCreate } from "./departments";

const index = new DepartmentIndex([
  { id: "d1", code: "personnel", name: "인사과" },
  { id: "d2", code: "personnel-1", name: "총무팀" },
  { id: "d3", code: "tax-1", name: "총무팀" },
]);

describe("DepartmentIndex", () => {
  it("finds a department by code, in any case, or by its exact name", () => {
    expect(index.match("Personnel")).toEqual({ kind: "found", id: "d1" });
    expect(index.match(" 인사과 ")).toEqual({ kind: "found", id: "d1" });
  });

  it("calls a name two departments share ambiguous, and text no department has unknown", () => {
    expect(index.match("총무팀")).toEqual({ kind: "ambiguous", text: "총무팀" });
    expect(index.match("미래전략과")).toEqual({ kind: "unknown", text: "미래전략과" });
  });

  it("creates a missing department under its text as code and name, so the next import finds it", () => {
    const created = departmentToCreate("  미래전략과 ");
    index.add({ id: "d4", ...created });
    expect(index.match("미래전략과")).toEqual({ kind: "found", id: "d4" });
  });
});
