import QRCode from "qrcode";

/**
 * A QR code of `text` as an SVG image in a data: address, for an <img> on a page (a certificate's check
 * link, an event's check-in): the same encoder the PDFs use, error correction M, a quiet zone of 2.
 */
export async function qrImageDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
