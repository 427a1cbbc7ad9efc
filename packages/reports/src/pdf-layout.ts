/**
 * The building blocks of the platform's A4 documents drawn with pdfkit (the final report, a person's data):
 * the page geometry and colours, and a Layout that places headings, notes, key-value blocks, tables whose
 * header repeats on every page, and vector bar charts, starting a new page when what comes next would not fit.
 */

/** What a layout needs of its document's wording: how a figure is printed beside a bar. */
export interface FigureWords {
  figure(value: number | null): string;
}

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 50, right: 50, top: 56, bottom: 60 };
export const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BOTTOM = PAGE.height - MARGIN.bottom;
export const INK = "#1c1c1c";
export const NAVY = "#1f3a5f";
export const MUTED = "#5b6472";
export const RULE = "#c9ced6";
export const HEAD_FILL = "#e8edf3";
export const PRE = "#9aa6b5";
export const POST = "#1f3a5f";
const CELL_PAD = 4;

export type Face = "regular" | "bold";
export type Align = "left" | "right" | "center";

export interface Column {
  header: string;
  /** A share of the content width. */
  width: number;
  align?: Align;
}

const BAR_HEIGHT = 10;
const GROUP_GAP = 8;

/** The height a bar chart of `groups` × `series` bars takes, with its title, scale and legend. */
export function chartHeight(groups: number, series: number): number {
  return 18 + groups * (series * BAR_HEIGHT + GROUP_GAP) + 16 + (series > 1 ? 14 : 0) + 10;
}

