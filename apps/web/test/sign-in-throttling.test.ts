// Throttled sign-in against the real PostgreSQL and Redis, through the sign-in and password reset routes:
// a stranger cannot lock an owner out, an account attacked from everywhere is slowed rather than locked,
// its owner hears of it, a password reset lifts it, and without Redis people can still sign in.
import { randomBytes } from "node:crypto";
import { hashPassword, hashToken, newToken } from "@mentoring/auth";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { action as resetAction } from "../app/routes/password.reset.$token";
import { action as signInAction } from "../app/routes/sign-in";
import type { Services } from "../app/services/services.server";
import { browser, formMessages, type LogLine, post, testServices } from "./requests";

const PASSWORD = "the-owners-own-password";
const OWNER = "198.51.100.7";
const STRANGER = "203.0.113.9";

let database: TestDatabase;
let services: Services;
const closing: Services[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  services = (await testServices(database.db)).services;
  closing.push(services);
});

afterAll(async () => {
  await Promise.all(closing.map((s) => s.close()));
  await database?.drop();
});

async function account(locale: "ko" | "en" | null = null) {
  const email = `owner-${randomBytes(4).toString("hex")}@example.kr`;
  const user = await database.db.platform.user.create({
    data: { email, displayName: "권수진", passwordHash: await hashPassword(PASSWORD), locale },
  });
  return { id: user.id, email };
}

async function signIn(
  on: Services,
  email: string,
  password: string,
  address: string,
  locale: "ko" | "en" = "ko",
) {
  return post(signInAction, on, await browser(on, locale), {
    path: "/sign-in",
    fields: { email, password, redirectTo: "/" },
    address,
  });
}

const noticesFor = () =>
  database.db.platform.outboxEvent.findMany({ where: { jobName: "accounts.sign-in-throttled" } });

describe("signing in with wrong passwords", () => {
  it("locks out the stranger's address after five, not the owner at theirs", async () => {
    const { email } = await account();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const refused = await signIn(services, email, "a-guess", STRANGER);
      expect(refused.status).toBe(401);
    }
    const fifth = await signIn(services, email, "a-guess", STRANGER);
    expect(fifth.status).toBe(429);
    expect(formMessages(fifth)).toEqual(["로그인 시도가 너무 많습니다. 15분 후 다시 시도하세요"]);
    expect(Number(fifth.headers.get("Retry-After"))).toBe(15 * 60);
    expect(fifth.replyHeaders.get("Retry-After")).toBe(fifth.headers.get("Retry-After"));
    // Even with the right password, the stranger's address waits.
    expect((await signIn(services, email, PASSWORD, STRANGER)).status).toBe(429);

    const owner = await signIn(services, email, PASSWORD, OWNER);
    expect(owner.status).toBe(302);
    expect(owner.headers.get("Set-Cookie")).toMatch(/^session=/);
  });

  it("slows an account tried from many addresses to one attempt per half minute instead of locking it", async () => {
    const { email } = await account();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const refused = await signIn(services, email, "a-guess", `192.0.2.${attempt}`);
      expect(refused.status).toBe(401);
    }
    // The owner's attempt gets its turn and signs in.
    expect((await signIn(services, email, PASSWORD, OWNER)).status).toBe(302);
    // The next one, from anywhere, waits for the next turn: seconds, not a quarter of an hour.
    const next = await signIn(services, email, "a-guess", "192.0.2.77", "en");
    expect(next.status).toBe(429);
    expect(formMessages(next)).toEqual(["Too many sign-in attempts. Try again in 1 minute"]);
    const wait = Number(next.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
  });

  it("tells the owner once by mail (through the outbox, without their address in the job)", async () => {
    const { email } = await account("en");
    const before = (await noticesFor()).length;
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(services, email, "a-guess", STRANGER);
    const notices = (await noticesFor()).slice(before);
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.payload)).not.toContain(email);
    // More refused attempts while throttled queue no second notice.
    await signIn(services, email, "a-guess", STRANGER);
    expect((await noticesFor()).length - before).toBe(1);
  });

  it("is lifted by a successful password reset", async () => {
    const { id, email } = await account();
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(services, email, "a-guess", OWNER);
    for (let attempt = 1; attempt <= 10; attempt++)
      await signIn(services, email, "a-guess", `192.0.2.${attempt}`);
    expect((await signIn(services, email, PASSWORD, OWNER)).status).toBe(429);

    const token = newToken();
    await database.db.platform.passwordResetToken.create({
      data: { userId: id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 600_000) },
    });
    const reset = await post(resetAction, services, await browser(services), {
      path: `/password/reset/${token}`,
      params: { token },
      fields: { password: "a-brand-new-password", confirm: "a-brand-new-password" },
      address: OWNER,
    });
    expect(reset.status).toBe(302);

    expect((await signIn(services, email, "a-brand-new-password", OWNER)).status).toBe(302);
    // No longer slowed either: two attempts in a row are both answered.
    expect((await signIn(services, email, "a-guess", "192.0.2.90")).status).toBe(401);
    expect((await signIn(services, email, "a-guess", "192.0.2.91")).status).toBe(401);
  });
});

describe("signing in without Redis", () => {
  let offline: { services: Services; logs: LogLine[] };

  beforeAll(async () => {
    // Nothing listens on port 1.
    offline = await testServices(database.db, { redisUrl: "redis://127.0.0.1:1" });
    closing.push(offline.services);
  });
  afterEach(() => {
    offline.logs.length = 0;
  });

  it("signs people in, counting in the process instead, and says so in the log", async () => {
    const { email } = await account();
    expect((await signIn(offline.services, email, PASSWORD, OWNER)).status).toBe(302);
    expect(offline.logs.some((line) => line.level === 40 && /in this process/.test(line.msg))).toBe(true);
  });

  it("counts more strictly there: three wrong passwords from one address are enough", async () => {
    const { email } = await account();
    expect((await signIn(offline.services, email, "a-guess", STRANGER)).status).toBe(401);
    expect((await signIn(offline.services, email, "a-guess", STRANGER)).status).toBe(401);
    const third = await signIn(offline.services, email, "a-guess", STRANGER);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
