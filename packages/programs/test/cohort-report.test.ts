// A cohort's final report against the real PostgreSQL as the app role (RLS on): Gangneung's 2nd cohort with
// its 10 teams of 3 juniors + 1 manager published and the seed's diagnostic answers, a few activities logged
// here; the report's data is checked against the pages' own use cases, then asked for, made, asked for
// again unchanged and after a change; another tenant finds nothing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { cohortReportDataHash } from "@mentoring/reports";
import { LocalFileStorage } from "@mentoring/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCohortResults } from "../src/evaluations";
import { getCohortOutcomes } from "../src/outcomes";
import {
  generateCohortReport,
  getCohortReport,
  getCohortReportData,
  getCohortReportFile,
  requestCohortReport,
} from "../src/reports";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

const now = new Date("2025-10-01T03:00:00Z");
let database: SeededTestDatabase;
let db: Database;
let storageDir: string;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let yongin = "";
let published: Awaited<ReturnType<typeof publishTeams>>;

const code = (error: unknown) => (isAppError(error) ? error.code : error);
const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);
const reportData = () => inCity((tx) => getCohortReportData(tx, { ...city, now }));
const request = () => inCity((tx) => requestCohortReport(tx, { ...city, locale: "ko", now }));
const generate = (runId: string) =>
  generateCohortReport(db, { tenantId: city.tenantId, runId, storageDir, now });

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  storageDir = mkdtempSync(path.join(os.tmpdir(), "cohort-report-"));
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  published = await publishTeams(db, city.tenantId, city.cohortId);
  // Team 1 met twice (90 and 60 minutes) and held one team activity; team 2 met once.
  const [first, second] = published.teams;
  await inCity(async (tx) => {
    const logged = (teamId: string, kind: "meeting" | "team_activity", minutes: number, day: string) =>
      tx.activity.create({
        data: {
          tenantId: city.tenantId,
          cohortId: city.cohortId,
          teamId,
          kind,
          minutes,
          topic: "멘토링",
          happenedOn: new Date(`${day}T00:00:00Z`),
        },
      });
    await logged(first?.id as string, "meeting", 90, "2025-06-10");
    await logged(first?.id as string, "meeting", 60, "2025-07-10");
    await logged(first?.id as string, "team_activity", 120, "2025-08-10");
    await logged(second?.id as string, "meeting", 45, "2025-06-20");
  });
}, 120_000);

