// The audit log's search against the real PostgreSQL (RLS on): the ids its rows hold come back with the
// names the page shows instead, only for the tenant's own records.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditSearchQuery, searchAuditLog } from "../src/audit";

let database: SeededTestDatabase;
let yongin: string;
let gangneung: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const tenantOf = (slug: string) =>
    database.seeded.find((summary) => summary.slug === slug)?.tenantId as string;
  yongin = tenantOf("yongin");
  gangneung = tenantOf("gangneung");
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

it("names the staff, members and users its rows hold, and not another tenant's or an unknown id", async () => {
  const { db } = database;
  const staffOf = (tenantId: string) =>
    db.withTenant(tenantId, (tx) =>
      tx.staffMember.findFirstOrThrow({ where: { tenantId }, select: { id: true, name: true } }),
    );
  const own = await staffOf(yongin);
  const foreign = await staffOf(gangneung);
  const member = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({
      where: { tenantId: yongin },
      select: { id: true, userId: true, user: { select: { displayName: true } } },
    }),
  );
  const unknown = randomUUID();
  await db.withTenant(yongin, async (tx) => {
    await recordAudit(tx, {
      tenantId: yongin,
      actorUserId: member.userId,
      action: "membership.roles.update",
      entityType: "membership",
      entityId: member.id,
      before: { roles: ["participant"] },
      after: { roles: ["coordinator"], staffMemberId: own.id },
    });
    await recordAudit(tx, {
      tenantId: yongin,
      actorUserId: null,
      action: "sso_identity.link",
      entityType: "user",
      entityId: member.userId,
      after: { staffMemberId: foreign.id, edit: { staffMemberId: unknown } },
    });
  });

  const { names, rows } = await db.withTenant(yongin, (tx) =>
    searchAuditLog(tx, { tenantId: yongin, timeZone: "Asia/Seoul", search: auditSearchQuery.parse({}) }),
  );
  expect(rows.length).toBeGreaterThanOrEqual(2);
  expect(names[own.id]).toBe(own.name);
  expect(names[member.id]).toBe(member.user.displayName);
  expect(names[member.userId]).toBe(member.user.displayName);
  expect(names).not.toHaveProperty(foreign.id);
  expect(names).not.toHaveProperty(unknown);
});

it("finds an actor by part of their e-mail as written: '_' and '%' are not wildcards", async () => {
  const { db } = database;
  const member = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin }, select: { userId: true, user: true } }),
  );
  await db.withTenant(yongin, (tx) =>
    recordAudit(tx, {
      tenantId: yongin,
      actorUserId: member.userId,
      action: "membership.roles.update",
      entityType: "membership",
      entityId: member.userId,
      before: { roles: ["participant"] },
      after: { roles: ["coordinator"] },
    }),
  );
  const search = (actor: string) =>
    db.withTenant(yongin, (tx) =>
      searchAuditLog(tx, {
        tenantId: yongin,
        timeZone: "Asia/Seoul",
        search: auditSearchQuery.parse({ actor }),
      }),
    );
  const part = member.user.email.slice(0, 4);
  expect((await search(part)).rows.map((row) => row.actor?.email)).toContain(member.user.email);
  expect(member.user.email).not.toContain("_");
  expect((await search("_")).rows).toEqual([]);
  expect((await search("%")).rows).toEqual([]);
});
