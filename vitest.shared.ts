import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

/**
 * What every package's tests share. Test files run in worker threads that keep the modules they loaded:
 * re-loading Prisma's query compiler, the routes and the i18n resources for every file cost more than the
 * tests themselves (the web app's tests: 52 s of CPU isolated, 15 s shared). A test file therefore must not
 * depend on being first to load a module: settings it needs come from its package's config (`test.env`).
 */
const shared = defineConfig({
  test: {
    pool: "threads",
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export function testConfig(own: ViteUserConfig = {}) {
  return mergeConfig(shared, own);
}
