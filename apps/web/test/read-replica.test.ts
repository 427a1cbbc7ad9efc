// The read replica (ADR 0028) against a real streaming replica of the local cluster, made for this file by
// pg_basebackup and removed after it (packages/db/src/testing/replica.ts). Reads are told apart by what
// they show while the replica's replay is paused: a change committed on the primary since then is on the
// primary alone. So: the dashboard and the report page read the replica, other pages and every write the
// primary; someone who just wrote sees their write at once, someone else the replica's older state until
// it catches up; the report job reads the replica once it has everything up to the job's start; the
// national insights pages read it as the insights role; with the replica gone, the primary answers.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@mentoring/db";
import {
  createSeededTestDatabase,
  type SeededTestDatabase,
  type StreamingReplica,
  startStreamingReplica,
} from "@mentoring/db/testing";
import { generateCohortReport } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as overviewLoader } from "../app/routes/$tenant.programs.cohorts.$cohortId._index";
import { loader as dashboardLoader } from "../app/routes/$tenant.programs.cohorts.$cohortId.dashboard";
import {
  action as reportAction,
  loader as reportLoader,
} from "../app/routes/$tenant.programs.cohorts.$cohortId.report";
import { closeInsightsReaders, insightsReaderOf } from "../app/services/insights-reader.server";
import type { Services } from "../app/services/services.server";
import { get, type Outcome, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let replica: StreamingReplica;
/** The app's database as the web app makes it with DATABASE_REPLICA_URL set. */
let db: Database;
/** The replica alone, to see what it holds. */
let replicaOnly: Database;
let services: Services;
let storageDir: string;
const replicaErrors: Error[] = [];
const city = { slug: "gangneung", tenantId: "", cohortId: "" };
type Who = "coordinator" | "otherCoordinator" | "executive";
const browsers = {} as Record<Who, Awaited<ReturnType<typeof signedInBrowser>>>;
let address = 0;
const from = () => `10.28.0.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  await seedPrograms(database.db);
  const primary = database.db;
  const tenantId = (await primary.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  city.tenantId = tenantId;
  const users = await primary.withTenant(tenantId, async (tx) => {
    city.cohortId = (
      await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } })
    ).id;
    const holding = async (role: string) =>
      (await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: role as never } } })).userId;
    return { coordinator: await holding("coordinator"), executive: await holding("executive") };
  });
  // A second coordinator of the same city: "someone else" on the coordinator's pages.
  const other = await primary.platform.user.create({
    data: { email: "replica-second-coordinator@example.kr", displayName: "정다은" },
  });
  await primary.withTenant(tenantId, (tx) =>
    tx.membership.create({ data: { tenantId, userId: other.id, roles: ["coordinator"] } }),
  );

  replica = await startStreamingReplica();
  const replicaUrl = replica.urlOf(database.urls.app);
  db = createDatabase(database.urls.app, {
    poolSize: 4,
    replicaUrl,
    onReplicaError: (error) => replicaErrors.push(error),
  });
  replicaOnly = createDatabase(replicaUrl, { poolSize: 2 });
  storageDir = mkdtempSync(path.join(os.tmpdir(), "read-replica-"));
  services = servicesWithoutRedis(db, {
    DATABASE_URL: database.urls.app,
    DATABASE_INSIGHTS_URL: database.urls.insights,
    DATABASE_REPLICA_URL: replicaUrl,
    STORAGE_DIR: storageDir,
  });
  browsers.coordinator = await signedInBrowser(services, users.coordinator);
  browsers.otherCoordinator = await signedInBrowser(services, other.id);
  browsers.executive = await signedInBrowser(services, users.executive);
  await replica.caughtUp();
  console.log(`read replica made: ${JSON.stringify(replica.figures)}`);
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([db?.disconnect(), replicaOnly?.disconnect(), closeInsightsReaders()]);
  await replica?.stop();
  await database?.drop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

const cohortPath = () => `/${city.slug}/programs/cohorts/${city.cohortId}`;
const params = () => ({ tenant: city.slug, cohortId: city.cohortId });
/** A browser as it is, or with the cookies an answer set (the write position of read-your-writes). */
const withCookiesOf = (who: Who, outcome: Outcome) => {
  const set = outcome.replyHeaders.getSetCookie().map((cookie) => cookie.split(";")[0]);
  return { ...browsers[who], cookie: [browsers[who].cookie, ...set].join("; ") };
};
const open = (
  loader: typeof dashboardLoader | typeof reportLoader | typeof overviewLoader,
  page: string,
  browser: Awaited<ReturnType<typeof signedInBrowser>>,
) => get(loader, services, browser, { path: `${cohortPath()}${page}`, address: from(), params: params() });
const shows = (outcome: Outcome, text: string) => {
  expect(outcome.status).toBe(200);
  return JSON.stringify(outcome.body).includes(text);
};
const reportRun = (outcome: Outcome) => (outcome.body as { run: { status: string } | null }).run;
const runsOn = (database: Database) =>
  database.withTenant(city.tenantId, (tx) =>
    tx.cohortReportRun.count({ where: { tenantId: city.tenantId, cohortId: city.cohortId } }),
  );
/** Reads served by the replica and by the primary since `before`. */
const servedSince = (before: { replica: number; primary: number }) => {
  const now = db.replicaReads();
  return { replica: now.replica - before.replica, primary: now.primary - before.primary };
};

describe("the read replica", () => {
  it("serves the dashboard and the report page; other pages and writes go to the primary", async () => {
    const renamed = `복제 지연 확인 ${Date.now()}`;
    await replica.pause();
    try {
      // Someone else's change, committed on the primary after replay stopped.
      await database.db.withTenant(city.tenantId, (tx) =>
        tx.cohort.updateMany({
          where: { tenantId: city.tenantId, id: city.cohortId },
          data: { title: renamed },
        }),
      );
      const before = db.replicaReads();
      expect(shows(await open(dashboardLoader, "/dashboard", browsers.executive), renamed)).toBe(false);
      expect(shows(await open(dashboardLoader, "/dashboard", browsers.coordinator), renamed)).toBe(false);
      expect(shows(await open(reportLoader, "/report", browsers.otherCoordinator), renamed)).toBe(false);
      expect(servedSince(before)).toEqual({ replica: 3, primary: 0 });
      // The overview is not routed: the primary, with the change.
      expect(shows(await open(overviewLoader, "", browsers.coordinator), renamed)).toBe(true);
    } finally {
      await replica.resume();
    }
    await replica.caughtUp();
    expect(shows(await open(dashboardLoader, "/dashboard", browsers.executive), renamed)).toBe(true);
    expect(replicaErrors).toEqual([]);
  });

  it("shows a coordinator the report they just asked for while the replica lags; another sees the older state", async () => {
    await replica.pause();
    let pressed: Outcome | undefined;
    try {
      pressed = await post(reportAction, services, browsers.coordinator, {
        path: `${cohortPath()}/report`,
        fields: { intent: "start" },
        address: from(),
        params: params(),
      });
      expect(pressed.body).toEqual({ outcome: "started" });
      // The write went to the primary; the paused replica does not have it.
      expect(await runsOn(database.db)).toBe(1);
      expect(await runsOn(replicaOnly)).toBe(0);
      expect(pressed.replyHeaders.getSetCookie()).toEqual([expect.stringMatching(/^wal_seen=/)]);

      const before = db.replicaReads();
      const own = await open(reportLoader, "/report", withCookiesOf("coordinator", pressed));
      expect(reportRun(own)).toMatchObject({ status: "generating" });
      expect(servedSince(before)).toEqual({ replica: 0, primary: 1 });
      // Another coordinator, and the same coordinator in a browser that did not write: the replica's state.
      expect(reportRun(await open(reportLoader, "/report", browsers.otherCoordinator))).toBeNull();
      expect(reportRun(await open(reportLoader, "/report", browsers.coordinator))).toBeNull();
      expect(servedSince(before)).toEqual({ replica: 2, primary: 1 });
    } finally {
      await replica.resume();
    }
    await replica.caughtUp();
    const before = db.replicaReads();
    expect(reportRun(await open(reportLoader, "/report", browsers.otherCoordinator))).toMatchObject({
      status: "generating",
    });
    // Once the replica has replayed past the write, the writer reads it too.
    expect(
      reportRun(await open(reportLoader, "/report", withCookiesOf("coordinator", pressed as Outcome))),
    ).toMatchObject({
      status: "generating",
    });
    expect(servedSince(before)).toEqual({ replica: 2, primary: 0 });
  });

  it("makes the report from the replica once it has everything up to the job's start, else from the primary", async () => {
    const [run] = await database.db.withTenant(city.tenantId, (tx) =>
      tx.cohortReportRun.findMany({ where: { tenantId: city.tenantId, cohortId: city.cohortId } }),
    );
    const input = { tenantId: city.tenantId, runId: run?.id as string, storageDir, now: new Date() };
    await replica.pause();
    let before = db.replicaReads();
    try {
      // Paused, the replica lacks the run's start ("generating", progress 0): the primary serves the data.
      await generateCohortReport(db, input);
      expect(servedSince(before)).toEqual({ replica: 0, primary: 1 });
    } finally {
      await replica.resume();
    }
    await database.db.withTenant(city.tenantId, (tx) =>
      tx.cohortReportRun.updateMany({ where: { id: input.runId }, data: { status: "generating" } }),
    );
    before = db.replicaReads();
    await expect(generateCohortReport(db, input)).resolves.toMatchObject({ status: "ready" });
    expect(servedSince(before)).toEqual({ replica: 1, primary: 0 });
  }, 120_000);

  it("reads the national insights through the insights role on the replica", async () => {
    const { rows } = await insightsReaderOf(services).query<{ role: string; port: number; standby: boolean }>(
      "select current_user as role, inet_server_port() as port, pg_is_in_recovery() as standby",
    );
    expect(rows).toEqual([{ role: "mentoring_insights", port: replica.port, standby: true }]);
  });

  it("falls back to the primary when the replica is gone", async () => {
    await replica.stop();
    const before = db.replicaReads();
    expect((await open(dashboardLoader, "/dashboard", browsers.executive)).status).toBe(200);
    expect(servedSince(before)).toEqual({ replica: 0, primary: 1 });
    expect(replicaErrors.length).toBeGreaterThan(0);
  });
});
