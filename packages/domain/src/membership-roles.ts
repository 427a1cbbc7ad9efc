import type { TenantRole } from "./permissions";

/** Why a change of someone's roles in a tenant is refused; the UI words it as `members.problem.<code>`. */
export type RoleChangeProblem = "no_roles" | "last_admin";

/**
 * A member keeps at least one role, and an organisation keeps at least one tenant admin: otherwise
 * nobody could manage its members any more.
 */
export function roleChangeProblems(change: {
  current: readonly TenantRole[];
  next: readonly TenantRole[];
  /** Members holding tenant_admin now, this one included. */
  adminsInTenant: number;
}): RoleChangeProblem[] {
  const problems: RoleChangeProblem[] = [];
  if (change.next.length === 0) problems.push("no_roles");
  const losesAdmin = change.current.includes("tenant_admin") && !change.next.includes("tenant_admin");
  if (losesAdmin && change.adminsInTenant <= 1) problems.push("last_admin");
  return problems;
}
