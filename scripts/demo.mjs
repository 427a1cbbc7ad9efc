// `npm run demo`: from a fresh clone, installs, migrates, seeds the two real programs' cities and runs
// what exists (the worker, with its outbox relay and health checks). Ctrl-C stops it gracefully.
import { spawn } from "node:child_process";
import { prepare, root, step, tsx } from "./lib.mjs";

process.env.TURBO_TELEMETRY_DISABLED = "1";
prepare({ databases: [null] });

step("Seeding 용인특례시 and 강릉시 (idempotent)");
if (tsx("packages/db/scripts/seed.ts") !== 0) process.exit(1);

const healthPort = process.env.WORKER_HEALTH_PORT ?? "9464";
step("Starting the worker");
console.log(
  [
    "Where to look:",
    `  worker health   http://127.0.0.1:${healthPort}/healthz   readiness http://127.0.0.1:${healthPort}/readyz`,
    "  database        psql postgresql://mentoring_owner:mentoring_owner@127.0.0.1:5432/mentoring",
    "                  (the owner is under row-level security too: run",
    "                   select set_config('app.tenant_id', id::text, false) from tenants where slug = 'yongin';",
    "                   before reading staff_members)",
    "  the web app arrives with the web-shell issue; Ctrl-C stops the worker gracefully.",
  ].join("\n"),
);
const worker = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: `${root}/apps/worker`,
  stdio: "inherit",
  env: { ...process.env, WORKER_HEALTH_PORT: healthPort },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => worker.kill(signal));
worker.on("exit", (code) => process.exit(code ?? 0));
