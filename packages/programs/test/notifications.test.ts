import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Database, NotificationKind, type TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { type CalendarDate, isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewSubmission, submitAssignment } from "../src/assignments";
import { remindTomorrow, saveCalendarItem } from "../src/calendar";
import {
  generateCertificateBatch,
  prepareCertificateBatch,
  saveCeremony,
  signCertificateBatch,
} from "../src/certificates";
import {
  getNotificationPreferences,
  listMyNotifications,
  markNotificationsRead,
  saveNotificationPreferences,
} from "../src/notifications";
import { nudgeTeams } from "../src/progress";
import { mailPublishedTeams } from "../src/records/team-mail";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

// Every kind of notice of the program year, told through notify(): once per person and subject, in the
// app and by mail through the outbox, each channel switchable per person. Gangneung's 2nd cohort, under
// way, with its teams published (3 juniors and a manager each).

const APP_URL = "https://mentoring.example.kr";
const ENCRYPTION_KEY = "ab".repeat(32);
let database: SeededTestDatabase;
let db: Database;
let storageDir: string;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let cohortTitle = "";
let teams: { id: string; mentors: string[]; mentees: string[] }[] = [];
let staffOf = new Map<string, string>();
/** Team 1's first junior (switches mail off), its manager (switches the app off), team 2's first junior. */
const people = { mailOff: "", appOff: "", other: "" };
/** Everyone in a team. */
let members = 0;
let teamOneSize = 0;

/** 10:00 on 3 March 2025 in Seoul. */
const now = new Date("2025-03-03T01:00:00Z");

const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);

const notices = (kind: NotificationKind) =>
  inCity((tx) =>
    tx.notification.findMany({
      where: { tenantId: city.tenantId, kind },
      select: { staffMemberId: true, inApp: true, emailId: true, subject: true, params: true, link: true },
    }),
  );
const mails = (kind: string) =>
  db.platform.outgoingEmail.findMany({
    where: { kind },
    orderBy: { createdAt: "asc" },
    select: { id: true, toAddress: true, subject: true, textBody: true },
  });
const emailOf = (staffMemberId: string) =>
  inCity(async (tx) =>
    (
      await tx.staffMember.findFirstOrThrow({ where: { tenantId: city.tenantId, id: staffMemberId } })
    ).email?.toLowerCase(),
  );
/** Switches one kind off for one person, on one channel. */
const switchOff = async (staffMemberId: string, kind: NotificationKind, channel: "email" | "inApp") => {
  const kept = (
    await inCity((tx) => getNotificationPreferences(tx, { tenantId: city.tenantId, staffMemberId }))
  ).map((choice) => (choice.kind === kind ? { ...choice, [channel]: false } : choice));
  await inCity((tx) =>
    saveNotificationPreferences(tx, {
      tenantId: city.tenantId,
      staffMemberId,
      email: kept.filter((choice) => choice.email).map((choice) => choice.kind),
      inApp: kept.filter((choice) => choice.inApp).map((choice) => choice.kind),
    }),
  );
};

/** Each kind's notices: one per person told, the two who switched something off told as they chose. */
async function expectToldAsChosen(kind: NotificationKind, told: number) {
  const rows = await notices(kind);
  expect(rows).toHaveLength(told);
  expect(new Set(rows.map((row) => row.staffMemberId)).size).toBe(told);
  const sent = await mails(kind);
  expect(sent).toHaveLength(rows.filter((row) => row.emailId !== null).length);
  const mailOff = rows.find((row) => row.staffMemberId === people.mailOff);
  const appOff = rows.find((row) => row.staffMemberId === people.appOff);
  if (mailOff) expect(mailOff).toMatchObject({ inApp: true, emailId: null });
  if (appOff) expect(appOff.inApp).toBe(false);
  if (appOff) expect(appOff.emailId).not.toBeNull();
  const addresses = new Set(sent.map((mail) => mail.toAddress));
  expect(addresses.has((await emailOf(people.mailOff)) as string)).toBe(false);
  return { rows, sent };
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  storageDir = await mkdtemp(path.join(os.tmpdir(), "notifications-test-"));
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  ({ teams, staffOf } = await publishTeams(db, city.tenantId, city.cohortId));
  await inCity(async (tx) => {
    const cohort = await tx.cohort.update({ where: { id: city.cohortId }, data: { status: "active" } });
    cohortTitle = cohort.title;
  });
  const [one, two] = teams;
  people.mailOff = staffOf.get(one?.mentors[0] as string) as string;
  people.appOff = staffOf.get(one?.mentees[0] as string) as string;
  people.other = staffOf.get(two?.mentors[0] as string) as string;
  members = teams.reduce((sum, team) => sum + team.mentors.length + team.mentees.length, 0);
  teamOneSize = (one?.mentors.length ?? 0) + (one?.mentees.length ?? 0);
  for (const kind of [
    "team_published",
    "ceremony_scheduled",
    "certificate_issued",
    "assignment_set",
    "revision_requested",
    "submission_featured",
    "event_tomorrow",
    "team_nudge",
  ] as const) {
    await switchOff(people.mailOff, kind, "email");
    await switchOff(people.appOff, kind, "inApp");
  }
}, 180_000);

