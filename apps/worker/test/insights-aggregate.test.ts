// The nightly insights job against a test database: Gangneung's latest cohort with its teams published and
// working, the city opted in; the job run twice the same night leaves one publication, progress reported
// on the job and the publication up to 100; run the next night, it replaces the one before.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishTeams, seededCohortOf } from "../../../packages/programs/test/certificates-support";
import type { JobContext } from "../src/jobs/handler";
import { aggregateInsightsAt } from "../src/jobs/insights-aggregate";
import { log, noMail } from "./support";

let database: SeededTestDatabase;
let db: Database;
let tenantId = "";

function context() {
  const reported: number[] = [];
  const job: JobContext = {
    db,
    log,
    mailer: noMail,
    signal: new AbortController().signal,
    async progress(percent) {
      reported.push(percent);
    },
  };
  return { job, reported };
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  const city = await seededCohortOf(db, "gangneung");
  tenantId = city.tenantId;
  await publishTeams(db, city.tenantId, city.cohortId);
  await db.withTenant(tenantId, (tx) =>
    tx.cohort.updateMany({ where: { tenantId, id: city.cohortId }, data: { status: "active" } }),
  );
  await db.platform.tenant.update({ where: { id: tenantId }, data: { insightsOptedInAt: new Date() } });
});

afterAll(async () => {
  await database?.drop();
});

describe("insights.aggregate", () => {
  const night = new Date("2025-10-01T17:30:00Z");
  const published = () =>
    db.platform.insightPublication.findMany({
      where: { status: "published" },
      orderBy: { startedAt: "asc" },
    });
  const rows = (publicationId: string) =>
    db.withTenant(tenantId, (tx) => tx.insightAggregate.count({ where: { tenantId, publicationId } }));

  it("run twice the same night, leaves one publication with the city's rows, progress up to 100", async () => {
    const first = context();
    await aggregateInsightsAt(() => night)({}, first.job);
    expect(first.reported.at(-1)).toBe(100);
    const [once] = await published();
    expect(once).toMatchObject({ progress: 100, tenantCount: 1, cohortCount: 1 });
    const counted = await rows(once?.id as string);
    expect(counted).toBeGreaterThan(0);

    const second = context();
    await aggregateInsightsAt(() => new Date(night.getTime() + 10 * 60 * 1000))({}, second.job);
    const after = await published();
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(once?.id);
    expect(await rows(after[0]?.id as string)).toBe(counted);
    expect(await rows(once?.id as string)).toBe(0);
  });

  it("the next night makes a publication of its own, which replaces the night before's", async () => {
    const [before] = await published();
    await aggregateInsightsAt(() => new Date(night.getTime() + 24 * 60 * 60 * 1000))({}, context().job);
    const after = await published();
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(before?.id);
    expect(await rows(after[0]?.id as string)).toBeGreaterThan(0);
  });
});
