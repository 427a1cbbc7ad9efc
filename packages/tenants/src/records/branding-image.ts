import { randomBytes } from "node:crypto";
import { PNG } from "pngjs";

/**
 * The tenant's logo and official seal (직인): PNG or JPEG files kept in storage and printed on pairing
 * certificates. What makes an uploaded file fit, and where each one is kept.
 */

/** The tenant's two certificate images. */
export const brandingKinds = ["logo", "seal"] as const;
export type BrandingKind = (typeof brandingKinds)[number];

/** Why an uploaded file is refused. */
export type BrandingProblem = "notImage" | "tooLarge" | "undecodable" | "badSize";

/** The largest image accepted (the web's memory upload handler stops reading beyond it). */
export const MAX_BRANDING_BYTES = 1024 * 1024;
export const MIN_BRANDING_SIDE = 32;
export const MAX_BRANDING_SIDE = 4000;

export interface BrandingImage {
  type: "png" | "jpeg";
  width: number;
  height: number;
}

/** The tenant's row column holding each image's storage key. */
export const brandingColumn = { logo: "logoKey", seal: "sealKey" } as const;
export type BrandingKeys = { logoKey: string | null; sealKey: string | null };

/** The keys a tenant's images live under; a key this package made, nothing else, is ever served. */
const KEY = /^tenants\/[0-9a-f-]{36}\/branding\/(logo|seal)-[0-9a-f]{16}\.(png|jpg)$/;

/** A new key for an uploaded image: each upload gets its own, so a cached preview never shows an old one. */
export function newBrandingKey(tenantId: string, kind: BrandingKind, image: BrandingImage): string {
  return `tenants/${tenantId}/branding/${kind}-${randomBytes(8).toString("hex")}.${image.type === "png" ? "png" : "jpg"}`;
}

/** Whether `key` is one of this tenant's branding images, as newBrandingKey makes them. */
export function isBrandingKeyOf(tenantId: string, key: string): boolean {
  return KEY.test(key) && key.startsWith(`tenants/${tenantId}/`);
}

export const brandingContentType = (key: string) => (key.endsWith(".png") ? "image/png" : "image/jpeg");

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

const sideFits = (side: number) => side >= MIN_BRANDING_SIDE && side <= MAX_BRANDING_SIDE;

/**
 * Whether a PNG's chunks run to its end marker (IEND, after the signature and the header chunk). A file cut
 * short has none; pngjs's synchronous reader decoded such a file anyway in about two reads of five (a
 * 238-byte PNG cut at 60 bytes, 2,000 reads), so it is not the judge of that.
 */
function hasPngEnd(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf("IEND") > 33;
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
    if (!hasPngEnd(bytes)) return { ok: false, problem: "undecodable" };
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
