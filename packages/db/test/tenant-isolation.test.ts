import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/audit";
import { findCertificateSerialTenant } from "../src/certificate-serials";
import { connect, credentialsOf } from "../src/provision";
import { findRequestAccess } from "../src/request-access";
import { createSeededTestDatabase, type SeededTestDatabase } from "../src/testing";
import { checkTenantIsolation, tenantTables } from "./tenant-isolation-check";
import { addIsolationFixtures } from "./tenant-isolation-fixtures";

let database: SeededTestDatabase;
let yongin: string;
let gangneung: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const [y, g] = database.seeded;
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
        "certificate_serials",
        "evaluator_assignments",
        "evaluations",
        "evaluation_scores",
        "award_decisions",
        "award_grants",
        "cohort_report_runs",
      ]),
    );
  });

  it("keeps certificate serials apart: Yongin can neither read, change nor delete Gangneung's serials", async () => {
    const serialsOf = (tenantId: string) =>
      database.db.withTenant(tenantId, async (tx) =>
        (await tx.certificateSerial.findMany({ where: { tenantId }, select: { serial: true } })).map(
          (row) => row.serial,
        ),
      );
    const gangneungSerials = await serialsOf(gangneung);
    expect(gangneungSerials).toHaveLength(10);
    const fromYongin = await database.db.withTenant(yongin, async (tx) => ({
      read: await tx.certificateSerial.findMany({ where: { serial: { in: gangneungSerials } } }),
      changed: (
        await tx.certificateSerial.updateMany({
          where: { serial: { in: gangneungSerials } },
          data: { tenantId: yongin },
        })
      ).count,
      deleted: (await tx.certificateSerial.deleteMany({ where: { tenantId: gangneung } })).count,
    }));
    expect(fromYongin).toEqual({ read: [], changed: 0, deleted: 0 });
    expect(await serialsOf(gangneung)).toEqual(expect.arrayContaining(gangneungSerials));
    const [outside] = await database.db.platform.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from certificate_serials`;
    expect(outside?.n).toBe(0);
  });

  it("finds a serial's tenant without a session through the public lookup, and nothing more", async () => {
    const serial = await database.db.withTenant(gangneung, async (tx) => {
      const row = await tx.certificateSerial.findFirstOrThrow({ where: { tenantId: gangneung } });
      return row.serial;
    });
    expect(await findCertificateSerialTenant(database.db.platform, serial)).toBe(gangneung);
    expect(await findCertificateSerialTenant(database.db.platform, randomUUID())).toBeNull();
  });

  it("tells a live session its own membership in the tenant it names, and nobody else's", async () => {
    const membership = await database.db.withTenant(yongin, (tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: yongin }, select: { id: true, userId: true } }),
    );
    const sessionOf = async (userId: string, fields: { revokedAt?: Date; expiresAt?: Date } = {}) => {
      const tokenHash = `test-${randomUUID()}`;
      await database.db.platform.session.create({
        data: { tokenHash, userId, expiresAt: new Date(Date.now() + 3_600_000), ...fields },
      });
      return tokenHash;
    };
    const live = await sessionOf(membership.userId);
    const at = (tokenHash: string, tenantSlug: string | null) =>
      findRequestAccess(database.db.platformSql, { tokenHash, tenantSlug });

    const home = await at(live, "yongin");
    expect(home?.user.id).toBe(membership.userId);
    expect(home?.membership?.id).toBe(membership.id);
    // Another city: the tenant is found, the membership is not (the user has none there).
    const elsewhere = await at(live, "gangneung");
    expect(elsewhere?.tenant?.id).toBe(gangneung);
    expect(elsewhere?.membership).toBeNull();
    expect((await at(live, "no-such-city"))?.tenant).toBeNull();
    // A revoked or expired session, or a token nobody holds, learns nothing.
    expect(await at(await sessionOf(membership.userId, { revokedAt: new Date() }), "yongin")).toBeNull();
    expect(
      await at(await sessionOf(membership.userId, { expiresAt: new Date(Date.now() - 1000) }), "yongin"),
    ).toBeNull();
    expect(await at(`test-${randomUUID()}`, "yongin")).toBeNull();
    // The function behind it answers for no session, whatever tenant is asked.
    const direct = await database.db.platform.$queryRaw<unknown[]>`
      select * from public.session_membership(${"not-a-session"}, ${yongin}::uuid)`;
    expect(direct).toEqual([]);
  });

  it("refuses a Yongin row that points at a Gangneung staff member or department, as it refuses an unknown id", async () => {
    const [staffOfGangneung, departmentOfGangneung] = await database.db.withTenant(gangneung, (tx) =>
      Promise.all([
        tx.staffMember.findFirstOrThrow({ where: { tenantId: gangneung }, select: { id: true } }),
        tx.department.findFirstOrThrow({ where: { tenantId: gangneung }, select: { id: true } }),
      ]),
    );
    const pointAt = (sql: string, target: string) =>
      database.db.withTenant(yongin, (tx) => tx.$executeRawUnsafe(sql, target, yongin));
    const linkStaff = `update memberships set staff_member_id = $1::uuid
      where id = (select id from memberships where tenant_id = $2::uuid limit 1)`;
    const moveUnder = `update departments set parent_id = $1::uuid
      where id = (select id from departments where tenant_id = $2::uuid and parent_id is not null limit 1)`;
    for (const [sql, target] of [
      [linkStaff, staffOfGangneung.id],
      [linkStaff, randomUUID()],
      [moveUnder, departmentOfGangneung.id],
      [moveUnder, randomUUID()],
    ] as const) {
      await expect(pointAt(sql, target), `${sql} → ${target}`).rejects.toThrow(/foreign key/i);
    }
  });

  it("keeps every tenant table apart: Yongin can neither read, insert, update nor delete Gangneung's rows", async () => {
    expect(await checkTenantIsolation(database.db, yongin, gangneung)).toEqual([]);
  }, 180_000);

  it("keeps every tenant table apart the other way round too", async () => {
    expect(await checkTenantIsolation(database.db, gangneung, yongin)).toEqual([]);
  }, 180_000);

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
        action: "tenant.settings.update",
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
  }, 180_000);
});
