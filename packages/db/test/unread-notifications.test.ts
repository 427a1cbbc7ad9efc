import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRequestAccess } from "../src/request-access";
import { createSeededTestDatabase, type SeededTestDatabase } from "../src/testing";

// The bell's count travels with the membership, in the one statement that reads who asks: a person's own
// unread notices shown in the app, in the tenant named, and nobody else's.

let database: SeededTestDatabase;
let yongin: string;
let gangneung: string;
const person = { userId: "", staffMemberId: "", other: "" };

const sessionOf = async (userId: string) => {
  const tokenHash = `test-${randomUUID()}`;
  await database.db.platform.session.create({
    data: { tokenHash, userId, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return tokenHash;
};

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const [y, g] = database.seeded;
  yongin = y?.tenantId as string;
  gangneung = g?.tenantId as string;
  await database.db.withTenant(yongin, async (tx) => {
    const members = await tx.membership.findMany({
      where: { tenantId: yongin, staffMemberId: { not: null } },
      orderBy: { createdAt: "asc" },
      take: 2,
    });
    const [mine, theirs] = members;
    person.userId = mine?.userId as string;
    person.staffMemberId = mine?.staffMemberId as string;
    person.other = theirs?.staffMemberId as string;
    const notice = (
      staffMemberId: string,
      subject: string,
      extra: { readAt?: Date; inApp?: boolean } = {},
    ) => ({
      tenantId: yongin,
      staffMemberId,
      kind: "team_nudge" as const,
      subject,
      params: {},
      link: "/yongin/activities",
      inApp: extra.inApp ?? true,
      readAt: extra.readAt ?? null,
    });
    await tx.notification.createMany({
      data: [
        notice(person.staffMemberId, "a"),
        notice(person.staffMemberId, "b"),
        notice(person.staffMemberId, "c", { readAt: new Date() }),
        // Switched off in the app: kept as told, not counted.
        notice(person.staffMemberId, "d", { inApp: false }),
        notice(person.other, "a"),
      ],
    });
  });
});

afterAll(async () => {
  await database?.drop();
});

describe("the unread count of a request's member", () => {
  it("counts their own unread notices shown in the app, in the tenant named", async () => {
    const live = await sessionOf(person.userId);
    const access = await findRequestAccess(database.db.platformSql, {
      tokenHash: live,
      tenantSlug: "yongin",
    });
    expect(access?.membership?.unreadNotifications).toBe(2);
    await database.db.withTenant(yongin, (tx) =>
      tx.notification.updateMany({
        where: { tenantId: yongin, staffMemberId: person.staffMemberId },
        data: { readAt: new Date() },
      }),
    );
    const after = await findRequestAccess(database.db.platformSql, { tokenHash: live, tenantSlug: "yongin" });
    expect(after?.membership?.unreadNotifications).toBe(0);
  });

  it("answers nothing for a session that is not one, whatever person or tenant is asked", async () => {
    const direct = await database.db.platform.$queryRaw<{ count: number }[]>`
      select public.session_unread_notifications(${"not-a-session"}, ${yongin}::uuid) as count`;
    expect(direct).toEqual([{ count: 0 }]);
    const live = await sessionOf(person.userId);
    const elsewhere = await database.db.platform.$queryRaw<{ count: number }[]>`
      select public.session_unread_notifications(${live}, ${gangneung}::uuid) as count`;
    expect(elsewhere).toEqual([{ count: 0 }]);
  });

  it("leaves the table itself closed to the app outside the tenant", async () => {
    const rows = await database.db.platform.$queryRaw<unknown[]>`select id from public.notifications`;
    expect(rows).toEqual([]);
  });
});
