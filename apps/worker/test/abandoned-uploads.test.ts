// Teams' uploads given up more than a day ago are removed when the worker starts: a resumable upload never
// finished (its bytes in the uploads folder) and a file uploaded for a form never saved (its row and
// bytes); younger ones, and attached files, stay.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { LocalFileStorage } from "@mentoring/storage";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sweepAbandonedUploads } from "../src/storage-sweep";
import { log } from "./support";

let database: SeededTestDatabase;
let storageDir: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  storageDir = await mkdtemp(path.join(tmpdir(), "worker-uploads-"));
}, 120_000);

afterAll(async () => {
  await database?.drop();
  await rm(storageDir, { recursive: true, force: true });
});

it("removes uploads given up more than a day ago, and keeps the others", async () => {
  const { db } = database;
  const storage = new LocalFileStorage(storageDir);
  const now = new Date();
  const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000);
  const tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  const waiting = async (uploadedAt: Date) => {
    const id = randomUUID();
    const storageKey = `${tenantId}/attachments/${id}`;
    await storage.put(storageKey, Buffer.from("photo"));
    await db.withTenant(tenantId, (tx) =>
      tx.attachment.create({
        data: {
          id,
          tenantId,
          kind: "photo",
          originalName: "사진.jpg",
          mediaType: "image/jpeg",
          size: 5n,
          storageKey,
          uploadedByUserId: randomUUID(),
          uploadedAt,
        },
      }),
    );
    return storageKey;
  };
  const old = await waiting(twoDaysAgo);
  const recent = await waiting(now);
  await storage.put("uploads-in-progress/stale", Buffer.from("half"));
  await utimes(path.join(storageDir, "uploads-in-progress/stale"), twoDaysAgo, twoDaysAgo);
  await storage.put("uploads-in-progress/arriving", Buffer.from("half"));

  expect(await sweepAbandonedUploads(db, storage, now, log)).toBe(2);
  expect(await storage.exists(old)).toBe(false);
  expect(await storage.exists(recent)).toBe(true);
  expect(await storage.exists("uploads-in-progress/stale")).toBe(false);
  expect(await storage.exists("uploads-in-progress/arriving")).toBe(true);
  const left = await db.withTenant(tenantId, (tx) => tx.attachment.count({ where: { tenantId } }));
  expect(left).toBe(1);
});
