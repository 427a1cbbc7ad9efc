import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeAccessLogsAt, reviewAccessLogsAt } from "../src/jobs/access-log";
import type { JobContext } from "../src/jobs/handler";
import { log, noMail } from "./support";

// The access log's two recurring jobs with an injected clock, each run twice as a retry or a second worker
// would: the daily purge removes the row past two years and keeps the one inside them, the monthly review
// mails the privacy officer once for the month before.

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
let viewerUserId: string;
const officerEmail = "officer@access-jobs.example.kr";

function context(): JobContext {
  return { db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  tenantId = database.seeded.find((s) => s.slug === "yongin")?.tenantId as string;
  const officer = await db.platform.user.create({ data: { email: officerEmail, displayName: "보호책임자" } });
  viewerUserId = await db.withTenant(tenantId, async (tx) => {
    await tx.membership.create({ data: { tenantId, userId: officer.id, roles: ["privacy_officer"] } });
    const viewer = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
      select: { userId: true },
    });
    const staff = await tx.staffMember.findFirstOrThrow({ where: { tenantId }, select: { id: true } });
    const row = (at: string, requestId: string) => ({
      tenantId,
      viewerUserId: viewer.userId,
      kind: "applicant_list" as const,
      subjectStaffIds: [staff.id],
      subjectCount: 1,
      clientAddress: "10.1.1.1",
      requestId,
      at: new Date(at),
    });
    await tx.accessLog.createMany({
      data: [
        row("2024-11-20T01:00:00Z", "past-two-years"),
        row("2024-12-20T01:00:00Z", "inside-two-years"),
        row("2026-11-10T01:00:00Z", "november"),
      ],
    });
    return viewer.userId;
  });
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("the access log's jobs", () => {
  it("purges the row past two years once and keeps the rest", async () => {
    const purge = purgeAccessLogsAt(() => new Date("2026-12-01T00:00:00Z"));
    expect(await purge({}, context())).toEqual({ purged: 1 });
    expect(await purge({}, context())).toEqual({ purged: 0 });
    const left = await db.withTenant(tenantId, (tx) =>
      tx.accessLog.findMany({ where: { tenantId, viewerUserId }, select: { requestId: true } }),
    );
    expect(left.map((row) => row.requestId).sort()).toEqual(["inside-two-years", "november"]);
  });

  it("mails the month's review to the privacy officer once, however often it runs", async () => {
    const review = reviewAccessLogsAt(() => new Date("2026-12-01T00:00:00Z"));
    const first = await review({}, context());
    expect(first).toMatchObject({ mails: 1 });
    expect(await review({}, context())).toMatchObject({ reviews: 0, mails: 0 });
    const mails = await db.platform.outgoingEmail.findMany({ where: { kind: "access_review" } });
    expect(mails.map((mail) => mail.toAddress)).toEqual([officerEmail]);
    expect(mails[0]?.textBody).toContain("신청자 명단 조회: 1건, 1명");
  });
});
