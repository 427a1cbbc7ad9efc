// The personal-data access log against the real PostgreSQL, as the app role (RLS on): a view's row names
// whose data it showed, the app can neither change nor delete a row, the purge takes exactly what is past
// two years by an injected clock, the search finds a view by person, viewer, kind and days, and the monthly
// review is stored and mailed to the privacy officers once per month.
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessLogSearchQuery,
  purgeAccessLogs,
  recordAccess,
  searchAccessLog,
  sendAccessReviews,
} from "../src/access-log";

let database: SeededTestDatabase;
let yongin: string;
let gangneung: string;
let staff: { id: string; name: string; employeeNumber: string }[];
let viewer: { userId: string; staffMemberId: string | null; displayName: string };

const viewerOf = () => ({
  tenantId: yongin,
  viewerUserId: viewer.userId,
  viewerStaffMemberId: viewer.staffMemberId,
  clientAddress: "203.0.113.7",
  requestId: "req-1",
});

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const tenantOf = (slug: string) =>
    database.seeded.find((summary) => summary.slug === slug)?.tenantId as string;
  yongin = tenantOf("yongin");
  gangneung = tenantOf("gangneung");
  const { db } = database;
  staff = await db.withTenant(yongin, (tx) =>
    tx.staffMember.findMany({
      where: { tenantId: yongin },
      orderBy: { employeeNumber: "asc" },
      take: 6,
      select: { id: true, name: true, employeeNumber: true },
    }),
  );
  const member = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({
      where: { tenantId: yongin, roles: { has: "coordinator" } },
      select: { userId: true, staffMemberId: true, user: { select: { displayName: true } } },
    }),
  );
  viewer = {
    userId: member.userId,
    staffMemberId: member.staffMemberId,
    displayName: member.user.displayName,
  };
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const rowsOf = (tenantId: string) =>
  database.db.withTenant(tenantId, (tx) =>
    tx.accessLog.findMany({ where: { tenantId }, orderBy: { at: "asc" } }),
  );

