import { createHash } from "node:crypto";
import { canonicalJson } from "@mentoring/certificates";
import type { ChangeVerdict, LocalizedText, ProgramKind } from "@mentoring/domain";

/** The overview's word for each program kind (report words, under "overview"). */
export const programKindWord = {
  standard: "overview.kindStandard",
  reverse: "overview.kindReverse",
  cross_department: "overview.kindCrossDepartment",
  board: "overview.kindBoard",
} as const satisfies Record<ProgramKind, string>;

/**
 * Everything a cohort's final report (결과보고서) prints, assembled by programs' getCohortReportData and
 * rendered by renderCohortReportPdf and buildCohortReportXlsx alike, so the PDF and the workbook show the
 * same figures. Plain JSON (dates as YYYY-MM-DD strings), no clock: the same records give the same data,
 * and its hash (cohortReportDataHash) tells whether a report made earlier is still current. Texts written
 * in the template are LocalizedText, worded in the renderer's locale.
 */
export interface CohortReportData {
  tenant: { name: string };
  program: { name: string; kind: ProgramKind };
  cohort: {
    id: string;
    number: number;
    title: string;
    recruitment: { start: string; end: string };
    activities: { start: string; end: string };
    evaluation: { start: string; end: string };
    close: string;
  };
  participants: { mentors: number; mentees: number; total: number };
  /** Published teams in number order; names in 가나다 order. */
  teams: ReportTeam[];
  /** The cohort's calendar in date order. */
  timeline: ReportTimelineItem[];
  /** Per team in number order, and over the cohort. */
  participation: { teams: ReportParticipation[]; total: ReportParticipationFigures };
  outcomes: {
    dimensions: ReportDimension[];
    satisfaction: ReportSatisfaction[];
  };
  evaluation: {
    criteria: { key: string; name: LocalizedText; weight: number; scaleMax: number }[];
    /** Best first. */
    ranking: ReportRank[];
  };
  /** Approved award grants, best award first. */
  awards: ReportAward[];
  /** Featured submissions, in the order they were featured. */
  featured: { teamNumber: number; title: string; featuredOn: string }[];
}

export interface ReportTeam {
  number: number;
  name: string | null;
  mentors: string[];
  mentees: string[];
}

export interface ReportTimelineItem {
  /** YYYY-MM-DD in the tenant's time zone (an assignment: its due day). */
  date: string;
  kind: "training" | "event" | "assignment" | "mentoring_day";
  title: LocalizedText;
}

export interface ReportParticipationFigures {
  activities: number;
  meetings: number;
  minutes: number;
  attendance: { present: number; expected: number };
  assignments: { onTime: number; due: number };
}

export interface ReportParticipation extends ReportParticipationFigures {
  teamNumber: number;
}

export interface ReportDimension {
  key: string;
  setTitle: LocalizedText;
  label: LocalizedText;
  /** People scored before and after. */
  n: number;
  /** Their mean score before and after, and the mean of their changes; null when n is 0. */
  preMean: number | null;
  postMean: number | null;
  change: number | null;
  verdict: ChangeVerdict;
}

export interface ReportSatisfaction {
  title: LocalizedText;
  respondents: number;
  questions: { prompt: LocalizedText; answered: number; mean: number | null }[];
}

export interface ReportRank {
  rank: number;
  sharesRank: boolean;
  teamNumber: number;
  complete: boolean;
  /** 0-100, as the evaluation page shows it. */
  total: number;
  /** Per criterion key, the score on the criterion's scale; null when it has none. */
  scores: Record<string, number | null>;
}

export interface ReportAward {
  name: string;
  prize: string;
  teamNumber: number;
  members: string[];
}

/** The SHA-256 of the data's canonical JSON: equal for equal data, whatever the order of object keys. */
export function cohortReportDataHash(data: CohortReportData): string {
  return createHash("sha256")
    .update(canonicalJson(data as never))
    .digest("hex");
}
