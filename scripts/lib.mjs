// Set-up steps shared by `npm test`, `npm run demo` and `npm run bench`. Node built-ins only: these run
// before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function step(title) {
  console.log(`\n▶ ${title}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function runOrExit(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) process.exit(status);
}

/**
 * Installs dependencies when node_modules is missing or older than package-lock.json or patches/ (the
 * changes to dependencies that `npm install` applies afterwards, through patch-package: ADR 0022).
 */
export function ensureInstalled() {
  const hashOfLock = () => {
    const hash = createHash("sha256").update(readFileSync(join(root, "package-lock.json")));
    const patches = join(root, "patches");
    for (const name of existsSync(patches) ? readdirSync(patches).sort() : [])
      hash.update(name).update(readFileSync(join(patches, name)));
    return hash.digest("hex");
  };
  const stamp = join(root, "node_modules", ".install-stamp");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hashOfLock()) return;
  // `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages (Biome's, esbuild's)
  // out of the lock file it writes and then refuses `npm ci` on it. Versions still come from the lock.
  step("Installing dependencies (npm install, versions from package-lock.json)");
  // --prefer-offline: packages already in npm's cache are taken from it without asking the registry
  // whether they changed (a version never changes); the others are downloaded as usual.
  runOrExit("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"]);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, hashOfLock());
}

/**
 * Starts a command beside the ones that follow, its output kept in .tmp/<name>.log (a file, not a pipe:
 * the synchronous steps meanwhile read nothing). Settles with its exit status and output.
 */
export function runInBackground(name, command, args, options = {}) {
  const logFile = join(root, ".tmp", `${name}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, "w");
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", log, log], ...options });
  return new Promise((resolve) => {
    const settle = (status) => {
      closeSync(log);
      resolve({ status, output: readFileSync(logFile, "utf8") });
    };
    child.on("error", () => settle(1));
    child.on("exit", (code) => settle(code ?? 1));
  });
}

export function tsx(script, args = []) {
  return run(process.execPath, ["--import", "tsx", script, ...args]);
}

/**
 * Generates the Prisma client, checks PostgreSQL and Redis, and migrates the given databases (null: the
 * one in DATABASE_URL); `fresh` drops them first so that every migration runs from empty.
 */
export function prepare({ databases, fresh = false }) {
  ensureInstalled();
  step("Generating the Prisma client");
  runOrExit("npm", ["run", "--silent", "generate", "-w", "@mentoring/db"]);
  step("Checking PostgreSQL and Redis");
  if (tsx("scripts/check-services.ts") !== 0) process.exit(1);
  for (const database of databases) {
    step(`Migrating database ${database ?? "(DATABASE_URL)"}${fresh ? " from empty" : ""}`);
    const args = [...(database ? [database] : []), ...(fresh ? ["--fresh"] : [])];
    if (tsx("packages/db/scripts/setup-database.ts", args) !== 0) process.exit(1);
  }
}

/** The browser of the end-to-end tests: Debian's build of Chromium's headless shell. */
const CHROMIUM = "/usr/lib/chromium/chromium-headless-shell";

/**
 * Chromium's headless shell and a Korean font for the browser tests, and poppler-utils (pdftotext,
 * pdftoppm) for the certificate PDF tests, installed with apt-get when missing: Playwright's own browser
 * download cannot reach its host from here. The headless shell, not the full browser: the same engine,
 * without the browser's window and GPU layers, at half the CPU per test.
 *
 * apt-get runs in the background: it waits on the network and the disk, as the npm install beside it
 * does. The returned promise settles when it is done; a failure ends the run.
 */
export function installTestTools() {
  const tools = [
    [CHROMIUM, "chromium-headless-shell"],
    ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "fonts-noto-cjk"],
    ["/usr/bin/pdftoppm", "poppler-utils"],
    // The reliability suite (npm run test:chaos) starts private Redis servers.
    ["/usr/bin/redis-server", "redis-server"],
    // The transaction pooling test (packages/db) and the browser tests against the topology of two web and
    // two worker processes (scripts/topology) start their own PgBouncer and HAProxy.
    ["/usr/sbin/pgbouncer", "pgbouncer"],
    ["/usr/sbin/haproxy", "haproxy"],
  ];
  const missing = tools.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
  if (missing.length === 0) return Promise.resolve();
  step(`Installing ${missing.join(", ")} for the tests (apt-get, once, in the background)`);
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  const install = `${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq ${missing.join(" ")}`;
  return runInBackground("apt", "sh", ["-c", install], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  }).then(({ status, output }) => {
    if (status === 0) return;
    console.error(output);
    console.error(
      `Could not install ${missing.join(", ")} with apt-get: install these Debian packages, then run again.`,
    );
    process.exit(1);
  });
}
