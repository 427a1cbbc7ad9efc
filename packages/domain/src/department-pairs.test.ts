import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import { type DepartmentPair, templateDefinitionSchema } from "./program-template";

/** Yongin's definition as a cross-department program (or `kind`) naming `pairs`. */
function withPairs(pairs: DepartmentPair[], kind = "cross_department"): unknown {
  const definition = structuredClone(builtinTemplate("new_official_mentoring"));
  return { ...definition, kind, matching: { ...definition.matching, departmentPairs: pairs } };
}

const issuesOf = (input: unknown) => {
  const result = templateDefinitionSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: issue.path.join("."),
        code: (issue as { params?: { code?: string } }).params?.code,
      }));
};

describe("department pairs of a cross-department program", () => {
  it("keeps pairs of two different departments, and none by default", () => {
    const parsed = templateDefinitionSchema.parse(
      withPairs([
        { first: "TOUR", second: "CULTURE" },
        { first: "TOUR", second: "ECONOMY" },
      ]),
    );
    expect(parsed.matching.departmentPairs).toEqual([
      { first: "TOUR", second: "CULTURE" },
      { first: "TOUR", second: "ECONOMY" },
    ]);
    expect(builtinTemplate("new_official_mentoring").matching.departmentPairs).toEqual([]);
  });

  it("refuses a pair naming one department twice, at the pair's second department", () => {
    expect(issuesOf(withPairs([{ first: "TOUR", second: "TOUR" }]))).toEqual([
      { path: "matching.departmentPairs.0.second", code: "same_department" },
    ]);
  });

  it("refuses a pair named twice, in either order, at the later pair", () => {
    expect(
      issuesOf(
        withPairs([
          { first: "TOUR", second: "CULTURE" },
          { first: "ECONOMY", second: "TOUR" },
          { first: "CULTURE", second: "TOUR" },
        ]),
      ),
    ).toEqual([{ path: "matching.departmentPairs.2.second", code: "duplicate_pair" }]);
  });

  it("refuses pairs in a program of another kind, at the list", () => {
    expect(issuesOf(withPairs([{ first: "TOUR", second: "CULTURE" }], "standard"))).toEqual([
      { path: "matching.departmentPairs", code: "pairs_kind" },
    ]);
    expect(issuesOf(withPairs([], "standard"))).toEqual([]);
  });

  it("refuses an empty department code", () => {
    expect(issuesOf(withPairs([{ first: " ", second: "CULTURE" }])).map((issue) => issue.path)).toEqual([
      "matching.departmentPairs.0.first",
    ]);
  });
});
