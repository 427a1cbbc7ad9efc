import type { Config } from "@mentoring/config";
import { createProcessDatabase, type Database } from "@mentoring/db";
import { producerConnection } from "@mentoring/jobs";
import type { Redis } from "ioredis";
import { type Logger, pino } from "pino";
import { closeInsightsReaders } from "./insights-reader.server";

/**
 * What a request handler needs from the outside world, created once per process by server.ts and handed
 * to loaders and actions through the load context (so the Remix build never opens connections itself).
 */
export interface Services {
  config: Config;
  db: Database;
  redis: Redis;
  log: Logger;
  close(): Promise<void>;
}

export function createServices(config: Config): Services {
  const log = pino({
    level: config.LOG_LEVEL,
    base: { service: "web" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  const db = createProcessDatabase(config, log);
  const redis = producerConnection(config.REDIS_URL);
  redis.on("error", (err) => log.warn({ err }, "redis error"));
  return {
    config,
    db,
    redis,
    log,
    async close() {
      await Promise.allSettled([db.disconnect(), redis.quit(), closeInsightsReaders()]);
    },
  };
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    /** Shown on error pages and in logs, so a report can be matched to its log lines. */
    requestId: string;
    /** Content-Security-Policy nonce for this response's inline scripts. */
    nonce: string;
    /** The client's address (X-Forwarded-For is believed only from TRUSTED_PROXIES). */
    clientAddress: string;
    /**
     * Headers this request's answer must carry however Remix renders it (a page, page data, an error
     * page): a route's own headers reach the response only through a `headers` export. Set by the route
     * builder (Retry-After of a refusal), added by entry.server.tsx.
     */
    replyHeaders?: Headers;
  }
}
