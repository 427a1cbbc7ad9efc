// Every page's loader (each route module whose loader the route builder made), opened with hostile URL
// params and search params against a real database and Redis: a control character (NUL first) in the
// tenant's slug or an id, ids that are no one's or another city's, values far beyond any field, numbers no
// one means, names no page reads. A control character in a URL param is no page there (404); one in the
// search params is a 400 page saying so in the reader's language; nothing is ever a 500, and opening a page
// writes nothing. fast-check picks the route and the values, seeded, so a run is the same every time.

import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { connect, withDatabase } from "@mentoring/db/provision";
import { PLATFORM_OPERATOR_EMAIL } from "@mentoring/db/seed";
import { createSeededTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { tenantRoles } from "@mentoring/domain";
import { seedPrograms } from "@mentoring/programs/seed";
import type { LoaderFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessOf } from "../app/services/guard.server";
import { localeCookie } from "../app/services/i18n.server";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";
import { testServices } from "./requests";
import { installWriteCounter, writeCount } from "./write-counter";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

let testDb: TestDatabase;
let services: Services;
let counterClient: Awaited<ReturnType<typeof connect>>;
let memberCookie: string;
let operatorCookie: string;
/** A real value for each URL param (the page is there), and another city's where one exists. */
const real: Record<string, string> = {};
const foreign: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createSeededTestDatabase();
  const { db } = testDb;
  services = (await testServices(db)).services;
  await seedPrograms(db);
  const tenantOf = (slug: string) => db.platform.tenant.findUniqueOrThrow({ where: { slug } });
  const [yongin, gangneung] = await Promise.all([tenantOf("yongin"), tenantOf("gangneung")]);
  const userId = await db.withTenant(yongin.id, async (tx) => {
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId: yongin.id, roles: { has: "coordinator" } },
    });
    await tx.membership.update({ where: { id: coordinator.id }, data: { roles: [...tenantRoles] } });
    real.tenant = "yongin";
    real.cohortId = (await tx.cohort.findFirstOrThrow({ orderBy: { number: "asc" } })).id;
    real.templateId = (await tx.programTemplate.findFirstOrThrow()).id;
    real.roundId = (await tx.surveyRound.findFirst())?.id ?? randomUUID();
    real.kind = "logo";
    return coordinator.userId;
  });
  await db.withTenant(gangneung.id, async (tx) => {
    foreign.tenant = "gangneung";
    foreign.cohortId = (await tx.cohort.findFirstOrThrow()).id;
    foreign.templateId = (await tx.programTemplate.findFirstOrThrow()).id;
  });
  const operator = await db.platform.user.findUniqueOrThrow({ where: { email: PLATFORM_OPERATOR_EMAIL } });
  memberCookie = (await startSession(services, userId)).split(";")[0] as string;
  operatorCookie = (await startSession(services, operator.id)).split(";")[0] as string;
  counterClient = await connect(withDatabase(testDb.urls.admin, testDb.name));
  await installWriteCounter(counterClient);
});
afterAll(async () => {
  await counterClient?.end();
  await services?.close();
  await testDb?.drop();
});

/** Every route module whose loader is a page's (the route builder's), with the URL params its name declares. */
const routesDir = new URL("../app/routes/", import.meta.url);
const pageRoutes = await Promise.all(
  readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file))
    .map(async (file) => {
      const module = (await import(/* @vite-ignore */ new URL(file, routesDir).href)) as { loader?: Loader };
      const access = accessOf(module.loader);
      const name = file.replace(/\.tsx?$/, "");
      const params = name
        .split(".")
        .filter((segment) => segment.startsWith("$"))
        .map((segment) => segment.slice(1));
      return { name, loader: module.loader, kind: access?.kind, params };
    }),
).then((all) =>
  all.filter(
    (route): route is typeof route & { loader: Loader } =>
      route.loader !== undefined &&
      (route.kind === "tenant" ||
        route.kind === "platform" ||
        route.kind === "public" ||
        route.kind === "signed_in"),
  ),
);

const control = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0007",
  "\u0009",
  "\u000a",
  "\u000d",
  "\u001b",
  "\u007f",
);
/** A value with one control character somewhere in it (in the real value, so that only the character is wrong). */
const withControl = (value: string) =>
  fc
    .tuple(fc.nat({ max: value.length }), control)
    .map(([at, character]) => `${value.slice(0, at)}${character}${value.slice(at)}`);
const hostileText = fc.oneof(
  fc.constantFrom(
    "",
    "1e23",
    "-1",
    "1e999",
    "NaN",
    "99999999999999999999",
    "[object Object]",
    "' or 1=1 --",
    "../../etc/passwd",
    "%00",
    "\\\\evil.example",
    "//evil.example",
    "00000000-0000-0000-0000-000000000000",
    "가".repeat(5_000),
  ),
  fc.uuid(),
  fc.string({ maxLength: 12 }),
);

/** A URL param: the real one, another city's, or something hostile; `tainted` when it holds a control character. */
function paramValue(name: string) {
  const base = real[name] ?? randomUUID();
  return fc.oneof(
    { arbitrary: fc.constant(base).map((value) => ({ value, tainted: false })), weight: 2 },
    fc.constant(foreign[name] ?? base).map((value) => ({ value, tainted: false })),
    hostileText.map((value) => ({ value, tainted: false })),
    { arbitrary: withControl(base).map((value) => ({ value, tainted: true })), weight: 3 },
  );
}

