import { randomUUID } from "node:crypto";
import type { PlatformDb, TenantDb } from "@mentoring/db";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { enqueueMany } from "@mentoring/jobs";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  type EmailMessage,
  type EmailWriter,
  InvalidEmailAddressError,
  InvalidEmailMessageError,
  queueEmail,
  queueEmails,
} from "../src";

let database: TestDatabase;
let tenantId: string;

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
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.platform.outboxEvent.deleteMany({});
  await database.db.platform.outgoingEmail.deleteMany({});
});

const reset: EmailMessage = {
  kind: "password_reset",
  name: "박서연",
  link: "https://mentoring.example.kr/reset-password/abc",
  validMinutes: 60,
};

const counts = async () => ({
  emails: await database.db.platform.outgoingEmail.count(),
  jobs: await database.db.platform.outboxEvent.count(),
});

describe("queueing an e-mail", () => {
  it("stores the composed mail with a lower-cased address and enqueues its job by id alone", async () => {
    const id = await database.db.platform.$transaction((tx) =>
      queueEmail(tx, { to: "  SeoYeon.Park@Gangneung.go.kr ", locale: "ko", message: reset }),
    );

    const email = await database.db.platform.outgoingEmail.findUniqueOrThrow({ where: { id } });
    expect(email).toMatchObject({
      toAddress: "seoyeon.park@gangneung.go.kr",
      kind: "password_reset",
      locale: "ko",
      subject: "[멘토링 플랫폼] 비밀번호 재설정 안내",
      sentAt: null,
      attempts: 0,
    });
    expect(email.textBody).toContain("박서연 님, 안녕하십니까.");
    expect(email.htmlBody).toContain('href="https://mentoring.example.kr/reset-password/abc"');
    const jobs = await database.db.platform.outboxEvent.findMany();
    expect(jobs.map(({ queue, jobName, payload }) => ({ queue, jobName, payload }))).toEqual([
      { queue: "email", jobName: "email.send", payload: { emailId: id } },
    ]);
  });

  it("takes a transaction, never a client outside one (checked by the type checker)", () => {
    expectTypeOf<TenantDb>().toMatchTypeOf<EmailWriter>();
    expectTypeOf<PlatformDb>().not.toMatchTypeOf<EmailWriter>();
  });

  it("works inside a tenant's transaction too", async () => {
    await database.db.withTenant(tenantId, (tx) =>
      queueEmail(tx, { to: "mentor@example.com", locale: "en", message: reset }),
    );
    expect(await counts()).toEqual({ emails: 1, jobs: 1 });
  });

  it("leaves neither the mail nor its job behind when the transaction rolls back", async () => {
    await expect(
      database.db.platform.$transaction(async (tx) => {
        await queueEmail(tx, { to: "mentor@example.com", locale: "ko", message: reset });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await counts()).toEqual({ emails: 0, jobs: 0 });
  });

  it.each(["", "not-an-address", "someone@", "두 사람@example.com"])(
    "refuses the address %j with a typed error and writes nothing",
    async (to) => {
      const queued = database.db.platform.$transaction((tx) =>
        queueEmail(tx, { to, locale: "ko", message: reset }),
      );
      await expect(queued).rejects.toBeInstanceOf(InvalidEmailAddressError);
      expect(await counts()).toEqual({ emails: 0, jobs: 0 });
    },
  );

  it("refuses an incomplete message with a typed error and writes nothing", async () => {
    const queued = database.db.platform.$transaction((tx) =>
      queueEmail(tx, { to: "mentor@example.com", locale: "ko", message: { ...reset, link: "/relative" } }),
    );
    await expect(queued).rejects.toBeInstanceOf(InvalidEmailMessageError);
    expect(await counts()).toEqual({ emails: 0, jobs: 0 });
  });
});

describe("queueing a batch of e-mails", () => {
  const people = Array.from({ length: 100 }, (_, index) => ({
    to: `Person${index + 1}@Gangneung.go.kr`,
    locale: (index % 20 === 0 ? "en" : "ko") as "ko" | "en",
    message: { ...reset, name: `참가자${index + 1}` },
  }));
  const person = (index: number) => people[index] as (typeof people)[number];

  it("stores a hundred composed mails and one job each, carrying its mail's id alone", async () => {
    const ids = await database.db.withTenant(tenantId, (tx) => queueEmails(tx, people));
    expect(ids).toHaveLength(100);
    expect(await counts()).toEqual({ emails: 100, jobs: 100 });

    const emails = await database.db.platform.outgoingEmail.findMany();
    const byId = new Map(emails.map((email) => [email.id, email]));
    expect(byId.get(ids[0] as string)).toMatchObject({
      toAddress: "person1@gangneung.go.kr",
      kind: "password_reset",
      locale: "en",
      sentAt: null,
      attempts: 0,
    });
    expect(byId.get(ids[1] as string)?.textBody).toContain("참가자2 님, 안녕하십니까.");
    expect(byId.get(ids[1] as string)?.htmlBody).toContain(
      'href="https://mentoring.example.kr/reset-password/abc"',
    );
    const jobs = await database.db.platform.outboxEvent.findMany();
    expect(new Set(jobs.map((job) => `${job.queue} ${job.jobName}`))).toEqual(new Set(["email email.send"]));
    expect(jobs.map((job) => (job.payload as { emailId: string }).emailId).sort()).toEqual([...ids].sort());
  });

  it("keeps the ids the caller recorded beforehand", async () => {
    const id = "0b7c1f3e-2d7a-4c55-9a55-6d1f2f6b8e01";
    expect(await database.db.platform.$transaction((tx) => queueEmails(tx, [{ ...person(1), id }]))).toEqual([
      id,
    ]);
    expect(await database.db.platform.outgoingEmail.findUnique({ where: { id } })).not.toBeNull();
  });

  it("writes nothing for a batch with one bad address or message, nor when the transaction rolls back", async () => {
    const withBadAddress = [...people.slice(0, 10), { ...person(10), to: "someone@" }];
    await expect(
      database.db.withTenant(tenantId, (tx) => queueEmails(tx, withBadAddress)),
    ).rejects.toBeInstanceOf(InvalidEmailAddressError);
    const withBadMessage = [
      ...people.slice(0, 10),
      { ...person(10), message: { ...reset, link: "/relative" } },
    ];
    await expect(
      database.db.withTenant(tenantId, (tx) => queueEmails(tx, withBadMessage)),
    ).rejects.toBeInstanceOf(InvalidEmailMessageError);
    await expect(
      database.db.withTenant(tenantId, async (tx) => {
        await queueEmails(tx, people);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await counts()).toEqual({ emails: 0, jobs: 0 });
  });
});

describe("enqueueing many jobs", () => {
  it("writes one outbox row per payload in the caller's transaction, and none when it rolls back", async () => {
    const emailIds = randomIds(100);
    expect(
      await database.db.platform.$transaction((tx) =>
        enqueueMany(
          tx,
          "email.send",
          emailIds.map((emailId) => ({ emailId })),
        ),
      ),
    ).toBe(100);
    const jobs = await database.db.platform.outboxEvent.findMany({ where: { publishedAt: null } });
    expect(jobs.map((job) => (job.payload as { emailId: string }).emailId).sort()).toEqual(
      [...emailIds].sort(),
    );
    expect(new Set(jobs.map((job) => job.jobKey)).size).toBe(100);

    await expect(
      database.db.platform.$transaction(async (tx) => {
        await enqueueMany(tx, "email.send", [{ emailId: randomUUID() }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.platform.outboxEvent.count()).toBe(100);
  });

  it("refuses a payload that is not the job's before writing any", async () => {
    await expect(
      database.db.platform.$transaction((tx) =>
        enqueueMany(tx, "email.send", [{ emailId: randomUUID() }, { emailId: "not-an-id" }]),
      ),
    ).rejects.toThrow();
    expect(await database.db.platform.outboxEvent.count()).toBe(0);
  });
});

const randomIds = (count: number) => Array.from({ length: count }, () => randomUUID());
