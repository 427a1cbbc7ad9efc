import { randomBytes } from "node:crypto";
import { type FileStorage, LocalFileStorage } from "@mentoring/certificates";
import { recordAudit } from "@mentoring/db";
import { PNG } from "pngjs";
import { type BrandingKind, type BrandingProblem, brandingKinds } from "./branding-kinds";
import type { TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

/**
 * The tenant's logo and official seal (직인): PNG or JPEG files kept in storage (STORAGE_DIR) and printed
 * on pairing certificates. Each upload gets a new key, so a cached preview never shows an old image; the
 * previous file is removed once the row names the new one.
 */

export { type BrandingKind, type BrandingProblem, brandingKinds } from "./branding-kinds";

/** The largest image accepted (the memory upload handler stops reading beyond it). */
export const MAX_BRANDING_BYTES = 1024 * 1024;
export const MIN_BRANDING_SIDE = 32;
export const MAX_BRANDING_SIDE = 4000;

export interface BrandingImage {
  type: "png" | "jpeg";
  width: number;
  height: number;
}

/** The keys a tenant's images live under; a key this service made, nothing else, is ever served. */
const KEY = /^tenants\/[0-9a-f-]{36}\/branding\/(logo|seal)-[0-9a-f]{16}\.(png|jpg)$/;

export function brandingStorage(services: Services): FileStorage {
  return new LocalFileStorage(services.config.STORAGE_DIR);
}

const isPng = (bytes: Uint8Array) =>
  bytes.length > 8 &&
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => bytes[index] === byte);
const isJpeg = (bytes: Uint8Array) =>
  bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** A JPEG's pixel size from its frame header, walking the segments; null when they do not hold together. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  const last = bytes.length - 1;
  if (bytes[last - 1] !== 0xff || bytes[last] !== 0xd9) return null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return null;
      const height = ((bytes[offset + 5] as number) << 8) | (bytes[offset + 6] as number);
      const width = ((bytes[offset + 7] as number) << 8) | (bytes[offset + 8] as number);
      const components = bytes[offset + 9];
      if (components !== 1 && components !== 3 && components !== 4) return null;
      return { width, height };
    }
    if (marker === 0xda) return null;
    offset += 2 + length;
  }
  return null;
}

/**
 * Whether the bytes are an image fit for a certificate: PNG or JPEG by their signature (never by name),
 * at most 1 MB, readable (a PNG is decoded in full; a JPEG's segments are walked to its frame header), and
 * between 32 and 4000 pixels a side.
 */
export function checkBrandingImage(
  bytes: Uint8Array,
): { ok: true; image: BrandingImage } | { ok: false; problem: BrandingProblem } {
  if (bytes.length > MAX_BRANDING_BYTES) return { ok: false, problem: "tooLarge" };
  let image: BrandingImage;
  if (isPng(bytes)) {
    if (bytes.length < 24) return { ok: false, problem: "undecodable" };
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const [width, height] = [view.getUint32(16), view.getUint32(20)];
    // The header is checked before decoding, so a small file cannot ask for a huge pixel buffer.
    if (!sideFits(width) || !sideFits(height)) return { ok: false, problem: "badSize" };
    try {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      image = { type: "png", width: png.width, height: png.height };
    } catch {
      return { ok: false, problem: "undecodable" };
    }
  } else if (isJpeg(bytes)) {
    const size = jpegSize(bytes);
    if (!size) return { ok: false, problem: "undecodable" };
    image = { type: "jpeg", ...size };
  } else {
    return { ok: false, problem: "notImage" };
  }
  if (!sideFits(image.width) || !sideFits(image.height)) return { ok: false, problem: "badSize" };
  return { ok: true, image };
}

const sideFits = (side: number) => side >= MIN_BRANDING_SIDE && side <= MAX_BRANDING_SIDE;

export const brandingContentType = (key: string) => (key.endsWith(".png") ? "image/png" : "image/jpeg");

type Tenant = Pick<TenantAccess["tenant"], "id">;
type Keys = { logoKey: string | null; sealKey: string | null };
const column = { logo: "logoKey", seal: "sealKey" } as const;

export type BrandingResult =
  | { ok: true }
  | { ok: false; problems: Partial<Record<BrandingKind, BrandingProblem>> };

