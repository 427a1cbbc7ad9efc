import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { CertificateContent } from "./certificate-content";
import { type CertificateDesign, fillBody, koreanDate } from "./certificate-design";
import { type KoreanFonts, koreanFonts } from "./korean-font";
import { drawImage, type PreparedImage, prepareImage } from "./prepared-image";
import { verificationUrl } from "./serial";

/**
 * The certificate as an A4 PDF ready to print: a double border, the logo, the title, the names, the
 * body, the date, the issuer, the signer with the seal pressed beside the name, and at the foot the
 * serial, the verification address and its QR code. Every word printed comes from the signed content
 * (the design supplies only the wording around it), so what is on paper is what the signature covers.
 */

/** Bump when the page changes: bulk generation then renders every certificate again. */
export const RENDERER_VERSION = 1;

export interface SignedCertificate {
  content: CertificateContent;
  /** The tenant's signature over the content (base64url), kept in the PDF's metadata. */
  signature: string;
  keyId: string;
}

export interface CertificateRenderer {
  render(certificate: SignedCertificate): Promise<Buffer>;
}

const PAGE = { width: 595.28, height: 841.89 };
const INK = "#1c1c1c";
const NAVY = "#1f3a5f";
const GOLD = "#a8874a";
const MUTED = "#5b6472";
const CONTENT_WIDTH = 410;
const LABEL_GAP = 16;
const NAME_LEADING = 1.65;
const BODY_LEADING = 1.95;

type Face = "regular" | "bold";

function use(doc: PDFKit.PDFDocument, face: Face, size: number, color = INK) {
  doc.font(face).fontSize(size).fillColor(color);
}

function textWidth(doc: PDFKit.PDFDocument, text: string, spacing = 0) {
  return doc.widthOfString(text) + spacing * Math.max(0, [...text].length - 1);
}

/** One line at (x, y) top-left, never wrapped by pdfkit. */
function put(doc: PDFKit.PDFDocument, text: string, x: number, y: number, spacing = 0) {
  doc.text(text, x, y, { lineBreak: false, characterSpacing: spacing });
}

function centered(doc: PDFKit.PDFDocument, text: string, y: number, spacing = 0, middle = PAGE.width / 2) {
  put(doc, text, middle - textWidth(doc, text, spacing) / 2, y, spacing);
}

/**
 * Sets the face at `size`, or smaller when needed for `text` to fit in `width` (a long tenant name), and
 * returns the letter spacing to use with it, scaled alike.
 */
function useFitted(
  doc: PDFKit.PDFDocument,
  face: Face,
  size: number,
  text: string,
  width: number,
  spacing = 0,
  color = INK,
) {
  use(doc, face, size, color);
  const scale = Math.min(1, width / textWidth(doc, text, spacing));
  doc.fontSize(size * scale);
  return spacing * scale;
}

/**
 * Lines no wider than `width`, broken between words as Korean print does (not inside a word, unless a
 * word alone is too wide). Hard line breaks in the text are kept.
 */
