// The daily retention purge as the worker runs it: every tenant, personal data past its period gone, an
// audit row per tenant and run, progress to 100, and a second run that finds nothing.
import { randomUUID } from "node:crypto";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { JobContext } from "../src/jobs/handler";
import { purgeRetentionAt } from "../src/jobs/retention-purge";
import { log, noMail } from "./support";

let database: SeededTestDatabase;

beforeAll(async () => {
  database = await createSeededTestDatabase();
}, 120_000);

afterAll(() => database?.drop());

function context(): JobContext & { reported: number[] } {
  const reported: number[] = [];
  return {
    db: database.db,
    log,
    mailer: noMail,
    signal: new AbortController().signal,
    reported,
    async progress(percent) {
      reported.push(percent);
    },
  };
}

it("removes in every tenant what is past its period, once: the second run finds nothing", async () => {
  const { db } = database;
  const now = new Date("2030-06-01T00:00:00Z");
  const notices: Record<string, { old: string; recent: string }> = {};
  for (const { tenantId } of database.seeded) {
    notices[tenantId] = await db.withTenant(tenantId, async (tx) => {
      const staff = await tx.staffMember.findFirstOrThrow({
        where: { tenantId, active: true },
        select: { id: true },
      });
      const notice = (createdAt: Date) =>
        tx.notification.create({
          data: {
            tenantId,
            staffMemberId: staff.id,
            kind: "team_nudge",
            subject: randomUUID(),
            link: "/team",
            inApp: true,
            createdAt,
          },
        });
      const old = await notice(new Date("2029-05-01T00:00:00Z"));
      const recent = await notice(new Date("2030-05-01T00:00:00Z"));
      return { old: old.id, recent: recent.id };
    });
  }
  const first = context();
  const summary = (await purgeRetentionAt(() => now)({}, first)) as { tenants: number; deleted: number };
  expect(summary.tenants).toBe(database.seeded.length);
  expect(summary.deleted).toBeGreaterThanOrEqual(database.seeded.length);
  expect(first.reported.at(-1)).toBe(100);
  for (const { tenantId } of database.seeded) {
    const left = await db.withTenant(tenantId, (tx) =>
      tx.notification.findMany({
        where: { id: { in: [notices[tenantId]?.old ?? "", notices[tenantId]?.recent ?? ""] } },
        select: { id: true },
      }),
    );
    expect(left.map((row) => row.id)).toEqual([notices[tenantId]?.recent]);
  }

  const second = (await purgeRetentionAt(() => now)({}, context())) as {
    deleted: number;
    pseudonymised: number;
  };
  expect(second).toMatchObject({ deleted: 0, pseudonymised: 0, files: 0 });
  for (const { tenantId } of database.seeded) {
    const runs = await db.withTenant(tenantId, (tx) =>
      tx.auditLog.count({ where: { tenantId, action: "retention.purge" } }),
    );
    expect(runs).toBe(2);
  }
});
