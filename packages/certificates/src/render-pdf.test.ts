import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import * as fontkit from "fontkit";
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import {
  BASE_URL,
  gangneungDesign,
  gangneungTeams,
  koreanName,
  yongin,
  yonginDesign,
  yonginPair,
} from "../test/fixtures";
import { type PdfWord, pageImage, pagePng, pdfFonts, pdfText, pdfWords } from "../test/poppler";
import { type CertificateContentInput, certificateContentSchema } from "./certificate-content";
import { type CertificateDesignInput, certificateDesignSchema } from "./certificate-design";
import { koreanFontFiles, koreanFonts } from "./korean-font";
import { createCertificateRenderer } from "./render-pdf";
import { verificationUrl } from "./serial";
import { signCertificate } from "./signing";

const { privateKey } = generateKeyPairSync("ed25519");

async function render(designInput: CertificateDesignInput, contentInput: CertificateContentInput) {
  const design = certificateDesignSchema.parse(designInput);
  const content = certificateContentSchema.parse(contentInput);
  const renderer = createCertificateRenderer({ design, baseUrl: BASE_URL });
  const signature = signCertificate(content, privateKey);
  const pdf = await renderer.render({ content, signature, keyId: "0123456789abcdef" });
  return { pdf, content, signature, renderer };
}

/** The font programs embedded in the PDF (pdfkit writes object dictionaries uncompressed). */
function embeddedFontPrograms(pdf: Buffer): Buffer[] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => {
    const start = text.indexOf(`\n${id} 0 obj\n`);
    const streamStart = text.indexOf("stream\n", start) + "stream\n".length;
    const length = Number(/\/Length (\d+)/.exec(text.slice(start, streamStart))?.[1]);
    return inflateSync(pdf.subarray(streamStart, streamStart + length));
  });
}

describe("a certificate PDF", () => {
  it("carries the Korean names, the signer and the serial as text a viewer extracts", async () => {
    const { pdf, content } = await render(yonginDesign(), yonginPair());
    const text = pdfText(pdf);
    for (const name of [...content.mentors, ...content.mentees]) expect(text).toContain(name);
    expect(text).toContain("제1부시장");
    expect(text).toContain("홍길동");
    expect(text).toContain("용인특례시");
    expect(text).toContain("결연증서");
    expect(text).toContain("2025년 4월 15일");
    expect(text).toContain(content.serial);
    expect(text).toContain(verificationUrl(BASE_URL, content.serial));
    // For a person to look at: .tmp/yongin-pair.png
    const out = path.resolve(import.meta.dirname, "../.tmp");
    mkdirSync(out, { recursive: true });
    pagePng(pdf, path.join(out, "yongin-pair"));
  });

  it("names every member of a reverse-mentoring team under the tenant's own labels", async () => {
    const team = gangneungTeams()[3] as CertificateContentInput;
    const { pdf } = await render(gangneungDesign(), team);
    const text = pdfText(pdf);
    for (const name of [...team.mentors, ...team.mentees]) expect(text).toContain(name);
    expect(text).toContain("주니어 멘토");
    expect(text).toContain("부시장");
    expect(text).toContain("김영수");
    expect(text).toContain("강릉시");
  });

  it("embeds only a subset of the Korean font, far smaller than the font file", async () => {
    const { pdf } = await render(yonginDesign(), yonginPair());
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBe(2);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansKR-(Regular|Bold)$/);
      expect(font).toMatchObject({ type: "CID TrueType", embedded: true, subset: true, toUnicode: true });
    }
    const fullSize = statSync(koreanFontFiles.regular).size;
    const fullGlyphs = koreanFonts().regular.numGlyphs;
    expect(fullGlyphs).toBeGreaterThan(10_000);
    const programs = embeddedFontPrograms(pdf);
    expect(programs).toHaveLength(2);
    for (const program of programs) {
      expect(program.length).toBeLessThan(fullSize / 50);
      const subset = fontkit.create(program) as fontkit.Font;
      expect(subset.numGlyphs).toBeLessThan(fullGlyphs / 100);
    }
    expect(pdf.length).toBeLessThan(fullSize / 50);
  });

  it("has a QR code that reads as the certificate's verify address", async () => {
    const { pdf, content } = await render(yonginDesign(), yonginPair());
    const page = pageImage(pdf, 150);
    const code = jsQR(page.rgba, page.width, page.height);
    expect(code?.data).toBe(`${BASE_URL}/verify/${content.serial}`);
  });

  it("comes out the same, byte for byte, when rendered again", async () => {
    const { pdf, content, signature, renderer } = await render(yonginDesign(), yonginPair());
    const again = await renderer.render({ content, signature, keyId: "0123456789abcdef" });
    expect(again.equals(pdf)).toBe(true);
  });

  it("keeps every word inside the frame and clear of the others, however long the texts", async () => {
    const crowded: CertificateContentInput = {
      ...yonginPair(),
      tenant: { ...yongin, name: "한국지방행정연구원 부설 지방공무원 인재개발 및 역량강화 연구센터" },
      signer: { name: "남궁민수", title: "지방공무원 인재개발 및 역량강화 연구센터장" },
      mentors: Array.from({ length: 10 }, (_, i) => koreanName(400 + i)),
      mentees: Array.from({ length: 10 }, (_, i) => `${koreanName(500 + i)}${i % 2 ? "아름" : ""}`),
    };
    const body =
      `{mentorNames} 멘토와 {menteeNames} 멘티는 ${"함께 배우고 성장하기로 약속하였습니다. ".repeat(14)}`.slice(
        0,
        600,
      );
    const { pdf } = await render({ ...yonginDesign(), body }, crowded);
    const text = pdfText(pdf);
    expect(text.split("\f").filter((page) => page.trim() !== "")).toHaveLength(1);
    for (const name of [...crowded.mentors, ...crowded.mentees]) expect(text).toContain(name);
    expect(text).toContain(crowded.tenant.name);

    const words = pdfWords(pdf);
    const frame = { xMin: 30, yMin: 30, xMax: 595.28 - 30, yMax: 841.89 - 30 };
    const outside = words.filter(
      (w) => w.xMin < frame.xMin || w.xMax > frame.xMax || w.yMin < frame.yMin || w.yMax > frame.yMax,
    );
    expect(outside).toEqual([]);
    const overlapping: [string, string][] = [];
    const overlaps = (a: PdfWord, b: PdfWord) =>
      a.xMin < b.xMax - 0.5 && b.xMin < a.xMax - 0.5 && a.yMin < b.yMax - 0.5 && b.yMin < a.yMax - 0.5;
    for (const [i, a] of words.entries())
      for (const b of words.slice(i + 1)) if (overlaps(a, b)) overlapping.push([a.text, b.text]);
    expect(overlapping).toEqual([]);
  });
});
