// A signed batch rendered with and without the tenant's seal: the seal comes from storage (tenants.seal_key)
// into every PDF, and setting it makes an already generated batch render again.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { LocalFileStorage } from "@mentoring/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertificateBatch, prepareCertificateBatch, signCertificateBatch } from "../src/certificates";
import { seedPrograms } from "../src/seed";
import { publishTeams } from "./certificates-support";

const ENCRYPTION_KEY = "cd".repeat(32);
const APP_URL = "https://mentoring.example.kr";
let database: SeededTestDatabase;
let db: Database;
let storageDir: string;
let yongin: string;
let batchId: string;

/** A red disc on a transparent square, as a seal is scanned: an RGBA PNG made by hand. */
function sealPng(side = 64): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < side; y++) {
    const row = Buffer.alloc(1 + side * 4);
    for (let x = 0; x < side; x++) {
      const inside = (x - side / 2) ** 2 + (y - side / 2) ** 2 < (side / 2 - 2) ** 2;
      row.set([200, 30, 36, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The images pdfimages lists in a PDF (one line each after its two header lines). */
async function imagesIn(pdf: Buffer): Promise<string[]> {
  const file = path.join(storageDir, "check.pdf");
  await writeFile(file, pdf);
  return execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const summaries = database.seeded;
  yongin = summaries.find((summary) => summary.slug === "yongin")?.tenantId as string;
  await seedPrograms(db);
  storageDir = await mkdtemp(path.join(os.tmpdir(), "certificate-branding-test-"));
  const inYongin = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(yongin, work);
  const cohortId = (
    await inYongin((tx) => tx.cohort.findFirstOrThrow({ where: { tenantId: yongin, number: 1 } }))
  ).id;
  const member = (role: "coordinator" | "executive") =>
    inYongin((tx) => tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: role } } }));
  const coordinator = await member("coordinator");
  const executive = await member("executive");
  await publishTeams(db, yongin, cohortId);
  ({ batchId } = await inYongin((tx) =>
    prepareCertificateBatch(tx, {
      tenantId: yongin,
      cohortId,
      actorUserId: coordinator.userId,
      today: "2025-03-01",
    }),
  ));
  await inYongin((tx) =>
    signCertificateBatch(tx, {
      tenantId: yongin,
      cohortId,
      batchId,
      actorUserId: executive.userId,
      encryptionKey: ENCRYPTION_KEY,
      now: new Date("2025-03-01T01:00:00Z"),
    }),
  );
}, 120_000);

afterAll(async () => {
  await database?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

const generate = () =>
  generateCertificateBatch(db, {
    tenantId: yongin,
    batchId,
    storageDir,
    appUrl: APP_URL,
    encryptionKey: ENCRYPTION_KEY,
  });

const storedPdfs = () =>
  db.withTenant(yongin, async (tx) => {
    const rows = await tx.certificate.findMany({
      where: { tenantId: yongin, batchId },
      orderBy: { serial: "asc" },
      select: { fileKey: true, contentHash: true },
    });
    return Promise.all(
      rows.map(async (row) => ({
        contentHash: row.contentHash,
        pdf: await readFile(path.join(storageDir, row.fileKey as string)),
      })),
    );
  });

describe("certificates and the tenant's seal", () => {
  it("carry no image while the tenant has no seal or logo", async () => {
    await generate();
    const pdfs = await storedPdfs();
    expect(pdfs.length).toBeGreaterThan(0);
    for (const { pdf } of pdfs) expect(await imagesIn(pdf)).toEqual([]);
  });

  it("are rendered again with the seal embedded once the tenant has one", async () => {
    const before = await storedPdfs();
    const sealKey = `tenants/${yongin}/branding/seal-0123456789abcdef.png`;
    await new LocalFileStorage(storageDir).put(sealKey, sealPng());
    await db.platform.tenant.update({ where: { id: yongin }, data: { sealKey } });

    await generate();
    const after = await storedPdfs();
    expect(after).toHaveLength(before.length);
    for (const [index, { pdf, contentHash }] of after.entries()) {
      expect(contentHash).not.toBe(before[index]?.contentHash);
      const images = await imagesIn(pdf);
      // The seal's colour planes and its transparency (an soft mask), 64 pixels a side.
      expect(images.map((line) => line.trim().split(/\s+/).slice(2, 5))).toEqual([
        ["image", "64", "64"],
        ["smask", "64", "64"],
      ]);
    }
    const batch = await db.withTenant(yongin, (tx) =>
      tx.certificateBatch.findFirstOrThrow({ where: { tenantId: yongin, id: batchId } }),
    );
    expect(batch.status).toBe("ready");
  });
});
