import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The reliability ("chaos") suite: `npm run test:chaos` at the repository root, never part of `npm test`.
 * The scenarios spend most of their time waiting (stalled-job checks, retry backoff, the outbox's
 * reconcile step), so they all run at once, each in its own database, Redis and mail sink.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["*.chaos.ts"],
    globalSetup: ["./global-setup.ts"],
    // Each scenario in a process of its own: a process the runner cannot stop is killed with its files
    // closed, where a worker thread left busy kept the whole run from exiting.
    pool: "forks",
    poolOptions: { forks: { minForks: 1, maxForks: 5 } },
    teardownTimeout: 20_000,
    fileParallelism: true,
    // Progress lines go straight to the terminal as they come, not batched per test.
    disableConsoleIntercept: true,
    testTimeout: 280_000,
    hookTimeout: 60_000,
    env: { CHAOS_STARTED_AT: String(Date.now()) },
  },
});
