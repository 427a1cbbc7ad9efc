import { type KoreanFonts, koreanFonts } from "@mentoring/certificates";
import { type Locale, resources } from "@mentoring/i18n";
import PDFDocument from "pdfkit";
import { Layout, MARGIN, MUTED, NAVY, PAGE, WIDTH } from "./pdf-layout";

/**
 * What a person's data PDF prints: sections of rows (field → value, as their JSON download holds them),
 * in the order given, and what was left out with the reason. The programs package builds it from the
 * export; this package only lays it out.
 */
export interface PersonalDataDocument {
  /** ISO instant the data was read. */
  generatedAt: string;
  tenant: { name: string; timeZone: string };
  person: { name: string; email: string };
  /** Each table (or view of the person's teams) by its key (`document.section.<key>`), with its rows. */
  sections: { key: string; rows: Record<string, unknown>[] }[];
  notIncluded: { table: string; column: string; reason: string }[];
}

type Messages = (typeof resources)["ko"]["common"]["myData"]["document"];

function wordsFor(locale: Locale) {
  const messages: Messages = resources[locale].common.myData.document;
  const lookup = (key: string): string => {
    let found: unknown = messages;
    for (const part of key.split(".")) found = (found as Record<string, unknown> | undefined)?.[part];
    if (typeof found !== "string") throw new Error(`myData.document.${key} is not a message`);
    return found;
  };
  const t = (key: string, values: Record<string, string | number> = {}) =>
    lookup(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
  const values = messages.value as Record<string, string>;
  return {
    locale,
    t,
    /** A code the data holds (a role, a status, a kind) in words, when the document knows it. */
    code: (value: string) => (Object.hasOwn(values, value) ? values[value] : undefined),
    rows: (count: number) => t(locale === "en" && count === 1 ? "rows_one" : "rows_other", { count }),
    figure: (value: number | null) => (value === null ? "-" : String(value)),
  };
}
type Words = ReturnType<typeof wordsFor>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A value as a reader reads it: moments in the organisation's time zone, days as days, yes and no. */
/** The fields whose values are codes the document words (mentor, accepted, meeting…). */
const codeFields = new Set(["role", "roles", "status", "phase", "kind", "method"]);

/** "2026-03-05 14:30" in a time zone: one formatter per zone, kept (an export prints hundreds of instants). */
const instantFormats = new Map<string, Intl.DateTimeFormat>();
function instantFormatOf(timeZone: string): Intl.DateTimeFormat {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("sv-SE", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    instantFormats.set(timeZone, format);
  }
  return format;
}

function valueText(value: unknown, words: Words, timeZone: string, field = ""): string {
  if (value === null || value === undefined || value === "") return "-";
  if (typeof value === "boolean") return words.t(value ? "yes" : "no");
  if (typeof value === "string" && ISO_INSTANT.test(value)) {
    // A calendar date is stored as midnight UTC: printed as the day it is.
    if (value.endsWith("T00:00:00.000Z")) return value.slice(0, 10);
    return instantFormatOf(timeZone).format(new Date(value));
  }
  // Codes are worded only where the data holds codes, never in free text that happens to match one.
  if (typeof value === "string") return (codeFields.has(field) && words.code(value)) || value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string"))
    return value.map((item) => (codeFields.has(field) && words.code(item)) || item).join(", ");
  // A list of small records (a team's members, an evaluation's scores): each as its values, codes worded.
  if (
    Array.isArray(value) &&
    value.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))
  )
    return value
      .map((item) =>
        Object.entries(item as Record<string, unknown>)
          .map(([key, inner]) => valueText(inner, words, timeZone, key))
          .join(" · "),
      )
      .join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Everything held about a person as an A4 PDF in their language: a title block, then each section with its
 * number of rows and each row as a block of labelled values, then what was left out and why, with page
 * numbers. Korean is set in the certificates' subset Noto Sans KR, as the final report is.
 */
export async function renderPersonalDataPdf(
  data: PersonalDataDocument,
  options: { locale?: Locale; fonts?: KoreanFonts } = {},
): Promise<Buffer> {
  const words = wordsFor(options.locale ?? "ko");
  const fonts = options.fonts ?? koreanFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    bufferPages: true,
    pdfVersion: "1.7",
    lang: words.locale === "en" ? "en" : "ko-KR",
    displayTitle: true,
    font: null as unknown as string,
    info: {
      Title: `${words.t("title")} ${data.person.name}`,
      Author: data.tenant.name,
      Creator: "mentoring platform",
      Producer: "PDFKit",
      CreationDate: new Date(data.generatedAt),
    },
  });
  doc.registerFont("regular", fonts.regular as unknown as string);
  doc.registerFont("bold", fonts.bold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const layout = new Layout(doc, words);
  const { timeZone } = data.tenant;

  layout.use("bold", 22, NAVY);
  doc.text(words.t("title"), MARGIN.left, 70, { width: WIDTH, align: "center" });
  layout.use("regular", 13);
  doc.text(words.t("subtitle", { tenant: data.tenant.name, name: data.person.name }), MARGIN.left, 106, {
    width: WIDTH,
    align: "center",
  });
  layout.use("regular", 10, MUTED);
  doc.text(words.t("generatedAt", { at: valueText(data.generatedAt, words, timeZone) }), MARGIN.left, 128, {
    width: WIDTH,
    align: "center",
  });
  layout.y = 160;
  layout.note(words.t("intro"));

  for (const section of data.sections) {
    layout.heading(words.t(`section.${section.key}`), 60);
    if (section.rows.length === 0) {
      layout.note(words.t("none"));
      continue;
    }
    layout.note(words.rows(section.rows.length));
    for (const row of section.rows)
      layout.keyValues(
        Object.entries(row).map(([field, value]) => [
          words.t(`fieldLabel.${field}`),
          valueText(value, words, timeZone, field),
        ]),
      );
  }

  layout.heading(words.t("notIncluded"));
  layout.note(words.t("notIncludedIntro"));
  layout.table(
    [
      { header: words.t("notIncludedTable"), width: 0.4 },
      { header: words.t("notIncludedReason"), width: 0.6 },
    ],
    data.notIncluded.map((item) => [`${item.table} (${item.column})`, words.t(`reason.${item.reason}`)]),
  );

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
  doc.end();
  return finished;
}
