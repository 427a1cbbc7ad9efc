import { type KoreanFonts, koreanFonts } from "@mentoring/certificates";
import PDFDocument from "pdfkit";
import type { CohortReportData } from "./cohort-report-data";
import { type ReportLocale, type ReportWords, reportWords } from "./report-words";

/**
 * The cohort's final report (결과보고서) as an A4 PDF: a title block, then overview, timeline,
 * participation, outcomes (a bar chart of the mean before and after per area, figures beside the bars),
 * evaluation (the ranking's totals as a bar chart, and the table of per-criterion scores), awards and
 * featured work, with page numbers. Korean text is set in Noto Sans KR through the certificates package's
 * fonts (parsed once per process, each PDF embedding a subset). Pure: the same data gives the same PDF.
 */

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 50, right: 50, top: 56, bottom: 60 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const INK = "#1c1c1c";
const NAVY = "#1f3a5f";
const MUTED = "#5b6472";
const RULE = "#c9ced6";
const HEAD_FILL = "#e8edf3";
const PRE = "#9aa6b5";
const POST = "#1f3a5f";
const CELL_PAD = 4;

type Face = "regular" | "bold";
type Align = "left" | "right" | "center";

interface Column {
  header: string;
  /** A share of the content width. */
  width: number;
  align?: Align;
}

const BAR_HEIGHT = 10;
const GROUP_GAP = 8;

/** The height a bar chart of `groups` × `series` bars takes, with its title, scale and legend. */
function chartHeight(groups: number, series: number): number {
  return 18 + groups * (series * BAR_HEIGHT + GROUP_GAP) + 16 + (series > 1 ? 14 : 0) + 10;
}