afterAll(async () => {
  await database?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

describe("a person's choices", () => {
  it("are both channels for every kind until switched off, and kept per kind", async () => {
    const choices = await inCity((tx) =>
      getNotificationPreferences(tx, { tenantId: city.tenantId, staffMemberId: people.other }),
    );
    expect(choices.map((choice) => choice.kind)).toEqual(Object.values(NotificationKind));
    expect(choices.every((choice) => choice.email && choice.inApp)).toBe(true);
    const mailOff = await inCity((tx) =>
      getNotificationPreferences(tx, { tenantId: city.tenantId, staffMemberId: people.mailOff }),
    );
    expect(mailOff.find((choice) => choice.kind === "team_nudge")).toEqual({
      kind: "team_nudge",
      email: false,
      inApp: true,
    });
    // Not switched: the assignment reminders.
    expect(mailOff.find((choice) => choice.kind === "assignment_late")).toMatchObject({ email: true });
  });
});

describe("team published", () => {
  it("tells every member their team and the next step, once, as each chose, never a ceremony already held", async () => {
    // A ceremony held two days ago (written as it stood, so that nobody is told of it here).
    const held = await inCity((tx) =>
      tx.ceremony.create({
        data: {
          tenantId: city.tenantId,
          cohortId: city.cohortId,
          startsAt: new Date("2025-03-01T05:00:00Z"),
          place: "지난 결연식장",
        },
      }),
    );
    const publish = () =>
      inCity((tx) => mailPublishedTeams(tx, { ...city, cohortTitle, appUrl: APP_URL, now }));
    await publish();
    const { rows, sent } = await expectToldAsChosen("team_published", members);
    expect(rows.find((row) => row.staffMemberId === people.other)).toMatchObject({
      link: "/gangneung/team",
      params: { cohortTitle, teamNumber: 2, role: "mentor" },
    });
    expect(sent[0]?.subject).toMatch(/\[.+\] \d+팀으로 함께하게 되었습니다$/);
    expect(sent[0]?.textBody).toContain("팀 화면에서 팀원의 연락처를 확인하고 첫 만남 날짜를 정해 보십시오.");
    expect(sent[0]?.textBody).toContain(`${APP_URL}/gangneung/team`);
    expect(sent.filter((mail) => mail.textBody?.includes("지난 결연식장"))).toEqual([]);
    await publish();
    expect(await notices("team_published")).toHaveLength(members);
    expect(await mails("team_published")).toHaveLength(sent.length);
    // The ceremony is planned afresh below.
    await inCity((tx) => tx.ceremony.delete({ where: { id: held.id } }));
  });
});

describe("ceremony scheduled or changed", () => {
  const save = (place: string, programme = "") =>
    inCity((tx) =>
      saveCeremony(tx, {
        ...city,
        startsAt: new Date("2025-03-12T05:00:00Z"),
        place,
        programme,
        gift: "",
        appUrl: APP_URL,
        now,
      }),
    );

  it("tells every member when and where, in Seoul time, once per moment and place", async () => {
    await save("시청 2층 대회의실");
    const { sent } = await expectToldAsChosen("ceremony_scheduled", members);
    expect(sent[0]?.subject).toMatch(/\] 결연식 일정 안내$/);
    expect(sent[0]?.textBody).toContain(
      "결연식은 2025년 3월 12일 14:00, 시청 2층 대회의실에서 열립니다. 팀원과 함께 참석해 주십시오.",
    );
    // The programme changes: nothing new to tell.
    await save("시청 2층 대회의실", "개회사, 결연증서 수여");
    expect(await notices("ceremony_scheduled")).toHaveLength(members);
  });

  it("tells them again when the place changes, saying that it changed", async () => {
    const before = (await mails("ceremony_scheduled")).length;
    await save("강릉아트센터 소공연장");
    expect(await notices("ceremony_scheduled")).toHaveLength(members * 2);
    const changed = (await mails("ceremony_scheduled")).slice(before);
    expect(changed).toHaveLength(before);
    expect(changed[0]?.subject).toMatch(/결연식 일정이 바뀌었습니다$/);
    expect(changed[0]?.textBody).toContain("강릉아트센터 소공연장에서 열립니다");
  });

  it("does not announce a ceremony whose moment has passed", async () => {
    await inCity((tx) =>
      saveCeremony(tx, {
        ...city,
        startsAt: new Date("2025-03-12T05:00:00Z"),
        place: "시청 별관",
        programme: "",
        gift: "",
        appUrl: APP_URL,
        now: new Date("2025-03-13T00:00:00Z"),
      }),
    );
    expect(await notices("ceremony_scheduled")).toHaveLength(members * 2);
  });
});

describe("certificate issued", () => {
  it("tells every certified team's members once the files are made, and not again when made again", async () => {
    const { batchId } = await inCity((tx) =>
      prepareCertificateBatch(tx, { ...city, today: "2025-03-12", absentees: "include" }),
    );
    const executive = await inCity((tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: city.tenantId, roles: { has: "executive" } } }),
    );
    await inCity((tx) =>
      signCertificateBatch(tx, {
        ...city,
        batchId,
        actorUserId: executive.userId,
        encryptionKey: ENCRYPTION_KEY,
        now: new Date("2025-03-12T06:00:00Z"),
      }),
    );
    const generate = () =>
      generateCertificateBatch(db, {
        tenantId: city.tenantId,
        batchId,
        storageDir,
        appUrl: APP_URL,
        encryptionKey: ENCRYPTION_KEY,
      });
    // Signed, the batch is not yet issued: nobody is told before the files exist.
    expect(await notices("certificate_issued")).toHaveLength(0);
    await generate();
    const { sent } = await expectToldAsChosen("certificate_issued", members);
    expect(sent[0]?.subject).toMatch(/\] \d+팀 결연증서가 발급되었습니다$/);
    expect(sent[0]?.textBody).toContain(`${APP_URL}/gangneung/certificates`);
    await generate();
    expect(await notices("certificate_issued")).toHaveLength(members);
  }, 120_000);
});

