// Calling a route's loader or action as Remix does, against the real PostgreSQL and Redis: a browser of its
// own (CSRF cookie, language), the client's address, and what came back (status, body, headers).
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { parseConfig } from "@mentoring/config";
import type { Database } from "@mentoring/db";
import { producerConnection } from "@mentoring/jobs";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { pino } from "pino";
import { csrfToken } from "../app/services/csrf.server";
import { localeCookie } from "../app/services/i18n.server";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * Services for one test file: its database, Redis under a key prefix of its own (deleted by `close`), and a
 * log whose lines the test can read. `redisUrl` points elsewhere to test what happens without Redis.
 * Returned once Redis is connected: until then every limit counts in the process (the fallback), which
 * would mix two counters in one test.
 */
export async function testServices(db: Database, { redisUrl }: { redisUrl?: string } = {}) {
  const prefix = `test-${randomBytes(4).toString("hex")}`;
  const config = parseConfig({ QUEUE_PREFIX: prefix, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
  const redis = producerConnection(config.REDIS_URL, redisUrl ? { retryStrategy: () => null } : {});
  redis.on("error", () => {});
  const logs: LogLine[] = [];
  const log = pino({ level: "warn" }, { write: (line: string) => logs.push(JSON.parse(line) as LogLine) });
  const services: Services = {
    config,
    db,
    redis,
    log,
    async close() {
      if (!redisUrl) {
        if (redis.status !== "ready") await once(redis, "ready");
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
        await redis.quit();
      } else redis.disconnect();
    },
  };
  if (!redisUrl && redis.status !== "ready") await once(redis, "ready");
  return { services, logs };
}

/** Services for pages and actions that never reach Redis, with a silent log; `env` as the config takes it. */
export function servicesWithoutRedis(db: Database, env: Record<string, string> = {}): Services {
  return {
    config: parseConfig(env),
    db,
    redis: undefined as never,
    log: pino({ level: "silent" }),
    close: async () => {},
  };
}

/** A browser signed in as `userId`: its session, CSRF and language cookies, and the CSRF token. */
export async function signedInBrowser(services: Services, userId: string, locale: "ko" | "en" = "ko") {
  const { cookie, csrf } = await browser(services, locale);
  const session = (await startSession(services, userId)).split(";")[0];
  return { cookie: `${session}; ${cookie}`, csrf };
}

/** A browser: its CSRF cookie and token, and its language. */
export async function browser(services: Services, locale: "ko" | "en" = "ko") {
  const csrf = await csrfToken(new Request("http://127.0.0.1/"), services.config.SESSION_SECRET);
  const language = (await localeCookie.serialize(locale)).split(";")[0];
  return { cookie: `${(csrf.setCookie ?? "").split(";")[0]}; ${language}`, csrf: csrf.token };
}

type Browser = Awaited<ReturnType<typeof browser>>;

function loadContext(services: Services, address: string): AppLoadContext {
  return { services, requestId: "test", nonce: "", clientAddress: address };
}

export interface Outcome {
  status: number;
  body: unknown;
  headers: Headers;
  /** Headers the request asked the server to add to its response, whichever way it is rendered. */
  replyHeaders: Headers;
}

async function outcomeOf(context: AppLoadContext, run: () => Promise<unknown>): Promise<Outcome> {
  const replyHeaders = () => context.replyHeaders ?? new Headers();
  try {
    const value = await run();
    const init = value as {
      type?: string;
      data?: unknown;
      init?: { status?: number; headers?: HeadersInit };
    };
    if (init?.type === "DataWithResponseInit")
      return {
        status: init.init?.status ?? 200,
        body: init.data,
        headers: new Headers(init.init?.headers),
        replyHeaders: replyHeaders(),
      };
    return { status: 200, body: value, headers: new Headers(), replyHeaders: replyHeaders() };
  } catch (thrown) {
    if (thrown instanceof Response)
      return {
        status: thrown.status,
        body: await thrown.text(),
        headers: thrown.headers,
        replyHeaders: replyHeaders(),
      };
    throw thrown;
  }
}

/** Posts a form to an action from `address`, as `who` (a browser). */
export function post(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  services: Services,
  who: Browser,
  {
    path,
    fields,
    address,
    params = {},
  }: { path: string; fields: Record<string, string>; address: string; params?: Record<string, string> },
): Promise<Outcome> {
  const context = loadContext(services, address);
  return outcomeOf(context, () =>
    action({
      request: new Request(`http://127.0.0.1${path}`, {
        method: "POST",
        body: new URLSearchParams({ csrf: who.csrf, ...fields }),
        headers: { cookie: who.cookie, "content-type": "application/x-www-form-urlencoded" },
      }),
      params,
      context,
    } as ActionFunctionArgs),
  );
}

/** Opens a page's loader from `address`. */
export function get(
  loader: (args: LoaderFunctionArgs) => Promise<unknown>,
  services: Services,
  who: Browser,
  { path, address, params = {} }: { path: string; address: string; params?: Record<string, string> },
): Promise<Outcome> {
  const context = loadContext(services, address);
  return outcomeOf(context, () =>
    loader({
      request: new Request(`http://127.0.0.1${path}`, { headers: { cookie: who.cookie } }),
      params,
      context,
    } as LoaderFunctionArgs),
  );
}

/** The form-level messages of a refused action's reply. */
export function formMessages(outcome: Outcome): string[] {
  const body = outcome.body as { error?: Record<string, string[] | null> } | undefined;
  return body?.error?.[""] ?? [];
}
