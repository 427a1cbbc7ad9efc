import { defineConfig } from "@playwright/test";

/**
 * Browser tests against the production build, served with the worker, a fresh seeded database and a
 * real SMTP sink (e2e/global-setup.ts). Debian's Chromium headless shell: Playwright's own download is
 * unreachable here.
 *
 * Tests run in any order and in parallel: each builds what it changes in an organisation of its own
 * (e2e/factories), reads the seeded cities only to read them, and signs in without the form
 * (e2e/fixtures.ts) unless signing in is what it tests.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Two browsers at a time: the machine has two cores, shared with the web server and the worker.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // A flaky test fails the run: no retry hides it.
  retries: 0,
  // Whole journeys (sign-up to directory import) run a minute alone and longer on a loaded machine.
  timeout: 180_000,
  // The suite runs beside the unit tests on two cores: a page may take a few seconds to answer.
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".tmp/e2e-results.json" }]],
  outputDir: ".tmp/e2e-artifacts",
  use: {
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    screenshot: "only-on-failure",
    // Recording a trace for every test cost an eighth of the suite's CPU, and a CI machine's traces are
    // thrown away with it: `--trace retain-on-failure` records them when chasing a failure locally.
    trace: "off",
    // A click waits for its element to be visible, enabled and still over two animation frames. A page
    // whose frames stop (seen once in CI: a click waited out the rest of a 300 s test) fails at that step,
    // with its own call log, instead of using up the test's whole budget.
    actionTimeout: 30_000,
    launchOptions: {
      // Chromium's headless shell, as `npm test` installs it (scripts/lib.mjs): the full browser's window
      // and GPU layers doubled the CPU each test takes.
      executablePath: "/usr/lib/chromium/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