/**
 * Replaces the tenant's logo and/or seal. Every file is checked before anything is written: one bad file
 * saves nothing. The new files are stored, then the row and its audit entry commit together; the old
 * files are removed after that (or the new ones when the transaction fails).
 */
export async function updateBranding(
  services: Services,
  {
    tenant,
    actorUserId,
    files,
    requestId,
    storage = brandingStorage(services),
  }: {
    tenant: Tenant;
    actorUserId: string;
    files: Partial<Record<BrandingKind, Uint8Array>>;
    requestId: string;
    storage?: FileStorage;
  },
): Promise<BrandingResult> {
  const checked: [BrandingKind, Uint8Array, BrandingImage][] = [];
  const problems: Partial<Record<BrandingKind, BrandingProblem>> = {};
  for (const kind of brandingKinds) {
    const bytes = files[kind];
    if (!bytes || bytes.length === 0) continue;
    const result = checkBrandingImage(bytes);
    if (result.ok) checked.push([kind, bytes, result.image]);
    else problems[kind] = result.problem;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  if (checked.length === 0) return { ok: true };

  const next: Partial<Keys> = {};
  for (const [kind, bytes, image] of checked) {
    const key = `tenants/${tenant.id}/branding/${kind}-${randomBytes(8).toString("hex")}.${image.type === "png" ? "png" : "jpg"}`;
    await storage.put(key, bytes);
    next[column[kind]] = key;
  }
  const written = Object.values(next).filter((key): key is string => typeof key === "string");
  let before: Keys;
  try {
    before = await saveKeys(services, { tenant, actorUserId, requestId, next });
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  await removeReplaced(services, storage, before, next);
  return { ok: true };
}

/** Removes the tenant's logo or seal: the row is cleared (and audited), then the file is deleted. */
export async function removeBranding(
  services: Services,
  {
    tenant,
    actorUserId,
    kind,
    requestId,
    storage = brandingStorage(services),
  }: { tenant: Tenant; actorUserId: string; kind: BrandingKind; requestId: string; storage?: FileStorage },
): Promise<void> {
  const next: Partial<Keys> = { [column[kind]]: null };
  const before = await saveKeys(services, { tenant, actorUserId, requestId, next, skipUnchanged: true });
  await removeReplaced(services, storage, before, next);
}

async function saveKeys(
  services: Services,
  {
    tenant,
    actorUserId,
    requestId,
    next,
    skipUnchanged = false,
  }: { tenant: Tenant; actorUserId: string; requestId: string; next: Partial<Keys>; skipUnchanged?: boolean },
): Promise<Keys> {
  // tenants is a platform table, reachable in the tenant's transaction: the change and its audit row commit together.
  return services.db.withTenant(tenant.id, async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({
      where: { id: tenant.id },
      select: { logoKey: true, sealKey: true },
    });
    const after = { ...before, ...next };
    if (skipUnchanged && after.logoKey === before.logoKey && after.sealKey === before.sealKey) return before;
    await tx.tenant.update({ where: { id: tenant.id }, data: next });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId,
      action: "tenant.branding.update",
      entityType: "tenant",
      entityId: tenant.id,
      before,
      after,
      requestId,
    });
    return before;
  });
}

async function removeReplaced(services: Services, storage: FileStorage, before: Keys, next: Partial<Keys>) {
  for (const name of ["logoKey", "sealKey"] as const) {
    const old = before[name];
    if (!(name in next) || !old || old === next[name]) continue;
    // The row no longer names the file; failing to delete it leaves an orphan, not a broken page.
    await storage
      .delete(old)
      .catch((err: unknown) => services.log.warn({ err, key: old }, "branding file not removed"));
  }
}

/** The stored image of the tenant's logo or seal, or null when there is none. */
export async function brandingFile(
  services: Services,
  {
    tenant,
    kind,
    storage = brandingStorage(services),
  }: { tenant: Tenant; kind: BrandingKind; storage?: FileStorage },
): Promise<{ bytes: Buffer; contentType: string } | null> {
  const row = await services.db.platform.tenant.findUniqueOrThrow({
    where: { id: tenant.id },
    select: { logoKey: true, sealKey: true },
  });
  const key = row[column[kind]];
  if (!key || !KEY.test(key) || !key.startsWith(`tenants/${tenant.id}/`)) return null;
  const bytes = await storage.get(key);
  return bytes ? { bytes, contentType: brandingContentType(key) } : null;
}
