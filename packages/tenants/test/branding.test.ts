// The tenant's logo and seal: uploads checked, stored, their keys saved and audited,
// against the real PostgreSQL (RLS on) and a temporary storage folder.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { type FileStorage, LocalFileStorage } from "@mentoring/storage";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBrandingImage, getBrandingImage, removeBranding, updateBranding } from "../src/branding";

let testDb: TestDatabase;
let storage: FileStorage;
let storageDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  storageDir = await mkdtemp(path.join(os.tmpdir(), "branding-test-"));
  storage = new LocalFileStorage(storageDir);
});
afterAll(async () => {
  await testDb?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set([200, 20, 20, i % 2 === 0 ? 255 : 0], i * 4);
  return new Uint8Array(PNG.sync.write(image));
}

async function city() {
  return testDb.db.platform.tenant.create({
    data: {
      slug: `city-${randomBytes(4).toString("hex")}`,
      name: "원주시",
      kind: "basic_government",
      region: "강원특별자치도",
      status: "trial",
    },
  });
}

const keysOf = (id: string) =>
  testDb.db.platform.tenant.findUniqueOrThrow({ where: { id }, select: { logoKey: true, sealKey: true } });
const brandingFiles = async (tenantId: string) =>
  (await readdir(path.join(storageDir, "tenants", tenantId, "branding")).catch(() => [] as string[])).sort();
const audits = (tenantId: string) =>
  testDb.db.withTenant(tenantId, (tx) =>
    tx.auditLog.findMany({ where: { tenantId, action: "tenant.branding.update" }, orderBy: { at: "asc" } }),
  );

describe("checking an uploaded image", () => {
  it("accepts a PNG by its bytes and reads its size", () => {
    expect(checkBrandingImage(png(64, 40))).toEqual({
      ok: true,
      image: { type: "png", width: 64, height: 40 },
    });
  });

  it("refuses text, a damaged PNG, a tiny or a too-large image", () => {
    expect(checkBrandingImage(new TextEncoder().encode("이름,부서\n홍길동,총무과\n"))).toEqual({
      ok: false,
      problem: "notImage",
    });
    // Every time: a decoder may make something of a file cut short on one read and not the next.
    const damaged = png(64, 64).slice(0, 60);
    for (let read = 0; read < 50; read++)
      expect(checkBrandingImage(damaged)).toEqual({ ok: false, problem: "undecodable" });
    expect(checkBrandingImage(png(16, 64))).toEqual({ ok: false, problem: "badSize" });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(png(64, 64));
    expect(checkBrandingImage(big)).toEqual({ ok: false, problem: "tooLarge" });
  });

  it("accepts a well-formed JPEG header and refuses one cut short", () => {
    // SOI, an SOF0 frame header of 100×50 with three components, then EOI.
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x32, 0x00, 0x64, 0x03, ...new Array(9).fill(0x11)];
    const jpeg = new Uint8Array([0xff, 0xd8, ...sof, 0xff, 0xd9]);
    expect(checkBrandingImage(jpeg)).toEqual({ ok: true, image: { type: "jpeg", width: 100, height: 50 } });
    expect(checkBrandingImage(jpeg.slice(0, 12))).toEqual({ ok: false, problem: "undecodable" });
  });
});

describe("the tenant's logo and seal", () => {
  it("stores an uploaded PNG under the tenant's branding folder, saves its key and audits the change", async () => {
    const tenant = await city();
    const actorUserId = randomUUID();
    const seal = png(120, 120);
    await updateBranding(testDb.db, {
      tenantId: tenant.id,
      actorUserId,
      files: { seal },
      requestId: "req-1",
      storage,
    });
    const keys = await keysOf(tenant.id);
    expect(keys.logoKey).toBeNull();
    expect(keys.sealKey).toMatch(new RegExp(`^tenants/${tenant.id}/branding/seal-[0-9a-f]{16}\\.png$`));
    const served = await getBrandingImage(testDb.db, { tenantId: tenant.id, kind: "seal", storage });
    expect(served?.contentType).toBe("image/png");
    expect(new Uint8Array(served?.bytes ?? [])).toEqual(seal);
    expect(await getBrandingImage(testDb.db, { tenantId: tenant.id, kind: "logo", storage })).toBeNull();
    const [audit] = await audits(tenant.id);
    expect(audit).toMatchObject({
      actorUserId,
      entityId: tenant.id,
      before: { logoKey: null, sealKey: null },
      after: { logoKey: null, sealKey: keys.sealKey },
      requestId: "req-1",
    });
  });

  it("replaces the image under a new key and removes the old file", async () => {
    const tenant = await city();
    const common = { tenantId: tenant.id, actorUserId: randomUUID(), requestId: "req", storage };
    await updateBranding(testDb.db, { ...common, files: { logo: png(200, 60) } });
    const first = (await keysOf(tenant.id)).logoKey;
    await updateBranding(testDb.db, { ...common, files: { logo: png(300, 90) } });
    const second = (await keysOf(tenant.id)).logoKey;
    expect(second).not.toBe(first);
    expect(await brandingFiles(tenant.id)).toEqual([path.basename(second as string)]);

    await removeBranding(testDb.db, { ...common, kind: "logo" });
    expect((await keysOf(tenant.id)).logoKey).toBeNull();
    expect(await brandingFiles(tenant.id)).toEqual([]);
    expect((await audits(tenant.id)).map((audit) => audit.after)).toEqual([
      { logoKey: first, sealKey: null },
      { logoKey: second, sealKey: null },
      { logoKey: null, sealKey: null },
    ]);
  });

  it("refuses a file that is not an image, or is too large, and changes nothing", async () => {
    const tenant = await city();
    const common = { tenantId: tenant.id, actorUserId: randomUUID(), requestId: "req", storage };
    await updateBranding(testDb.db, { ...common, files: { logo: png(100, 40) } });
    const before = await keysOf(tenant.id);
    const filesBefore = await brandingFiles(tenant.id);

    const notImage = updateBranding(testDb.db, {
      ...common,
      // A good logo beside a bad seal: neither is saved.
      files: { logo: png(80, 80), seal: new TextEncoder().encode("%PDF-1.7 not an image") },
    });
    await expect(notImage).rejects.toMatchObject({
      code: "branding.not_image",
      details: { fields: [{ path: "seal", message: "settings.branding.problem.notImage" }] },
    });
    const tooLarge = new Uint8Array(1024 * 1024 + 1);
    tooLarge.set(png(64, 64));
    await expect(updateBranding(testDb.db, { ...common, files: { logo: tooLarge } })).rejects.toMatchObject({
      code: "branding.too_large",
      details: { fields: [{ path: "logo", message: "settings.branding.problem.tooLarge" }] },
    });

    expect(await keysOf(tenant.id)).toEqual(before);
    expect(await brandingFiles(tenant.id)).toEqual(filesBefore);
    expect(await audits(tenant.id)).toHaveLength(1);
  });
});
