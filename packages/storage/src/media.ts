import type { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

/** How many first bytes of a file are enough to tell its type (file-type's own reasonable sample). */
export const SNIFF_BYTES = 4100;

/**
 * The media type a file's first bytes show (its magic numbers), whatever its name says, or null when they
 * show none that file-type knows (plain text, an unknown format).
 */
export async function detectMediaType(head: Uint8Array): Promise<string | null> {
  const found = await fileTypeFromBuffer(head);
  return found?.mime ?? null;
}

/** The longest side of a photo's thumbnail, in pixels: sharp enough for a phone's two-column grid. */
export const THUMBNAIL_SIZE = 480;

/**
 * A photo's thumbnail as JPEG, turned upright as the camera meant (EXIF orientation) and stripped of the
 * photo's metadata (where and when it was taken), never larger than the photo. Null when sharp cannot read
 * the photo (a format its prebuilt library lacks, such as HEIC, or a damaged file).
 */
export async function photoThumbnail(photo: Readable): Promise<Buffer | null> {
  const resize = sharp({ failOn: "error", limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 78, mozjpeg: true });
  photo.on("error", (error) => resize.destroy(error));
  try {
    return await photo.pipe(resize).toBuffer();
  } catch {
    return null;
  }
}
