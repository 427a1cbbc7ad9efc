import { type KoreanFonts, koreanFonts } from "@mentoring/certificates";
import PDFDocument from "pdfkit";
import { type CohortReportData, programKindWord } from "./cohort-report-data";
import { chartHeight, INK, Layout, MARGIN, MUTED, NAVY, PAGE, POST, PRE, WIDTH } from "./pdf-layout";
import { type ReportLocale, type ReportWords, reportWords } from "./report-words";

/**
 * The cohort's final report (결과보고서) as an A4 PDF: a title block, then overview, timeline,
 * participation, outcomes (a bar chart of the mean before and after per area, figures beside the bars),
 * evaluation (the ranking's totals as a bar chart, and the table of per-criterion scores), awards and
 * featured work, with page numbers. Korean text is set in Noto Sans KR through the certificates package's
 * fonts (parsed once per process, each PDF embedding a subset). Pure: the same data gives the same PDF.
 */

/** The program and the cohort, or the cohort's title alone when it names the program already (거꾸로 멘토링 1기). */
function subtitleOf(words: ReportWords, data: CohortReportData): string {
  return data.cohort.title.includes(data.program.name)
    ? data.cohort.title
    : words.t("subtitle", { program: data.program.name, cohort: data.cohort.title });
}

function drawTitle(layout: Layout<ReportWords>, data: CohortReportData) {
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

function drawOverview(layout: Layout<ReportWords>, data: CohortReportData) {
  const { words } = layout;
  const range = (span: { start: string; end: string }) => `${span.start} ~ ${span.end}`;
  layout.heading(words.t("section.overview"));
  layout.keyValues([
    [words.t("overview.tenant"), data.tenant.name],
    [words.t("overview.program"), data.program.name],
    [words.t("overview.cohort"), data.cohort.title],
    [words.t("overview.kind"), words.t(programKindWord[data.program.kind])],
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

function drawTimeline(layout: Layout<ReportWords>, data: CohortReportData) {
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

function drawParticipation(layout: Layout<ReportWords>, data: CohortReportData) {
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

function drawOutcomes(layout: Layout<ReportWords>, data: CohortReportData) {
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

function drawEvaluation(layout: Layout<ReportWords>, data: CohortReportData) {
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

function drawAwards(layout: Layout<ReportWords>, data: CohortReportData) {
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

function drawFeatured(layout: Layout<ReportWords>, data: CohortReportData) {
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

function drawPageNumbers(layout: Layout<ReportWords>) {
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