class Layout {
  y = MARGIN.top;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly words: ReportWords,
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

/** The program and the cohort, or the cohort's title alone when it names the program already (거꾸로 멘토링 1기). */
function subtitleOf(words: ReportWords, data: CohortReportData): string {
  return data.cohort.title.includes(data.program.name)
    ? data.cohort.title
    : words.t("subtitle", { program: data.program.name, cohort: data.cohort.title });
}

function drawTitle(layout: Layout, data: CohortReportData) {
  const { doc, words } = layout;
  layout.use("bold", 26, NAVY);
  doc.text(words.t("title"), MARGIN.left, 70, { width: WIDTH, align: "center" });
  layout.use("regular", 14, INK);
  doc.text(subtitleOf(words, data), MARGIN.left, 112, {
    width: WIDTH,
    align: "center",
  });
  layout.use("bold", 12, MUTED);
  doc.text(words.t("issuer", { tenant: data.tenant.name }), MARGIN.left, 136, {
    width: WIDTH,
    align: "center",
  });
  layout.y = 176;
}

function drawOverview(layout: Layout, data: CohortReportData) {
  const { words } = layout;
  const range = (span: { start: string; end: string }) => `${span.start} ~ ${span.end}`;
  layout.heading(words.t("section.overview"));
  layout.keyValues([
    [words.t("overview.tenant"), data.tenant.name],
    [words.t("overview.program"), data.program.name],
    [words.t("overview.cohort"), data.cohort.title],
    [
      words.t("overview.kind"),
      words.t(data.program.kind === "reverse" ? "overview.kindReverse" : "overview.kindStandard"),
    ],
    [words.t("overview.recruitment"), range(data.cohort.recruitment)],
    [words.t("overview.activities"), range(data.cohort.activities)],
    [words.t("overview.evaluation"), range(data.cohort.evaluation)],
    [words.t("overview.close"), data.cohort.close],
    [words.t("overview.participants"), words.t("overview.participantsValue", data.participants)],
    [words.t("overview.teams"), words.t("unit.teams", { count: data.teams.length })],
  ]);
  layout.subheading(words.t("teams.title"));
  layout.table(
    [
      { header: words.t("teams.number"), width: 0.1, align: "center" },
      { header: words.t("teams.name"), width: 0.2 },
      { header: words.t("teams.mentors"), width: 0.3 },
      { header: words.t("teams.mentees"), width: 0.4 },
    ],
    data.teams.map((team) => [
      words.team(team.number),
      team.name ?? "",
      team.mentors.join(", "),
      team.mentees.join(", "),
    ]),
  );
}

function drawTimeline(layout: Layout, data: CohortReportData) {
  const { words } = layout;
  layout.heading(words.t("section.timeline"));
  if (data.timeline.length === 0) return layout.note(words.t("timeline.empty"));
  layout.table(
    [
      { header: words.t("timeline.date"), width: 0.18, align: "center" },
      { header: words.t("timeline.kind"), width: 0.18, align: "center" },
      { header: words.t("timeline.title"), width: 0.64 },
    ],
    data.timeline.map((item) => [item.date, words.t(`timeline.kinds.${item.kind}`), words.text(item.title)]),
  );
}

function drawParticipation(layout: Layout, data: CohortReportData) {
  const { words } = layout;
  layout.heading(words.t("section.participation"));
  const row = (label: string, figures: CohortReportData["participation"]["total"]) => [
    label,
    String(figures.activities),
    String(figures.meetings),
    String(figures.minutes),
    `${figures.attendance.present}/${figures.attendance.expected}`,
    words.percent(figures.attendance.present, figures.attendance.expected),
    `${figures.assignments.onTime}/${figures.assignments.due}`,
  ];
  layout.table(
    [
      { header: words.t("participation.team"), width: 0.13, align: "center" },
      { header: words.t("participation.activities"), width: 0.11, align: "right" },
      { header: words.t("participation.meetings"), width: 0.11, align: "right" },
      { header: words.t("participation.minutes"), width: 0.16, align: "right" },
      { header: words.t("participation.attendanceCount"), width: 0.14, align: "right" },
      { header: words.t("participation.attendance"), width: 0.15, align: "right" },
      { header: words.t("participation.onTime"), width: 0.2, align: "right" },
    ],
    [
      ...data.participation.teams.map((team) => row(words.team(team.teamNumber), team)),
      row(words.t("participation.total"), data.participation.total),
    ],
    { boldLastRow: true },
  );
}

function drawOutcomes(layout: Layout, data: CohortReportData) {
  const { words } = layout;
  const { dimensions, satisfaction } = data.outcomes;
  layout.heading(words.t("section.outcomes"));
  layout.subheading(words.t("outcomes.title"));
  if (dimensions.length === 0) layout.note(words.t("outcomes.empty"));
  else {
    const highest = Math.max(0, ...dimensions.flatMap((d) => [d.preMean ?? 0, d.postMean ?? 0]));
    // Bars of nobody's scores would say nothing: the table below says how many were scored.
    if (dimensions.some((dimension) => dimension.n > 0))
      layout.barChart({
        title: words.t("outcomes.chart"),
        max: highest <= 100 ? 100 : Math.ceil(highest / 10) * 10,
        groups: dimensions.map((dimension) => ({
          label: words.text(dimension.label),
          values: [dimension.preMean, dimension.postMean],
        })),
        series: [
          { name: words.t("outcomes.pre"), color: PRE },
          { name: words.t("outcomes.post"), color: POST },
        ],
      });
    layout.table(
      [
        { header: words.t("outcomes.dimension"), width: 0.3 },
        { header: words.t("outcomes.n"), width: 0.1, align: "right" },
        { header: words.t("outcomes.pre"), width: 0.12, align: "right" },
        { header: words.t("outcomes.post"), width: 0.12, align: "right" },
        { header: words.t("outcomes.change"), width: 0.12, align: "right" },
        { header: words.t("outcomes.verdict"), width: 0.24 },
      ],
      dimensions.map((dimension) => [
        `${words.text(dimension.setTitle)} · ${words.text(dimension.label)}`,
        String(dimension.n),
        words.figure(dimension.preMean),
        words.figure(dimension.postMean),
        dimension.change === null
          ? "-"
          : `${dimension.change > 0 ? "+" : ""}${words.figure(dimension.change)}`,
        words.t(`outcomes.verdicts.${dimension.verdict}`),
      ]),
    );
  }
  layout.subheading(words.t("outcomes.satisfaction"));
  if (satisfaction.length === 0) return layout.note(words.t("outcomes.satisfactionEmpty"));
  for (const set of satisfaction) {
    layout.note(`${words.text(set.title)} (${words.t("unit.people", { count: set.respondents })})`);
    layout.table(
      [
        { header: words.t("outcomes.question"), width: 0.64 },
        { header: words.t("outcomes.respondents"), width: 0.16, align: "right" },
        { header: words.t("outcomes.mean"), width: 0.2, align: "right" },
      ],
      set.questions.map((question) => [
        words.text(question.prompt),
        String(question.answered),
        words.figure(question.mean),
      ]),
    );
  }
}

function drawEvaluation(layout: Layout, data: CohortReportData) {
  const { words } = layout;
  const { criteria, ranking } = data.evaluation;
  layout.heading(words.t("section.evaluation"), chartHeight(ranking.length, 1));
  if (ranking.length === 0) return layout.note(words.t("evaluation.empty"));
  const rankOf = (place: CohortReportData["evaluation"]["ranking"][number]) =>
    place.sharesRank ? `${place.rank}=` : String(place.rank);
  layout.barChart({
    title: words.t("evaluation.chart"),
    max: 100,
    groups: ranking.map((place) => ({
      label: words.t(place.sharesRank ? "evaluation.sharedPlace" : "evaluation.place", {
        rank: place.rank,
        team: words.team(place.teamNumber),
      }),
      values: [place.total],
    })),
    series: [{ name: words.t("evaluation.total"), color: POST }],
  });
  const criterionShare = criteria.length === 0 ? 0 : 0.56 / criteria.length;
  layout.table(
    [
      { header: words.t("evaluation.rank"), width: 0.08, align: "center" },
      { header: words.t("evaluation.team"), width: 0.1, align: "center" },
      ...criteria.map((criterion) => ({
        header: `${words.text(criterion.name)} (${words.t("evaluation.weight", { weight: criterion.weight })})`,
        width: criterionShare,
        align: "right" as const,
      })),
      { header: words.t("evaluation.total"), width: 0.12, align: "right" },
      { header: words.t("evaluation.complete"), width: 0.14, align: "center" },
    ],
    ranking.map((place) => [
      rankOf(place),
      words.team(place.teamNumber),
      ...criteria.map((criterion) => words.figure(place.scores[criterion.key] ?? null)),
      words.figure(place.total),
      words.t(place.complete ? "evaluation.complete" : "evaluation.incomplete"),
    ]),
  );
}

function drawAwards(layout: Layout, data: CohortReportData) {
  const { words } = layout;
  layout.heading(words.t("section.awards"));
  if (data.awards.length === 0) return layout.note(words.t("awards.empty"));
  layout.table(
    [
      { header: words.t("awards.award"), width: 0.14 },
      { header: words.t("awards.team"), width: 0.1, align: "center" },
      { header: words.t("awards.members"), width: 0.46 },
      { header: words.t("awards.prize"), width: 0.3 },
    ],
    data.awards.map((award) => [
      award.name,
      words.team(award.teamNumber),
      award.members.join(", "),
      award.prize,
    ]),
  );
}

function drawFeatured(layout: Layout, data: CohortReportData) {
  const { words } = layout;
  layout.heading(words.t("section.featured"));
  if (data.featured.length === 0) return layout.note(words.t("featured.empty"));
  layout.table(
    [
      { header: words.t("featured.team"), width: 0.14, align: "center" },
      { header: words.t("featured.title"), width: 0.66 },
      { header: words.t("featured.featuredAt"), width: 0.2, align: "center" },
    ],
    data.featured.map((work) => [words.team(work.teamNumber), work.title, work.featuredOn]),
  );
}

function drawPageNumbers(layout: Layout) {
  const { doc, words } = layout;
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    layout.use("regular", 8, MUTED);
    doc.text(words.t("page", { page: page + 1, pages: count }), MARGIN.left, PAGE.height - 36, {
      width: WIDTH,
      align: "center",
      lineBreak: false,
    });
  }
}

