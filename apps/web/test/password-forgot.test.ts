// Asking for a password reset mail at /password/forgot, against the real PostgreSQL and Redis: the answer
// is the same, and does the same work, whether or not the address has an account; too many requests from
// one address, or for one e-mail address, are refused with 429 and record nothing.
import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../app/routes/password.forgot";
import type { Services } from "../app/services/services.server";
import { browser, formMessages, post, testServices } from "./requests";

let database: TestDatabase;
let services: Services;

beforeAll(async () => {
  database = await createTestDatabase();
  services = (await testServices(database.db)).services;
});
afterAll(async () => {
  await services?.close();
  await database?.drop();
});

const fresh = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.kr`;
let addresses = 0;
/** An address of its own for each test, so that one test's requests do not count against another's. */
const newAddress = () => `192.0.2.${++addresses}`;

async function ask(email: string, address: string, locale: "ko" | "en" = "ko") {
  return post(action, services, await browser(services, locale), {
    path: "/password/forgot",
    fields: { email },
    address,
  });
}

/** What was written since `before`: outbox jobs by name, mails and reset links. */
async function writtenSince(before: { outbox: number; mails: number; links: number }) {
  const { platform } = database.db;
  const events = await platform.outboxEvent.findMany({ orderBy: { id: "asc" }, skip: before.outbox });
  return {
    jobs: events.map((event) => event.jobName),
    mails: (await platform.outgoingEmail.count()) - before.mails,
    links: (await platform.passwordResetToken.count()) - before.links,
  };
}

async function counts() {
  const { platform } = database.db;
  return {
    outbox: await platform.outboxEvent.count(),
    mails: await platform.outgoingEmail.count(),
    links: await platform.passwordResetToken.count(),
  };
}

describe("asking for a password reset", () => {
  it("answers the same, and records the same work, whether or not the address has an account", async () => {
    const email = fresh("owner");
    await database.db.platform.user.create({ data: { email, displayName: "권수진" } });
    const address = newAddress();

    const before = await counts();
    const known = await ask(email, address);
    const afterKnown = await counts();
    const unknown = await ask(fresh("nobody"), address);

    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(await writtenSince(before)).toEqual({
      jobs: ["accounts.password-reset", "accounts.password-reset"],
      mails: 0,
      links: 0,
    });
    expect((await writtenSince(afterKnown)).jobs).toEqual(["accounts.password-reset"]);
  });

  it("refuses the sixth request from one address within a quarter of an hour, recording nothing", async () => {
    const address = newAddress();
    for (let request = 1; request <= 5; request++) expect((await ask(fresh("x"), address)).status).toBe(200);
    const before = await counts();
    const refused = await ask(fresh("x"), address, "en");
    expect(refused.status).toBe(429);
    expect(formMessages(refused)).toEqual([
      expect.stringMatching(/^Too many requests\. Try again in \d+ minutes?$/),
    ]);
    expect(Number(refused.replyHeaders.get("Retry-After"))).toBeGreaterThan(0);
    expect(await writtenSince(before)).toEqual({ jobs: [], mails: 0, links: 0 });
    // Another address is not concerned.
    expect((await ask(fresh("x"), newAddress())).status).toBe(200);
  });

  it("refuses the fourth request for one e-mail address within the hour, from whichever address", async () => {
    const email = fresh("target");
    for (let request = 1; request <= 3; request++) expect((await ask(email, newAddress())).status).toBe(200);
    const before = await counts();
    const refused = await ask(email.toUpperCase(), newAddress());
    expect(refused.status).toBe(429);
    expect(formMessages(refused)).toEqual([
      expect.stringMatching(/^요청이 너무 많습니다\. \d+분 후 다시 시도하세요$/),
    ]);
    expect(await writtenSince(before)).toEqual({ jobs: [], mails: 0, links: 0 });
  });
});
