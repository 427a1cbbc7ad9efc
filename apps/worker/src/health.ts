import { createServer, type Server } from "node:http";
import { isBearer } from "@mentoring/auth";
import type { Registry } from "prom-client";

export interface HealthChecks {
  /** The process is up and not shutting down. */
  live(): boolean;
  /** Dependencies answer: resolves with a check name → error message map (empty when all is well). */
  ready(): Promise<Record<string, string>>;
}

/** /metrics for Prometheus, to the holder of the token alone (none configured: not served). */
export interface MetricsEndpoint {
  registry: Registry;
  token: string | undefined;
}

/**
 * /healthz answers whether the process lives, /readyz whether PostgreSQL and Redis answer; orchestrators
 * restart on the first and route work on the second.
 */
export function startHealthServer(
  host: string,
  port: number,
  checks: HealthChecks,
  metrics?: MetricsEndpoint,
): Promise<Server> {
  const server = createServer(async (request, response) => {
    const send = (status: number, body: object) => {
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (request.url === "/healthz") return send(checks.live() ? 200 : 503, { live: checks.live() });
    if (request.url === "/readyz") {
      const failures = await checks.ready();
      const ok = Object.keys(failures).length === 0 && checks.live();
      return send(ok ? 200 : 503, { ready: ok, failures });
    }
    if (request.url === "/metrics" && metrics && isBearer(request.headers.authorization, metrics.token)) {
      const body = await metrics.registry.metrics();
      response.writeHead(200, { "content-type": metrics.registry.contentType }).end(body);
      return;
    }
    send(404, { error: "not found" });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
