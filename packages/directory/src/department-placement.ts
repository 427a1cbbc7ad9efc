import type { DepartmentMatch } from "./departments";
import { departmentToCreate } from "./departments";
import type { RowProblem } from "./validate-row";

/** A department a file names: one the tenant has, or the text of one an import would create. */
export type NamedDepartment = Extract<DepartmentMatch, { kind: "found" | "unknown" }>;

/** One name per department, whether it exists ("id:…") or would be created from the text ("new:…"). */
const keyOf = (department: NamedDepartment) =>
  department.kind === "found"
    ? `id:${department.id}`
    : `new:${departmentToCreate(department.text).code.toLowerCase()}`;

/**
 * The parents a directory file gives departments (the 상위부서 column), over the tenant's tree as it is.
 * Rows are placed in file order; a row is refused when its department would end up under itself (a
 * circle through the existing tree or earlier rows) or when an earlier row gave that department another
 * parent. Rows repeating a placement (every officer of a team naming the team's division) are fine.
 */
export class DepartmentPlacements {
  /** Department → parent, as the tree has it before the file: departments that exist, by id. */
  private readonly existing = new Map<string, string | null>();
  /** Department → the parent the file gives it, and the first row that does. */
  private readonly placed = new Map<string, { parent: string; row: number }>();

  constructor(departments: Iterable<{ id: string; parentId: string | null }>) {
    for (const { id, parentId } of departments) {
      this.existing.set(`id:${id}`, parentId === null ? null : `id:${parentId}`);
    }
  }

  /** Places `department` under `parent` for row `row`, or says why the row cannot. */
  place(department: NamedDepartment, parent: NamedDepartment, row: number): RowProblem | null {
    const child = keyOf(department);
    const above = keyOf(parent);
    const earlier = this.placed.get(child);
    if (earlier) {
      return earlier.parent === above
        ? null
        : { field: "parentDepartment", code: "parent_conflict", params: { row: earlier.row } };
    }
    const seen = new Set<string>();
    for (let at: string | null = above; at !== null && !seen.has(at); at = this.parentOf(at)) {
      if (at === child) return { field: "parentDepartment", code: "parent_cycle", params: {} };
      seen.add(at);
    }
    this.placed.set(child, { parent: above, row });
    return null;
  }

  private parentOf(key: string): string | null {
    return this.placed.get(key)?.parent ?? this.existing.get(key) ?? null;
  }
}
