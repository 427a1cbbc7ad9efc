import { Readable } from "node:stream";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectMediaType, photoThumbnail, THUMBNAIL_SIZE } from "./media";

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .toBuffer();

describe("what a file is, from its content", () => {
  it("tells a photo, a video and a PDF by their first bytes, whatever they are named", async () => {
    expect(await detectMediaType(await photo(8, 8))).toBe("image/jpeg");
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from("ftypmp42"),
      Buffer.alloc(4),
      Buffer.from("mp42isom"),
    ]);
    expect(await detectMediaType(mp4)).toBe("video/mp4");
    expect(await detectMediaType(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("application/pdf");
  });

  it("shows a Windows program as one, and plain text as nothing it knows", async () => {
    const exe = Buffer.alloc(512);
    exe.write("MZ", 0);
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write("PE\0\0", 0x80, "binary");
    expect(await detectMediaType(exe)).toBe("application/x-msdownload");
    expect(await detectMediaType(Buffer.from("just some words"))).toBeNull();
  });
});

describe("a photo's thumbnail", () => {
  it("is a JPEG no larger than the thumbnail size, keeping the photo's shape", async () => {
    const thumbnail = await photoThumbnail(Readable.from([await photo(2000, 1000)]));
    expect(thumbnail).not.toBeNull();
    const info = await sharp(thumbnail as Buffer).metadata();
    expect(info.format).toBe("jpeg");
    expect([info.width, info.height]).toEqual([THUMBNAIL_SIZE, THUMBNAIL_SIZE / 2]);
  });

  it("never enlarges a small photo", async () => {
    const info = await sharp(
      (await photoThumbnail(Readable.from([await photo(40, 30)]))) as Buffer,
    ).metadata();
    expect([info.width, info.height]).toEqual([40, 30]);
  });

  it("is null for a file that only claims to be a photo", async () => {
    expect(await photoThumbnail(Readable.from([Buffer.from("not a photo at all")]))).toBeNull();
  });
});
