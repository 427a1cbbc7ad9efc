import type { DepartmentLevel } from "./program-template";

/** A department as the tree needs it: `departments.id` and `departments.parent_id`. */
export interface DepartmentNode {
  id: string;
  parentId: string | null;
}

/** The depth each level sits at below the city (depth 0): bureau 실/국 1, division 과 2. */
const LEVEL_DEPTH: Record<Exclude<DepartmentLevel, "team">, number> = { bureau: 1, division: 2 };

/**
 * A tenant's department tree, read for comparing people's departments at a level.
 *
 * Which parentless department is the city: the directory import places a department it creates without a
 * parent at the top of the tree, next to the city, so a tenant can have several roots. The city is the
 * root with the most departments below it, when no other root has as many; every other root (an
 * imported department nobody placed, or every root when the largest two tie, as when a file's bureaus
 * were imported without the city) counts as a bureau of its own, at depth 1, with its descendants one
 * deeper each. A tenant holding only bureaus, one larger than the others, would have it read as the
 * city: placing the bureaus under a city department settles it. A flat list of imported departments is a
 * list of bureaus, each its own team, division and bureau. Departments on a circle of parent links (the
 * database has no check against one) count as roots, and so as bureaus.
 */
export class DepartmentTree {
  /** Parent links, with those to a department not given and those closing a circle cut (null). */
  private readonly parentOf = new Map<string, string | null>();
  /** Each department and its ancestors, its root last. */
  private readonly paths = new Map<string, string[]>();
  private readonly depths = new Map<string, number>();

  constructor(departments: Iterable<DepartmentNode>) {
    const given = [...departments];
    const known = new Set(given.map(({ id }) => id));
    for (const { id, parentId } of given) {
      this.parentOf.set(id, parentId !== null && known.has(parentId) ? parentId : null);
    }
    this.cutCircles();
    for (const id of this.parentOf.keys()) this.paths.set(id, this.pathToRoot(id));
    // How many departments each root has below it.
    const below = new Map<string, number>();
    for (const path of this.paths.values()) {
      const root = path[path.length - 1] as string;
      if (path.length > 1) below.set(root, (below.get(root) ?? 0) + 1);
    }
    const counts = [...below.values()].sort((a, b) => b - a);
    const city =
      counts.length > 0 && (counts.length === 1 || (counts[0] as number) > (counts[1] as number))
        ? [...below].find(([, count]) => count === counts[0])?.[0]
        : undefined;
    for (const [id, path] of this.paths) {
      this.depths.set(id, path.length - 1 + (path[path.length - 1] === city ? 0 : 1));
    }
  }

  /** Depth below the city: 0 the city, 1 a bureau, 2 a division, 3 a team. Undefined for an unknown id. */
  depthOf(departmentId: string): number | undefined {
    return this.depths.get(departmentId);
  }

  /**
   * The department someone of `departmentId` counts as at `level`: their own at team level; at division
   * or bureau level the ancestor at that level's depth, or their own department when it sits higher (the
   * mayor's office in the city, a bureau's own staff at division level). An id not in the tree is its own.
   */
  at(departmentId: string, level: DepartmentLevel): string {
    const depth = this.depths.get(departmentId);
    if (level === "team" || depth === undefined) return departmentId;
    const above = depth - LEVEL_DEPTH[level];
    return above > 0 ? (this.paths.get(departmentId)?.[above] ?? departmentId) : departmentId;
  }

  /** Whether some department sits at `level`'s depth (team level is always there: everyone's own). */
  has(level: DepartmentLevel): boolean {
    if (level === "team") return true;
    const wanted = LEVEL_DEPTH[level];
    for (const depth of this.depths.values()) if (depth === wanted) return true;
    return false;
  }

  private pathToRoot(departmentId: string): string[] {
    const path = [departmentId];
    for (let parent = this.parentOf.get(departmentId); parent != null; parent = this.parentOf.get(parent)) {
      path.push(parent);
    }
    return path;
  }

  /** Every department on a circle of parent links becomes a root, so each walk up the tree ends. */
  private cutCircles(): void {
    const done = new Set<string>();
    for (const start of this.parentOf.keys()) {
      const walk: string[] = [];
      const onWalk = new Set<string>();
      let id: string | null | undefined = start;
      while (id != null && !done.has(id) && !onWalk.has(id)) {
        walk.push(id);
        onWalk.add(id);
        id = this.parentOf.get(id);
      }
      if (id != null && onWalk.has(id)) {
        for (const member of walk.slice(walk.indexOf(id))) this.parentOf.set(member, null);
      }
      for (const member of walk) done.add(member);
    }
  }
}

/** The department each of `departments` counts as at `level` (DepartmentTree.at), by department id. */
export function departmentsAtLevel(
  departments: readonly DepartmentNode[],
  level: DepartmentLevel,
): Map<string, string> {
  const tree = new DepartmentTree(departments);
  return new Map(departments.map(({ id }) => [id, tree.at(id, level)]));
}
