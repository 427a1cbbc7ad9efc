// `npm run demo`: from a fresh clone, installs, migrates, seeds the two real programs' cities on a
// timeline anchored to today (every phase live: see packages/programs/src/seed-timeline.ts), builds the
// web app and runs it with the worker and a local mail sink. Ctrl-C stops everything gracefully.
// `npm run demo -- --fresh` empties the demo database first (programs seeded on another day are
// anchored to that day; this seeds them again for today). DEMO_TODAY=YYYY-MM-DD anchors to another day.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { prepare, root, runOrExit, step, tsx } from "./lib.mjs";

process.env.TURBO_TELEMETRY_DISABLED = "1";
const fresh = process.argv.includes("--fresh");
prepare({ databases: [null], fresh });

const webPort = process.env.WEB_PORT ?? "3000";
const appUrl = process.env.APP_URL ?? `http://127.0.0.1:${webPort}`;

step("Seeding 용인특례시 and 강릉시 on today's timeline (idempotent)");
// The seed's links (in the app's records) point at the address the demo serves.
process.env.APP_URL = appUrl;
if (tsx("packages/programs/scripts/seed.ts", ["--timeline"]) !== 0) process.exit(1);

step("Building the web app");
runOrExit("npm", ["run", "build", "-w", "@mentoring/web"]);

// The demo runs as production does, so it needs secrets of its own (production refuses the published
// defaults): made once, kept in .tmp/ (ignored by git), so sessions and encrypted settings survive a
// restart of the demo. A file from before a secret was added gets that one added.
const secretsFile = `${root}/.tmp/demo-secrets.json`;
const kept = existsSync(secretsFile) ? JSON.parse(readFileSync(secretsFile, "utf8")) : {};
const secrets = {
  SESSION_SECRET: randomBytes(32).toString("hex"),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  // Stripe cannot be reached from the demo: its calls fail, as with the placeholder key, and events
  // signed with any other secret are refused.
  STRIPE_SECRET_KEY: `sk_test_demo_${randomBytes(16).toString("hex")}`,
  STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
  ...kept,
};
if (Object.keys(secrets).some((name) => !(name in kept))) {
  mkdirSync(`${root}/.tmp`, { recursive: true });
  writeFileSync(secretsFile, JSON.stringify(secrets));
}

const healthPort = process.env.WORKER_HEALTH_PORT ?? "9464";
const env = {
  ...process.env,
  NODE_ENV: "production",
  WEB_PORT: webPort,
  APP_URL: appUrl,
  WORKER_HEALTH_PORT: healthPort,
  SESSION_SECRET: process.env.SESSION_SECRET ?? secrets.SESSION_SECRET,
  DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? secrets.DATA_ENCRYPTION_KEY,
  STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY ?? secrets.STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET ?? secrets.STRIPE_WEBHOOK_SECRET,
};

step("Starting the mail sink, the worker and the web app");
const children = [
  ["mail", ["--import", "tsx", "scripts/dev-mail-sink.ts"], root],
  ["worker", ["--import", "tsx", "src/main.ts"], `${root}/apps/worker`],
  ["web", ["server.js"], `${root}/apps/web`],
].map(([, args, cwd]) => spawn(process.execPath, args, { cwd, env, stdio: "inherit" }));

console.log(
  [
    "",
    `  web app         ${env.APP_URL}   (sign in with an account printed above)`,
    `  e-mails         printed here by the mail sink (password reset links, invitations)`,
    `  worker health   http://127.0.0.1:${healthPort}/readyz     web health ${env.APP_URL}/readyz`,
    "  Ctrl-C stops everything gracefully.",
    "",
  ].join("\n"),
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    for (const child of children) child.kill(signal);
  });
}
for (const child of children) {
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`a demo process exited (${code}); stopping the others`);
      stopping = true;
      for (const other of children) other.kill("SIGTERM");
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
}
