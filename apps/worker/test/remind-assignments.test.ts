import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { saveCalendarItem, saveNotificationPreferences, submitAssignment } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "../src/jobs/handler";
import { remindAssignmentsAt } from "../src/jobs/remind-assignments";
import { deliverQueuedMails, log, noMail } from "./support";

// The daily assignment reminder with an injected clock: Gangneung's active cohort with two teams (three
// juniors and a manager each), team 1 having handed in the plan due in two days; a video already late,
// an assignment due in nine days and one a month past.

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
const teamMembers: string[][] = [];
/** 09:00 on 11 March 2025 in Seoul. */
const now = new Date("2025-03-11T00:00:00Z");
/** 09:00 on 14 March 2025 in Seoul: the plan's due moment passed at 23:59 the night before. */
const later = new Date("2025-03-14T00:00:00Z");

function context(): JobContext {
  return { db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

const mails = (kind: "assignment_due_soon" | "assignment_late") =>
  db.platform.outgoingEmail.findMany({
    where: { kind },
    orderBy: { createdAt: "asc" },
    select: { toAddress: true, subject: true, textBody: true },
  });
const notices = () =>
  db.withTenant(tenantId, (tx) =>
    tx.notification.findMany({
      where: { tenantId, kind: { in: ["assignment_due_soon", "assignment_late"] } },
      select: { kind: true, staffMemberId: true, inApp: true },
    }),
  );

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
      select: { id: true, role: true, staffMemberId: true },
    });
    const run = await tx.matchingRun.create({
      data: { tenantId, cohortId: cohort.id, number: 1, status: "succeeded", problem: {}, publishedAt: now },
    });
    const juniors = accepted.filter((a) => a.role === "mentor");
    const managers = accepted.filter((a) => a.role === "mentee");
    for (const number of [1, 2]) {
      const team = await tx.team.create({
        data: { tenantId, cohortId: cohort.id, runId: run.id, number, score: 1, breakdown: {} },
      });
      const members = [...juniors.slice((number - 1) * 3, number * 3), managers[number - 1]].filter(
        (a): a is (typeof accepted)[number] => a !== undefined,
      );
      await tx.teamMember.createMany({
        data: members.map((a) => ({
          tenantId,
          cohortId: cohort.id,
          teamId: team.id,
          applicationId: a.id,
          role: a.role,
        })),
      });
      teamMembers.push(members.map((a) => a.staffMemberId));
    }
    const assignment = async (title: string, dueAt: string) =>
      (
        await saveCalendarItem(tx, {
          tenantId,
          cohortId: cohort.id,
          actorUserId,
          itemId: null,
          item: {
            kind: "assignment",
            title,
            description: "",
            place: "",
            audience: "all",
            teamId: null,
            attendance: false,
            dueAt: new Date(dueAt),
          },
        })
      ).itemId;
    // 23:59 on 13 March in Seoul: due in under three days.
    const plan = await assignment("팀 활동 계획", "2025-03-13T14:59:00Z");
    // 23:59 on 10 March: late since last night.
    await assignment("홍보 영상", "2025-03-10T14:59:00Z");
    // Nine days ahead, and a month past: nothing to say yet, nothing to say any more.
    await assignment("생성형 AI 활용 보고서", "2025-03-20T14:59:00Z");
    await assignment("자기소개", "2025-02-10T14:59:00Z");
    // Team 2's manager reads reminders in the app alone, and lateness not at all.
    const everyKind = ["assignment_set", "assignment_due_soon", "assignment_late"] as const;
    await saveNotificationPreferences(tx, {
      tenantId,
      staffMemberId: teamMembers[1]?.[3] as string,
      email: everyKind.filter((kind) => kind === "assignment_set"),
      inApp: everyKind.filter((kind) => kind !== "assignment_late"),
    });
    await submitAssignment(tx, {
      tenantId,
      staffMemberId: teamMembers[0]?.[0] as string,
      itemId: plan,
      text: "활동 계획서를 올립니다",
      links: ["https://example.kr/plan"],
      actorUserId,
      now,
    });
  });
}, 120_000);

afterAll(() => database?.drop());

describe("assignments.remind-due", () => {
  it("reminds the teams that have not handed in an assignment due within three days, and tells those late that they are", async () => {
    const run = await remindAssignmentsAt(() => now)({}, context());
    // The plan: team 2 (4 people); the video: both teams (8).
    // Team 2's manager is told in the app alone (due soon) or not at all (late): 10 mails.
    expect(run).toMatchObject({ items: 2, notified: 12, mails: 10 });
    const dueSoon = await mails("assignment_due_soon");
    expect(dueSoon).toHaveLength(3);
    expect(dueSoon[0]?.subject).toMatch(/\] 팀 활동 계획 마감이 다가옵니다$/);
    // 계획 ends in a consonant: 은.
    expect(dueSoon[0]?.textBody).toContain("팀 활동 계획은 2025년 3월 13일 23:59에 마감됩니다.");
    const late = await mails("assignment_late");
    expect(late).toHaveLength(7);
    expect(late[0]?.textBody).toContain("팀이 홍보 영상을 아직 제출하지 않았습니다.");
    const told = await notices();
    expect(
      told
        .filter((notice) => notice.kind === "assignment_due_soon")
        .map((n) => n.staffMemberId)
        .sort(),
    ).toEqual([...(teamMembers[1] ?? [])].sort());
    const managersNotices = told.filter((notice) => notice.staffMemberId === teamMembers[1]?.[3]);
    expect(managersNotices.map((notice) => [notice.kind, notice.inApp]).sort()).toEqual([
      ["assignment_due_soon", true],
      ["assignment_late", false],
    ]);
    expect(JSON.stringify(await mails("assignment_late"))).not.toContain("생성형 AI");
    expect(JSON.stringify(late)).not.toContain("자기소개");
  });

  it("tells no one twice when it runs again the same day", async () => {
    expect(await remindAssignmentsAt(() => now)({}, context())).toMatchObject({ notified: 0, mails: 0 });
    expect(await mails("assignment_due_soon")).toHaveLength(3);
    expect(await mails("assignment_late")).toHaveLength(7);
  });

  it("never announces a passed due moment as ahead: days later the plan is late for the team without it", async () => {
    const run = await remindAssignmentsAt(() => later)({}, context());
    // Team 2's manager is told in no way of lateness: 3 mails.
    expect(run).toMatchObject({ items: 1, notified: 4, mails: 3 });
    expect(await mails("assignment_due_soon")).toHaveLength(3);
    const late = await mails("assignment_late");
    expect(late).toHaveLength(10);
    expect(late.at(-1)?.subject).toMatch(/\] 팀 활동 계획 마감이 지났습니다$/);
    expect((await notices()).filter((notice) => notice.kind === "assignment_late")).toHaveLength(12);
  });

  it("delivers each reminder once to the real SMTP server, in Korean, through the outbox and the email job", async () => {
    const queued = await db.platform.outgoingEmail.count();
    const received = await deliverQueuedMails(db);
    // One mail received for each queued, each under its own Message-ID.
    expect(received).toHaveLength(queued);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(queued);
    const about = (subject: string) => received.filter((mail) => mail.subject.endsWith(subject));
    expect(about("팀 활동 계획 마감이 다가옵니다")).toHaveLength(3);
    expect(about("홍보 영상 마감이 지났습니다")).toHaveLength(7);
    expect(about("팀 활동 계획 마감이 지났습니다")).toHaveLength(3);
    expect(about("홍보 영상 마감이 지났습니다")[0]?.text).toContain(
      "팀이 홍보 영상을 아직 제출하지 않았습니다.",
    );
  }, 120_000);
});
