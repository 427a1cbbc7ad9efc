import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

/**
 * Noto Sans KR (SIL Open Font License 1.1), shipped by the npm package @expo-google-fonts/noto-sans-kr
 * as plain TrueType files (glyf outlines: fontkit subsets them correctly, unlike CID-keyed CFF). Each PDF
 * embeds only the glyphs it uses; the full files are 6 MB each.
 */

const require = createRequire(import.meta.url);

export const koreanFontFiles = {
  regular: require.resolve("@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf"),
} as const;

/** A fontkit font as pdfkit takes it (pdfkit accepts a font object in place of a path or bytes). */
export type ShapedFont = fontkit.Font;

export interface KoreanFonts {
  regular: ShapedFont;
  bold: ShapedFont;
}

const MAX_SHAPED_RUNS = 5_000;
/** Longer words (a serial, an address) are unique to one certificate: their shaping is not remembered. */
const MAX_REMEMBERED_LENGTH = 16;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function runOf(glyphs: fontkit.Glyph[], positions: fontkit.GlyphPosition[]): fontkit.GlyphRun {
  return {
    glyphs,
    positions,
    get advanceWidth() {
      return positions.reduce((width, position) => width + position.xAdvance, 0);
    },
  } as unknown as fontkit.GlyphRun;
}

/**
 * The font with its text shaping remembered across documents. Shaping (OpenType substitution and
 * positioning for Hangul) is most of the time of a certificate, and the same words recur on every page;
 * pdfkit only remembers within one document. pdfkit scales the positions it gets back in place, so each
 * caller receives its own copy of them; glyphs are shared and read-only.
 *
 * Long ASCII words (the serial, the verify address) are set glyph by glyph, without ligatures or
 * kerning: each is printed once, shaping them cost a fifth of a certificate, and a code a person
 * may type is clearer with every character standing alone.
 */
function withShapingCache(font: fontkit.Font): ShapedFont {
  const shaped = Object.create(font) as fontkit.Font;
  const runs = new Map<string, fontkit.GlyphRun>();
  const layout = font.layout;
  shaped.layout = ((text: string, features?: unknown) => {
    if (features !== undefined) return layout.call(shaped, text, features as never);
    if (text.length > MAX_REMEMBERED_LENGTH) {
      if (!PRINTABLE_ASCII.test(text)) return layout.call(shaped, text);
      const glyphs = shaped.glyphsForString(text);
      return runOf(
        glyphs,
        glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })),
      );
    }
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_SHAPED_RUNS) runs.clear();
      run = layout.call(shaped, text);
      runs.set(text, run);
    }
    return runOf(
      run.glyphs,
      run.positions.map((position) => ({ ...position })),
    );
  }) as fontkit.Font["layout"];
  return shaped;
}

/** The parts of fontkit's TrueType subset (fontkit 2.0.4, pinned) that the glyph cache replaces. */
interface TrueTypeSubset {
  font: {
    getGlyph(id: number): {
      advanceWidth: number;
      _decode(): GlyphTable | null;
      _getMetrics(): { leftBearing: number };
    };
    loca: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  };
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}
interface GlyphTable {
  numberOfContours: number;
  components?: { glyphID: number; pos: number }[];
}
interface GlyphRecord {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/**
 * Subsets that copy each glyph's outline bytes from a per-font cache. fontkit's own subset decodes every
 * glyph's outline again for every document only to find out whether it is composite; this was a third
 * of a certificate's time. The bytes written are the same (a test compares them).
 */
export function withSubsetCache(font: ShapedFont): ShapedFont {
  const internals = font as unknown as {
    _variationProcessor?: unknown;
    directory: { tables: Record<string, unknown> };
    createSubset(): unknown;
  };
  const { createSubset } = internals;
  // Variable fonts re-encode outlines per instance; only plain TrueType outlines are copied.
  if (internals._variationProcessor || !("glyf" in internals.directory.tables)) return font;
  const records = new Map<number, GlyphRecord>();
  function record(subset: TrueTypeSubset, id: number): GlyphRecord {
    let found = records.get(id);
    if (!found) {
      const glyph = subset.font.getGlyph(id);
      const table = glyph._decode();
      const [start, end] = [
        subset.font.loca.offsets[id] as number,
        subset.font.loca.offsets[id + 1] as number,
      ];
      const stream = subset.font._getTableStream("glyf");
      stream.pos += start;
      found = {
        bytes: new Uint8Array(stream.readBuffer(end - start)),
        components:
          table && table.numberOfContours < 0 ? (table.components ?? []).map((c) => ({ ...c })) : null,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      records.set(id, found);
    }
    return found;
  }
  function addGlyph(this: TrueTypeSubset, id: number): number {
    const { bytes, components, advance, bearing } = record(this, id);
    let glyph = bytes;
    if (components) {
      // A composite glyph names its parts by id: renumber them for this subset, in a copy.
      glyph = new Uint8Array(bytes);
      const view = new DataView(glyph.buffer);
      for (const component of components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(glyph);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance, bearing });
    this.offset += glyph.length;
    return this.glyf.length - 1;
  }
  internals.createSubset = function (this: unknown) {
    const subset = createSubset.call(this) as TrueTypeSubset;
    subset._addGlyph = addGlyph;
    return subset;
  };
  return font;
}

function load(file: string): ShapedFont {
  const font = fontkit.create(readFileSync(file));
  if (!("layout" in font)) throw new Error(`${file} is a font collection, not one font`);
  return withSubsetCache(withShapingCache(font));
}

let loaded: KoreanFonts | undefined;

/** The regular and bold faces, read and parsed once per process. */
export function koreanFonts(): KoreanFonts {
  loaded ??= { regular: load(koreanFontFiles.regular), bold: load(koreanFontFiles.bold) };
  return loaded;
}
