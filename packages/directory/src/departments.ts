export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

export type DepartmentMatch =
  | { kind: "found"; id: string }
  | { kind: "unknown"; text: string }
  | { kind: "ambiguous"; text: string };

const nameKey = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ");
const codeKey = (text: string) => nameKey(text).toLowerCase();

/**
 * Finds a tenant's department by what a directory file says: its code (case-insensitive) first, then its
 * exact name. A name two departments share (two 총무팀 in different 과) is ambiguous: the file must use the
 * code then.
 */
export class DepartmentIndex {
  private readonly byCode = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();

  constructor(departments: Iterable<DepartmentRef>) {
    for (const department of departments) this.add(department);
  }

  add(department: DepartmentRef): void {
    this.byCode.set(codeKey(department.code), department.id);
    const key = nameKey(department.name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), department.id]);
  }

  match(text: string): DepartmentMatch {
    const byCode = this.byCode.get(codeKey(text));
    if (byCode) return { kind: "found", id: byCode };
    const byName = this.byName.get(nameKey(text)) ?? [];
    if (byName.length === 1) return { kind: "found", id: byName[0] as string };
    return byName.length > 1 ? { kind: "ambiguous", text } : { kind: "unknown", text: nameKey(text) };
  }
}

/**
 * The department to create for text no department matches: the text is both its name and its code, so the
 * next import that says the same thing finds it. It is placed at the top of the tree; an administrator
 * can move it later.
 */
export function departmentToCreate(text: string): { code: string; name: string } {
  const name = nameKey(text);
  return { code: name, name };
}
