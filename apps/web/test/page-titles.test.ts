// Every page names itself in the browser's tab and to a screen reader arriving on it (KWCAG 6.4.2): a
// page added without a title fails here.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import type { PageTitleHandle } from "../app/components/page-title";

const routesDir = fileURLToPath(new URL("../app/routes", import.meta.url));

/** Routes that draw no page of their own: layouts whose pages name themselves, and a redirect. */
const notPages = new Set(["$tenant.tsx", "$tenant.programs.cohorts.$cohortId.tsx", "sso.$tenant.start.tsx"]);

interface RouteModule {
  default?: unknown;
  handle?: Partial<PageTitleHandle>;
}

const modules = await Promise.all(
  readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\./.test(file) && !notPages.has(file))
    .map(async (file) => ({
      file,
      module: (await import(/* @vite-ignore */ `../app/routes/${file}`)) as RouteModule,
    })),
);
// Resource routes (files, feeds, webhooks) answer with something other than a page.
const pages = modules.filter(({ module }) => module.default !== undefined);

it("finds the pages", () => {
  expect(pages.length).toBeGreaterThan(70);
});

it.each(pages.map(({ file, module }) => [file, module] as const))("%s names its page", (_file, module) => {
  const title = module.handle?.pageTitle;
  expect(typeof title === "string" || typeof title === "function").toBe(true);
});
