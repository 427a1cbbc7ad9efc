// The web process: Express serving the Remix app, with security headers, request ids, health checks and
// graceful shutdown. `npm run dev` serves through Vite; `npm start` serves the production build.
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { isBearer } from "@mentoring/auth";
import { config } from "@mentoring/config";
import { createDatabaseProbe, createProcessReplicaLagReader } from "@mentoring/db";
import { dependencyChecks, withRequestId } from "@mentoring/jobs";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { proxyTrust } from "./app/services/client-address.server";
import { createWebMetrics } from "./app/services/metrics.server";
import { expressHandler } from "./app/services/remix-express.server";
import { closeWhenBodyUnread, refuseCrossSitePosts } from "./app/services/request-screening.server";
import { createServices } from "./app/services/services.server";

const settings = config();
const services = createServices(settings);
// Readiness asks on a connection of its own: through the pool it waited behind the requests queued there.
const databaseProbe = createDatabaseProbe(settings.DATABASE_URL);
const { log } = services;
const production = settings.NODE_ENV === "production";

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
const build = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(
      new URL(`./${settings.WEB_BUILD_DIR}/server/index.js`, import.meta.url).href
    )) as ServerBuild);

const routePaths = Object.values((typeof build === "function" ? await build() : build).routes).map(
  (route) => route.path ?? "",
);
const replicaLag = createProcessReplicaLagReader(settings);
const metrics = createWebMetrics(routePaths, () => services.db.poolUse(), replicaLag);

const app = express();
app.disable("x-powered-by");
// X-Forwarded-For only from the proxies configured (none by default): clients cannot choose their address.
app.set("trust proxy", proxyTrust(settings));

app.use((request, response, next) => {
  const incoming = request.get("x-request-id");
  response.locals.requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  response.locals.nonce = randomBytes(16).toString("base64");
  response.setHeader("x-request-id", response.locals.requestId);
  const started = process.hrtime.bigint();
  response.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    metrics.observe({
      method: request.method,
      path: request.path,
      status: response.statusCode,
      seconds: ms / 1000,
    });
    log.info(
      {
        requestId: response.locals.requestId,
        method: request.method,
        path: request.path,
        status: response.statusCode,
        ms: Math.round(ms),
      },
      "request",
    );
  });
  // Outbox rows written while serving it carry its id, whichever handler writes them (the route builder
  // does the same for pages; this covers the API and webhooks): docs/operations.md, tracing.
  withRequestId(response.locals.requestId, next);
});

app.use(
  helmet({
    contentSecurityPolicy: production
      ? {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: [
              "'self'",
              (_request, response) => `'nonce-${(response as express.Response).locals.nonce}'`,
            ],
            styleSrc: [
              "'self'",
              (_request, response) => `'nonce-${(response as express.Response).locals.nonce}'`,
            ],
            imgSrc: ["'self'", "data:"],
            connectSrc: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            objectSrc: ["'none'"],
            baseUri: ["'self'"],
            // Only where the site itself is https: on plain http it would break every asset request.
            upgradeInsecureRequests: settings.APP_URL.startsWith("https:") ? [] : null,
          },
        }
      : false,
    // HSTS only means something over TLS; sent below when the request came in securely.
    strictTransportSecurity: false,
  }),
);
app.use((request, response, next) => {
  if (request.secure) response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // The pages use no camera, microphone, location, payment or USB: no script on them may either.
  response.setHeader(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  );
  next();
});
app.use(compression());

// Request bodies are limited per endpoint as they stream in (app/services/request-body.server.ts: the
// route builder and the guards); an answer given before its body was all read closes the connection.
app.use(closeWhenBodyUnread());
// A post from another site gets a translated 403 page, where Remix would throw and answer 500.
app.use(refuseCrossSitePosts());

app.get("/healthz", (_request, response) => {
  response.json({ live: !shuttingDown });
});
const readinessFailures = dependencyChecks(databaseProbe, services.redis);
app.get("/readyz", async (_request, response) => {
  const failures = await readinessFailures();
  const ready = !shuttingDown && Object.keys(failures).length === 0;
  response.status(ready ? 200 : 503).json({ ready, failures });
});

// Prometheus, with the token it is configured with (METRICS_TOKEN); to anyone else there is nothing here.
app.get("/metrics", async (request, response) => {
  if (!isBearer(request.get("authorization"), settings.METRICS_TOKEN)) {
    response.status(404).end();
    return;
  }
  response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
});

if (vite) {
  app.use(vite.middlewares);
} else {
  const client = new URL(`./${settings.WEB_BUILD_DIR}/client`, import.meta.url).pathname;
  app.use("/assets", express.static(`${client}/assets`, { immutable: true, maxAge: "1y" }));
  // Other files of the build (what public/ holds, if anything) by their names, known at start: a static
  // handler for every path looked each page's address up on disk first.
  const rootFiles = new Set(readdirSync(client).filter((name) => name !== "assets"));
  const rootStatic = express.static(client, { maxAge: "1h" });
  app.use((request, response, next) => {
    if (rootFiles.has(request.path.split("/", 2)[1] ?? "")) rootStatic(request, response, next);
    else next();
  });
}

app.all(
  "*",
  expressHandler(createRequestHandler(build, settings.NODE_ENV), (request, response) => ({
    services,
    clientAddress: request.ip ?? "unknown",
    requestId: response.locals.requestId as string,
    nonce: response.locals.nonce as string,
  })),
);

let shuttingDown = false;
const server = app.listen(settings.WEB_PORT, settings.WEB_HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.WEB_PORT;
  log.info({ host: settings.WEB_HOST, port, url: `http://127.0.0.1:${port}` }, "web started");
});
// A proxy in front (HAProxy) keeps idle connections to us to send the next requests on. Node closes a
// connection idle for 5 s by default: one closed just as the proxy sent a request on it left that request
// unanswered, a POST the proxy may not send again, the person's connection reset. So the proxy closes first.
server.keepAliveTimeout = 65_000;
// Larger than keepAliveTimeout, as Node requires of the time allowed for a request's headers.
server.headersTimeout = 66_000;

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ signal }, "shutting down: finishing requests in flight");
  server.close(async () => {
    await vite?.close();
    await Promise.all([services.close(), databaseProbe.close(), replicaLag?.close()]);
    log.info("shutdown complete");
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 15_000).unref();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
