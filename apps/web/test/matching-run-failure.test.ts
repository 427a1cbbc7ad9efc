// The matching page against a real database, called as Remix would call it: a run that failed carries why
// (its job gave up, or it stalled) as a code the page words, never the database's or the engine's error
// text, and "다시 실행" still starts a new run from it.
import { parseConfig } from "@mentoring/config";
import { createSeededTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { startMatchingRun, tenantToday, transitionCohort } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../app/routes/$tenant.programs.cohorts.$cohortId.matching";
import { csrfToken } from "../app/services/csrf.server";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";

let testDb: TestDatabase;
let services: Services;
let tenantId: string;
let cohortId: string;
let coordinatorId: string;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  testDb = await createSeededTestDatabase();
  const { db } = testDb;
  services = {
    config: parseConfig({}),
    db,
    redis: undefined as never,
    log: pino({ level: "silent" }),
    close: async () => {},
  };
  await seedPrograms(db);
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  await db.withTenant(tenantId, async (tx) => {
    cohortId = (await tx.cohort.findFirstOrThrow({ where: { tenantId, number: 1 } })).id;
    coordinatorId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
    ).userId;
    await transitionCohort(tx, {
      tenantId,
      cohortId,
      actorUserId: coordinatorId,
      to: "matching",
      override: true,
      reason: "매칭 일정 시작",
      today: tenantToday("Asia/Seoul"),
      appUrl: "http://localhost",
    });
  });
  const token = await csrfToken(new Request("http://127.0.0.1/"), services.config.SESSION_SECRET);
  csrf = token.token;
  const session = (await startSession(services, coordinatorId)).split(";")[0];
  cookie = `${session}; ${(token.setCookie ?? "").split(";")[0]}`;
}, 120_000);

afterAll(() => testDb?.drop());

const context = () => ({ services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" });
const page = (runId?: string) =>
  `http://127.0.0.1/yongin/programs/cohorts/${cohortId}/matching${runId ? `?run=${runId}` : ""}`;

/** A run started as the coordinator starts one, then failed as the worker or the sweep fails it. */
async function failedRun(error: string, failureCode: "job_failed" | "stalled" | null): Promise<string> {
  return testDb.db.withTenant(tenantId, async (tx) => {
    const { runId } = await startMatchingRun(tx, { tenantId, cohortId, actorUserId: coordinatorId });
    await tx.matchingRun.update({
      where: { id: runId },
      data: { status: "failed", error, failureCode, finishedAt: new Date() },
    });
    return runId;
  });
}

async function load(runId: string) {
  return (await loader({
    request: new Request(page(runId), { headers: { cookie } }),
    params: { tenant: "yongin", cohortId },
    context: context(),
  } as LoaderFunctionArgs)) as { run: { id: string; status: string; failureCode: string | null } };
}

describe("a matching run that failed", () => {
  it("carries why its job failed as a code, without the database's error text", async () => {
    const runId = await failedRun("job stalled more than allowable limit: lease expired", "stalled");
    const data = await load(runId);
    expect(data.run).toMatchObject({ id: runId, status: "failed", failureCode: "stalled" });
    expect(JSON.stringify(data)).not.toContain("lease expired");
  });

  it("carries no code and no engine text when the engine itself refused the run", async () => {
    const runId = await failedRun('participants[0].role: Invalid enum value. Expected "mentor"', null);
    const data = await load(runId);
    expect(data.run).toMatchObject({ id: runId, status: "failed", failureCode: null });
    expect(JSON.stringify(data)).not.toContain("participants[0]");
  });

  it("is run again from the page, as a new run based on the failed one", async () => {
    const runId = await failedRun("worker lost the job too often", "job_failed");
    const form = new FormData();
    form.set("csrf", csrf);
    form.set("intent", "run");
    form.set("basedOnRunId", runId);
    const answer = await action({
      request: new Request(page(runId), { method: "POST", body: form, headers: { cookie } }),
      params: { tenant: "yongin", cohortId },
      context: context(),
    } as ActionFunctionArgs).catch((thrown: unknown) => thrown);
    expect(answer).toBeInstanceOf(Response);
    const location = (answer as Response).headers.get("location") ?? "";
    expect(location).toMatch(/\/matching\?run=/);
    const newRunId = new URL(location, "http://127.0.0.1").searchParams.get("run") as string;
    expect(newRunId).not.toBe(runId);
    expect((await load(newRunId)).run).toMatchObject({ status: "queued", failureCode: null });
  });
});
