import { describe, expect, it } from "vitest";
import {
  can,
  isPlatformPermission,
  isTenantPermission,
  type Permission,
  permissions,
  permissionsOf,
  platformPermissions,
  platformRoles,
  type Role,
  tenantPermissions,
  tenantRoles,
} from "./permissions";

const allRoles: readonly Role[] = [...tenantRoles, ...platformRoles];

/** The roles that hold a permission on their own, in table order. */
function holdersOf(permission: Permission): Role[] {
  return allRoles.filter((role) => can([role], permission));
}

function sorted(granted: ReadonlySet<Permission>): Permission[] {
  return [...granted].sort();
}

describe("a participant", () => {
  it("sees the tenant home and their own team, applies, and works in the team", () => {
    expect(sorted(permissionsOf(["participant"]))).toEqual([
      "activities.log",
      "applications.submit",
      "assignments.submit",
      "board.propose",
      "own_data.manage",
      "own_team.view",
      "showcase.view",
      "surveys.respond",
      "tenant.home.view",
    ]);
  });

  it("cannot invite members", () => {
    expect(can(["participant"], "members.invite")).toBe(false);
  });

  it("cannot review applications, see the staff directory or other teams' results", () => {
    expect(can(["participant"], "applications.review")).toBe(false);
    expect(can(["participant"], "staff.view")).toBe(false);
    expect(can(["participant"], "dashboards.view")).toBe(false);
    expect(can(["participant"], "evaluations.score")).toBe(false);
  });
});

describe("a coordinator", () => {
  it("runs a cohort end to end: programs, applications, matching, certificates, awards, dashboards", () => {
    const end: Permission[] = [
      "programs.view",
      "programs.manage",
      "applications.review",
      "matching.run",
      "matching.publish",
      "certificates.revoke",
      "awards.manage",
      "dashboards.view",
    ];
    for (const permission of end) expect(can(["coordinator"], permission), permission).toBe(true);
  });

  it("runs matching but cannot change roles", () => {
    expect(can(["coordinator"], "matching.run")).toBe(true);
    expect(can(["coordinator"], "members.roles.manage")).toBe(false);
  });

  it("does not manage tenant settings or billing, nor sign certificates in an executive's name", () => {
    expect(can(["coordinator"], "tenant.settings.manage")).toBe(false);
    expect(can(["coordinator"], "billing.manage")).toBe(false);
    expect(can(["coordinator"], "certificates.sign")).toBe(false);
  });
});

describe("an executive", () => {
  it("signs certificates", () => {
    expect(can(["executive"], "certificates.sign")).toBe(true);
  });

  it("views dashboards and does nothing administrative", () => {
    expect(sorted(permissionsOf(["executive"]))).toEqual([
      "board.review",
      "certificates.sign",
      "dashboards.view",
      "own_data.manage",
      "showcase.view",
      "tenant.home.view",
    ]);
  });

  it("is the only one who signs certificates", () => {
    expect(holdersOf("certificates.sign")).toEqual(["executive"]);
  });
});

describe("the privacy officer", () => {
  it("reviews who looked at personal data and what is due for deletion, and sees no program data", () => {
    expect(sorted(permissionsOf(["privacy_officer"]))).toEqual([
      "own_data.manage",
      "privacy.review",
      "tenant.home.view",
    ]);
  });

  it("is the only one who reviews the access log", () => {
    expect(holdersOf("privacy.review")).toEqual(["privacy_officer"]);
  });
});

describe("a person's own data", () => {
  it("can be downloaded by everyone who belongs to an organisation, whatever their role", () => {
    expect(holdersOf("own_data.manage")).toEqual([...tenantRoles]);
  });
});

describe("the junior board's proposals", () => {
  it("are made by participants and answered by executives and coordinators alone", () => {
    expect(holdersOf("board.propose")).toEqual(["participant"]);
    expect(holdersOf("board.review")).toEqual(["coordinator", "executive"]);
  });
});

describe("the showcase of featured team work", () => {
  it("is for the tenant's own people, not for an outside evaluator", () => {
    expect([...holdersOf("showcase.view")].sort()).toEqual([
      "coordinator",
      "executive",
      "participant",
      "tenant_admin",
    ]);
  });
});

describe("an evaluator", () => {
  it("scores teams and sees nothing else of the tenant", () => {
    expect(sorted(permissionsOf(["evaluator"]))).toEqual([
      "evaluations.score",
      "own_data.manage",
      "tenant.home.view",
    ]);
  });

  it("cannot assign evaluators or reopen an evaluation, their own included", () => {
    expect(can(["evaluator"], "evaluations.manage")).toBe(false);
  });
});

describe("managing evaluations (assigning evaluators, reopening a submitted evaluation)", () => {
  it("is the coordinator's alone: not the executive's, the admin's, a participant's or an evaluator's", () => {
    expect(holdersOf("evaluations.manage")).toEqual(["coordinator"]);
  });

  it("does not let the coordinator score teams themselves", () => {
    expect(can(["coordinator"], "evaluations.score")).toBe(false);
  });
});

