import { randomUUID } from "node:crypto";
import type { TenantDb } from "@mentoring/db";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NoticeRecipient, notify } from "../src/records/notify";

// notify() for a batch, as the daily jobs use it at national scale: a hundred people told at once, their
// mails composed and written with their outbox jobs in one statement, in the caller's transaction.

const APP_URL = "https://mentoring.example.kr";
let database: TestDatabase;
let tenantId = "";
const startsAt = new Date("2025-03-04T05:00:00Z");

/** A hundred members of a cohort, one in twenty reading English; the third has no address. */
const people: NoticeRecipient[] = Array.from({ length: 100 }, (_, index) => ({
  staffMemberId: randomUUID(),
  name: `참가자${index + 1}`,
  email: index === 2 ? null : `person${index + 1}@gangneung.go.kr`,
  locale: index % 20 === 0 ? "en" : null,
}));
/** Joins later. */
const newcomer: NoticeRecipient = {
  staffMemberId: randomUUID(),
  name: "새참가자",
  email: "new@gangneung.go.kr",
  locale: null,
};
/** Switched event reminders off by mail. */
const mailOff = people[5] as NoticeRecipient;

const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => database.db.withTenant(tenantId, work);

const remind = (tx: TenantDb, itemId: string, recipients = people) =>
  notify(tx, {
    tenantId,
    tenant: { slug: "gangneung", locale: "ko" },
    kind: "event_tomorrow",
    subject: `item:${itemId}@${startsAt.toISOString()}`,
    path: "/my-calendar",
    appUrl: APP_URL,
    recipients,
    params: () => ({
      cohortTitle: "거꾸로 멘토링 2기",
      title: "소통 교육",
      titleEn: "Communication training",
      startsAt: startsAt.toISOString(),
      place: "시청 대회의실",
    }),
    mail: (person, locale, link) => ({
      kind: "event_tomorrow",
      name: person.name,
      cohortTitle: "거꾸로 멘토링 2기",
      title: locale === "en" ? "Communication training" : "소통 교육",
      startsAt,
      place: "시청 대회의실",
      timeZone: "Asia/Seoul",
      link,
    }),
  });

const written = async () => ({
  notices: await inCity((tx) => tx.notification.count({ where: { tenantId } })),
  mails: await database.db.platform.outgoingEmail.count(),
  jobs: await database.db.platform.outboxEvent.count(),
});

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.db.platform.tenant.create({
    data: {
      slug: "gangneung",
      name: "강릉시",
      kind: "basic_government",
      region: "강원특별자치도",
      status: "active",
    },
  });
  tenantId = tenant.id;
  await inCity(async (tx) => {
    const department = await tx.department.create({ data: { tenantId, name: "총무과", code: "A01" } });
    await tx.staffMember.createMany({
      data: [...people, newcomer].map((person, index) => ({
        id: person.staffMemberId,
        tenantId,
        employeeNumber: `E${index + 1}`,
        name: person.name,
        departmentId: department.id,
        positionTitle: "주무관",
        hireDate: new Date("2020-01-02"),
        email: person.email,
      })),
    });
    await tx.notificationPreference.create({
      data: { tenantId, staffMemberId: mailOff.staffMemberId, kind: "event_tomorrow", email: false },
    });
  });
});
afterAll(async () => {
  await database?.drop();
});

describe("telling a hundred people at once", () => {
  const itemId = randomUUID();

  it("keeps a notice for each, and queues one mail and one outbox job per person who reads it by mail", async () => {
    const run = await inCity((tx) => remind(tx, itemId));
    expect(run).toEqual({ notified: 100, mails: 98 });

    const notices = await inCity((tx) =>
      tx.notification.findMany({ where: { tenantId }, select: { staffMemberId: true, emailId: true } }),
    );
    expect(notices).toHaveLength(100);
    const emailOf = new Map(notices.map((notice) => [notice.staffMemberId, notice.emailId]));
    // The one who switched mail off and the one without an address are told in the app alone.
    expect(emailOf.get(mailOff.staffMemberId)).toBeNull();
    expect(emailOf.get(people[2]?.staffMemberId as string)).toBeNull();

    const mails = await database.db.platform.outgoingEmail.findMany({
      select: { id: true, toAddress: true, locale: true, subject: true, textBody: true },
    });
    expect(mails).toHaveLength(98);
    expect(new Set(mails.map((mail) => mail.toAddress)).size).toBe(98);
    expect(mails.some((mail) => mail.toAddress === mailOff.email)).toBe(false);
    // Each mail is the one its notice names, worded in its reader's language.
    const noticeMails = new Set([...emailOf.values()].filter((id) => id !== null));
    expect(new Set(mails.map((mail) => mail.id))).toEqual(noticeMails);
    const first = mails.find((mail) => mail.toAddress === "person1@gangneung.go.kr");
    expect(first).toMatchObject({ locale: "en" });
    expect(first?.textBody).toContain(
      "Communication training is tomorrow, March 4, 2025 at 2:00 PM, at 시청 대회의실.",
    );
    const second = mails.find((mail) => mail.toAddress === "person2@gangneung.go.kr");
    expect(second?.textBody).toContain("소통 교육");
    expect(second?.textBody).toContain("2025년 3월 4일 14:00");

    // One job per mail, carrying its id alone.
    const jobs = await database.db.platform.outboxEvent.findMany({
      select: { jobName: true, payload: true },
    });
    expect(jobs).toHaveLength(98);
    expect(new Set(jobs.map((job) => job.jobName))).toEqual(new Set(["email.send"]));
    expect(new Set(jobs.map((job) => (job.payload as { emailId: string }).emailId))).toEqual(noticeMails);
  });

  it("tells no one again when run a second time, even with new people among them", async () => {
    const before = await written();
    expect(await inCity((tx) => remind(tx, itemId))).toEqual({ notified: 0, mails: 0 });
    expect(await written()).toEqual(before);

    expect(await inCity((tx) => remind(tx, itemId, [...people, newcomer]))).toEqual({
      notified: 1,
      mails: 1,
    });
    expect(await written()).toEqual({
      notices: before.notices + 1,
      mails: before.mails + 1,
      jobs: before.jobs + 1,
    });
  });

  it("writes nothing, neither notice nor mail nor job, when the caller's transaction fails", async () => {
    const before = await written();
    await expect(
      inCity(async (tx) => {
        await remind(tx, randomUUID());
        throw new Error("the job died before committing");
      }),
    ).rejects.toThrow("the job died before committing");
    expect(await written()).toEqual(before);
  });
});
