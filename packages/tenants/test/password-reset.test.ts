// Resetting a password by mailed link, against the real PostgreSQL: the link works once, within its time,
// and signs the account out everywhere.
import { randomBytes } from "node:crypto";
import { verifyPassword } from "@mentoring/auth";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { parseJobPayload } from "@mentoring/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkResetLink,
  RESET_LINK_MINUTES,
  requestPasswordReset,
  resetPassword,
  sendPasswordResetLink,
} from "../src/accounts";

const APP_URL = "http://127.0.0.1:39999";
const ENCRYPTION_KEY = "ab".repeat(32);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

async function account() {
  const email = `reset-${randomBytes(4).toString("hex")}@example.kr`;
  const user = await database.db.platform.user.create({ data: { email, displayName: "김재설" } });
  return { ...user, email };
}

/** Asks for a link for `email` as the web does, then does the worker's part of it (`times` times). */
async function askForLink(email: string, { times = 1 } = {}) {
  await requestPasswordReset(database.db, { email, locale: "ko", encryptionKey: ENCRYPTION_KEY });
  const event = await database.db.platform.outboxEvent.findFirstOrThrow({
    where: { jobName: "accounts.password-reset" },
    orderBy: { id: "desc" },
  });
  const payload = parseJobPayload("accounts.password-reset", event.payload);
  for (let run = 0; run < times; run++) {
    await sendPasswordResetLink(database.db, { ...payload, encryptionKey: ENCRYPTION_KEY, appUrl: APP_URL });
  }
}

/** The token in the last reset link mailed to `email`. */
async function mailedToken(email: string): Promise<string> {
  const mail = await database.db.platform.outgoingEmail.findFirstOrThrow({
    where: { toAddress: email, kind: "password_reset" },
    orderBy: { createdAt: "desc" },
  });
  const match = mail.textBody?.match(new RegExp(`${APP_URL}/password/reset/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no reset link in ${mail.textBody}`);
  return match[1];
}

describe("asking for a reset link", () => {
  it("records the same for an account and for an address nobody has: one sealed job, no link, no mail", async () => {
    const user = await account();
    const nobody = `nobody-${randomBytes(4).toString("hex")}@example.kr`;
    const recorded = [];
    for (const email of [user.email, nobody]) {
      const before = await database.db.platform.outboxEvent.count();
      await requestPasswordReset(database.db, { email, locale: "ko", encryptionKey: ENCRYPTION_KEY });
      const events = await database.db.platform.outboxEvent.findMany({
        orderBy: { id: "asc" },
        skip: before,
      });
      recorded.push(events.map((event) => event.jobName));
      expect(JSON.stringify(events.map((event) => event.payload))).not.toContain(email);
      expect(await database.db.platform.outgoingEmail.count({ where: { toAddress: email } })).toBe(0);
    }
    expect(recorded).toEqual([["accounts.password-reset"], ["accounts.password-reset"]]);
    expect(await database.db.platform.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the worker's part of a reset request", () => {
  it("stores one link and one mail however often it runs", async () => {
    const user = await account();
    await askForLink(user.email, { times: 2 });
    expect(await database.db.platform.passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
    expect(await database.db.platform.outgoingEmail.count({ where: { toAddress: user.email } })).toBe(1);
  });
});

describe("resetting a password", () => {
  it("mails a link that sets the password once and ends the account's sessions", async () => {
    const user = await account();
    await database.db.platform.session.create({
      data: {
        userId: user.id,
        tokenHash: randomBytes(16).toString("hex"),
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    await askForLink(user.email.toUpperCase());
    const token = await mailedToken(user.email);
    expect(await checkResetLink(database.db, { token })).toBe(true);

    await resetPassword(database.db, { token, password: "a-brand-new-password" });
    const after = await database.db.platform.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "a-brand-new-password")).toBe(true);
    const open = await database.db.platform.session.count({ where: { userId: user.id, revokedAt: null } });
    expect(open).toBe(0);

    expect(await checkResetLink(database.db, { token })).toBe(false);
    await expect(resetPassword(database.db, { token, password: "another-password" })).rejects.toMatchObject({
      code: "auth.reset_link_invalid",
    });
  });

  it("spends every outstanding link of the account when one of them is used", async () => {
    const user = await account();
    await askForLink(user.email);
    const first = await mailedToken(user.email);
    await askForLink(user.email);
    const second = await mailedToken(user.email);
    expect(second).not.toBe(first);

    await resetPassword(database.db, { token: second, password: "a-brand-new-password" });
    expect(await checkResetLink(database.db, { token: first })).toBe(false);
    await expect(
      resetPassword(database.db, { token: first, password: "someone-elses-password" }),
    ).rejects.toMatchObject({ code: "auth.reset_link_invalid" });
    const after = await database.db.platform.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "a-brand-new-password")).toBe(true);
  });

  it("refuses a link past its time, and mails nothing for an unknown address", async () => {
    const user = await account();
    await askForLink(user.email);
    const token = await mailedToken(user.email);
    const later = new Date(Date.now() + (RESET_LINK_MINUTES + 1) * 60_000);
    expect(await checkResetLink(database.db, { token, now: later })).toBe(false);
    await expect(
      resetPassword(database.db, { token, password: "a-brand-new-password", now: later }),
    ).rejects.toMatchObject({ code: "auth.reset_link_invalid" });

    const nobody = `nobody-${randomBytes(4).toString("hex")}@example.kr`;
    await askForLink(nobody);
    expect(await database.db.platform.outgoingEmail.count({ where: { toAddress: nobody } })).toBe(0);
  });
});
