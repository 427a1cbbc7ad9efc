// Every loader and action must decide who may run it (services/guard.server.ts). A route module added
// without a guard fails here, before anyone can reach it.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { accessOf } from "../app/services/guard.server";

const routesDir = fileURLToPath(new URL("../app/routes", import.meta.url));
const modules = [
  "../app/root.tsx",
  ...readdirSync(routesDir)
    .filter((file) => /\.(tsx?|jsx?)$/.test(file) && !/\.test\./.test(file))
    .map((file) => `../app/routes/${file}`),
];

describe.each(modules)("%s", (path) => {
  it("guards its loader and action with an access rule", async () => {
    const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
    for (const name of ["loader", "action", "clientLoader", "clientAction"] as const) {
      if (!(name in module)) continue;
      expect(accessOf(module[name]), `${path} exports a ${name} not built by a guard`).toBeDefined();
    }
  });
});

describe("the guard check itself", () => {
  it("notices a bare loader", () => {
    expect(accessOf(async () => null)).toBeUndefined();
  });
});

/**
 * Pages under a tenant's address that anyone may read, each for a reason the law gives: an organisation's
 * privacy policy must be public (개인정보 보호법 제30조). An unknown organisation is still 404 there.
 */
const publicUnderTenant = new Set(["../app/routes/$tenant_.privacy.tsx"]);

describe("pages under a tenant", () => {
  it.each(modules.filter((path) => path.startsWith("../app/routes/$tenant") && !publicUnderTenant.has(path)))(
    "%s asks for a tenant permission",
    async (path) => {
      const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
      for (const name of ["loader", "action"] as const) {
        if (name in module) expect(accessOf(module[name])?.kind).toBe("tenant");
      }
    },
  );
});

describe("public pages under a tenant's address", () => {
  it.each([...publicUnderTenant])("%s is public and has no action", async (path) => {
    const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
    expect(accessOf(module.loader)?.kind).toBe("public");
    expect("action" in module).toBe(false);
  });
});

describe("webhook endpoints", () => {
  it.each(modules.filter((path) => path.startsWith("../app/routes/webhooks.")))(
    "%s is a webhook route (no session, no CSRF: it verifies its sender itself)",
    async (path) => {
      const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
      expect("action" in module).toBe(true);
      for (const name of ["loader", "action"] as const) {
        if (name in module) expect(accessOf(module[name])?.kind).toBe("webhook");
      }
    },
  );
});

describe("API endpoints", () => {
  it.each(modules.filter((path) => path.startsWith("../app/routes/api.")))(
    "%s is guarded by an API token scope",
    async (path) => {
      const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
      for (const name of ["loader", "action"] as const) {
        if (name in module) expect(accessOf(module[name])?.kind).toBe("api");
      }
    },
  );
});
