// The route builder against the real PostgreSQL: who gets in, what the handler receives parsed, and how
// refusals come back translated.
import { randomBytes } from "node:crypto";
import { parseConfig } from "@mentoring/config";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { AppError } from "@mentoring/domain";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { csrfToken } from "../app/services/csrf.server";
import { accessOf } from "../app/services/guard.server";
import { tenantAction, tenantLoader } from "../app/services/route-builder.server";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";

let testDb: TestDatabase;
let services: Services;
let slug: string;
const cookies: Record<"coordinator" | "participant" | "outsider", string> = {
  coordinator: "",
  participant: "",
  outsider: "",
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  services = {
    config: parseConfig({}),
    db: testDb.db,
    redis: undefined as never,
    log: pino({ level: "silent" }),
    close: async () => {},
  };
  slug = `city-${randomBytes(4).toString("hex")}`;
  const tenant = await testDb.db.platform.tenant.create({
    data: { slug, name: "원주시", kind: "basic_government", region: "강원특별자치도", status: "active" },
  });
  const csrf = await csrfToken(new Request("http://127.0.0.1/"), services.config.SESSION_SECRET);
  const csrfCookie = (csrf.setCookie ?? "").split(";")[0];
  for (const who of ["coordinator", "participant", "outsider"] as const) {
    const user = await testDb.db.platform.user.create({
      data: { email: `${who}-${slug}@example.kr`, displayName: who },
    });
    if (who !== "outsider") {
      await testDb.db.withTenant(tenant.id, (tx) =>
        tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, roles: [who] } }),
      );
    }
    const session = (await startSession(services, user.id)).split(";")[0];
    cookies[who] = `${session}; ${csrfCookie}; lng=ko`;
  }
  csrfValue = csrf.token;
});
afterAll(async () => {
  await testDb?.drop();
});

let csrfValue = "";
const context = () => ({ services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" });

function get(loader: (args: LoaderFunctionArgs) => Promise<unknown>, who: keyof typeof cookies, params = {}) {
  return loader({
    request: new Request(`http://127.0.0.1/${slug}/x`, { headers: { cookie: cookies[who] } }),
    params: { tenant: slug, ...params },
    context: context(),
  } as LoaderFunctionArgs);
}

function post(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  who: keyof typeof cookies,
  fields: Record<string, string>,
  { withCsrf = true } = {},
) {
  const body = new URLSearchParams({ ...(withCsrf ? { csrf: csrfValue } : {}), ...fields });
  return action({
    request: new Request(`http://127.0.0.1/${slug}/x`, {
      method: "POST",
      body,
      headers: { cookie: cookies[who], "content-type": "application/x-www-form-urlencoded" },
    }),
    params: { tenant: slug },
    context: context(),
  } as ActionFunctionArgs);
}

/** What a thrown Response or a `data()` reply carries. */
async function outcome(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    const value = await promise;
    const init = value as { type?: string; data?: unknown; init?: { status?: number } };
    if (init?.type === "DataWithResponseInit") return { status: init.init?.status ?? 200, body: init.data };
    return { status: 200, body: value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    throw thrown;
  }
}

const cohortPage = tenantLoader(
  { permission: "programs.view", params: z.object({ cohortId: z.string().uuid() }) },
  async ({ params, tenant, locale, t, may }) => {
    if (params.cohortId === "00000000-0000-4000-8000-000000000000") throw new AppError("cohort.not_found");
    return {
      cohortId: params.cohortId,
      tenant: tenant.slug,
      locale,
      title: t("programs.nav.title"),
      may: may("programs.manage"),
    };
  },
);

const numberForm = z.object({
  number: z.number().int().min(1).max(99),
  title: z.string().max(10).optional(),
});
const newCohort = tenantAction(
  {
    permission: "programs.manage",
    form: numberForm,
    fieldName: (path, t) => (path === "number" ? t("programs.field.number") : null),
  },
  async ({ form }) => {
    if (form.number === 2) throw new AppError("cohort.number_taken", { number: form.number });
    return { created: form.number, title: form.title ?? null };
  },
);

describe("a tenant page's loader", () => {
  const id = "1d6f3c2e-8c51-4a57-9a43-6f0f5c6b2d10";

  it("hands the handler its parsed params, tenant, locale and translator", async () => {
    expect(await outcome(get(cohortPage, "coordinator", { cohortId: id }))).toEqual({
      status: 200,
      body: { cohortId: id, tenant: slug, locale: "ko", title: expect.any(String), may: true },
    });
  });

  it("answers 404 to an outsider, and 403 to a member without the permission", async () => {
    expect((await outcome(get(cohortPage, "outsider", { cohortId: id }))).status).toBe(404);
    expect((await outcome(get(cohortPage, "participant", { cohortId: id }))).status).toBe(403);
  });

  it("answers 404 for params that do not parse, and for what the use case does not find", async () => {
    expect((await outcome(get(cohortPage, "coordinator", { cohortId: "not-a-uuid" }))).status).toBe(404);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await outcome(get(cohortPage, "coordinator", { cohortId: missing }))).status).toBe(404);
  });

  it("is tagged with its permission for the route-access test", () => {
    expect(accessOf(cohortPage)).toEqual({ kind: "tenant", permission: "programs.view" });
  });
});

describe("a tenant page's action", () => {
  it("runs the handler with the form parsed (numbers coerced, empty fields absent)", async () => {
    expect(await outcome(post(newCohort, "coordinator", { number: "3", title: "" }))).toEqual({
      status: 200,
      body: { created: 3, title: null },
    });
  });

  it("answers an invalid form with 400 and a translated message naming the field, without running it", async () => {
    const { status, body } = await outcome(post(newCohort, "coordinator", { number: "100" }));
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: "error", error: { number: ["기수 번호: 99 이하여야 합니다"] } });
  });

  it("words a missing or wrong value with the message the schema names, when it names one", async () => {
    const apply = tenantAction(
      {
        permission: "programs.manage",
        form: z.object({
          role: z.enum(["mentor", "mentee"], { message: "recruitment.apply.roleRequired" }),
          consent: z.string({ required_error: "recruitment.error.consentRequired" }),
        }),
      },
      async () => ({ applied: true }),
    );
    const posts: Record<string, string>[] = [{}, { role: "boss" }];
    for (const fields of posts) {
      const { status, body } = await outcome(post(apply, "coordinator", fields));
      expect(status).toBe(400);
      expect(body).toMatchObject({
        error: {
          role: ["신청할 역할을 고르세요"],
          consent: ["개인정보 수집·이용에 동의해야 신청할 수 있습니다"],
        },
      });
    }
  });

  it("answers a refusal with its status, its code and its translated message", async () => {
    const { status, body } = await outcome(post(newCohort, "coordinator", { number: "2" }));
    expect(status).toBe(409);
    expect(body).toMatchObject({ status: "error", code: "cohort.number_taken" });
    expect((body as { error: Record<string, string[]> }).error[""]?.[0]).toContain("2");
  });

  it("refuses a post without its CSRF token, and a member without the permission", async () => {
    expect((await outcome(post(newCohort, "coordinator", { number: "3" }, { withCsrf: false }))).status).toBe(
      403,
    );
    expect((await outcome(post(newCohort, "participant", { number: "3" }))).status).toBe(403);
  });
});