export class Layout<Words extends FigureWords = FigureWords> {
  y = MARGIN.top;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly words: Words,
  ) {}

  use(face: Face, size: number, color = INK) {
    this.doc.font(face).fontSize(size).fillColor(color);
  }

  newPage() {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  room(height: number) {
    if (this.y + height > BOTTOM) this.newPage();
  }

  /** A section's heading, kept on one page with the first `keep` points of what follows it. */
  heading(text: string, keep = 80) {
    this.room(42 + Math.min(keep, BOTTOM - MARGIN.top - 42));
    this.y += 10;
    this.use("bold", 14, NAVY);
    this.doc.text(text, MARGIN.left, this.y, { lineBreak: false });
    this.y += 22;
    this.doc
      .moveTo(MARGIN.left, this.y)
      .lineTo(MARGIN.left + WIDTH, this.y)
      .lineWidth(0.8)
      .strokeColor(NAVY)
      .stroke();
    this.y += 10;
  }

  subheading(text: string) {
    this.room(120);
    this.use("bold", 11, INK);
    this.doc.text(text, MARGIN.left, this.y, { lineBreak: false });
    this.y += 18;
  }

  note(text: string) {
    this.use("regular", 9.5, MUTED);
    const height = this.doc.heightOfString(text, { width: WIDTH });
    this.room(height + 6);
    this.doc.text(text, MARGIN.left, this.y, { width: WIDTH });
    this.y += height + 8;
  }

  /** A table whose header is repeated on every page it runs onto. */
  table(columns: Column[], rows: string[][], options: { boldLastRow?: boolean } = {}) {
    const widths = columns.map((column) => column.width * WIDTH);
    const size = 9;
    const heightOf = (cells: string[], face: Face) => {
      this.use(face, size);
      return (
        Math.max(
          ...cells.map((cell, i) =>
            this.doc.heightOfString(cell || " ", { width: (widths[i] ?? 0) - CELL_PAD * 2 }),
          ),
        ) +
        CELL_PAD * 2
      );
    };
    const drawRow = (cells: string[], face: Face, fill: string | null) => {
      const height = heightOf(cells, face);
      if (fill) this.doc.rect(MARGIN.left, this.y, WIDTH, height).fillColor(fill).fill();
      this.use(face, size);
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        this.doc.text(cell, x + CELL_PAD, this.y + CELL_PAD, {
          width: width - CELL_PAD * 2,
          align: columns[i]?.align ?? "left",
        });
        x += width;
      });
      this.y += height;
      this.doc
        .moveTo(MARGIN.left, this.y)
        .lineTo(MARGIN.left + WIDTH, this.y)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
    };
    const header = columns.map((column) => column.header);
    this.room(heightOf(header, "bold") + heightOf(rows[0] ?? header, "regular"));
    drawRow(header, "bold", HEAD_FILL);
    rows.forEach((row, index) => {
      const face: Face = options.boldLastRow && index === rows.length - 1 ? "bold" : "regular";
      if (this.y + heightOf(row, face) > BOTTOM) {
        this.newPage();
        drawRow(header, "bold", HEAD_FILL);
      }
      drawRow(row, face, null);
    });
    this.y += 12;
  }

  keyValues(rows: [string, string][]) {
    for (const [key, value] of rows) {
      this.use("regular", 10);
      const height = this.doc.heightOfString(value, { width: WIDTH * 0.75 - CELL_PAD * 2 }) + CELL_PAD * 2;
      this.room(height);
      this.doc
        .rect(MARGIN.left, this.y, WIDTH * 0.25, height)
        .fillColor(HEAD_FILL)
        .fill();
      this.use("bold", 10, NAVY);
      this.doc.text(key, MARGIN.left + CELL_PAD, this.y + CELL_PAD, { width: WIDTH * 0.25 - CELL_PAD * 2 });
      this.use("regular", 10);
      this.doc.text(value, MARGIN.left + WIDTH * 0.25 + CELL_PAD, this.y + CELL_PAD, {
        width: WIDTH * 0.75 - CELL_PAD * 2,
      });
      this.y += height;
      this.doc
        .moveTo(MARGIN.left, this.y)
        .lineTo(MARGIN.left + WIDTH, this.y)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
    }
    this.y += 12;
  }

  /**
   * Horizontal bars drawn with vector shapes: per group a label and one bar per series, each with its
   * figure printed at the bar's end; a scale from 0 to `max` with grid lines at quarters, and a legend.
   */
  barChart(options: {
    title: string;
    max: number;
    groups: { label: string; values: (number | null)[] }[];
    series: { name: string; color: string }[];
  }) {
    const { max, groups, series } = options;
    const labelWidth = 150;
    const figureWidth = 40;
    const barHeight = BAR_HEIGHT;
    const groupGap = GROUP_GAP;
    const plotLeft = MARGIN.left + labelWidth;
    const plotWidth = WIDTH - labelWidth - figureWidth;
    const groupHeight = series.length * barHeight + groupGap;
    this.room(Math.min(chartHeight(groups.length, series.length), BOTTOM - MARGIN.top));
    this.use("bold", 10, INK);
    this.doc.text(options.title, MARGIN.left, this.y, { lineBreak: false });
    this.y += 18;
    const top = this.y;
    const plotBottom = top + groups.length * groupHeight;
    // Grid lines and their figures at 0, ¼, ½, ¾ and the full scale.
    for (let quarter = 0; quarter <= 4; quarter++) {
      const x = plotLeft + (plotWidth * quarter) / 4;
      this.doc
        .moveTo(x, top - 2)
        .lineTo(x, plotBottom)
        .lineWidth(quarter === 0 ? 0.8 : 0.3)
        .strokeColor(quarter === 0 ? INK : RULE)
        .stroke();
      this.use("regular", 7, MUTED);
      const tick = String((max * quarter) / 4);
      this.doc.text(tick, x - 15, plotBottom + 3, { width: 30, align: "center", lineBreak: false });
    }
    groups.forEach((group, g) => {
      const groupTop = top + g * groupHeight;
      this.use("regular", 8.5);
      const label = this.fit(group.label, labelWidth - 8);
      this.doc.text(label, MARGIN.left, groupTop + (series.length * barHeight) / 2 - 5, {
        width: labelWidth - 8,
        align: "right",
        lineBreak: false,
      });
      series.forEach((serie, s) => {
        const value = group.values[s] ?? null;
        const barTop = groupTop + s * barHeight + 1;
        const length = value === null ? 0 : (Math.max(0, Math.min(max, value)) / max) * plotWidth;
        if (length > 0)
          this.doc
            .rect(plotLeft, barTop, length, barHeight - 2)
            .fillColor(serie.color)
            .fill();
        this.use("regular", 7.5, INK);
        this.doc.text(this.words.figure(value), plotLeft + length + 3, barTop, { lineBreak: false });
      });
    });
    this.y = plotBottom + 16;
    if (series.length > 1) {
      let x = plotLeft;
      for (const serie of series) {
        this.doc
          .rect(x, this.y + 1, 10, 7)
          .fillColor(serie.color)
          .fill();
        this.use("regular", 8, INK);
        this.doc.text(serie.name, x + 14, this.y, { lineBreak: false });
        x += 14 + this.doc.widthOfString(serie.name) + 16;
      }
      this.y += 14;
    }
    this.y += 10;
  }

  /** The text cut with an ellipsis to fit `width` at the current font. */
  fit(text: string, width: number) {
    if (this.doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }
}