/** Search params the pages read, and others; `tainted` when a name or value holds a control character. */
const searchNames = fc.constantFrom(
  "redirectTo",
  "reset",
  "created",
  "copied",
  "template",
  "run",
  "page",
  "status",
  "role",
  "q",
  "sort",
  "format",
  "filter",
  "action",
  "from",
  "to",
  "code",
  "state",
  "error",
  "v",
  "unknown",
);
const searchParam = fc.oneof(
  fc.tuple(searchNames, hostileText).map(([name, value]) => ({ name, value, tainted: false })),
  fc
    .tuple(
      searchNames,
      hostileText.filter((value) => value.length < 100),
    )
    .chain(([name, value]) =>
      withControl(value || "x").map((tainted) => ({ name, value: tainted, tainted: true })),
    ),
  withControl("page").map((name) => ({ name, value: "1", tainted: true })),
);

async function open(
  route: (typeof pageRoutes)[number],
  params: Record<string, string>,
  search: URLSearchParams,
  locale: "ko" | "en",
  address: string,
) {
  const language = (await localeCookie.serialize(locale)).split(";")[0];
  const cookie = `${route.kind === "platform" ? operatorCookie : memberCookie}; ${language}`;
  const path = `/${route.name.replaceAll(".", "/")}`.replace(/\$/g, "_");
  try {
    const reply = (await route.loader({
      request: new Request(`http://127.0.0.1${path}?${search}`, { headers: { cookie } }),
      params,
      context: { services, requestId: "fuzz", nonce: "", clientAddress: address },
    } as LoaderFunctionArgs)) as { type?: string; init?: { status?: number } } | Response | undefined;
    if (reply instanceof Response) return { status: reply.status, body: await reply.text() };
    if (reply?.type === "DataWithResponseInit") return { status: reply.init?.status ?? 200, body: "" };
    return { status: 200, body: "" };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    return { status: 500, body: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown) };
  }
}

const numRuns = 6;
let cases = 0;
let opened = 0;
const statuses = new Map<number, number>();

describe.each(pageRoutes)("GET $name", (route) => {
  it("never answers hostile params or search params with a 500, and writes nothing", async () => {
    const params = fc.record(Object.fromEntries(route.params.map((name) => [name, paramValue(name)])));
    await fc.assert(
      fc.asyncProperty(
        params,
        fc.array(searchParam, { maxLength: 3 }),
        fc.constantFrom("ko" as const, "en" as const),
        async (picked, query, locale) => {
          cases++;
          opened++;
          const values = Object.fromEntries(Object.entries(picked).map(([name, { value }]) => [name, value]));
          const search = new URLSearchParams(query.map(({ name, value }) => [name, value]));
          const before = await writeCount(counterClient);
          const { status, body } = await open(
            route,
            values,
            search,
            locale,
            `10.1.${opened >> 8}.${opened & 255}`,
          );
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const what = `${JSON.stringify(values).slice(0, 200)} ?${search.toString().slice(0, 200)}`;
          expect(status, `${what}: ${body.slice(0, 400)}`).toBeLessThan(500);
          if (Object.values(picked).some(({ tainted }) => tainted)) expect(status, what).toBe(404);
          else if (query.some(({ tainted }) => tainted)) {
            expect(status, what).toBe(400);
            expect(body, what).toMatch(locale === "ko" ? /제어 문자/ : /control characters/);
          }
          expect(await writeCount(counterClient), `${what} wrote to the database`).toBe(before);
        },
      ),
      { numRuns, seed: 13, endOnFailure: true },
    );
  });
});

describe("an address with a NUL byte", () => {
  const tenantPages = () => pageRoutes.filter((route) => route.kind === "tenant");

  it("is no page in any tenant's slug or id (404, before anything reads the database)", async () => {
    expect(tenantPages().length).toBeGreaterThan(20);
    for (const route of tenantPages()) {
      const params = Object.fromEntries(route.params.map((name) => [name, real[name] ?? randomUUID()]));
      for (const name of route.params) {
        const { status } = await open(
          route,
          { ...params, [name]: `${params[name]}\u0000` },
          new URLSearchParams(),
          "ko",
          "10.2.0.1",
        );
        expect(status, `${route.name} with NUL in ${name}`).toBe(404);
      }
    }
  });

  it("in a search param is a 400 page saying why, in the reader's language", async () => {
    const signIn = pageRoutes.find((route) => route.name === "sign-in");
    if (!signIn) throw new Error("no sign-in route");
    const search = new URLSearchParams({ redirectTo: "/yongin\u0000" });
    const ko = await open({ ...signIn }, {}, search, "ko", "10.2.0.2");
    expect(ko).toEqual({
      status: 400,
      body: "주소에 보이지 않는 제어 문자(NUL 등)가 들어 있습니다. 주소를 확인한 뒤 다시 시도하세요.",
    });
    const en = await open(signIn, {}, search, "en", "10.2.0.3");
    expect(en.status).toBe(400);
    expect(en.body).toContain("invisible control characters");
  });
});

afterAll(() => {
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  console.info(
    `loader fuzz: ${cases} hostile requests over ${pageRoutes.length} loaders (${byStatus.join(", ")})`,
  );
});