afterAll(async () => {
  await database?.drop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

describe("the cohort's report data", () => {
  it("gives the overview, the teams and the participation as the program recorded them", async () => {
    const data = await reportData();
    const accepted = await inCity((tx) =>
      tx.application.count({
        where: { tenantId: city.tenantId, cohortId: city.cohortId, status: "accepted" },
      }),
    );
    expect(data.tenant.name).toBe("강릉시");
    expect(data.program.kind).toBe("reverse");
    expect(data.participants.total).toBe(accepted);
    expect(data.participants.mentors + data.participants.mentees).toBe(accepted);
    expect(data.teams).toHaveLength(published.teams.length);
    expect(data.teams.map((team) => team.number)).toEqual(published.teams.map((_, i) => i + 1));
    expect(data.teams[0]?.mentors).toHaveLength(published.teams[0]?.mentors.length as number);
    expect(data.teams[0]?.mentees).toHaveLength(published.teams[0]?.mentees.length as number);

    const [first, second, third] = data.participation.teams;
    expect(first).toMatchObject({ teamNumber: 1, activities: 3, meetings: 2, minutes: 270 });
    expect(second).toMatchObject({ teamNumber: 2, activities: 1, meetings: 1, minutes: 45 });
    expect(third).toMatchObject({ teamNumber: 3, activities: 0, meetings: 0, minutes: 0 });
    expect(data.participation.total).toMatchObject({ activities: 4, meetings: 3, minutes: 315 });
  });

  it("gives the ranking and the outcomes the evaluation and outcomes pages show", async () => {
    const data = await reportData();
    const [results, outcomes] = await inCity((tx) =>
      Promise.all([
        getCohortResults(tx, { ...city, now }),
        getCohortOutcomes(tx, { tenantId: city.tenantId, cohortId: city.cohortId }),
      ]),
    );
    expect(data.evaluation.ranking.map((place) => [place.rank, place.teamNumber, place.total])).toEqual(
      results.ranking.map((place) => [place.rank, place.number, place.displayTotal]),
    );
    expect(data.evaluation.criteria.map((criterion) => criterion.key)).toEqual(
      results.rubric.map((criterion) => criterion.key),
    );
    expect(
      data.outcomes.dimensions.map((dimension) => [dimension.key, dimension.n, dimension.change]),
    ).toEqual(
      outcomes.dimensions.map((dimension) => [dimension.key, dimension.cohort.n, dimension.cohort.mean]),
    );
    // The means before and after are over the same people as the paired change: they differ by it.
    for (const dimension of data.outcomes.dimensions) {
      if (dimension.n === 0) continue;
      expect((dimension.postMean as number) - (dimension.preMean as number)).toBeCloseTo(
        dimension.change as number,
        9,
      );
    }
    expect(data.awards).toEqual([]);
  });

  it("is not found for another tenant", async () => {
    const error = await db
      .withTenant(yongin, (tx) => getCohortReportData(tx, { tenantId: yongin, cohortId: city.cohortId, now }))
      .catch((e: unknown) => e);
    expect(code(error)).toBe("cohort.not_found");
  });
});

describe("asking for the cohort's report", () => {
  it("makes it once, keeps it while nothing changes, and makes new files after a change", async () => {
    const started = await request();
    expect(started.outcome).toBe("started");
    const jobs = await db.platform.outboxEvent.findMany({ where: { jobName: "reports.cohort-report" } });
    expect(jobs.map((job) => job.payload)).toEqual([{ tenantId: city.tenantId, runId: started.runId }]);
    // A second press while it is being made starts nothing.
    expect(await request()).toEqual({ runId: started.runId, outcome: "under_way" });

    const progress: number[] = [];
    expect(
      await generateCohortReport(
        db,
        { tenantId: city.tenantId, runId: started.runId, storageDir, now },
        { onProgress: (percent) => void progress.push(percent) },
      ),
    ).toEqual({ status: "ready", rendered: true });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    // The job run again finds the run ready and leaves it.
    expect(await generate(started.runId)).toEqual({ status: "already_ready" });

    const view = await inCity((tx) => getCohortReport(tx, city));
    expect(view.run).toMatchObject({ id: started.runId, status: "ready", progress: 100 });
    const pdf = await inCity((tx) =>
      getCohortReportFile(tx, { ...city, runId: started.runId, format: "pdf" }),
    );
    const xlsx = await inCity((tx) =>
      getCohortReportFile(tx, { ...city, runId: started.runId, format: "xlsx" }),
    );
    const storage = new LocalFileStorage(storageDir);
    const bytes = (await storage.get(pdf.storageKey)) as Buffer;
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: bytes }).toString("utf8");
    const data = await reportData();
    expect(text).toContain("결과보고서");
    expect(text.replace(/\s+/g, " ")).toContain(
      `멘토 ${data.participants.mentors}명, 멘티 ${data.participants.mentees}명 (총 ${data.participants.total}명)`,
    );
    expect(pdf.storageKey).toContain(cohortReportDataHash(data));
    expect(pdf.fileName).toMatch(/결과보고서\.pdf$/);
    expect(await storage.exists(xlsx.storageKey)).toBe(true);

    // Asked again with nothing changed: the same run and files, no new run or job.
    expect(await request()).toEqual({ runId: started.runId, outcome: "unchanged" });
    expect(await db.platform.outboxEvent.count({ where: { jobName: "reports.cohort-report" } })).toBe(1);

    // A team renamed: the data changed, so a new run makes new files; the old ones stay as they were.
    await inCity((tx) =>
      tx.team.updateMany({
        where: { tenantId: city.tenantId, cohortId: city.cohortId, number: 1 },
        data: { name: "디지털 선봉대" },
      }),
    );
    const again = await request();
    expect(again.outcome).toBe("started");
    expect(again.runId).not.toBe(started.runId);
    expect(await generate(again.runId)).toEqual({ status: "ready", rendered: true });
    const renewed = await inCity((tx) =>
      getCohortReportFile(tx, { ...city, runId: again.runId, format: "pdf" }),
    );
    expect(renewed.storageKey).not.toBe(pdf.storageKey);
    const renewedText = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], {
      input: (await storage.get(renewed.storageKey)) as Buffer,
    }).toString("utf8");
    expect(renewedText).toContain("디지털 선봉대");
    expect(await storage.exists(pdf.storageKey)).toBe(true);
    const runs = await inCity((tx) =>
      tx.cohortReportRun.findMany({ where: { tenantId: city.tenantId, cohortId: city.cohortId } }),
    );
    expect(runs.map((run) => run.status)).toEqual(["ready", "ready"]);
  });

  it("hides the runs and their files from another tenant", async () => {
    const { run } = await inCity((tx) => getCohortReport(tx, city));
    const runId = run?.id as string;
    const error = await db
      .withTenant(yongin, (tx) =>
        getCohortReportFile(tx, { tenantId: yongin, cohortId: city.cohortId, runId, format: "pdf" }),
      )
      .catch((e: unknown) => e);
    expect(code(error)).toBe("report.run_not_found");
    const fromYongin = await generateCohortReport(db, { tenantId: yongin, runId, storageDir, now }).catch(
      (e: unknown) => e,
    );
    expect(code(fromYongin)).toBe("report.run_not_found");
  });
});
