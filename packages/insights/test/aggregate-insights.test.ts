// The nightly aggregation against the real PostgreSQL as the app role (RLS on): the two seeded cities'
// latest cohorts with their teams published and working (Gangneung's 10 teams of 3 juniors + 1 manager,
// its diagnostic answered before and after, one junior withdrawn; Yongin's 1:1-2 teams), both opted in,
// Gangneung named. The rows are checked against the cohort pages' own figures; then a second night without
// Yongin, who opted out; the same night again; and a run that fails.
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { getCohortOutcomes, getCohortResults } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishTeams, seededCohortOf } from "../../programs/test/certificates-support";
import { aggregateInsights } from "../src/publications";

const night1 = new Date("2025-10-01T17:30:00Z"); // 02:30 in Korea, 2 October
const night2 = new Date("2025-10-02T17:30:00Z");
let database: SeededTestDatabase;
let db: Database;
const gangneung = { tenantId: "", cohortId: "", actorUserId: "" };
const yongin = { tenantId: "", cohortId: "", actorUserId: "" };

const rowsOf = (tenantId: string, publicationId: string) =>
  db.withTenant(tenantId, (tx) =>
    tx.insightAggregate.findMany({
      where: { tenantId, publicationId },
      orderBy: [{ metric: "asc" }, { dimension: "asc" }],
    }),
  );
const figure = (rows: Awaited<ReturnType<typeof rowsOf>>, metric: string, dimension = "") =>
  rows.find((row) => row.metric === metric && row.dimension === dimension);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(gangneung, await seededCohortOf(db, "gangneung"));
  Object.assign(yongin, await seededCohortOf(db, "yongin", "first"));
  for (const city of [gangneung, yongin]) {
    await publishTeams(db, city.tenantId, city.cohortId);
    await db.withTenant(city.tenantId, (tx) =>
      tx.cohort.updateMany({
        where: { tenantId: city.tenantId, id: city.cohortId },
        data: { status: "active" },
      }),
    );
  }
  // Gangneung: the diagnostic after, each answer half a point up; one junior has withdrawn since.
  await db.withTenant(gangneung.tenantId, async (tx: TenantDb) => {
    const { tenantId, cohortId } = gangneung;
    const pre = await tx.surveyResponse.findMany({
      where: { tenantId, round: { cohortId, phase: "pre" }, scores: { not: undefined } },
      select: {
        applicationId: true,
        scores: true,
        answers: true,
        round: { select: { questionSetKey: true } },
      },
    });
    const keys = [...new Set(pre.map((response) => response.round.questionSetKey))];
    for (const questionSetKey of keys) {
      const round = await tx.surveyRound.create({
        data: {
          tenantId,
          cohortId,
          questionSetKey,
          phase: "post",
          opensOn: new Date("2025-09-01"),
          closesOn: new Date("2025-09-30"),
          openedAt: new Date("2025-09-01T00:00:00Z"),
        },
      });
      for (const response of pre.filter((row) => row.round.questionSetKey === questionSetKey && row.scores)) {
        const scores = Object.fromEntries(
          Object.entries(response.scores as Record<string, number>).map(([key, value]) => [key, value + 0.5]),
        );
        await tx.surveyResponse.create({
          data: {
            tenantId,
            roundId: round.id,
            applicationId: response.applicationId,
            answers: response.answers ?? {},
            scores,
            submittedAt: new Date("2025-09-10T03:00:00Z"),
          },
        });
      }
    }
    const junior = await tx.teamMember.findFirstOrThrow({ where: { tenantId, cohortId, role: "mentor" } });
    await tx.application.update({ where: { id: junior.applicationId }, data: { status: "withdrawn" } });
  });
  await db.platform.tenant.update({
    where: { id: gangneung.tenantId },
    data: { insightsOptedInAt: new Date("2025-09-01T00:00:00Z"), insightsNamed: true },
  });
  await db.platform.tenant.update({
    where: { id: yongin.tenantId },
    data: { insightsOptedInAt: new Date("2025-09-01T00:00:00Z") },
  });
});

afterAll(async () => {
  await database?.drop();
});