describe("assignment set", () => {
  const assignment = (title: string, dueAt: string, itemId: string | null = null) =>
    inCity((tx) =>
      saveCalendarItem(tx, {
        ...city,
        itemId,
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
        appUrl: APP_URL,
        now,
      }),
    );

  it("tells everyone it is for when the coordinator adds it to a cohort with published teams, with a fitting particle", async () => {
    const { itemId } = await assignment("팀 소개 영상", "2025-03-25T14:59:00Z");
    const { sent } = await expectToldAsChosen("assignment_set", members);
    expect(sent[0]?.subject).toMatch(/\] 새 과제: 팀 소개 영상$/);
    // 영상 ends in a consonant: 이, not 가 and never 이(가).
    expect(sent[0]?.textBody).toContain(
      "새 과제 팀 소개 영상이 나왔습니다. 마감은 2025년 3월 25일 23:59입니다.",
    );
    // Changed (the title), it is the same assignment: nobody is told again.
    await assignment("팀 소개 영상 만들기", "2025-03-25T14:59:00Z", itemId);
    expect(await notices("assignment_set")).toHaveLength(members);
  });

  it("does not announce an assignment whose due moment has passed", async () => {
    await assignment("지난달 과제", "2025-02-25T14:59:00Z");
    expect(await notices("assignment_set")).toHaveLength(members);
  });
});

describe("a submission reviewed", () => {
  let submissionId = "";
  const review = (
    decision: "accept" | "request_revision" | "feature" | "unfeature",
    comment = "",
    at = now,
  ) =>
    inCity((tx) =>
      reviewSubmission(tx, { ...city, submissionId, decision, comment, now: at, appUrl: APP_URL }),
    );

  beforeAll(async () => {
    const item = await inCity((tx) =>
      tx.calendarItem.findFirstOrThrow({ where: { tenantId: city.tenantId, title: "팀 소개 영상 만들기" } }),
    );
    ({ submissionId } = await inCity((tx) =>
      submitAssignment(tx, {
        tenantId: city.tenantId,
        staffMemberId: people.mailOff,
        itemId: item.id,
        text: "팀 소개 영상을 만들었습니다",
        links: ["https://youtu.be/team-one"],
        actorUserId: city.actorUserId,
        now,
      }),
    ));
  });

  it("tells the team, and only the team, that a revision is asked for, with the comment, at each request", async () => {
    await review("request_revision", "자막을 넣어 주세요");
    const { rows, sent } = await expectToldAsChosen("revision_requested", teamOneSize);
    expect(rows.every((row) => row.link === "/gangneung/assignments")).toBe(true);
    // 만들기 ends in a vowel: 를.
    expect(sent[0]?.textBody).toContain("팀이 제출한 팀 소개 영상 만들기를 검토하고 보완을 요청했습니다.");
    expect(sent[0]?.textBody).toContain("검토 의견: 자막을 넣어 주세요");
    // The same request again changes nothing and tells nobody.
    await review("request_revision", "자막을 넣어 주세요");
    expect(await notices("revision_requested")).toHaveLength(teamOneSize);
    // Another request, later, is news.
    await review("request_revision", "배경음악을 줄여 주세요", new Date("2025-03-04T01:00:00Z"));
    expect(await notices("revision_requested")).toHaveLength(teamOneSize * 2);
  });

  it("tells the team once that its work is featured, even when featured again", async () => {
    await review("accept");
    await review("feature");
    const { sent } = await expectToldAsChosen("submission_featured", teamOneSize);
    expect(sent[0]?.textBody).toContain("팀이 제출한 팀 소개 영상 만들기가 우수 사례로 뽑혀");
    await review("unfeature");
    await review("feature");
    expect(await notices("submission_featured")).toHaveLength(teamOneSize);
  });
});

