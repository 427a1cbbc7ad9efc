import type { PoolUse, ReplicaLagReader } from "@mentoring/db";
import { registerDatabaseGauges } from "@mentoring/db/metrics";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Answers in seconds up to which requests are counted: a page should answer within 0.1-0.2 s. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 1, 2.5, 5, 10];

/** Paths the server answers itself, before Remix. */
const SERVER_PATHS = ["assets", "healthz", "readyz", "metrics"];

export interface WebMetrics {
  registry: Registry;
  /** One answered request: its method, path, status and duration. */
  observe(request: { method: string; path: string; status: number; seconds: number }): void;
}

/**
 * The web process's Prometheus figures: request durations by route and status (the histogram's count is
 * the status count), the database pool's use, the read replica's lag when one is configured, and Node's own
 * (CPU, memory, event-loop delay, GC).
 */
export function createWebMetrics(
  routePaths: readonly string[],
  pool: () => PoolUse,
  replicaLag?: ReplicaLagReader,
): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer a request, by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  registerDatabaseGauges(registry, pool, replicaLag);
  const routeOf = routeLabeller(routePaths);
  return {
    registry,
    observe({ method, path, status, seconds }) {
      duration.observe({ method, route: routeOf(path), status: String(status) }, seconds);
    },
  };
}

/**
 * A route's label from a request's path: the words of the app's own routes stay, everything else (a
 * tenant's slug first, then ids, serials, tokens) becomes a placeholder. Labels stay few whatever the
 * addresses asked for, and no secret in an address (an invitation token) reaches the metrics.
 */
export function routeLabeller(routePaths: readonly string[]): (path: string) => string {
  const words = new Set(SERVER_PATHS);
  for (const routePath of routePaths)
    for (const segment of routePath.split("/"))
      if (segment !== "" && !segment.startsWith(":") && segment !== "*") words.add(segment);
  return (path) => {
    const segments = path.split("/").filter((segment) => segment !== "");
    if (segments.length === 0) return "/";
    return `/${segments
      .map((segment, index) => (words.has(segment) ? segment : index === 0 ? ":tenant" : ":param"))
      .join("/")}`;
  };
}
