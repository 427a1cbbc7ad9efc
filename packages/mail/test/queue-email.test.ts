import type { PlatformDb, TenantDb } from "@mentoring/db";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  type EmailMessage,
  type EmailWriter,
  InvalidEmailAddressError,
  InvalidEmailMessageError,
  queueEmail,
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