describe("aggregateInsights", () => {
  let first = "";

  it("publishes every opted-in city's cohorts past matching, as their own pages count them", async () => {
    const progress: number[] = [];
    const result = await aggregateInsights(
      db,
      { now: night1 },
      { onProgress: (percent) => void progress.push(percent) },
    );
    first = result.publicationId;
    expect(result).toMatchObject({ tenants: 2, cohorts: 2, replaced: 0 });
    expect(progress.at(-1)).toBe(100);
    const publication = await db.platform.insightPublication.findUniqueOrThrow({ where: { id: first } });
    expect(publication).toMatchObject({ status: "published", progress: 100, tenantCount: 2, cohortCount: 2 });

    const rows = await rowsOf(gangneung.tenantId, first);
    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: gangneung.tenantId } });
    expect(new Set(rows.map((row) => row.cohortRef)).size).toBe(1);
    expect(rows[0]).toMatchObject({
      tenantName: tenant.name,
      governmentType: tenant.kind,
      region: tenant.region,
      programKind: "reverse",
      teamShape: "3:1",
    });
    expect(figure(rows, "participants", "mentor")).toMatchObject({
      value: 30,
      peopleCount: 30,
      suppressed: false,
    });
    expect(figure(rows, "participants", "mentee")).toMatchObject({ value: 10, peopleCount: 10 });
    expect(figure(rows, "participants", "")).toMatchObject({ value: 40, peopleCount: 40 });
    expect(figure(rows, "teams")).toMatchObject({ value: 10, peopleCount: 40 });
    // 39 of the 40 placed still stand.
    expect(figure(rows, "completion_rate")).toMatchObject({ value: 0.975, peopleCount: 40 });

    // The diagnostic change is the outcomes page's, rounded to 0.01.
    const [outcomes, results] = await db.withTenant(gangneung.tenantId, (tx) =>
      Promise.all([
        getCohortOutcomes(tx, { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId }),
        getCohortResults(tx, { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId, now: night1 }),
      ]),
    );
    expect(outcomes.dimensions.length).toBeGreaterThan(0);
    for (const dimension of outcomes.dimensions) {
      const row = figure(rows, "diagnostic_change", dimension.key);
      expect(row?.value).toBeCloseTo(0.5, 5);
      expect(row?.peopleCount).toBe(dimension.cohort.n);
    }
    const meetings = results.teams.reduce((sum, team) => sum + team.facts.meetingsLogged, 0);
    expect(figure(rows, "meetings_per_team_month")?.value).toBe(
      Math.round((meetings / (10 * results.activityMonths)) * 100) / 100,
    );

    const yonginRows = await rowsOf(yongin.tenantId, first);
    expect(yonginRows.length).toBeGreaterThan(0);
    expect(yonginRows.every((row) => row.tenantName === null)).toBe(true);
    expect(figure(yonginRows, "participants", "")?.value).toBe(38);
    // Each city sees its own rows only.
    expect(rows.every((row) => row.tenantId === gangneung.tenantId)).toBe(true);
  });

  it("a city that opted out is not in the next night's publication, which replaces the night before", async () => {
    const before = await rowsOf(gangneung.tenantId, first);
    await db.platform.tenant.update({ where: { id: yongin.tenantId }, data: { insightsOptedInAt: null } });
    const result = await aggregateInsights(db, { now: night2 });
    expect(result).toMatchObject({ tenants: 1, cohorts: 1, replaced: 1 });
    expect(await rowsOf(yongin.tenantId, result.publicationId)).toHaveLength(0);
    // The night before is gone with its rows: one night cannot be set against the next.
    expect(await rowsOf(yongin.tenantId, first)).toHaveLength(0);
    const again = await rowsOf(gangneung.tenantId, result.publicationId);
    // A fresh reference per cohort and publication: nothing links the two nights' rows but their figures.
    expect(again[0]?.cohortRef).not.toBe(before[0]?.cohortRef);
  });

  it("run twice the same night, one publication is left and the first one's rows are gone", async () => {
    const published = () =>
      db.platform.insightPublication.findMany({
        where: { status: "published" },
        orderBy: { startedAt: "asc" },
      });
    const [secondNight] = await published();
    const rerun = await aggregateInsights(db, { now: new Date(night2.getTime() + 60 * 60 * 1000) });
    expect(rerun.replaced).toBe(1);
    const after = await published();
    expect(after.map((row) => row.id)).toEqual([rerun.publicationId]);
    expect(await rowsOf(gangneung.tenantId, secondNight?.id as string)).toHaveLength(0);
    expect((await rowsOf(gangneung.tenantId, rerun.publicationId)).length).toBeGreaterThan(0);
  });

  it("a run that fails is marked failed with no rows, and the last published stays the latest", async () => {
    const latest = await db.platform.insightPublication.findFirstOrThrow({
      where: { status: "published" },
      orderBy: { publishedAt: "desc" },
    });
    const stopped = new AbortController();
    stopped.abort(new Error("shutting down"));
    await expect(
      aggregateInsights(
        db,
        { now: new Date(night2.getTime() + 24 * 60 * 60 * 1000) },
        { signal: stopped.signal },
      ),
    ).rejects.toThrow("shutting down");
    const failed = await db.platform.insightPublication.findFirstOrThrow({ where: { status: "failed" } });
    expect(failed.error).toBe("shutting down");
    expect(await rowsOf(gangneung.tenantId, failed.id)).toHaveLength(0);
    const still = await db.platform.insightPublication.findFirstOrThrow({
      where: { status: "published" },
      orderBy: { publishedAt: "desc" },
    });
    expect(still.id).toBe(latest.id);
  });

  it("keeps the last publication of each earlier year for comparison, and only that one", async () => {
    const lastOf2025 = await db.platform.insightPublication.findFirstOrThrow({
      where: { status: "published" },
      orderBy: { publishedAt: "desc" },
    });
    // 2 January 2026 in Korea, then the night after.
    const january2 = await aggregateInsights(db, { now: new Date("2026-01-01T17:30:00Z") });
    expect(january2.replaced).toBe(0);
    const january3 = await aggregateInsights(db, { now: new Date("2026-01-02T17:30:00Z") });
    expect(january3.replaced).toBe(1);
    const kept = await db.platform.insightPublication.findMany({
      where: { status: "published" },
      orderBy: { startedAt: "asc" },
      select: { id: true },
    });
    expect(kept.map((row) => row.id)).toEqual([lastOf2025.id, january3.publicationId]);
    expect((await rowsOf(gangneung.tenantId, lastOf2025.id)).length).toBeGreaterThan(0);
  });
});