describe("recording a view", () => {
  it("writes one row naming the viewer, the people shown (not the viewer), the kind, the object and where from", async () => {
    const [first, second] = staff as [(typeof staff)[number], (typeof staff)[number]];
    const written = await database.db.withTenant(yongin, (tx) =>
      recordAccess(tx, {
        ...viewerOf(),
        kind: "applicant_list",
        // The viewer's own record among them, and one person twice.
        subjects: {
          staffMemberIds: [
            first.id,
            second.id,
            first.id,
            ...(viewer.staffMemberId ? [viewer.staffMemberId] : []),
          ],
        },
      }),
    );
    expect(written).toBe(true);
    const [row] = (await rowsOf(yongin)).slice(-1);
    expect(row).toMatchObject({
      viewerUserId: viewer.userId,
      viewerStaffMemberId: viewer.staffMemberId,
      kind: "applicant_list",
      subjectCount: 2,
      clientAddress: "203.0.113.7",
      requestId: "req-1",
    });
    expect([...(row?.subjectStaffIds ?? [])].sort()).toEqual([first.id, second.id].sort());
  });

  it("counts directory rows shown by employee number, naming those on the staff", async () => {
    const [first] = staff as [(typeof staff)[number]];
    await database.db.withTenant(yongin, (tx) =>
      recordAccess(tx, {
        ...viewerOf(),
        kind: "directory",
        subjects: { employeeNumbers: [first.employeeNumber, "NOT-ON-STAFF-1"] },
      }),
    );
    const [row] = (await rowsOf(yongin)).slice(-1);
    expect(row).toMatchObject({ kind: "directory", subjectCount: 2, subjectStaffIds: [first.id] });
  });

  it("writes nothing for a view that showed nobody else", async () => {
    const before = (await rowsOf(yongin)).length;
    const written = await database.db.withTenant(yongin, (tx) =>
      recordAccess(tx, { ...viewerOf(), kind: "applicant_list", subjects: { staffMemberIds: [] } }),
    );
    expect(written).toBe(false);
    expect(await rowsOf(yongin)).toHaveLength(before);
  });

  it("keeps the log append-only for the app role: no update, no delete", async () => {
    const { db } = database;
    expect((await rowsOf(yongin)).length).toBeGreaterThan(0);
    await expect(
      db.withTenant(yongin, (tx) =>
        tx.accessLog.updateMany({ where: { tenantId: yongin }, data: { kind: "directory" } }),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.withTenant(yongin, (tx) => tx.accessLog.deleteMany({ where: { tenantId: yongin } })),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.withTenant(yongin, (tx) => tx.$executeRawUnsafe("delete from access_logs")),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.withTenant(yongin, (tx) => tx.accessReview.deleteMany({ where: { tenantId: yongin } })),
    ).rejects.toThrow(/permission denied/);
  });
});

describe("the purge", () => {
  it("removes exactly the rows older than two years as of the injected clock, in every tenant", async () => {
    const { db } = database;
    // A clock ten days behind the real one: what a test can inject (the function never purges ahead of it).
    const now = new Date(Date.now() - 10 * 86_400_000);
    const yearsBefore = (years: number, ms: number) => {
      const at = new Date(now);
      at.setUTCFullYear(at.getUTCFullYear() - years);
      return new Date(at.getTime() + ms);
    };
    const minute = 60_000;
    const insert = (tenantId: string, at: Date, requestId: string) =>
      db.withTenant(tenantId, (tx) =>
        tx.accessLog.create({
          data: {
            tenantId,
            viewerUserId: viewer.userId,
            kind: "directory",
            subjectCount: 1,
            clientAddress: "10.0.0.1",
            requestId,
            at,
          },
        }),
      );
    await insert(yongin, yearsBefore(2, -minute), "old-yongin");
    await insert(yongin, yearsBefore(3, 0), "older-yongin");
    await insert(yongin, yearsBefore(2, minute), "young-yongin");
    await insert(gangneung, yearsBefore(2, -minute), "old-gangneung");
    await insert(gangneung, yearsBefore(1, 0), "young-gangneung");
    const requestIds = async (tenantId: string) => (await rowsOf(tenantId)).map((row) => row.requestId);
    const before = { yongin: await requestIds(yongin), gangneung: await requestIds(gangneung) };

    expect(await purgeAccessLogs(db, { now })).toEqual({ purged: 3 });
    const gone = ["old-yongin", "older-yongin", "old-gangneung"];
    expect(await requestIds(yongin)).toEqual(before.yongin.filter((id) => !gone.includes(id as string)));
    expect(await requestIds(gangneung)).toEqual(
      before.gangneung.filter((id) => !gone.includes(id as string)),
    );
    expect(await requestIds(yongin)).toContain("young-yongin");
    // Run again: nothing more is due.
    expect(await purgeAccessLogs(db, { now })).toEqual({ purged: 0 });
  });

  it("purges no more than the database's own clock allows, whatever later clock it is given", async () => {
    const { db } = database;
    const rows = await rowsOf(gangneung);
    expect(rows.some((row) => row.requestId === "young-gangneung")).toBe(true);
    const farFuture = new Date(Date.now() + 5 * 365 * 86_400_000);
    await purgeAccessLogs(db, { now: farFuture });
    expect((await rowsOf(gangneung)).map((row) => row.requestId)).toContain("young-gangneung");
  });
});

describe("the search", () => {
  it("finds views by the person viewed, the viewer, the kind and the days, naming everyone", async () => {
    const { db } = database;
    const [, , third] = staff as [unknown, unknown, (typeof staff)[number]];
    await db.withTenant(yongin, (tx) =>
      recordAccess(tx, {
        ...viewerOf(),
        kind: "evaluation_portfolio",
        subjects: { staffMemberIds: [third.id] },
      }),
    );
    const search = (query: Record<string, string>) =>
      db.withTenant(yongin, (tx) =>
        searchAccessLog(tx, {
          tenantId: yongin,
          timeZone: "Asia/Seoul",
          search: accessLogSearchQuery.parse(query),
        }),
      );
    const byPerson = await search({ person: third.employeeNumber });
    expect(byPerson.rows.map((row) => row.kind)).toEqual(["evaluation_portfolio"]);
    expect(byPerson.rows[0]).toMatchObject({
      viewer: { displayName: viewer.displayName },
      subjects: [{ name: third.name, employeeNumber: third.employeeNumber }],
      subjectCount: 1,
      clientAddress: "203.0.113.7",
    });
    const byKind = await search({ kind: "directory" });
    expect(byKind.rows.every((row) => row.kind === "directory")).toBe(true);
    expect(byKind.total).toBeGreaterThan(0);
    expect((await search({ viewer: viewer.displayName })).total).toBeGreaterThan(0);
    expect((await search({ viewer: "nobody-by-this-name" })).total).toBe(0);
    // Days on the tenant's calendar: a range in the past holds none of today's views.
    expect((await search({ from: "2020-01-01", to: "2020-01-31" })).total).toBe(0);
    // Another tenant's search sees none of these.
    const foreign = await db.withTenant(gangneung, (tx) =>
      searchAccessLog(tx, {
        tenantId: gangneung,
        timeZone: "Asia/Seoul",
        search: accessLogSearchQuery.parse({ kind: "evaluation_portfolio" }),
      }),
    );
    expect(foreign.total).toBe(0);
  });
});

describe("the monthly review", () => {
  it("is stored and mailed to each privacy officer once per month, with the month's figures", async () => {
    const { db } = database;
    const officer = await db.platform.user.create({
      data: { email: "privacy@yongin.example.kr", displayName: "개인정보 담당", locale: "ko" },
    });
    await db.withTenant(yongin, (tx) =>
      tx.membership.create({ data: { tenantId: yongin, userId: officer.id, roles: ["privacy_officer"] } }),
    );
    // November 2026 in Seoul: a Monday-morning list, a Saturday export of many people.
    const people = staff.map((person) => person.id);
    await db.withTenant(yongin, async (tx) => {
      await tx.accessLog.create({
        data: {
          tenantId: yongin,
          viewerUserId: viewer.userId,
          kind: "applicant_list",
          subjectStaffIds: people.slice(0, 3),
          subjectCount: 3,
          clientAddress: "10.0.0.2",
          at: new Date("2026-11-02T01:00:00Z"),
        },
      });
      await tx.accessLog.create({
        data: {
          tenantId: yongin,
          viewerUserId: viewer.userId,
          kind: "applicant_export",
          subjectStaffIds: people,
          subjectCount: people.length,
          clientAddress: "10.0.0.2",
          at: new Date("2026-11-07T02:00:00Z"),
        },
      });
    });
    const now = new Date("2026-12-01T00:00:00Z");
    const first = await sendAccessReviews(db, { now, appUrl: "https://mentoring.example.kr" });
    expect(first.reviews).toBeGreaterThanOrEqual(1);
    const mails = () =>
      db.platform.outgoingEmail.findMany({ where: { kind: "access_review", toAddress: officer.email } });
    const [mail, ...others] = await mails();
    expect(others).toEqual([]);
    expect(mail?.subject).toContain("2026년 11월");
    expect(mail?.textBody).toContain("신청자 명단 내려받기");
    expect(mail?.textBody).toContain(`${viewer.displayName} — 신청자 명단 내려받기 (${people.length}명)`);
    expect(mail?.textBody).toContain("근무시간 외 열람 1건");
    expect(mail?.textBody).toContain("/yongin/admin/access-log?from=2026-11-01&to=2026-11-30");
    const review = await db.withTenant(yongin, (tx) =>
      tx.accessReview.findFirstOrThrow({ where: { tenantId: yongin, month: new Date("2026-11-01") } }),
    );
    expect(review.recipientCount).toBe(1);
    expect(review.summary).toMatchObject({ month: "2026-11", views: 2 });

    // The job runs again the same day (a retry, a second worker): nothing new.
    const again = await sendAccessReviews(db, { now, appUrl: "https://mentoring.example.kr" });
    expect(again).toMatchObject({ reviews: 0, mails: 0 });
    expect(await mails()).toHaveLength(1);
  });
});
