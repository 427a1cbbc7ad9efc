import ExcelJS from "exceljs";
import { type CohortReportData, programKindWord } from "./cohort-report-data";
import { percentOf, type ReportLocale, type ReportWords, reportWords, roundFigure } from "./report-words";

/**
 * The tables behind the final report as an Excel workbook, one sheet per table, worded in `locale`:
 * overview, teams, timeline, participation, pre/post change, satisfaction, evaluation, awards, featured
 * work. Figures are numbers (not text) rounded to one decimal as the PDF prints them, so a sheet and the
 * page agree to the digit. Pure: no clock (the workbook is dated by the cohort's close).
 */
export async function buildCohortReportXlsx(
  data: CohortReportData,
  options: { locale?: ReportLocale } = {},
): Promise<Buffer> {
  const words = reportWords(options.locale ?? "ko");
  const workbook = new ExcelJS.Workbook();
  const dated = new Date(`${data.cohort.close}T00:00:00Z`);
  workbook.creator = data.tenant.name;
  workbook.created = dated;
  workbook.modified = dated;
  const sheet = (key: string, header: string[], rows: (string | number | null)[][]) => {
    const worksheet = workbook.addWorksheet(words.t(`sheet.${key}`));
    worksheet.addRow(header).font = { bold: true };
    for (const row of rows) worksheet.addRow(row);
    worksheet.columns.forEach((column, index) => {
      const longest = Math.max(...[header, ...rows].map((row) => String(row[index] ?? "").length), 4);
      column.width = Math.min(60, longest * 1.6 + 2);
    });
    worksheet.views = [{ state: "frozen", ySplit: 1 }];
  };
  addSheets(sheet, words, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type AddSheet = (key: string, header: string[], rows: (string | number | null)[][]) => void;

function addSheets(sheet: AddSheet, words: ReportWords, data: CohortReportData) {
  const { t } = words;
  const figure = (value: number | null) => (value === null ? null : roundFigure(value));
  sheet(
    "overview",
    ["", ""],
    [
      [t("overview.tenant"), data.tenant.name],
      [t("overview.program"), data.program.name],
      [t("overview.cohort"), data.cohort.title],
      [t("overview.kind"), t(programKindWord[data.program.kind])],
      [t("overview.recruitment"), `${data.cohort.recruitment.start} ~ ${data.cohort.recruitment.end}`],
      [t("overview.activities"), `${data.cohort.activities.start} ~ ${data.cohort.activities.end}`],
      [t("overview.evaluation"), `${data.cohort.evaluation.start} ~ ${data.cohort.evaluation.end}`],
      [t("overview.close"), data.cohort.close],
      [t("teams.mentors"), data.participants.mentors],
      [t("teams.mentees"), data.participants.mentees],
      [t("overview.participants"), data.participants.total],
      [t("overview.teams"), data.teams.length],
    ],
  );
  sheet(
    "teams",
    [t("teams.number"), t("teams.name"), t("teams.mentors"), t("teams.mentees")],
    data.teams.map((team) => [team.number, team.name, team.mentors.join(", "), team.mentees.join(", ")]),
  );
  sheet(
    "timeline",
    [t("timeline.date"), t("timeline.kind"), t("timeline.title")],
    data.timeline.map((item) => [item.date, t(`timeline.kinds.${item.kind}`), words.text(item.title)]),
  );
  const participation = (label: string | number, figures: CohortReportData["participation"]["total"]) => [
    label,
    figures.activities,
    figures.meetings,
    figures.minutes,
    figures.attendance.present,
    figures.attendance.expected,
    percentOf(figures.attendance.present, figures.attendance.expected),
    figures.assignments.onTime,
    figures.assignments.due,
  ];
  sheet(
    "participation",
    [
      t("participation.team"),
      t("participation.activities"),
      t("participation.meetings"),
      t("participation.minutes"),
      t("participation.attendanceCount"),
      t("participation.expected"),
      `${t("participation.attendance")} (%)`,
      t("participation.onTime"),
      t("participation.due"),
    ],
    [
      ...data.participation.teams.map((team) => participation(team.teamNumber, team)),
      participation(t("participation.total"), data.participation.total),
    ],
  );
  sheet(
    "outcomes",
    [
      t("outcomes.dimension"),
      t("outcomes.n"),
      t("outcomes.pre"),
      t("outcomes.post"),
      t("outcomes.change"),
      t("outcomes.verdict"),
    ],
    data.outcomes.dimensions.map((dimension) => [
      `${words.text(dimension.setTitle)} · ${words.text(dimension.label)}`,
      dimension.n,
      figure(dimension.preMean),
      figure(dimension.postMean),
      figure(dimension.change),
      t(`outcomes.verdicts.${dimension.verdict}`),
    ]),
  );
  sheet(
    "satisfaction",
    [t("outcomes.satisfaction"), t("outcomes.question"), t("outcomes.respondents"), t("outcomes.mean")],
    data.outcomes.satisfaction.flatMap((set) =>
      set.questions.map((question) => [
        words.text(set.title),
        words.text(question.prompt),
        question.answered,
        figure(question.mean),
      ]),
    ),
  );
  const { criteria, ranking } = data.evaluation;
  sheet(
    "evaluation",
    [
      t("evaluation.rank"),
      t("evaluation.team"),
      ...criteria.map(
        (criterion) =>
          `${words.text(criterion.name)} (${t("evaluation.weight", { weight: criterion.weight })})`,
      ),
      t("evaluation.total"),
      t("evaluation.complete"),
    ],
    ranking.map((place) => [
      place.rank,
      place.teamNumber,
      ...criteria.map((criterion) => figure(place.scores[criterion.key] ?? null)),
      figure(place.total),
      t(place.complete ? "evaluation.complete" : "evaluation.incomplete"),
    ]),
  );
  sheet(
    "awards",
    [t("awards.award"), t("awards.team"), t("awards.members"), t("awards.prize")],
    data.awards.map((award) => [award.name, award.teamNumber, award.members.join(", "), award.prize]),
  );
  sheet(
    "featured",
    [t("featured.team"), t("featured.title"), t("featured.featuredAt")],
    data.featured.map((work) => [work.teamNumber, work.title, work.featuredOn]),
  );
}
