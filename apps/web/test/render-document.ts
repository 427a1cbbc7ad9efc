// A whole page as a browser receives it (the document, its hydration data and the streamed loader data),
// rendered by Remix's own request handler from the app's real entry, root and route modules: for tests of
// what a page sends, such as its size, without building the app or starting a server.
import { randomBytes } from "node:crypto";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { ServerRouteModule } from "@remix-run/server-runtime/dist/routeModules";
import * as entry from "../app/entry.server";
import * as root from "../app/root";
import { sentBody } from "../app/services/remix-express.server";
import type { Services } from "../app/services/services.server";

export interface PageRoute {
  /** The route's id as the Vite plugin names it, e.g. "routes/$tenant". */
  id: string;
  /** Its path segment under its parent, e.g. ":tenant". */
  path: string;
  module: ServerRouteModule;
}

/**
 * A request handler for one nested route chain under the root (each route the parent of the next), as
 * `remix vite:build` would make it for those routes. No client assets: the page's scripts are named, not
 * served.
 */
export function documentHandler(chain: PageRoute[]) {
  const routes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: root as ServerRouteModule },
  };
  const assets: ServerBuild["assets"] = {
    entry: { module: "/assets/entry.client.js", imports: [] },
    routes: {},
    url: "/assets/manifest.js",
    version: "test",
  };
  let parentId = "root";
  for (const route of [{ id: "root", path: "", module: root as ServerRouteModule }, ...chain]) {
    const parent = route.id === "root" ? undefined : parentId;
    routes[route.id] = { id: route.id, parentId: parent, path: route.path, module: route.module };
    assets.routes[route.id] = {
      id: route.id,
      parentId: parent,
      path: route.path,
      module: `/assets/${route.id.replace(/[^\w-]/g, "_")}.js`,
      hasAction: "action" in route.module,
      hasLoader: "loader" in route.module,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: "ErrorBoundary" in route.module,
    };
    if (route.id !== "root") parentId = route.id;
  }
  const build: ServerBuild = {
    mode: "production",
    // Its handler resolves to a Response (typed `unknown` there, as a Promise of its own making).
    entry: { module: entry as ServerBuild["entry"]["module"] },
    routes,
    assets,
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    // As vite.config.ts sets them.
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: true,
    },
    isSpaMode: false,
  };
  const handle = createRequestHandler(build, "production");
  return async (services: Services, url: string, cookie: string) => {
    const response = await handle(new Request(url, { headers: { cookie } }), {
      services,
      requestId: "test",
      nonce: randomBytes(16).toString("base64"),
      clientAddress: "127.0.0.1",
    });
    return { status: response.status, html: (await sentBody(response)).toString("utf8") };
  };
}
