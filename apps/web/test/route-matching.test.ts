// Remix matches a request's path against the route tree several times per request; the router is patched
// (patches/, ADR 0022) to keep the ranked branches of a tree, each compiled path pattern and each parent's
// match within a call, and the renderer to build its route tree once per build. These tests hold the
// patched matcher to the router's documented behaviour, including a tree that grows after it was first
// matched (routes discovered later are added to the same arrays).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type * as Router from "@remix-run/router";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The build the server loads (CommonJS, the package's main), not the ES module a bundler would pick.
const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router");
const { matchPath, matchRoutes } = require(routerFile) as typeof Router;

const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      {
        id: "tenant",
        path: ":tenant",
        children: [
          { id: "tenant-home", index: true },
          { id: "team", path: "team" },
          { id: "cohort", path: "programs/cohorts/:cohortId" },
          { id: "applicants", path: "programs/cohorts/:cohortId/applicants" },
          { id: "files", path: "files/*" },
        ],
      },
      { id: "verify", path: "verify/:serial" },
    ],
  },
];
const idsOf = (matches: ReturnType<typeof matchRoutes>) => matches?.map((match) => match.route.id) ?? null;

describe("route matching with the patched router", () => {
  it("runs the patched build of @remix-run/router", () => {
    expect(routerFile).toMatch(/router\.cjs\.js$/);
    expect(readFileSync(routerFile, "utf8")).toContain("rankedBranchesOf");
  });

  it("renders with one route tree per build (patched @remix-run/react and react-router-dom)", () => {
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain(
      "serverRoutesOf",
    );
    const staticRouter = require.resolve("react-router-dom/server", {
      paths: [dirname(require.resolve("@remix-run/react"))],
    });
    expect(readFileSync(staticRouter, "utf8")).toContain("dataRoutesCache");
    const { createStaticRouter } = require(staticRouter) as {
      createStaticRouter: (routes: AgnosticRouteObject[], context: { matches: [] }) => { routes: unknown };
    };
    const routes = tree();
    const first = createStaticRouter(routes, { matches: [] }).routes;
    expect(createStaticRouter(routes, { matches: [] }).routes).toBe(first);
    expect(createStaticRouter(tree(), { matches: [] }).routes).not.toBe(first);
  });

  it("finds the most specific route, the same on every call of the same tree", () => {
    const routes = tree();
    for (let call = 0; call < 3; call++) {
      expect(idsOf(matchRoutes(routes, "/gangneung/team"))).toEqual(["root", "tenant", "team"]);
      expect(idsOf(matchRoutes(routes, "/gangneung/programs/cohorts/c1/applicants"))).toEqual([
        "root",
        "tenant",
        "applicants",
      ]);
      expect(idsOf(matchRoutes(routes, "/gangneung"))).toEqual(["root", "tenant", "tenant-home"]);
      expect(idsOf(matchRoutes(routes, "/verify/ABC-123"))).toEqual(["root", "verify"]);
      expect(idsOf(matchRoutes(routes, "/gangneung/team/extra"))).toBeNull();
    }
  });

  it("reads params and splats afresh for each path", () => {
    const routes = tree();
    expect(matchRoutes(routes, "/yongin/programs/cohorts/c2")?.at(-1)?.params).toEqual({
      tenant: "yongin",
      cohortId: "c2",
    });
    expect(matchRoutes(routes, "/gangneung/programs/cohorts/c1")?.at(-1)?.params).toEqual({
      tenant: "gangneung",
      cohortId: "c1",
    });
    expect(matchRoutes(routes, "/gangneung/files/a/b.png")?.at(-1)?.params["*"]).toBe("a/b.png");
  });

  it("sees a route added to a tree it has already matched", () => {
    const routes = tree();
    expect(idsOf(matchRoutes(routes, "/gangneung/showcase"))).toBeNull();
    routes[0]?.children?.[1]?.children?.push({ id: "showcase", path: "showcase" });
    expect(idsOf(matchRoutes(routes, "/gangneung/showcase"))).toEqual(["root", "tenant", "showcase"]);
  });

  it("compiles a pattern once per case sensitivity and end, with the same answers", () => {
    expect(matchPath({ path: "/Team", caseSensitive: false, end: true }, "/team")).not.toBeNull();
    expect(matchPath({ path: "/Team", caseSensitive: true, end: true }, "/team")).toBeNull();
    expect(matchPath({ path: "/team", end: false }, "/team/members")?.pathnameBase).toBe("/team");
    expect(matchPath({ path: "/team", end: true }, "/team/members")).toBeNull();
  });
});
