// `npm test`: from a fresh clone, installs what the tests need, migrates a template database, and runs
// lint, type checks and every package's tests. Exits non-zero on any failure.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { ensureInstalled, installTestTools, prepare, root, run, runInBackground, step } from "./lib.mjs";

const started = Date.now();
process.env.TURBO_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "test";

const testTools = installTestTools();
ensureInstalled();
step("Lint (Biome), in the background");
const linting = runInBackground("lint", "npm", ["run", "--silent", "lint"]);
prepare({ databases: ["mentoring_test_template"], fresh: true });

// Each package's Vitest writes a JSON report here; they are summed up at the end.
const packageDirs = [
  ...["apps", "packages"].flatMap((base) =>
    readdirSync(join(root, base), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, base, entry.name, "package.json")))
      .map((entry) => join(root, base, entry.name)),
  ),
  join(root, "infra"),
];
const reportOf = (dir) => join(dir, ".tmp", "test-results.json");
for (const dir of packageDirs) rmSync(reportOf(dir), { force: true });

const { status: lint, output: lintOutput } = await linting;
console.log(lint === 0 ? "\nLint: ok" : lintOutput);
await testTools;
// One after the other: side by side, the unit tests and the browser tests, both CPU-bound on two cores,
// took longer together than in turn.
step("Type check and tests (Turborepo)");
const tests = run("npx", [
  "turbo",
  "run",
  "typecheck",
  "test",
  "--continue",
  "--output-logs=new-only",
  "--log-order=grouped",
]);

step("Browser tests (Playwright, Debian's Chromium)");
const e2eReport = join(root, "apps/web/.tmp/e2e-results.json");
rmSync(e2eReport, { force: true });
let stageStarted = Date.now();
const e2e = run("npx", ["playwright", "test", "-c", "apps/web/playwright.config.ts"]);
const e2eSeconds = Math.round((Date.now() - stageStarted) / 1000);

// The same suite against the platform as a city-scale deployment runs it: two web processes and two
// workers behind HAProxy, every one through PgBouncer in transaction pooling mode (scripts/topology,
// docs/operations.md). It serves the build the first run made.
step("Browser tests against the topology (2 web, 2 workers, HAProxy, PgBouncer)");
const topologyReport = join(root, "apps/web/.tmp/e2e-topology-results.json");
rmSync(topologyReport, { force: true });
stageStarted = Date.now();
const e2eTopology = run(
  "npx",
  [
    "playwright",
    "test",
    "-c",
    "apps/web/playwright.config.ts",
    "--output",
    "apps/web/.tmp/e2e-topology-artifacts",
  ],
  {
    env: {
      ...process.env,
      E2E_TOPOLOGY: "1",
      E2E_SKIP_BUILD: existsSync(
        join(root, "apps/web", process.env.WEB_BUILD_DIR ?? "build", "server/index.js"),
      )
        ? "1"
        : "",
      PLAYWRIGHT_JSON_OUTPUT_FILE: topologyReport,
    },
  },
);
const e2eTopologySeconds = Math.round((Date.now() - stageStarted) / 1000);

let passed = 0;
let failed = 0;
let skipped = 0;
// Named again at the very end, where a CI log's tail still shows them.
const failures = [];
for (const dir of packageDirs) {
  if (!existsSync(reportOf(dir))) continue;
  const report = JSON.parse(readFileSync(reportOf(dir), "utf8"));
  passed += report.numPassedTests;
  // A file that fails to load has no failed test, only an unsuccessful report: count it once.
  failed += report.numFailedTests || (report.success ? 0 : 1);
  skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    const where = file.name.slice(root.length + 1);
    const tests = file.assertionResults.filter((test) => test.status === "failed");
    if (file.status === "failed" && tests.length === 0)
      failures.push(`${where}: ${file.message.split("\n")[0]}`);
    for (const test of tests)
      failures.push(`${where} › ${test.fullName}: ${test.failureMessages[0]?.split("\n")[0]}`);
  }
}
for (const [report, status, label] of [
  [e2eReport, e2e, ""],
  [topologyReport, e2eTopology, "topology: "],
]) {
  if (existsSync(report)) {
    const { stats } = JSON.parse(readFileSync(report, "utf8"));
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky;
    skipped += stats.skipped;
    failures.push(
      ...failedBrowserTests(JSON.parse(readFileSync(report, "utf8"))).map((name) => label + name),
    );
  } else if (status !== 0) {
    failed += 1;
  }
}
const ok = (status) => (status === 0 ? "ok" : "FAILED");
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `\nlint: ${ok(lint)}; type check and unit/integration tests: ${ok(tests)}; browser tests: ${ok(e2e)} (${e2eSeconds} s); against the topology: ${ok(e2eTopology)} (${e2eTopologySeconds} s); ${seconds} s`,
);
for (const failure of failures) console.log(`FAILED ${failure}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(
  lint === 0 && tests === 0 && e2e === 0 && e2eTopology === 0 && failed === 0 && passed > 0 ? 0 : 1,
);

/**
 * The failed or flaky Playwright tests, walking the report's nested suites: each with how long it ran and
 * the first line of its error, so a CI log's tail tells a test that hung from one that failed an assertion.
 */
function failedBrowserTests(report) {
  const names = [];
  const walk = (suite, path) => {
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
    for (const spec of suite.specs ?? []) {
      const bad = spec.tests.find((test) => test.status === "unexpected" || test.status === "flaky");
      if (!bad) continue;
      const result = bad.results.find((run) => run.status !== "passed") ?? bad.results[0];
      const error = stripVTControlCharacters(result?.error?.message ?? "").split("\n")[0];
      const title = [...path, spec.title].filter(Boolean).join(" › ");
      names.push(
        `${spec.file}:${spec.line} › ${title} (${Math.round((result?.duration ?? 0) / 1000)} s: ${error})`,
      );
    }
  };
  for (const suite of report.suites) walk(suite, []);
  return names;
}
