// Reading generated PDFs back with Debian's poppler-utils, as a person's viewer would: the text a
// viewer extracts, the fonts it finds, and the page as pixels. `npm test` installs poppler-utils.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function poppler(tool: string, args: string[], input: Buffer): Buffer {
  try {
    return execFileSync(tool, args, { input, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${tool} is missing: install Debian's poppler-utils (npm test installs it once)`);
    throw error;
  }
}

/** The text pdftotext extracts, in reading order. */
export const pdfText = (pdf: Buffer) =>
  poppler("pdftotext", ["-enc", "UTF-8", "-", "-"], pdf).toString("utf8");

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  toUnicode: boolean;
}

/** The fonts pdffonts lists: name, type, and whether each is embedded, a subset and mapped to Unicode. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pdffonts-"));
  try {
    const file = path.join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const lines = poppler("pdffonts", [file], Buffer.alloc(0)).toString("utf8").trim().split("\n").slice(2);
    return lines.map((line) => {
      const columns = line.trim().split(/\s+/);
      const [emb, sub, uni] = columns.slice(-5, -2);
      return {
        name: columns[0] as string,
        type: columns.slice(1, -6).join(" "),
        embedded: emb === "yes",
        subset: sub === "yes",
        toUnicode: uni === "yes",
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first page as RGBA pixels at `dpi`, as pdftoppm draws it. */
export function pageImage(
  pdf: Buffer,
  dpi = 150,
): { width: number; height: number; rgba: Uint8ClampedArray } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pdftoppm-"));
  try {
    poppler(
      "pdftoppm",
      ["-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", "-", path.join(dir, "page")],
      pdf,
    );
    const ppm = readFileSync(path.join(dir, "page.ppm"));
    // Binary PPM: "P6\n<width> <height>\n<max>\n" then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
    if (!header) throw new Error("pdftoppm did not write a binary PPM");
    const [width, height] = [Number(header[1]), Number(header[2])];
    const rgb = ppm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = rgb[i * 3] as number;
      rgba[i * 4 + 1] = rgb[i * 3 + 1] as number;
      rgba[i * 4 + 2] = rgb[i * 3 + 2] as number;
      rgba[i * 4 + 3] = 255;
    }
    return { width, height, rgba };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the first page as a PNG for a person to look at (the tests keep it in .tmp/). */
export function pagePng(pdf: Buffer, file: string, dpi = 100): void {
  poppler("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", "-", file], pdf);
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word on the first page with its box in points, as pdftotext -bbox finds them. */
export function pdfWords(pdf: Buffer): PdfWord[] {
  const html = poppler("pdftotext", ["-bbox", "-f", "1", "-l", "1", "-", "-"], pdf).toString("utf8");
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map(([, xMin, yMin, xMax, yMax, text]) => ({
    text: text as string,
    xMin: Number(xMin),
    yMin: Number(yMin),
    xMax: Number(xMax),
    yMax: Number(yMax),
  }));
}
