import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { config } from "@mentoring/config";
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { WORK_LEASE_MS } from "@mentoring/domain";
import { getCohortReport, getCohortReportFile, requestCohortReport } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortReportJob, failUnfinishedCohortReport } from "../src/jobs/cohort-report";
import { failStaleWorkAt } from "../src/jobs/fail-stale-work";
import type { JobContext } from "../src/jobs/handler";
import { log, noMail } from "./support";

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };

const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);

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

/** Gangneung's latest cohort with its accepted people dealt into teams of 3 juniors and a manager. */
async function publishedCohort() {
  const tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  return db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
    });
    const accepted = await tx.application.findMany({
      where: { tenantId, cohortId: cohort.id, status: "accepted" },
      orderBy: { submittedAt: "asc" },
    });
    const mentors = accepted.filter((application) => application.role === "mentor");
    const mentees = accepted.filter((application) => application.role === "mentee");
    const run = await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId: cohort.id,
        number: 1,
        status: "succeeded",
        problem: {},
        publishedAt: new Date(),
      },
    });
    for (const [index, mentee] of mentees.entries()) {
      const team = await tx.team.create({
        data: { tenantId, cohortId: cohort.id, runId: run.id, number: index + 1, score: 1, breakdown: {} },
      });
      const juniors = mentors.filter((_, m) => m % mentees.length === index);
      await tx.teamMember.createMany({
        data: [
          ...juniors.map((mentor) => ({ applicationId: mentor.id, role: "mentor" as const })),
          { applicationId: mentee.id, role: "mentee" as const },
        ].map((member) => ({ tenantId, cohortId: cohort.id, teamId: team.id, ...member })),
      });
    }
    return { tenantId, cohortId: cohort.id, actorUserId: coordinator.userId };
  });
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await publishedCohort());
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const ask = () => inCity((tx) => requestCohortReport(tx, { ...city, locale: "ko", now: new Date() }));
const folder = () => path.join(config().STORAGE_DIR, "tenants", city.tenantId, "reports", city.cohortId);
const runs = () =>
  inCity((tx) =>
    tx.cohortReportRun.findMany({
      where: { tenantId: city.tenantId, cohortId: city.cohortId },
      orderBy: { createdAt: "asc" },
    }),
  );

describe("the reports.cohort-report job", () => {
  it("makes the run's files once: run again, it leaves them and the run as they were", async () => {
    const { runId, outcome } = await ask();
    expect(outcome).toBe("started");
    const first = context();
    await cohortReportJob({ tenantId: city.tenantId, runId }, first.job);
    expect(first.reported[0]).toBe(0);
    expect(first.reported.at(-1)).toBe(100);
    expect(first.reported).toEqual([...first.reported].sort((a, b) => a - b));
    const files = (await readdir(folder())).sort();
    expect(files).toHaveLength(2);
    expect(files.map((file) => path.extname(file))).toEqual([".pdf", ".xlsx"]);
    const times = () =>
      Promise.all(files.map(async (file) => (await stat(path.join(folder(), file))).mtimeMs));
    const before = await times();

    await cohortReportJob({ tenantId: city.tenantId, runId }, context().job);
    expect(await times()).toEqual(before);
    expect((await readdir(folder())).sort()).toEqual(files);
    const stored = await runs();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: runId, status: "ready", progress: 100 });
    const view = await inCity((tx) => getCohortReport(tx, city));
    expect(view.run?.id).toBe(runId);

    // Asked for again with nothing changed: the same run answers, no new run or file.
    expect(await ask()).toEqual({ runId, outcome: "unchanged" });
    expect(await runs()).toHaveLength(1);
  });

  it("makes new files in a new run once the data changed", async () => {
    const [earlier] = await runs();
    await inCity((tx) =>
      tx.team.updateMany({
        where: { tenantId: city.tenantId, cohortId: city.cohortId, number: 2 },
        data: { name: "소통 2조" },
      }),
    );
    const { runId, outcome } = await ask();
    expect(outcome).toBe("started");
    await cohortReportJob({ tenantId: city.tenantId, runId }, context().job);
    const [old, renewed] = await runs();
    expect(old?.id).toBe(earlier?.id);
    expect(renewed).toMatchObject({ id: runId, status: "ready" });
    expect(renewed?.dataHash).not.toBe(old?.dataHash);
    expect(renewed?.pdfKey).not.toBe(old?.pdfKey);
    expect(renewed?.xlsxKey).not.toBe(old?.xlsxKey);
    expect(await readdir(folder())).toHaveLength(4);
    const file = await inCity((tx) => getCohortReportFile(tx, { ...city, runId, format: "xlsx" }));
    expect(file.storageKey).toBe(renewed?.xlsxKey);
  });

  it("does not retry a run that is not the tenant's", async () => {
    const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
    const [run] = await runs();
    await expect(
      cohortReportJob({ tenantId: yongin, runId: run?.id as string }, context().job),
    ).rejects.toBeInstanceOf(UnrecoverableError);
  });
});

describe("a report run left under way", () => {
  /** A run shown as generating, as asking leaves it. */
  const generatingRun = () =>
    inCity((tx) =>
      tx.cohortReportRun.create({
        data: { tenantId: city.tenantId, cohortId: city.cohortId, status: "generating" },
        select: { id: true },
      }),
    );
  const statusOf = (id: string) =>
    inCity((tx) =>
      tx.cohortReportRun.findFirstOrThrow({ where: { id }, select: { status: true, failureCode: true } }),
    );

  it("is marked failed when its job fails for good, so the page offers to make it again", async () => {
    const { id } = await generatingRun();
    await failUnfinishedCohortReport({ tenantId: city.tenantId, runId: id }, { db, log }, "gave up");
    expect(await statusOf(id)).toEqual({ status: "failed", failureCode: "job_failed" });
  });

  it("is marked stalled by the stale-work sweep once it showed no progress for longer than the lease", async () => {
    const { id } = await generatingRun();
    const sweep = () =>
      failStaleWorkAt(() => new Date())(
        {},
        { db, log, mailer: noMail, signal: new AbortController().signal, progress: async () => {} },
      );
    await sweep();
    expect(await statusOf(id)).toEqual({ status: "generating", failureCode: null });
    await inCity(
      (tx) =>
        tx.$executeRaw`update cohort_report_runs set updated_at = now() - make_interval(secs => ${WORK_LEASE_MS / 1_000 + 60})
                      where id = ${id}::uuid`,
    );
    await sweep();
    expect(await statusOf(id)).toEqual({ status: "failed", failureCode: "stalled" });
  });
});
