// POST /api/v1/staff:import with an Idempotency-Key, called as Remix would call it against a real database:
// an HR system that retries after a lost answer (a web killed between its commit and its reply) must get
// the first import back, never a second one.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hashToken } from "@mentoring/auth";
import { config } from "@mentoring/config";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { LocalFileStorage } from "@mentoring/storage";
import type { AppLoadContext } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as staffImport } from "../app/routes/api.v1.$operation";
import type { Services } from "../app/services/services.server";

let database: TestDatabase;
let store: LocalFileStorage;
let context: AppLoadContext;
const city = { id: "", token: "" };
const other = { id: "", token: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  store = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), "directory-idempotency-")));
  const services = {
    config: { ...config(), STORAGE_DIR: store.root },
    db,
    log: pino({ level: "silent" }),
  } as unknown as Services;
  context = { services, requestId: "test-request", nonce: "", clientAddress: "127.0.0.1" };
  for (const [slug, tenant] of [
    ["keyed-city", city],
    ["keyed-other", other],
  ] as const) {
    const created = await db.platform.tenant.create({
      data: { slug, name: slug, kind: "basic_government", region: "경기도", status: "active" },
    });
    tenant.id = created.id;
    tenant.token = `mnt_${slug}_${randomBytes(24).toString("base64url")}`;
    await db.withTenant(created.id, (tx) =>
      tx.apiToken.create({
        data: {
          tenantId: created.id,
          name: "HR",
          tokenHash: hashToken(tenant.token),
          scopes: ["staff.import"],
        },
      }),
    );
  }
});

afterAll(async () => {
  await database?.drop();
  await rm(store.root, { recursive: true, force: true });
});

const encode = (text: string) => new TextEncoder().encode(text);
const csv = encode("사번,성명,부서,직급,직위,임용일\nA-1,김민준,인사과,8급,주무관,2020-03-02\n");
const otherCsv = encode("사번,성명,부서,직급,직위,임용일\nA-2,이서연,인사과,7급,주무관,2019-03-04\n");

