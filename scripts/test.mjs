// `npm test`: from a fresh clone, installs what the tests need, migrates a template database, and runs
// lint, type checks and every package's tests. Exits non-zero on any failure.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium, prepare, root, run, start, step } from "./lib.mjs";

const started = Date.now();
process.env.TURBO_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "test";

prepare({ databases: ["mentoring_test_template"], fresh: true });
ensureChromium();

// Each package's Vitest writes a JSON report here; they are summed up at the end.
const packageDirs = ["apps", "packages"].flatMap((base) =>
  readdirSync(join(root, base), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, base, entry.name, "package.json")))
    .map((entry) => join(root, base, entry.name)),
);
const reportOf = (dir) => join(dir, ".tmp", "test-results.json");
for (const dir of packageDirs) rmSync(reportOf(dir), { force: true });

step("Lint (Biome)");
const lint = run("npm", ["run", "--silent", "lint"]);
// The browser tests wait on pages, mails and jobs much of the time; the type check and the Vitest suites
// fill that time, so the two run side by side rather than one after the other. The others start once the
// browser tests' set-up (the production build, the seeded database, the servers) is done: competing with
// it for the two cores delayed the longest suite's start by a minute.
step(
  "Browser tests (Playwright, Debian's Chromium) beside the type check and unit/integration tests (Turborepo)",
);
const e2eReport = join(root, "apps/web/.tmp/e2e-results.json");
const e2eReady = join(root, "apps/web/.tmp/e2e-ready");
rmSync(e2eReport, { force: true });
rmSync(e2eReady, { force: true });
let e2eExited = false;
const e2eRun = start("npx", ["playwright", "test", "-c", "apps/web/playwright.config.ts"], {
  env: { ...process.env, E2E_READY_FILE: e2eReady },
}).finally(() => {
  e2eExited = true;
});
while (!existsSync(e2eReady) && !e2eExited) await new Promise((resolve) => setTimeout(resolve, 500));
const [tests, e2e] = await Promise.all([
  start("npx", [
    "turbo",
    "run",
    "typecheck",
    "test",
    "--continue",
    "--output-logs=new-only",
    "--log-order=grouped",
  ]),
  e2eRun,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of packageDirs) {
  if (!existsSync(reportOf(dir))) continue;
  const report = JSON.parse(readFileSync(reportOf(dir), "utf8"));
  passed += report.numPassedTests;
  // A file that fails to load has no failed test, only an unsuccessful report: count it once.
  failed += report.numFailedTests || (report.success ? 0 : 1);
  skipped += report.numPendingTests + report.numTodoTests;
}
if (existsSync(e2eReport)) {
  const { stats } = JSON.parse(readFileSync(e2eReport, "utf8"));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  skipped += stats.skipped;
} else if (e2e !== 0) {
  failed += 1;
}
const ok = (status) => (status === 0 ? "ok" : "FAILED");
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `\nlint: ${ok(lint)}; type check and unit/integration tests: ${ok(tests)}; browser tests: ${ok(e2e)}; ${seconds} s`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(lint === 0 && tests === 0 && e2e === 0 && failed === 0 && passed > 0 ? 0 : 1);
