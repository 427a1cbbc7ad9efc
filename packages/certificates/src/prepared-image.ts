import { deflateSync } from "node:zlib";
import { PNG } from "pngjs";
import { imageKind } from "./certificate-design";

/**
 * A logo or seal decoded once per batch instead of once per PDF. A seal is a PNG with transparency, and
 * pdfkit would inflate, split and deflate its pixels again for every document (milliseconds each); here
 * the colour and alpha planes are compressed once and written into each PDF as they are. JPEGs need no
 * decoding and go through pdfkit as they are.
 */
export type PreparedImage =
  | { kind: "jpeg"; bytes: Uint8Array }
  | { kind: "png"; width: number; height: number; rgb: Buffer; alpha: Buffer | null };

export function prepareImage(bytes: Uint8Array): PreparedImage {
  const kind = imageKind(bytes);
  if (kind === "jpeg") return { kind, bytes };
  if (kind !== "png") throw new TypeError("not a PNG or JPEG image");
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const pixels = png.width * png.height;
  const rgb = Buffer.alloc(pixels * 3);
  const alpha = Buffer.alloc(pixels);
  let opaque = true;
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = png.data[i * 4] as number;
    rgb[i * 3 + 1] = png.data[i * 4 + 1] as number;
    rgb[i * 3 + 2] = png.data[i * 4 + 2] as number;
    const a = png.data[i * 4 + 3] as number;
    alpha[i] = a;
    if (a !== 255) opaque = false;
  }
  return {
    kind,
    width: png.width,
    height: png.height,
    rgb: deflateSync(rgb),
    alpha: opaque ? null : deflateSync(alpha),
  };
}

/** Draws the image as large as fits in the box, centred in it. */
export function drawImage(
  doc: PDFKit.PDFDocument,
  image: PreparedImage,
  name: string,
  box: { x: number; y: number; width: number; height: number },
): void {
  if (image.kind === "jpeg") {
    doc.image(Buffer.from(image.bytes), box.x, box.y, {
      fit: [box.width, box.height],
      align: "center",
      valign: "center",
    });
    return;
  }
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  const x = box.x + (box.width - width) / 2;
  const y = box.y + (box.height - height) / 2;
  const common = { Type: "XObject", Subtype: "Image", Width: image.width, Height: image.height };
  let mask: PDFKit.PDFKitReference | undefined;
  if (image.alpha) {
    // A stream whose dictionary names a Filter is written as given (pdfkit does not compress it again).
    mask = doc.ref({
      ...common,
      BitsPerComponent: 8,
      ColorSpace: "DeviceGray",
      Filter: "FlateDecode",
      Decode: [0, 1],
    });
    mask.end(image.alpha);
  }
  const object = doc.ref({
    ...common,
    BitsPerComponent: 8,
    ColorSpace: "DeviceRGB",
    Filter: "FlateDecode",
    ...(mask ? { SMask: mask } : {}),
  });
  object.end(image.rgb);
  doc.page.xobjects[name] = object;
  // pdfkit's page space runs downwards; an image's unit square is flipped into it as pdfkit itself does.
  doc.save();
  doc.transform(width, 0, 0, -height, x, y + height);
  doc.addContent(`/${name} Do`);
  doc.restore();
}