/** The report as PDF bytes, worded in `locale` (Korean by default). */
export async function renderCohortReportPdf(
  data: CohortReportData,
  options: { locale?: ReportLocale; fonts?: KoreanFonts } = {},
): Promise<Buffer> {
  const words = reportWords(options.locale ?? "ko");
  const fonts = options.fonts ?? koreanFonts();
  const title = `${words.t("title")} ${subtitleOf(words, data)}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    bufferPages: true,
    pdfVersion: "1.7",
    lang: words.locale === "en" ? "en" : "ko-KR",
    displayTitle: true,
    // No default font: Helvetica would be embedded for nothing.
    font: null as unknown as string,
    info: {
      Title: title,
      Author: data.tenant.name,
      Creator: "mentoring platform",
      Producer: "PDFKit",
      // The data holds no clock: the report is dated by the cohort's close, so equal data gives equal bytes.
      CreationDate: new Date(`${data.cohort.close}T00:00:00Z`),
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
  const layout = new Layout(doc, words);
  drawTitle(layout, data);
  drawOverview(layout, data);
  drawTimeline(layout, data);
  drawParticipation(layout, data);
  drawOutcomes(layout, data);
  drawEvaluation(layout, data);
  drawAwards(layout, data);
  drawFeatured(layout, data);
  drawPageNumbers(layout);
  doc.end();
  return finished;
}
