import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabase, type Database } from "../src/database";
import { listening } from "../src/pgbouncer";
import { type PrivateServer, startPrivateServer } from "../src/testing";
import { isDatabaseUnavailable } from "../src/unavailable";

// The app's own client straight on a server that restarts (no PgBouncer between): what the fault script's
// scenario c sees through PgBouncer, and what a deployment without a pooler meets.
let server: PrivateServer;
let db: Database;
const lost: Error[] = [];

beforeAll(async () => {
  server = await startPrivateServer();
  db = createDatabase(server.adminUrl, { poolSize: 2, onConnectionError: (error) => lost.push(error) });
}, 60_000);
afterAll(async () => {
  await db?.disconnect();
  await server?.stop();
});

const one = () => db.platform.$queryRaw<{ one: number }[]>`select 1 as one`;

describe("a private PostgreSQL server", () => {
  it("restarted, fails the app's queries as unavailable while it is down, and the app reconnects by itself", async () => {
    expect(await one()).toEqual([{ one: 1 }]);
    const restarted = server.restart({ downMs: 1_500 });
    // The pooled connection, idle, is ended by the fast shutdown, and that is heard (not left to end the
    // process). Heard first: a query sent meanwhile could take that connection and meet the end itself.
    await vi.waitFor(() => expect(lost.length).toBeGreaterThan(0), { timeout: 20_000, interval: 50 });
    let failure: unknown;
    // Until the restart is over: one query, at least, meets the server away.
    while (failure === undefined) {
      failure = await one().then(
        () => undefined,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(isDatabaseUnavailable(failure)).toBe(true);
    await restarted;
    expect(await one()).toEqual([{ one: 1 }]);
  }, 60_000);

  it("stopped, leaves no server listening and no folder behind", async () => {
    const other = await startPrivateServer();
    expect(await listening(other.port)).toBe(true);
    expect(existsSync(other.folder)).toBe(true);
    await other.stop();
    expect(await listening(other.port)).toBe(false);
    expect(existsSync(other.folder)).toBe(false);
  }, 60_000);
});
