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
    pool: "threads",
    poolOptions: { threads: { minThreads: 1, maxThreads: 5 } },
    fileParallelism: true,
    // Progress lines go straight to the terminal as they come, not batched per test.
    disableConsoleIntercept: true,
    testTimeout: 280_000,
    hookTimeout: 60_000,
    env: { CHAOS_STARTED_AT: String(Date.now()) },
  },
});
