import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    !process.env.VITEST &&
      remix({
        // WEB_BUILD_DIR (packages/config): read here before the app's configuration exists.
        buildDirectory: process.env.WEB_BUILD_DIR ?? "build",
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
  ],
  server: { port: 3000 },
  // Server-only packages stay outside the client bundle and are loaded by Node at run time.
  ssr: { noExternal: ["@mentoring/i18n", "@mentoring/domain"] },
});
