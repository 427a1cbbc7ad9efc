import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { startStripeDouble } from "@mentoring/billing/testing";
import { config } from "@mentoring/config";
import { seedAll } from "@mentoring/db/seed";
import { createTestDatabase } from "@mentoring/db/testing";
import { startMailSink } from "@mentoring/mail/testing";
import { seedPrograms } from "@mentoring/programs/seed";
import { Redis } from "ioredis";
import { startTopology } from "../../../scripts/topology/topology";
import { E2E_PASSWORD } from "./support";

const webRoot = fileURLToPath(new URL("..", import.meta.url));
const workerRoot = fileURLToPath(new URL("../../worker", import.meta.url));
const tmpDir = fileURLToPath(new URL("../.tmp", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, name: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready at ${url} within 60 s`);
}

/**
 * Builds the app, seeds a fresh database, and starts a mail sink, the worker and the web server. What it
 * started is stopped again when setting up fails half-way, as after the run.
 */
export default async function globalSetup() {
  // As production builds it (the build script sets NODE_ENV: under `npm test` Vite would otherwise bundle
  // React's development build, twice the size and slower than what people get).
  // E2E_SKIP_BUILD: npm test's second run (against the topology) serves the build its first run made.
  if (!process.env.E2E_SKIP_BUILD) {
    const build = spawnSync("npm", ["run", "build"], { cwd: webRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("the web build failed");
  }

  // Undone in reverse order, after the run or when a later step fails.
  const undo: (() => Promise<unknown> | unknown)[] = [];
  const teardown = async () => {
    for (const step of undo.reverse()) await step();
  };
  try {
    const database = await createTestDatabase();
    undo.push(() => database.drop());
    await seedAll(database.db, { password: E2E_PASSWORD });
    await seedPrograms(database.db);

    // A directory of this run's own: another run in the same checkout does not empty it.
    mkdirSync(tmpDir, { recursive: true });
    const mailDir = mkdtempSync(`${tmpDir}/e2e-mail-`);
    undo.push(() => rmSync(mailDir, { recursive: true, force: true }));
    const sink = await startMailSink({
      onMail(mail) {
        writeFileSync(
          `${mailDir}/${Date.now()}-${randomBytes(3).toString("hex")}.json`,
          JSON.stringify(mail),
        );
      },
    });
    undo.push(() => sink.close());

    // Stripe cannot be reached from here: the real SDK talks to a local double; webhooks are signed for real.
    const stripe = await startStripeDouble();
    undo.push(() => stripe.close());
    const webhookSecret = `whsec_${randomBytes(16).toString("hex")}`;

    const webPort = await freePort();
    const baseURL = `http://127.0.0.1:${webPort}`;
    const prefix = `e2e-${randomBytes(4).toString("hex")}`;
    undo.push(async () => {
      const redis = new Redis(config().REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      DATABASE_URL: database.urls.app,
      DATABASE_INSIGHTS_URL: database.urls.insights,
      QUEUE_PREFIX: prefix,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      APP_URL: baseURL,
      WEB_PORT: String(webPort),
      SMTP_URL: sink.url,
      WORKER_HEALTH_PORT: String(await freePort()),
      OUTBOX_POLL_INTERVAL_MS: "100",
      STRIPE_API_URL: stripe.url,
      // Production refuses the published defaults of every secret; the double takes any key.
      STRIPE_SECRET_KEY: `sk_test_${randomBytes(16).toString("hex")}`,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      // No grace: a past-due subscription makes the tenant read-only at once, so the test can see it.
      BILLING_GRACE_DAYS: "0",
      METRICS_TOKEN: randomBytes(24).toString("hex"),
    };
    const start = (cwd: string, args: string[]) => {
      const child = spawn(process.execPath, args, { cwd, env, stdio: "inherit" });
      undo.push(async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      });
      return child;
    };
    if (process.env.E2E_TOPOLOGY) {
      // npm test's topology stage: two web processes and two workers behind HAProxy, every one through
      // PgBouncer in transaction pooling mode (scripts/topology); the browser talks to the proxy, here.
      const topology = await startTopology({
        env,
        databaseUrl: database.urls.app,
        insightsUrl: database.urls.insights,
        webBuildDir: process.env.WEB_BUILD_DIR ?? "build",
        port: webPort,
        logDir: mkdtempSync(`${tmpDir}/topology-`),
      });
      undo.push(() => topology.stop());
    } else {
      const worker = start(workerRoot, ["--import", "tsx", "src/main.ts"]);
      // The server as production runs it: compiled by the build (server.js), without tsx.
      const web = start(webRoot, ["server.js"]);
      await waitFor(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/readyz`, worker, "worker");
      await waitFor(`${baseURL}/readyz`, web, "web");
    }

    process.env.E2E_BASE_URL = baseURL;
    process.env.E2E_MAIL_DIR = mailDir;
    process.env.E2E_DATABASE_URL = database.urls.app;
    // The login fixture (e2e/fixtures.ts) signs session cookies as the server does.
    process.env.E2E_SESSION_SECRET = env.SESSION_SECRET;
    process.env.E2E_STRIPE_WEBHOOK_SECRET = webhookSecret;
    process.env.E2E_METRICS_TOKEN = env.METRICS_TOKEN;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
