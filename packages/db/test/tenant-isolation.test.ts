import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/audit";
import { connect, credentialsOf } from "../src/provision";
import { seedAll } from "../src/seed";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { checkTenantIsolation, PLATFORM_TABLES_WITH_TENANT, tenantTables } from "./tenant-isolation-check";
import { addIsolationFixtures } from "./tenant-isolation-fixtures";

let database: TestDatabase;
let yongin: string;
let gangneung: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [y, g] = await seedAll(database.db);
  yongin = y?.tenantId as string;
  gangneung = g?.tenantId as string;
  await addIsolationFixtures(database.db, yongin);
  await addIsolationFixtures(database.db, gangneung);
});
afterAll(async () => {
  await database?.drop();
});

describe("tenant isolation, enforced by PostgreSQL", () => {
  it("finds the tenant tables in the catalog", async () => {
    expect(await tenantTables(database.db)).toEqual(
      expect.arrayContaining([
        "api_tokens",
        "audit_logs",
        "certificate_signers",
        "departments",
        "directory_import_rows",
        "directory_imports",
        "invitations",
        "memberships",
        "sso_configs",
        "staff_members",
        "cohorts",
        "applications",
        "survey_responses",
        "teams",
        "certificates",
      ]),
    );
  });

  it("lets only platform tables without personal data carry a tenant id outside row-level security", async () => {
    for (const [table, expected] of Object.entries(PLATFORM_TABLES_WITH_TENANT)) {
      const columns = await database.db.platform.$queryRaw<{ column: string }[]>`
        select column_name as "column" from information_schema.columns
        where table_schema = 'public' and table_name = ${table} order by ordinal_position`;
      expect(columns.map((c) => c.column).sort()).toEqual([...expected].sort());
    }
  });

  it("keeps every tenant table apart: Yongin can neither read, insert, update nor delete Gangneung's rows", async () => {
    expect(await checkTenantIsolation(database.db, yongin, gangneung)).toEqual([]);
  });

  it("keeps every tenant table apart the other way round too", async () => {
    expect(await checkTenantIsolation(database.db, gangneung, yongin)).toEqual([]);
  });

  it("shows a tenant its own staff directory in full", async () => {
    const count = await database.db.withTenant(yongin, (tx) => tx.staffMember.count());
    expect(count).toBe(260);
  });

  it("shows a user their own memberships in every tenant, and nobody else's", async () => {
    const [coordinator] = await database.db.withTenant(yongin, (tx) =>
      tx.membership.findMany({ where: { roles: { has: "coordinator" } }, select: { userId: true } }),
    );
    const userId = coordinator?.userId as string;
    const seen = await database.db.withUser(userId, (tx) =>
      tx.membership.findMany({ select: { userId: true, tenantId: true } }),
    );
    expect(seen).toEqual([{ userId, tenantId: yongin }]);
    const staff = await database.db.withUser(userId, (tx) =>
      (tx as unknown as { staffMember: { count(): Promise<number> } }).staffMember.count(),
    );
    expect(staff).toBe(0);
    await expect(
      database.db.withUser(userId, (tx) =>
        tx.membership.updateMany({ where: { userId }, data: { roles: ["tenant_admin"] } }),
      ),
    ).resolves.toEqual({ count: 0 });
  });

  it("refuses tenant work without a valid tenant id", async () => {
    await expect(database.db.withTenant("yongin", async () => 1)).rejects.toThrow(/uuid/);
  });

  it("runs as a role that cannot bypass row-level security", async () => {
    const [role] = await database.db.platform.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean }[]>`
      select rolsuper, rolbypassrls from pg_roles where rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("keeps the audit log append-only for the app", async () => {
    await expect(
      database.db.withTenant(yongin, (tx) => tx.auditLog.deleteMany({ where: { tenantId: yongin } })),
    ).rejects.toThrow(/permission denied/);
    await database.db.withTenant(yongin, (tx) =>
      recordAudit(tx, {
        tenantId: yongin,
        actorUserId: null,
        action: "test.append",
        entityType: "test",
        entityId: null,
      }),
    );
  });

  it("reports a table that has a tenant_id column but no policy", async () => {
    const owner = await connect(database.urls.owner);
    try {
      await owner.query(
        "create table rogue_notes (id uuid primary key default gen_random_uuid(), tenant_id uuid not null, body text)",
      );
      await owner.query(
        `grant select, insert, update, delete on rogue_notes to "${credentialsOf(database.urls.app).user}"`,
      );
      await owner.query(
        "insert into rogue_notes (tenant_id, body) values ($1, 'yongin note'), ($2, 'gangneung note')",
        [yongin, gangneung],
      );
      const problems = (await checkTenantIsolation(database.db, yongin, gangneung)).filter(
        (v) => v.table === "rogue_notes",
      );
      expect(problems.map((p) => p.problem)).toEqual(
        expect.arrayContaining([
          "row-level security is not enabled",
          "has no policy",
          "tenant A reads 1 of tenant B's rows",
        ]),
      );
    } finally {
      await owner.query("drop table if exists rogue_notes");
      await owner.end();
    }
  });
});
