// Anti-automation on the public pages anyone can reach without signing in, against the real PostgreSQL and
// Redis: organisations' applications at /signup and certificate checks at /verify/{serial} are limited per
// address; over the limit the answer is 429 with Retry-After and a translated message, and nothing is stored.
import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as signupAction } from "../app/routes/signup";
import { loader as verifyLoader } from "../app/routes/verify.$serial";
import type { Services } from "../app/services/services.server";
import { browser, formMessages, get, post, testServices } from "./requests";

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

async function apply(address: string, locale: "ko" | "en" = "ko") {
  return post(signupAction, services, await browser(services, locale), {
    path: "/signup",
    fields: {
      organisationName: `자동가입시 ${randomBytes(3).toString("hex")}`,
      kind: "basic_government",
      region: "강원특별자치도",
      contactName: "홍길동",
      contactEmail: `contact-${randomBytes(4).toString("hex")}@example.kr`,
    },
    address,
  });
}

async function check(address: string, locale: "ko" | "en" = "ko") {
  const serial = "MNT-UNKNOWN-0000";
  return get(verifyLoader, services, await browser(services, locale), {
    path: `/verify/${serial}`,
    params: { serial },
    address,
  });
}

const applications = () => database.db.platform.tenantApplication.count();

describe("applying at /signup", () => {
  it("takes five applications from one address within the hour and refuses the sixth, storing nothing", async () => {
    const address = "198.51.100.20";
    for (let application = 1; application <= 5; application++)
      expect((await apply(address)).status).toBe(200);
    const before = await applications();

    const refused = await apply(address);
    expect(refused.status).toBe(429);
    expect(formMessages(refused)).toEqual([
      expect.stringMatching(/^요청이 너무 많습니다\. \d+분 후 다시 시도하세요$/),
    ]);
    const wait = Number(refused.replyHeaders.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60 * 60);
    expect(await applications()).toBe(before);

    // Someone else, elsewhere, still applies.
    expect((await apply("198.51.100.21")).status).toBe(200);
  });
});

describe("checking certificates at /verify", () => {
  it("answers thirty checks a minute from one address, then a 429 page saying when to try again", async () => {
    const address = "198.51.100.30";
    for (let checked = 1; checked <= 30; checked++) expect((await check(address)).status).toBe(404);

    const refused = await check(address, "en");
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(/^Too many requests\. Try again in \d+ minutes?$/);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    expect(refused.replyHeaders.get("Retry-After")).toBe(refused.headers.get("Retry-After"));

    expect((await check("198.51.100.31")).status).toBe(404);
  });
});