/** One POST as an HR system sends it, answered by the route (or by what it throws, as Remix would). */
async function post(
  tenant: { token: string },
  key: string | null,
  { body = csv, query = "?fileName=staff.csv" } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${tenant.token}`,
    "content-type": "text/csv",
  };
  if (key !== null) headers["idempotency-key"] = key;
  const request = new Request(`http://127.0.0.1/api/v1/staff:import${query}`, {
    method: "POST",
    headers,
    body,
  });
  try {
    return (await staffImport({ request, params: { operation: "staff:import" }, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The imports a tenant holds, with the keys they carry. */
const importsOf = (tenant: { id: string }) =>
  database.db.withTenant(tenant.id, (tx) =>
    tx.directoryImport.findMany({
      where: { tenantId: tenant.id },
      select: { id: true, idempotencyKey: true },
    }),
  );
const keyed = async (tenant: { id: string }, key: string) =>
  (await importsOf(tenant)).filter((row) => row.idempotencyKey === key);
/** Validation jobs waiting in the outbox for an import. */
const jobsFor = async (importId: string) =>
  (await database.db.platform.outboxEvent.findMany({ where: { jobName: "directory.validate" } })).filter(
    (job) => (job.payload as { importId?: string }).importId === importId,
  );
/** Files stored for the tenant's imports (one per import written, none for a replay). */
const storedFiles = async (tenant: { id: string }) =>
  (await readdir(path.join(store.root, tenant.id, "directory-imports")).catch(() => [])).length;

describe("POST /api/v1/staff:import with an Idempotency-Key", () => {
  it("answers a retry with the same key and body as the first time: one import, the same id, marked replayed", async () => {
    const key = randomUUID();
    const filesBefore = await storedFiles(city);
    const first = await post(city, key);
    expect(first.status).toBe(202);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = (await first.json()) as { id: string; statusUrl: string };

    const again = await post(city, key);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await again.json()).toEqual(firstBody);

    expect((await keyed(city, key)).map((row) => row.id)).toEqual([firstBody.id]);
    expect(await jobsFor(firstBody.id)).toHaveLength(1);
    expect(await storedFiles(city)).toBe(filesBefore + 1);
  });

  it("refuses the same key with another body with 422 and writes nothing", async () => {
    const key = randomUUID();
    const first = await post(city, key);
    expect(first.status).toBe(202);
    const before = (await importsOf(city)).length;
    const filesBefore = await storedFiles(city);

    const misuse = await post(city, key, { body: otherCsv });
    expect(misuse.status).toBe(422);
    expect(await misuse.json()).toEqual({ error: "directory.idempotency_key_reused" });
    // Another option under the same key is another request too.
    const fuller = await post(city, key, { query: "?fileName=staff.csv&full=true" });
    expect(fuller.status).toBe(422);

    expect(await importsOf(city)).toHaveLength(before);
    expect(await keyed(city, key)).toHaveLength(1);
    expect(await storedFiles(city)).toBe(filesBefore);
  });

  it("lets only one of two concurrent requests with one key write; both answer its id", async () => {
    const key = randomUUID();
    const answers = await Promise.all([post(city, key), post(city, key)]);
    const rows = await keyed(city, key);
    expect(rows).toHaveLength(1);
    const row = rows[0] as { id: string };
    for (const answer of answers) {
      expect([202, 409]).toContain(answer.status);
      if (answer.status === 202) expect(((await answer.json()) as { id: string }).id).toBe(row.id);
      else expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    expect(answers.filter((answer) => answer.status === 202).length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((answer) => answer.headers.get("idempotent-replayed") === null)).toHaveLength(1);
    expect(await jobsFor(row.id)).toHaveLength(1);
  });

  it("answers 409 with Retry-After while the first request with the key has not committed, and writes nothing", async () => {
    const key = randomUUID();
    const before = (await importsOf(city)).length;
    let answer: Response | undefined;
    // The first request's transaction, held open past the wait a second request gives it.
    await database.db
      .withTenant(city.id, async (tx) => {
        await tx.directoryImport.create({
          data: {
            tenantId: city.id,
            fileName: "staff.csv",
            format: "csv",
            idempotencyKey: key,
            requestFingerprint: "x",
          },
        });
        answer = await post(city, key);
        throw new Error("roll back the first request");
      })
      .catch((error: Error) => {
        if (error.message !== "roll back the first request") throw error;
      });
    expect(answer?.status).toBe(409);
    expect(answer?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await answer?.json()).toEqual({ error: "directory.idempotency_key_in_flight" });
    expect(await importsOf(city)).toHaveLength(before);

    // Once the first is gone (rolled back), the retry writes the import.
    const retried = await post(city, key);
    expect(retried.status).toBe(202);
    expect(await keyed(city, key)).toHaveLength(1);
  }, 20_000);

  it.each([
    ["300 characters", "k".repeat(300)],
    ["a control character", "key\u0001"],
    ["a space", "my key"],
    ["a non-ASCII letter", "clé"],
    ["nothing", ""],
  ])("refuses a key of %s with 400 and writes nothing", async (_, key) => {
    const before = (await importsOf(city)).length;
    const filesBefore = await storedFiles(city);
    const answer = await post(city, key);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: "directory.idempotency_key_invalid" });
    expect(await importsOf(city)).toHaveLength(before);
    expect(await storedFiles(city)).toBe(filesBefore);
  });

  it("cannot even be sent with a NUL: the platform's Headers refuse it before any request exists", () => {
    // The route's own check (isValidIdempotencyKey, unit-tested with a NUL) is the second wall.
    expect(() => new Request("http://127.0.0.1/", { headers: { "idempotency-key": "key\u0000" } })).toThrow();
  });

  it("keeps keys per tenant: another tenant's same key gets its own import", async () => {
    const key = randomUUID();
    const mine = (await (await post(city, key)).json()) as { id: string };
    const theirs = await post(other, key);
    expect(theirs.status).toBe(202);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    const theirBody = (await theirs.json()) as { id: string };
    expect(theirBody.id).not.toBe(mine.id);
    expect((await keyed(other, key)).map((row) => row.id)).toEqual([theirBody.id]);
    expect((await keyed(city, key)).map((row) => row.id)).toEqual([mine.id]);
  });

  it("forgets a key after 24 hours: the same request then creates a new import, which takes the key", async () => {
    const key = randomUUID();
    const first = (await (await post(city, key)).json()) as { id: string };
    await database.db.withTenant(city.id, (tx) =>
      tx.directoryImport.update({
        where: { id: first.id },
        data: { createdAt: new Date(Date.now() - 24 * 60 * 60 * 1000 - 60_000) },
      }),
    );
    const later = await post(city, key, { body: otherCsv });
    expect(later.status).toBe(202);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    const laterBody = (await later.json()) as { id: string };
    expect(laterBody.id).not.toBe(first.id);
    expect((await keyed(city, key)).map((row) => row.id)).toEqual([laterBody.id]);
    const rows = await importsOf(city);
    expect(rows.map((row) => row.id)).toContain(first.id);
  });

  it("writes every request without a key, as before", async () => {
    const before = (await importsOf(city)).length;
    const answers = [await post(city, null), await post(city, null)];
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    expect(await importsOf(city)).toHaveLength(before + 2);
  });
});
