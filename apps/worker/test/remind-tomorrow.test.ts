import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { saveCalendarItem } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "../src/jobs/handler";
import { remindTomorrowAt } from "../src/jobs/remind-tomorrow";
import { deliverQueuedMails, log, noMail } from "./support";

// The day-before reminder with an injected clock: Gangneung's active cohort, a training for everyone and a
// meeting for the junior mentors alone the next day (in Seoul), and one the day after.

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
/** 09:30 on 11 March 2025 in Seoul. */
const now = new Date("2025-03-11T00:30:00Z");

function context(): JobContext {
  return { db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

const reminders = () =>
  db.platform.outgoingEmail.findMany({
    where: { kind: "event_tomorrow" },
    select: { toAddress: true, subject: true, textBody: true },
  });

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  tenantId = database.seeded.find((s) => s.slug === "gangneung")?.tenantId as string;
  await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    await tx.cohort.update({ where: { id: cohort.id }, data: { status: "active" } });
    const actorUserId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
    ).userId;
    const accepted = await tx.application.findMany({
      where: { tenantId, cohortId: cohort.id, status: "accepted" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, role: true },
    });
    const run = await tx.matchingRun.create({
      data: { tenantId, cohortId: cohort.id, number: 1, status: "succeeded", problem: {}, publishedAt: now },
    });
    // One team of three juniors and a manager.
    const team = await tx.team.create({
      data: { tenantId, cohortId: cohort.id, runId: run.id, number: 1, score: 1, breakdown: {} },
    });
    const members = [
      ...accepted.filter((a) => a.role === "mentor").slice(0, 3),
      ...accepted.filter((a) => a.role === "mentee").slice(0, 1),
    ];
    await tx.teamMember.createMany({
      data: members.map((a) => ({
        tenantId,
        cohortId: cohort.id,
        teamId: team.id,
        applicationId: a.id,
        role: a.role,
      })),
    });
    const item = (title: string, audience: "all" | "mentors", startsAt: string) =>
      saveCalendarItem(tx, {
        tenantId,
        cohortId: cohort.id,
        actorUserId,
        itemId: null,
        item: {
          kind: "event",
          title,
          description: "",
          place: "시청 대회의실",
          audience,
          teamId: null,
          attendance: false,
          startsAt: new Date(startsAt),
          endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
        },
      });
    // 14:00 on 12 March in Seoul: tomorrow.
    await item("소통 역량 강화 교육", "all", "2025-03-12T05:00:00Z");
    await item("간부회의 참석", "mentors", "2025-03-12T00:00:00Z");
    // 13 March: the day after.
    await item("직원 힐링 콘서트", "all", "2025-03-13T09:30:00Z");
  });
}, 120_000);

afterAll(() => database?.drop());

describe("calendar.remind-tomorrow", () => {
  it("mails everyone each of tomorrow's items is for, in Seoul time, and nothing of the day after", async () => {
    const run = await remindTomorrowAt(() => now)({}, context());
    // The training: 4 people; the meeting: the 3 juniors.
    expect(run).toMatchObject({ items: 2, mails: 7 });
    const mails = await reminders();
    expect(mails).toHaveLength(7);
    const training = mails.filter((mail) => mail.subject.includes("소통 역량 강화 교육"));
    expect(training).toHaveLength(4);
    expect(training[0]?.textBody).toContain(
      "내일 2025년 3월 12일 14:00, 시청 대회의실에서 소통 역량 강화 교육이 있습니다.",
    );
    expect(mails.some((mail) => mail.subject.includes("직원 힐링 콘서트"))).toBe(false);
  });

  it("mails no one twice when it runs again the same day", async () => {
    expect(await remindTomorrowAt(() => now)({}, context())).toMatchObject({ items: 0, mails: 0 });
    expect(await reminders()).toHaveLength(7);
  });

  it("delivers each reminder once to the real SMTP server, in Korean", async () => {
    const queued = await db.platform.outgoingEmail.count();
    const received = await deliverQueuedMails(db);
    expect(received).toHaveLength(queued);
    const training = received.filter((mail) => mail.subject.includes("소통 역량 강화 교육"));
    expect(training).toHaveLength(4);
    expect(new Set(training.map((mail) => mail.to)).size).toBe(4);
    expect(training[0]?.text).toContain(
      "내일 2025년 3월 12일 14:00, 시청 대회의실에서 소통 역량 강화 교육이 있습니다.",
    );
  }, 120_000);
});
