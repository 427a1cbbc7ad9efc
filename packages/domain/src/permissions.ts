/**
 * Who may do what: the one table of role → permissions that every loader and action checks.
 *
 * Roles come in two scopes. Tenant roles are held through a membership in one tenant (a user may hold
 * several there); platform roles are held by a user outside any tenant. The role strings are the
 * PostgreSQL enums `membership_role` and `platform_role`, so they must not be renamed here alone.
 */

export const tenantRoles = [
  "tenant_admin",
  "coordinator",
  "executive",
  "evaluator",
  "participant",
  "privacy_officer",
] as const;
export type TenantRole = (typeof tenantRoles)[number];

/** `operator` runs the deployment; `insights_analyst` works for a national agency. */
export const platformRoles = ["operator", "insights_analyst"] as const;
export type PlatformRole = (typeof platformRoles)[number];

export type Role = TenantRole | PlatformRole;

/** Permissions inside one tenant: "area.action". Granted only through tenant roles. */
export const tenantPermissions = [
  "tenant.home.view",
  "tenant.settings.manage",
  "staff.view",
  "staff.import",
  "members.view",
  "members.invite",
  "members.roles.manage",
  "audit.view",
  "billing.manage",
  "programs.view",
  /** Templates and cohorts, with their phases, surveys and assignment schedules. */
  "programs.manage",
  /** A staff member applying to a cohort as mentor or mentee. */
  "applications.submit",
  "applications.review",
  "matching.run",
  "matching.publish",
  "certificates.sign",
  "certificates.revoke",
  /** An evaluator scoring the teams assigned to them, and those alone. */
  "evaluations.score",
  /** Assigning evaluators to teams (and inviting outside ones), and reopening a submitted evaluation. */
  "evaluations.manage",
  "awards.manage",
  "dashboards.view",
  /** A participant's own team: its members, assignments and activities, not other teams'. */
  "own_team.view",
  "surveys.respond",
  "assignments.submit",
  "activities.log",
  /** The tenant's showcase of featured team work, shown to its staff (at the assembly, on its channel). */
  "showcase.view",
  /** The organisation's own figures against the national distribution (it opted in to insights). */
  "insights.compare",
  /** Who looked at whose personal data (the access log and its monthly review) and what is due for deletion. */
  "privacy.review",
  /** Requests to correct directory data, sent by the people it describes. */
  "privacy.requests.handle",
  /** A person's own data: downloading everything held about them, withdrawing consent for a cohort. */
  "own_data.manage",
  /** A junior board's member proposing policy, and reading the replies (their own boards alone). */
  "board.propose",
  /** Reviewing a junior board's policy proposals and adopting or declining them with a reply. */
  "board.review",
] as const;
export type TenantPermission = (typeof tenantPermissions)[number];

/**
 * Permissions outside any tenant: the platform's own and the national agencies'. Granted only through
 * platform roles, and none of them reaches a tenant's staff or program data.
 */
export const platformPermissions = [
  "platform.tenants.view",
  "platform.tenants.manage",
  "platform.billing.view",
  /** Creating and disabling national analysts' accounts. */
  "platform.analysts.manage",
  /** Aggregated, suppressed figures across tenants that opted in; never a single person's data. */
  "insights.view",
] as const;
export type PlatformPermission = (typeof platformPermissions)[number];

export const permissions = [...tenantPermissions, ...platformPermissions] as const;
export type Permission = (typeof permissions)[number];

/** What a role may be granted: a tenant role only tenant permissions, a platform role only platform ones. */
type GrantableTo<R extends Role> = R extends TenantRole ? TenantPermission : PlatformPermission;

/**
 * The table. Least privilege: each role holds what its people need and nothing more; a user who needs
 * more holds a second role. Every role must appear, and a misspelt or out-of-scope permission fails to
 * compile.
 */
const grants: { readonly [R in Role]: readonly GrantableTo<R>[] } = {
  // HR or organisational-culture team: the tenant itself, its directory, who may do what, and the bill.
  tenant_admin: [
    "tenant.home.view",
    "tenant.settings.manage",
    "staff.view",
    "staff.import",
    "members.view",
    "members.invite",
    "members.roles.manage",
    "audit.view",
    "billing.manage",
    "programs.view",
    "showcase.view",
    "insights.compare",
    "privacy.requests.handle",
    "own_data.manage",
  ],
  // Coordinating department (주관부서): runs a program's cohorts from recruitment to awards.
  coordinator: [
    "tenant.home.view",
    "programs.view",
    "programs.manage",
    "applications.review",
    "matching.run",
    "matching.publish",
    "certificates.revoke",
    "evaluations.manage",
    "awards.manage",
    "dashboards.view",
    "showcase.view",
    "insights.compare",
    "own_data.manage",
    "board.review",
  ],
  // Mayor or deputy mayor: signs pairing certificates, follows progress and answers the junior board.
  executive: [
    "tenant.home.view",
    "certificates.sign",
    "dashboards.view",
    "showcase.view",
    "own_data.manage",
    "board.review",
  ],
  // May be an outside trainer: scores teams against the rubric and sees nothing else.
  evaluator: ["tenant.home.view", "evaluations.score", "own_data.manage"],
  // Mentor or mentee: applies, then works in their own team.
  participant: [
    "tenant.home.view",
    "applications.submit",
    "own_team.view",
    "surveys.respond",
    "assignments.submit",
    "activities.log",
    "showcase.view",
    "own_data.manage",
    "board.propose",
  ],
  // The personal-data protection officer (개인정보 보호책임자 or the person they name): reviews who
  // looked at personal data and what the retention rules will delete; sees no program data itself.
  privacy_officer: ["tenant.home.view", "privacy.review", "own_data.manage"],
  // Runs the deployment: tenants and billing, never a tenant's staff data.
  operator: [
    "platform.tenants.view",
    "platform.tenants.manage",
    "platform.billing.view",
    "platform.analysts.manage",
  ],
  // National agency: aggregated insights only.
  insights_analyst: ["insights.view"],
};

const tenantPermissionSet: ReadonlySet<string> = new Set(tenantPermissions);
const platformPermissionSet: ReadonlySet<string> = new Set(platformPermissions);

export function isTenantPermission(permission: string): permission is TenantPermission {
  return tenantPermissionSet.has(permission);
}

export function isPlatformPermission(permission: string): permission is PlatformPermission {
  return platformPermissionSet.has(permission);
}

/**
 * Everything the roles grant together (the union). Roles arrive from sessions and the database, so a role
 * this code does not know grants nothing rather than failing open. The set is new on every call.
 */
export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) {
    if (!Object.hasOwn(grants, role)) continue;
    for (const permission of grants[role]) granted.add(permission);
  }
  return granted;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => Object.hasOwn(grants, role) && grants[role].some((p) => p === permission));
}
