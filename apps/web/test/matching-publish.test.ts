// The matching page's publish action against a real database, called as Remix would call it: publishing new
// teams after certificates were issued for the published ones is answered with the reason, translated, for
// the page's publish section, not with a server error.
import { parseConfig } from "@mentoring/config";
import { createSeededTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import {
  prepareCertificateBatch,
  publishRun,
  runMatching,
  signCertificateBatch,
  startMatchingRun,
  tenantToday,
  transitionCohort,
} from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { action, loader } from "../app/routes/$tenant.programs.cohorts.$cohortId.matching";
import { csrfToken } from "../app/services/csrf.server";
import { localeCookie } from "../app/services/i18n.server";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";

let testDb: TestDatabase;
let services: Services;
let cohortId: string;
let newRunId: string;
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
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } });
  const tenantId = tenant.id;
  const { coordinatorId } = await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId, number: 1 } });
    cohortId = cohort.id;
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
    });
    return { coordinatorId: coordinator.userId };
  });
  const acting = { tenantId, cohortId, actorUserId: coordinatorId };
  const inYongin = <T>(work: Parameters<typeof db.withTenant<T>>[1]) => db.withTenant(tenantId, work);
  const solvedRun = async () => {
    const { runId } = await inYongin((tx) => startMatchingRun(tx, acting));
    await runMatching(db, { tenantId, runId });
    return runId;
  };
  await inYongin((tx) =>
    transitionCohort(tx, {
      ...acting,
      to: "matching",
      override: true,
      reason: "매칭 일정 시작",
      today: tenantToday("Asia/Seoul"),
      appUrl: "http://localhost",
    }),
  );
  const publishedRunId = await solvedRun();
  await inYongin((tx) => publishRun(tx, { ...acting, runId: publishedRunId, appUrl: "http://localhost" }));
  const { batchId } = await inYongin((tx) => prepareCertificateBatch(tx, { ...acting, today: "2025-03-05" }));
  await inYongin((tx) =>
    signCertificateBatch(tx, {
      ...acting,
      batchId,
      encryptionKey: "ab".repeat(32),
      now: new Date("2025-03-05T05:00:00Z"),
    }),
  );
  newRunId = await solvedRun();

  const token = await csrfToken(new Request("http://127.0.0.1/"), services.config.SESSION_SECRET);
  csrf = token.token;
  const session = (await startSession(services, coordinatorId)).split(";")[0];
  cookie = `${session}; ${(token.setCookie ?? "").split(";")[0]}`;
});
afterAll(async () => {
  await testDb?.drop();
});

async function publishAs(locale: "ko" | "en") {
  const reply = await action({
    request: new Request(`http://127.0.0.1/yongin/programs/cohorts/${cohortId}/matching?run=${newRunId}`, {
      method: "POST",
      body: new URLSearchParams({ csrf, intent: "publish", runId: newRunId, confirm: "on" }),
      headers: {
        cookie: `${cookie}; ${(await localeCookie.serialize(locale)).split(";")[0]}`,
        "content-type": "application/x-www-form-urlencoded",
      },
    }),
    params: { tenant: "yongin", cohortId },
    context: { services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" },
  } as ActionFunctionArgs);
  const { data, init } = reply as unknown as { data: unknown; init?: { status?: number } };
  return { status: init?.status, body: data };
}

it("answers publishing new teams after certificates were issued with the reason, for the publish section", async () => {
  expect(await publishAs("ko")).toEqual({
    status: 409,
    body: expect.objectContaining({
      status: "error",
      code: "matching.certificates_issued",
      refused: "publish",
      error: {
        "": [
          "공개된 팀에 결연증서 14장이 발급되어 있어 공개하지 않았습니다. 새 팀을 공개하려면 먼저 결연증서를 모두 취소하세요.",
        ],
      },
    }),
  });
  expect(await publishAs("en")).toMatchObject({
    status: 409,
    body: {
      error: {
        "": [
          "14 certificates were issued for the published teams, so nothing was published. Revoke them first to publish new teams.",
        ],
      },
    },
  });
});

it("tells the page, before anyone runs or publishes, how many certificates stand in the way", async () => {
  const reply = await loader({
    request: new Request(`http://127.0.0.1/yongin/programs/cohorts/${cohortId}/matching?run=${newRunId}`, {
      headers: { cookie },
    }),
    params: { tenant: "yongin", cohortId },
    context: { services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" },
  } as LoaderFunctionArgs);
  const data = (reply instanceof Response ? await reply.json() : reply) as { issuedCertificates: number };
  expect(data.issuedCertificates).toBe(14);
});
