import { defineConfig } from "@playwright/test";

/**
 * Browser tests against the production build, served with the worker, a fresh seeded database and a
 * real SMTP sink (e2e/global-setup.ts). Debian's Chromium: Playwright's own download is unreachable here.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // One browser at a time: the tests share one seeded database and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Whole journeys (sign-up to directory import) run a minute alone and longer on a loaded machine.
  timeout: 180_000,
  reporter: [["list"], ["json", { outputFile: ".tmp/e2e-results.json" }]],
  outputDir: ".tmp/e2e-artifacts",
  use: {
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
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
