// How many times a page goes to the database: every statement is a round trip, and every transaction a
// pooled connection held. The busiest pages (a tenant's home, a cohort's applicants, a participant's team)
// are rendered whole, layouts and page, by Remix's own handler against a real database, through a client
// that counts the statements it sends; each page must need at most 10 statements in at most one transaction.
import { createDatabase, type Database } from "@mentoring/db";
import { cohortCast, seededCohorts, YONGIN_AS_OF, yonginSeed } from "@mentoring/db/seed";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { publishRun, runMatching, startMatchingRun } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tenantLayout from "../app/routes/$tenant";
import * as tenantHome from "../app/routes/$tenant._index";
import * as cohortFrame from "../app/routes/$tenant.programs.cohorts.$cohortId";
import * as applicants from "../app/routes/$tenant.programs.cohorts.$cohortId.applicants";
import * as myTeam from "../app/routes/$tenant.team";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";
import { createCohortFor, createTenant, seededPerson } from "../e2e/factories";
import { accounts } from "../e2e/support";
import { documentHandler } from "./render-document";
import { browser, testServices } from "./requests";

const MAX_STATEMENTS = 10;

const layout = { id: "routes/$tenant", path: ":tenant", module: tenantLayout };
const pages = {
  home: documentHandler([layout, { id: "routes/$tenant._index", path: "", module: tenantHome }]),
  applicants: documentHandler([
    layout,
    {
      id: "routes/$tenant.programs.cohorts.$cohortId",
      path: "programs/cohorts/:cohortId",
      module: cohortFrame,
    },
    { id: "routes/$tenant.programs.cohorts.$cohortId.applicants", path: "applicants", module: applicants },
  ]),
  team: documentHandler([layout, { id: "routes/$tenant.team", path: "team", module: myTeam }]),
};

let testDb: TestDatabase;
let counted: Database;
let services: Services;
let close: () => Promise<void>;
const statements: string[] = [];
const f = { slug: "", cohortId: "", coordinator: "", participant: "" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  counted = createDatabase(testDb.urls.app, { onStatement: (sql) => statements.push(sql) });
  ({ services } = await testServices(counted));
  close = () => services.close();
  const seed = yonginSeed();
  const seeded = seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0];
  const cast = cohortCast(seed, seeded);
  const coordinatorPerson = seededPerson(seed, accounts.yonginCoordinator);
  const mentors = cast.spare.slice(0, 2);
  const mentees = cast.mentees.slice(0, 3);
  const mentee = mentees[0] as (typeof mentees)[number];
  const taking = new Set([...mentors, ...mentees].map((person) => person.employeeNumber));
  const city = await createTenant(testDb.db, {
    like: seed,
    staff: (person) => taking.has(person.employeeNumber),
    accounts: [
      { person: coordinatorPerson, roles: ["coordinator"] },
      { person: mentee, roles: ["participant"] },
    ],
  });
  const actorUserId = city.userId(coordinatorPerson);
  const cohort = await createCohortFor(testDb.db, city, {
    template: "new_official_mentoring",
    recruitmentStart: YONGIN_AS_OF,
    phase: "matching",
    applicants: [
      ...mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "왕복 횟수 시험",
    actorUserId,
    appUrl: "http://127.0.0.1",
  });
  // Solved here rather than by the worker, then published.
  const acting = { tenantId: city.id, cohortId: cohort.id, actorUserId };
  const { runId } = await testDb.db.withTenant(city.id, (tx) => startMatchingRun(tx, acting));
  await runMatching(testDb.db, { tenantId: city.id, runId });
  await testDb.db.withTenant(city.id, (tx) =>
    publishRun(tx, { ...acting, runId, appUrl: "http://127.0.0.1" }),
  );
  const { cookie } = await browser(services, "ko");
  const signedIn = async (userId: string) =>
    `${(await startSession(services, userId)).split(";")[0]}; ${cookie}`;
  Object.assign(f, {
    slug: city.slug,
    cohortId: cohort.id,
    coordinator: await signedIn(actorUserId),
    participant: await signedIn(city.userId(mentee)),
  });
}, 180_000);

afterAll(async () => {
  await close?.();
  await counted?.disconnect();
  await testDb?.drop();
});

/** Renders the page and returns the statements it sent, after a first render that warms the pool. */
async function statementsOf(render: (typeof pages)[keyof typeof pages], path: string, cookie: string) {
  const url = `http://127.0.0.1/${f.slug}${path}`;
  expect((await render(services, url, cookie)).status).toBe(200);
  statements.length = 0;
  const { status, html } = await render(services, url, cookie);
  expect(status).toBe(200);
  expect(html).toContain("<main");
  return [...statements];
}

const transactionsIn = (sent: string[]) => sent.filter((sql) => /^\s*BEGIN\b/i.test(sql)).length;

describe("a page goes to the database a bounded number of times", () => {
  it("the tenant's home: at most 10 statements in at most one transaction", async () => {
    const sent = await statementsOf(pages.home, "", f.coordinator);
    expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(transactionsIn(sent), sent.join("\n")).toBeLessThanOrEqual(1);
  });

  it("a participant's home, with what is next for their team: at most 10 statements in one transaction", async () => {
    const sent = await statementsOf(pages.home, "", f.participant);
    expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(transactionsIn(sent), sent.join("\n")).toBeLessThanOrEqual(1);
  });

  it("a cohort's applicants, in the cohort pages' frame: at most 10 statements in at most one transaction", async () => {
    const sent = await statementsOf(
      pages.applicants,
      `/programs/cohorts/${f.cohortId}/applicants`,
      f.coordinator,
    );
    expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(transactionsIn(sent), sent.join("\n")).toBeLessThanOrEqual(1);
    // The frame read the cohort's kind on the first view; the process remembers it.
    expect(sent.filter((sql) => sql.includes("definition->>'kind'"))).toEqual([]);
  });

  it("a participant's team: at most 10 statements in at most one transaction", async () => {
    const sent = await statementsOf(pages.team, "/team", f.participant);
    expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(transactionsIn(sent), sent.join("\n")).toBeLessThanOrEqual(1);
    // The page really is the participant's team, not an empty one.
    expect(statements.length).toBeGreaterThan(0);
  });
});
