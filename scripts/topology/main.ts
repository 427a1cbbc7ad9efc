// `npm run topology`: the platform as a city-scale deployment runs it on one host (scripts/topology/
// topology.ts): two web processes and two workers behind HAProxy, all through PgBouncer in transaction
// pooling mode, one Redis, with the dev mail sink. Migrates DATABASE_URL's database first, directly (as
// the owner role: migrations and role set-up never go through PgBouncer), and builds the web app into
// WEB_BUILD_DIR (`--skip-build` serves what is there). Ctrl-C stops everything gracefully.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { config } from "@mentoring/config";
import { startTopology } from "./topology";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    "skip-build": { type: "boolean", default: false },
  },
});
const settings = config();
const webBuildDir = settings.WEB_BUILD_DIR;

const runOrExit = (command: string, args: string[]) => {
  const { status } = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
};
console.log("\n▶ Set-up: install, Prisma client, services, migrations (directly to PostgreSQL)");
runOrExit(process.execPath, ["scripts/setup.mjs"]);
if (!values["skip-build"]) {
  console.log(`\n▶ Building the web app into apps/web/${webBuildDir}`);
  runOrExit("npm", ["run", "build", "-w", "@mentoring/web"]);
}

// Production refuses the published defaults of its secrets: these last as long as the run.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(32).toString("hex"),
  DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
  STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY ?? `sk_test_topology_${randomBytes(16).toString("hex")}`,
  STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET ?? `whsec_${randomBytes(24).toString("hex")}`,
};
const mail = spawn(process.execPath, ["--import", "tsx", "scripts/dev-mail-sink.ts"], {
  cwd: root,
  env,
  stdio: "inherit",
});
const logDir = join(root, ".tmp", "topology");
console.log("\n▶ Starting PgBouncer, two web processes, two workers and HAProxy");
const topology = await startTopology({
  env,
  databaseUrl: settings.DATABASE_URL,
  insightsUrl: settings.DATABASE_INSIGHTS_URL,
  webBuildDir,
  port: Number(values.port),
  logDir,
}).catch((error: Error) => {
  console.error(error.message);
  mail.kill("SIGTERM");
  process.exit(1);
});
console.log(
  [
    "",
    `  web app (HAProxy)  ${topology.url}`,
    ...topology.webs.map(
      (web) => `  ${web.name}              http://127.0.0.1:${web.port}/readyz   pid ${web.pid}`,
    ),
    ...topology.workers.map(
      (worker) => `  ${worker.name}           http://127.0.0.1:${worker.port}/readyz   pid ${worker.pid}`,
    ),
    `  PgBouncer          127.0.0.1:${topology.bouncer.port} (transaction pooling) → PostgreSQL ${new URL(settings.DATABASE_URL).host}`,
    `  logs               ${logDir}/`,
    "  Ctrl-C stops everything gracefully.",
    "",
  ].join("\n"),
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping: HAProxy, the webs, the workers, PgBouncer");
    await topology.stop();
    mail.kill("SIGTERM");
    process.exit(0);
  });
// A member that dies by itself is said at once (the proxy routes around a web, nothing restarts it).
for (const one of [...topology.webs, ...topology.workers])
  void one.exited().then(() => {
    if (!stopping) console.error(`${one.name} exited; the others keep serving. Ctrl-C, then run again.`);
  });
