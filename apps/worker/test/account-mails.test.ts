// The account mails the web asks for without looking the account up (so that its answer takes as long for
// an address nobody has): the worker looks it up, mails the owner, and a second run changes nothing.
import { randomBytes } from "node:crypto";
import { config } from "@mentoring/config";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { parseJobPayload } from "@mentoring/jobs";
import { reportThrottledSignIn, requestPasswordReset } from "@mentoring/tenants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/jobs";
import type { JobContext } from "../src/jobs/handler";
import { log, noMail } from "./support";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

function context(): JobContext {
  return { db: database.db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

async function account(locale: "ko" | "en" | null) {
  const email = `owner-${randomBytes(4).toString("hex")}@example.kr`;
  await database.db.platform.user.create({ data: { email, displayName: "Sujin Kwon", locale } });
  return email;
}

/** The payload of the last job of `name` the web recorded. */
async function lastJob<N extends "accounts.sign-in-throttled" | "accounts.password-reset">(name: N) {
  const event = await database.db.platform.outboxEvent.findFirstOrThrow({
    where: { jobName: name },
    orderBy: { id: "desc" },
  });
  return parseJobPayload(name, event.payload);
}

const mailsTo = (email: string, kind: string) =>
  database.db.platform.outgoingEmail.findMany({ where: { toAddress: email, kind } });

describe("the notice of a throttled sign-in", () => {
  const encryptionKey = config().DATA_ENCRYPTION_KEY;

  it("mails the owner once, in their language, with where to reset the password", async () => {
    const email = await account("en");
    await reportThrottledSignIn(database.db, { email: email.toUpperCase(), locale: "ko", encryptionKey });
    const payload = await lastJob("accounts.sign-in-throttled");
    expect(JSON.stringify(payload)).not.toContain(email);

    await handlers["accounts.sign-in-throttled"](payload, context());
    await handlers["accounts.sign-in-throttled"](payload, context());
    const mails = await mailsTo(email, "sign_in_throttled");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.locale).toBe("en");
    expect(mails[0]?.subject).toBe("[Mentoring Platform] Repeated failed sign-ins to your account");
    expect(mails[0]?.textBody).toContain(`${config().APP_URL}/password/forgot`);
  });

  it("mails no one for an address without an account", async () => {
    const nobody = `nobody-${randomBytes(4).toString("hex")}@example.kr`;
    await reportThrottledSignIn(database.db, { email: nobody, locale: "ko", encryptionKey });
    await handlers["accounts.sign-in-throttled"](await lastJob("accounts.sign-in-throttled"), context());
    expect(await database.db.platform.outgoingEmail.count({ where: { toAddress: nobody } })).toBe(0);
  });
});

describe("a password reset request", () => {
  const encryptionKey = config().DATA_ENCRYPTION_KEY;

  it("mails the account's owner one link in their language, however often the job runs", async () => {
    const email = await account("en");
    await requestPasswordReset(database.db, { email, locale: "ko", encryptionKey });
    const payload = await lastJob("accounts.password-reset");
    expect(JSON.stringify(payload)).not.toContain(email);

    await handlers["accounts.password-reset"](payload, context());
    await handlers["accounts.password-reset"](payload, context());
    const mails = await mailsTo(email, "password_reset");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.locale).toBe("en");
    expect(mails[0]?.textBody).toMatch(new RegExp(`${config().APP_URL}/password/reset/[\\w-]{43}`));
  });

  it("mails no one for an address without an account", async () => {
    const nobody = `nobody-${randomBytes(4).toString("hex")}@example.kr`;
    await requestPasswordReset(database.db, { email: nobody, locale: "ko", encryptionKey });
    await handlers["accounts.password-reset"](await lastJob("accounts.password-reset"), context());
    expect(await database.db.platform.outgoingEmail.count({ where: { toAddress: nobody } })).toBe(0);
  });
});
