// While the database (or PgBouncer in front of it) is away, a page answers 503 with the translated "briefly
// unavailable" page and a machine endpoint 503 `{ error: "unavailable" }`, both with Retry-After, instead of
// the unexpected-error 500: rendered by Remix's own handler, against a database URL nothing listens on.
import { randomBytes } from "node:crypto";
import { hashToken } from "@mentoring/auth";
import { createDatabase, type Database } from "@mentoring/db";
import { freePort } from "@mentoring/db/pgbouncer";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { resources } from "@mentoring/i18n";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tenantLayout from "../app/routes/$tenant";
import * as tenantHome from "../app/routes/$tenant._index";
import { action as staffImport } from "../app/routes/api.v1.$operation";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";
import { documentHandler } from "./render-document";
import { browser, testServices } from "./requests";

const { error: messages } = resources.ko.common;

const home = documentHandler([
  { id: "routes/$tenant", path: ":tenant", module: tenantLayout },
  { id: "routes/$tenant._index", path: "", module: tenantHome },
]);

let database: SeededTestDatabase;
let services: Services;
let away: Services;
let nowhere: Database;
let cookie: string;
let slug: string;
let token: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  ({ services } = await testServices(database.db));
  const yongin = database.seeded[0] as SeededTestDatabase["seeded"][number];
  slug = yongin.slug;
  const coordinator = yongin.accounts.find((account) => account.roles.includes("coordinator"));
  const user = await database.db.platform.user.findUniqueOrThrow({
    where: { email: coordinator?.email as string },
  });
  const { cookie: browserCookie } = await browser(services, "ko");
  cookie = `${(await startSession(services, user.id)).split(";")[0]}; ${browserCookie}`;
  token = `mnt_${slug}_${randomBytes(24).toString("base64url")}`;
  await database.db.withTenant(yongin.tenantId, (tx) =>
    tx.apiToken.create({
      data: { tenantId: yongin.tenantId, name: "HR", tokenHash: hashToken(token), scopes: ["staff.import"] },
    }),
  );
  const url = new URL(database.urls.app);
  url.port = String(await freePort());
  nowhere = createDatabase(url.toString(), { poolSize: 1 });
  away = { ...services, db: nowhere };
});
afterAll(async () => {
  await nowhere?.disconnect();
  await services?.close();
  await database?.drop();
});

describe("the database away", () => {
  it("answers a page 503 with the translated page, where the same page renders while it is there", async () => {
    const there = await home(services, `http://127.0.0.1/${slug}`, cookie);
    expect(there.status).toBe(200);
    const { status, html } = await home(away, `http://127.0.0.1/${slug}`, cookie);
    expect(status).toBe(503);
    expect(html).toContain(messages.unavailable);
    expect(html).toContain(messages.unavailableHelp);
    expect(html).not.toContain(messages.unexpected);
  });

  it("answers the API 503 { error: unavailable } with Retry-After, where it is accepted while it is there", async () => {
    const post = (services: Services) => {
      const context: AppLoadContext = {
        services,
        requestId: "test",
        nonce: "",
        clientAddress: "127.0.0.1",
      };
      const request = new Request("http://127.0.0.1/api/v1/staff:import", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: "사번,이름\n1,홍길동\n",
      });
      // A Response thrown by a resource route is what Remix answers with.
      return (
        staffImport({ request, params: { operation: "staff:import" }, context }) as Promise<Response>
      ).catch((thrown: unknown) => {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      });
    };
    const answer = await post(away);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(await answer.json()).toEqual({ error: "unavailable" });
    expect((await post(services)).status).toBe(202);
  });
});