describe("a tenant admin", () => {
  it("manages settings, the staff directory, members, roles, audit and billing", () => {
    const administration: Permission[] = [
      "tenant.settings.manage",
      "staff.view",
      "staff.import",
      "members.view",
      "members.invite",
      "members.roles.manage",
      "audit.view",
      "billing.manage",
    ];
    for (const permission of administration) expect(can(["tenant_admin"], permission), permission).toBe(true);
  });

  it("may view programs but not run them", () => {
    expect(can(["tenant_admin"], "programs.view")).toBe(true);
    expect(can(["tenant_admin"], "programs.manage")).toBe(false);
    expect(can(["tenant_admin"], "matching.run")).toBe(false);
    expect(can(["tenant_admin"], "applications.review")).toBe(false);
  });

  it("is the only one who sees the staff directory, the audit log or changes roles", () => {
    expect(holdersOf("staff.view")).toEqual(["tenant_admin"]);
    expect(holdersOf("audit.view")).toEqual(["tenant_admin"]);
    expect(holdersOf("members.roles.manage")).toEqual(["tenant_admin"]);
  });
});

describe("the platform", () => {
  it("lets the operator see and manage tenants, see billing and create national analysts", () => {
    expect(sorted(permissionsOf(["operator"]))).toEqual([
      "platform.analysts.manage",
      "platform.billing.view",
      "platform.tenants.manage",
      "platform.tenants.view",
    ]);
  });

  it("does not let the operator view a tenant's staff directory, or anything inside a tenant", () => {
    expect(can(["operator"], "staff.view")).toBe(false);
    for (const permission of tenantPermissions) {
      expect(can(["operator"], permission), permission).toBe(false);
    }
  });

  it("lets a national analyst see insights only", () => {
    expect(sorted(permissionsOf(["insights_analyst"]))).toEqual(["insights.view"]);
  });

  it("shows insights to national analysts and no one else", () => {
    expect(holdersOf("insights.view")).toEqual(["insights_analyst"]);
  });
});

describe("holding several roles", () => {
  it("grants the union: a coordinator who also mentors may apply and run matching", () => {
    const roles: Role[] = ["coordinator", "participant"];
    expect(can(roles, "applications.submit")).toBe(true);
    expect(can(roles, "matching.run")).toBe(true);
    expect(permissionsOf(roles)).toEqual(
      new Set([...permissionsOf(["coordinator"]), ...permissionsOf(["participant"])]),
    );
    expect(can(roles, "members.roles.manage")).toBe(false);
  });

  it("grants the same whatever the order and however often a role is repeated", () => {
    expect(permissionsOf(["executive", "evaluator", "executive"])).toEqual(
      permissionsOf(["evaluator", "executive"]),
    );
  });

  it("grants nothing to a user with no role", () => {
    expect(permissionsOf([]).size).toBe(0);
    for (const permission of permissions) expect(can([], permission), permission).toBe(false);
  });
});

describe("the table as a whole", () => {
  it("grants no role a permission outside its scope", () => {
    for (const role of tenantRoles) {
      for (const permission of permissionsOf([role])) {
        expect(isTenantPermission(permission), `${role}: ${permission}`).toBe(true);
      }
    }
    for (const role of platformRoles) {
      for (const permission of permissionsOf([role])) {
        expect(isPlatformPermission(permission), `${role}: ${permission}`).toBe(true);
      }
    }
  });

  it("grants every permission to at least one role, so none is dead", () => {
    const granted = permissionsOf(allRoles);
    expect(permissions.filter((permission) => !granted.has(permission))).toEqual([]);
  });

  it("agrees between can and permissionsOf for every role and permission", () => {
    for (const role of allRoles) {
      for (const permission of permissions) {
        expect(can([role], permission), `${role}: ${permission}`).toBe(permissionsOf([role]).has(permission));
      }
    }
  });

  it("splits permissions into tenant and platform ones, each exactly one", () => {
    for (const permission of permissions) {
      expect(isTenantPermission(permission) !== isPlatformPermission(permission), permission).toBe(true);
    }
    expect(permissions).toHaveLength(tenantPermissions.length + platformPermissions.length);
  });

  it("names each permission once, as lower-case area.action", () => {
    expect(new Set(permissions).size).toBe(permissions.length);
    for (const permission of permissions) expect(permission).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it("recognises neither scope for a string that is not a permission", () => {
    expect(isTenantPermission("staff.delete")).toBe(false);
    expect(isPlatformPermission("staff.delete")).toBe(false);
    expect(isTenantPermission("")).toBe(false);
  });
});

describe("input from outside the type system", () => {
  it("grants nothing to a role this code does not know, even one named like an object property", () => {
    const unknown = ["mayor", "constructor", "__proto__", "toString"] as unknown as Role[];
    expect(permissionsOf(unknown).size).toBe(0);
    expect(can(unknown, "tenant.home.view")).toBe(false);
  });

  it("rejects a misspelt permission at compile time and never grants it", () => {
    // @ts-expect-error "matching.runs" is not a permission
    expect(can(["coordinator"], "matching.runs")).toBe(false);
  });

  it("does not let a caller widen a role by changing the set it was given", () => {
    const granted = permissionsOf(["participant"]) as Set<Permission>;
    granted.add("members.roles.manage");
    expect(can(["participant"], "members.roles.manage")).toBe(false);
    expect(permissionsOf(["participant"]).has("members.roles.manage")).toBe(false);
  });
});