export function wrapWords(doc: PDFKit.PDFDocument, text: string, width: number, separator = " "): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(separator).filter((part) => part.trim() !== "")) {
      const candidate = line ? `${line}${separator}${word}` : word;
      if (doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      for (const character of word) {
        if (line && doc.widthOfString(line + character) > width) {
          lines.push(line);
          line = character;
        } else line += character;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Wrapped to the same number of lines as `width` allows, but with lines as even as possible (as CSS's
 * `text-wrap: balance`), so that a centred paragraph does not end in one lonely word.
 */
function balancedLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const greedy = wrapWords(doc, text, width);
  if (greedy.length < 2) return greedy;
  let [narrow, wide] = [width / 2, width];
  for (let step = 0; step < 8; step++) {
    const middle = (narrow + wide) / 2;
    if (wrapWords(doc, text, middle).length > greedy.length) narrow = middle;
    else wide = middle;
  }
  return wrapWords(doc, text, wide);
}

function drawBorder(doc: PDFKit.PDFDocument) {
  const { width, height } = PAGE;
  doc
    .lineWidth(2.4)
    .strokeColor(NAVY)
    .rect(22, 22, width - 44, height - 44)
    .stroke();
  doc
    .lineWidth(0.8)
    .strokeColor(GOLD)
    .rect(30, 30, width - 60, height - 60)
    .stroke();
  // Corner marks inside the inner frame.
  doc.lineWidth(1.6).strokeColor(GOLD);
  for (const [x, y, dx, dy] of [
    [38, 38, 1, 1],
    [width - 38, 38, -1, 1],
    [38, height - 38, 1, -1],
    [width - 38, height - 38, -1, -1],
  ] as const) {
    doc
      .moveTo(x, y + dy * 26)
      .lineTo(x, y)
      .lineTo(x + dx * 26, y)
      .stroke();
  }
}

interface NamesRow {
  label: string;
  labelWidth: number;
  lines: string[];
  namesWidth: number;
}

/** "멘토  홍길동, 김영희": the label, then the names, wrapped between names. */
function layoutNames(
  doc: PDFKit.PDFDocument,
  label: string,
  names: readonly string[],
  size: number,
): NamesRow {
  use(doc, "bold", size * 0.8, NAVY);
  const labelWidth = textWidth(doc, label, 2);
  use(doc, "regular", size);
  const lines = wrapWords(doc, names.join(", "), CONTENT_WIDTH - labelWidth - LABEL_GAP, ", ");
  return { label, labelWidth, lines, namesWidth: Math.max(...lines.map((line) => textWidth(doc, line, 1))) };
}

/** The rows as one centred block: labels end in one column, names start in the next. */
function drawNames(
  doc: PDFKit.PDFDocument,
  rows: readonly NamesRow[],
  top: number,
  size: number,
  gap: number,
) {
  const labelColumn = Math.max(...rows.map((row) => row.labelWidth));
  const namesColumn = Math.max(...rows.map((row) => row.namesWidth));
  const namesLeft = (PAGE.width - (labelColumn + LABEL_GAP + namesColumn)) / 2 + labelColumn + LABEL_GAP;
  let y = top;
  for (const row of rows) {
    use(doc, "bold", size * 0.8, NAVY);
    put(doc, row.label, namesLeft - LABEL_GAP - row.labelWidth, y + size * 0.18, 2);
    use(doc, "regular", size);
    row.lines.forEach((line, i) => {
      put(doc, line, namesLeft, y + i * size * NAME_LEADING, 1);
    });
    y += row.lines.length * size * NAME_LEADING + gap;
  }
  return y - gap;
}

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  // One rectangle per run of dark modules in a row, filled as one path.
  for (let row = 0; row < modules.size; row++) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column++;
      // A hair of overlap so that viewers draw no seams between rows.
      doc.rect(x + start * cell, y + row * cell, (column - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor("#000000").fill();
}

/** The title printed: an award certificate's own (its signed content), else the design's. */
const titleOf = (design: CertificateDesign, content: SignedCertificate["content"]) =>
  content.award?.title ?? design.title;

function drawCertificate(
  doc: PDFKit.PDFDocument,
  design: CertificateDesign,
  images: { logo: PreparedImage | null; seal: PreparedImage | null },
  { content }: SignedCertificate,
  url: string,
) {
  const { width } = PAGE;
  drawBorder(doc);

  if (images.logo) drawImage(doc, images.logo, "Logo", { x: width / 2 - 90, y: 64, width: 180, height: 52 });
  let y = images.logo ? 134 : 112;

  const title = titleOf(design, content);
  centered(doc, title, y, useFitted(doc, "bold", 38, title, CONTENT_WIDTH, 14, NAVY));
  y += 66;
  doc
    .moveTo(width / 2 - 34, y)
    .lineTo(width / 2 + 34, y)
    .lineWidth(1)
    .strokeColor(GOLD)
    .stroke();

  // Names and body share the space between the title and the date, centred in it; a long body gets a
  // smaller size rather than overflow.
  const nameSize = content.mentors.length + content.mentees.length > 8 ? 14 : 18;
  const rows = [
    layoutNames(doc, design.mentorLabel, content.mentors, nameSize),
    layoutNames(doc, design.menteeLabel, content.mentees, nameSize),
  ];
  const rowGap = 6;
  const namesHeight = rows.reduce((sum, row) => sum + row.lines.length * nameSize * NAME_LEADING, rowGap);
  const [top, bottom, gap] = [y + 30, 540, 34];
  let size = 16;
  let lines: string[] = [];
  for (; size > 9; size -= 0.5) {
    use(doc, "regular", size);
    lines = balancedLines(doc, fillBody(design.body, content), CONTENT_WIDTH);
    if (namesHeight + gap + lines.length * size * BODY_LEADING <= bottom - top) break;
  }
  const blockHeight = namesHeight + gap + lines.length * size * BODY_LEADING;
  y = top + Math.max(0, (bottom - top - blockHeight) * 0.42);
  y = drawNames(doc, rows, y, nameSize, rowGap) + gap;
  use(doc, "regular", size);
  lines.forEach((line, i) => {
    centered(doc, line, y + i * size * BODY_LEADING, 0.3);
  });

  use(doc, "regular", 16);
  centered(doc, koreanDate(content.date), 566, 2);

  centered(doc, content.tenant.name, 612, useFitted(doc, "bold", 24, content.tenant.name, CONTENT_WIDTH, 6));

  const signerSize = 19;
  const signerTop = 654;
  const signerLine = `${content.signer.title}  ${content.signer.name}`;
  const signerSpacing = useFitted(doc, "bold", signerSize, signerLine, CONTENT_WIDTH - 120, 3);
  const signerWidth = textWidth(doc, signerLine, signerSpacing);
  const signerLeft = width / 2 - signerWidth / 2;
  put(doc, signerLine, signerLeft, signerTop, signerSpacing);
  if (images.seal) {
    // The seal is pressed just after the name, as a stamp beside a signature.
    const sealSize = 56;
    drawImage(doc, images.seal, "Seal", {
      x: signerLeft + signerWidth + 2,
      y: signerTop + signerSize * 0.72 - sealSize / 2,
      width: sealSize,
      height: sealSize,
    });
  }

  // Foot: serial and verification address on the left, the QR code on the right.
  const qrSize = 74;
  const qrX = width - 64 - qrSize;
  const qrY = 710;
  drawQr(doc, url, qrX, qrY, qrSize);
  use(doc, "regular", 6.5, MUTED);
  // Below the quiet zone of four modules that scanners need around the code.
  centered(doc, "진위 확인", qrY + qrSize + 8, 1, qrX + qrSize / 2);

  const left = 64;
  use(doc, "bold", 8.5, NAVY);
  put(doc, "발급번호", left, 726, 1);
  put(doc, "확인주소", left, 746, 1);
  use(doc, "regular", 10.5);
  put(doc, content.serial, left + 52, 724.5, 0.4);
  useFitted(doc, "regular", 8, url, qrX - left - 52 - 16);
  put(doc, url, left + 52, 746.5);
  use(doc, "regular", 7, MUTED);
  const note = `이 증서는 ${content.tenant.name}에서 전자서명하여 발급하였으며, QR 코드나 위 주소에서 진위를 확인할 수 있습니다.`;
  wrapWords(doc, note, qrX - left - 24).forEach((line, i) => {
    put(doc, line, left, 770 + i * 11);
  });
}

/**
 * A renderer for one design: images are decoded and the fonts parsed once, then `render` makes one PDF
 * per certificate. The output depends only on the design, `baseUrl` and the certificate (creation date
 * = issuedAt), so rendering again gives the same bytes.
 */
export function createCertificateRenderer(options: {
  design: CertificateDesign;
  baseUrl: string;
  fonts?: KoreanFonts;
}): CertificateRenderer {
  const { design, baseUrl } = options;
  const fonts = options.fonts ?? koreanFonts();
  const images = {
    logo: design.logo ? prepareImage(design.logo) : null,
    seal: design.seal ? prepareImage(design.seal) : null,
  };
  return {
    // async: a drawing error rejects the promise instead of throwing past it.
    async render(certificate) {
      const { content } = certificate;
      const doc = new PDFDocument({
        size: "A4",
        margin: 0,
        pdfVersion: "1.7",
        lang: "ko-KR",
        displayTitle: true,
        // No default font: the standard Helvetica would be loaded (and embedded) for nothing.
        font: null as unknown as string,
        info: {
          Title: `${titleOf(design, content)} ${content.serial}`,
          Author: content.tenant.name,
          Subject: `${content.program} ${content.cohort}`,
          Keywords: content.serial,
          Creator: "mentoring platform",
          Producer: "PDFKit",
          CreationDate: new Date(content.issuedAt),
          // Custom keys, which pdfkit writes as given but its types do not name.
          ...{ CertificateSignature: certificate.signature, CertificateKeyId: certificate.keyId },
        },
      });
      // pdfkit takes a parsed fontkit font in place of a file; its types only name paths and bytes.
      doc.registerFont("regular", fonts.regular as unknown as string);
      doc.registerFont("bold", fonts.bold as unknown as string);
      const chunks: Buffer[] = [];
      doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      const finished = new Promise<Buffer>((resolve, reject) => {
        doc.on("end", () => resolve(Buffer.concat(chunks)));
        doc.on("error", reject);
      });
      drawCertificate(doc, design, images, certificate, verificationUrl(baseUrl, content.serial));
      doc.end();
      return finished;
    },
  };
}
