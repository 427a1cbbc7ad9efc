import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Property tests run thousands of cases; on a loaded two-core machine that can take longer than
    // Vitest's default 5 s. A timeout is no speed check here (speed is measured by benchmarks).
    testTimeout: 30_000,
  },
});
