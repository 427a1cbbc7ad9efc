// Set-up steps shared by `npm test`, `npm run demo` and `npm run bench`. Node built-ins only: these run
// before anything is installed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const hashOfLock = () =>
    createHash("sha256")
      .update(readFileSync(join(root, "package-lock.json")))
      .digest("hex");
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

/**
 * Debian's Chromium and a Korean font for the browser tests, and poppler-utils (pdftotext, pdftoppm) for
 * the certificate PDF tests, installed once (apt) when missing: Playwright's own browser download cannot
 * reach its host from here.
 */
export function ensureChromium() {
  if (
    existsSync("/usr/bin/chromium") &&
    existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc") &&
    existsSync("/usr/bin/pdftoppm")
  )
    return;
  step("Installing Chromium, Noto CJK fonts and poppler-utils for the tests (apt-get, once)");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    run(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (
    apt(["update", "-qq"]) !== 0 ||
    apt(["install", "-y", "-qq", "chromium", "fonts-noto-cjk", "poppler-utils"]) !== 0
  ) {
    console.error(
      "Could not install Chromium. Install Debian's chromium, fonts-noto-cjk and poppler-utils packages, then run again.",
    );
    process.exit(1);
  }
}