describe("event tomorrow and team nudge", () => {
  it("tell, in the app as well, everyone an event of tomorrow is for, once", async () => {
    await inCity((tx) =>
      saveCalendarItem(tx, {
        ...city,
        itemId: null,
        item: {
          kind: "event",
          title: "소통 역량 강화 교육",
          description: "",
          place: "시청 대회의실",
          audience: "all",
          teamId: null,
          attendance: false,
          startsAt: new Date("2025-03-04T05:00:00Z"),
          endsAt: new Date("2025-03-04T07:00:00Z"),
        },
      }),
    );
    await remindTomorrow(db, { now, appUrl: APP_URL });
    await remindTomorrow(db, { now, appUrl: APP_URL });
    const { sent } = await expectToldAsChosen("event_tomorrow", members);
    expect(sent[0]?.textBody).toContain(
      "내일 2025년 3월 4일 14:00, 시청 대회의실에서 소통 역량 강화 교육이 있습니다.",
    );
  });

  it("nudge a silent team's members in the app and by mail, once a day", async () => {
    const nudge = () =>
      inCity((tx) =>
        nudgeTeams(tx, {
          ...city,
          teamIds: [teams[0]?.id as string],
          today: "2025-03-03" as CalendarDate,
          appUrl: APP_URL,
        }),
      );
    await nudge();
    await nudge();
    await expectToldAsChosen("team_nudge", teamOneSize);
  });
});

describe("a person's notices in the app", () => {
  it("lists what they see in the app, newest first, with the unread count; reading one or all marks only theirs", async () => {
    const mine = () =>
      inCity((tx) => listMyNotifications(tx, { tenantId: city.tenantId, staffMemberId: people.mailOff }));
    const before = await mine();
    expect(before.notifications.length).toBeGreaterThan(5);
    expect(before.unread).toBe(before.notifications.length);
    expect(before.notifications[0]?.kind).toBe("team_nudge");
    // Who switched the app off sees none of those kinds.
    const appOff = await inCity((tx) =>
      listMyNotifications(tx, { tenantId: city.tenantId, staffMemberId: people.appOff }),
    );
    expect(appOff).toEqual({ notifications: [], unread: 0 });

    const first = before.notifications[0]?.id as string;
    // Somebody else cannot mark it: for them it is not there.
    expect(
      await inCity((tx) =>
        markNotificationsRead(tx, {
          tenantId: city.tenantId,
          staffMemberId: people.other,
          notificationId: first,
          now,
        }),
      ).catch((error: unknown) => (isAppError(error) ? error.code : error)),
    ).toBe("notification.not_found");
    // Marking one read tells where it leads, for the page that opens it.
    const opened = await inCity((tx) =>
      markNotificationsRead(tx, {
        tenantId: city.tenantId,
        staffMemberId: people.mailOff,
        notificationId: first,
        now,
      }),
    );
    expect(opened).toEqual({ marked: 1, link: before.notifications[0]?.link });
    expect(opened.link).toMatch(/^\/[a-z0-9-]+\//);
    expect((await mine()).unread).toBe(before.unread - 1);
    await inCity((tx) =>
      markNotificationsRead(tx, {
        tenantId: city.tenantId,
        staffMemberId: people.mailOff,
        notificationId: "all",
        now,
      }),
    );
    expect((await mine()).unread).toBe(0);
    const other = await inCity((tx) =>
      listMyNotifications(tx, { tenantId: city.tenantId, staffMemberId: people.other }),
    );
    expect(other.unread).toBe(other.notifications.length);
  });
});
