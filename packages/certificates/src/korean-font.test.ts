import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { koreanFontFiles, koreanFonts } from "./korean-font";

const TEXT =
  "결연증서 용인특례시 제1부시장 홍길동 멘토 김민준 (2025년 4월 15일) https://mentoring.example.kr";
const plain = fontkit.create(readFileSync(koreanFontFiles.regular)) as fontkit.Font;

type Subsetting = { createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array } };
function subsetBytes(font: fontkit.Font, ids: number[]) {
  const subset = (font as unknown as Subsetting).createSubset();
  for (const id of ids) subset.includeGlyph(id);
  return Buffer.from(subset.encode());
}

describe("the Korean font as the renderer uses it", () => {
  it("covers every Hangul syllable", () => {
    const { regular, bold } = koreanFonts();
    for (const font of [regular, bold]) {
      for (let code = 0xac00; code <= 0xd7a3; code += 1) expect(font.hasGlyphForCodePoint(code)).toBe(true);
    }
  });

  it("shapes words as fontkit does, and hands each caller positions of its own", () => {
    const { regular } = koreanFonts();
    for (const word of TEXT.split(" ").filter((w) => w.length <= 16)) {
      const expected = plain.layout(word);
      for (let round = 0; round < 2; round++) {
        const run = regular.layout(word);
        expect(run.glyphs.map((glyph) => glyph.id)).toEqual(expected.glyphs.map((glyph) => glyph.id));
        expect(run.advanceWidth).toBe(expected.advanceWidth);
        for (const position of run.positions) position.xAdvance *= 2; // as pdfkit scales in place
      }
    }
  });

  it("sets a long code glyph by glyph, one glyph per character", () => {
    const serial = "31ZX-VSQE-CA86-42SQ-NKHF-D420-YWTX";
    const run = koreanFonts().regular.layout(serial);
    expect(run.glyphs.map((glyph) => glyph.id)).toEqual(
      plain.glyphsForString(serial).map((glyph) => glyph.id),
    );
    expect(run.glyphs.flatMap((glyph) => glyph.codePoints)).toEqual([...serial].map((c) => c.codePointAt(0)));
  });

  it("subsets to the same bytes as fontkit's own subsetter, the first time and from its cache", () => {
    const ids = plain.layout(TEXT).glyphs.map((glyph) => glyph.id);
    const expected = subsetBytes(plain, ids);
    const { regular } = koreanFonts();
    expect(subsetBytes(regular, ids).equals(expected)).toBe(true);
    expect(subsetBytes(regular, ids).equals(expected)).toBe(true);
  });
});
