// Remix hands each loader a copy of the request without its own search params (`index`, `_routes`, `_data`);
// @remix-run/server-runtime is patched (patches/, ADR 0022) to make that copy once per request, and not at
// all when there is nothing to remove. These tests hold the patched runtime to what loaders must see.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The build the server loads (CommonJS), where the patch lives.
const require = createRequire(import.meta.url);
const dataFile = require.resolve("@remix-run/server-runtime").replace(/index\.js$/, "data.js");
const { callRouteLoader } = require(dataFile) as {
  callRouteLoader: (args: {
    loadContext: unknown;
    loader: (args: { request: Request }) => unknown;
    params: Record<string, string>;
    request: Request;
    routeId: string;
    singleFetch: boolean;
  }) => Promise<unknown>;
};

/** The requests each of a page's loaders (root, layout, page) is given for one request. */
async function requestsSeenByLoaders(request: Request, singleFetch = true): Promise<Request[]> {
  const seen: Request[] = [];
  for (const routeId of ["root", "routes/$tenant", "routes/$tenant.team"]) {
    await callRouteLoader({
      loadContext: {},
      params: {},
      request,
      routeId,
      singleFetch,
      loader: ({ request: given }) => {
        seen.push(given);
        return null;
      },
    });
  }
  return seen;
}

describe("the request a loader is given (patched server runtime)", () => {
  it("is the request itself for a page address with nothing of Remix's in it", async () => {
    const request = new Request("http://localhost/gangneung/team?tab=assignments");
    const seen = await requestsSeenByLoaders(request);
    expect(seen.every((given) => given === request)).toBe(true);
  });

  it("is one copy without `index` and `_routes`, shared by every loader of the request", async () => {
    const request = new Request("http://localhost/gangneung/team.data?index&_routes=root&q=a", {
      headers: { cookie: "lng=ko" },
    });
    const [first, ...others] = await requestsSeenByLoaders(request);
    expect(first).not.toBe(request);
    expect(new URL(first?.url ?? "").search).toBe("?q=a");
    expect(first?.headers.get("cookie")).toBe("lng=ko");
    expect(others.every((given) => given === first)).toBe(true);
  });

  it("keeps an `index` that carries a value, as the unpatched runtime does", async () => {
    const [given] = await requestsSeenByLoaders(new Request("http://localhost/a?index=2&index"));
    expect(new URL(given?.url ?? "").searchParams.getAll("index")).toEqual(["2"]);
  });

  it("drops `_data` when single fetch is off", async () => {
    const [given] = await requestsSeenByLoaders(new Request("http://localhost/a?_data=root&b=1"), false);
    expect(new URL(given?.url ?? "").search).toBe("?b=1");
  });

  it("does not take a parameter that only starts with a Remix name for one", async () => {
    const request = new Request("http://localhost/a?indexed=1&_routesx=2");
    const [given] = await requestsSeenByLoaders(request);
    expect(given).toBe(request);
  });
});
