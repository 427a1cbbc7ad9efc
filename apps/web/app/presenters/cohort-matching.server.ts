import {
  localize,
  type TemplateDefinition,
  templateCriterionId,
  type WorkFailureCode,
} from "@mentoring/domain";
import type { MessageKey, MessageKeyUnder } from "@mentoring/i18n";
import type {
  MatchingReview,
  RuleViolation,
  RunPerson,
  RunSummary,
  RunView,
  ScorePart,
} from "@mentoring/programs";
import type { TFunction } from "i18next";
import { formatDateTime, formatNumber } from "../services/format.server";
import { matchingRuleSentences } from "../services/matching-rules-text";

/*
 * A cohort's matching as its coordinator reviews it: numbers and times formatted here (never in the
 * browser: its ICU differs from the server's), codes inside the engine's messages (roles, rules) and the
 * criteria's subjects turned into words.
 */

/** A message for the page: an i18n key of the common namespace with its values. */
export interface Phrase {
  key: MessageKey;
  params?: Record<string, string | number>;
}

interface Formatting {
  locale: string;
  timeZone: string;
  t: TFunction;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers as the page shows them

/** A score or a total: at most two decimals, grouped as the locale groups. */
export function formatScore(value: number, locale: string): string {
  return formatNumber(value, locale, { maximumFractionDigits: 2 });
}

/** A proven gap (a fraction) as a percentage with two decimals: "0.00 %". */
export function formatGap(gap: number): string {
  return `${(Math.max(0, gap) * 100).toFixed(2)} %`;
}

/** A change of the total with its sign: "+1.5", "−0.25", or "±0" when nothing changed. */
export function formatChange(before: number, after: number, locale: string): string {
  const change = Math.round((after - before) * 100) / 100;
  if (change === 0) return "±0";
  return formatNumber(change, locale, { maximumFractionDigits: 2, signDisplay: "always" });
}

/** How much of a criterion a team meets, as a whole percentage. */
export function formatShare(value: number, locale: string): string {
  return formatNumber(value, locale, { style: "percent", maximumFractionDigits: 0 });
}

const percentOf = (progress: number) => Math.max(0, Math.min(100, Math.round(progress)));

// ---------------------------------------------------------------------------------------------------------
// The review page

/** A person as the review page shows them. */
export type MemberView = RunPerson;

export interface BreakdownRow {
  criterion: string;
  kind: ScorePart["kind"];
  /** What the criterion looks at: the template's own words, or translated words for a directory attribute. */
  subject: string | null;
  value: string;
  weight: string;
  points: string;
}

export interface PairView {
  mentor: MemberView;
  mentee: MemberView;
  pinned: boolean;
  forbidden: boolean;
}

/**
 * One pair of a team explained: its points, and each pair criterion's part of them. A criterion is named by
 * its place in the rules' list (RulesView.criteria), which says it in words once for the whole page: a
 * cohort of 40 has 30 pairs of 3 criteria each.
 */
export interface PairScoreView {
  mentorId: string;
  menteeId: string;
  points: string;
  parts: { criterion: number; points: string; value: string }[];
}

export interface TeamCard {
  number: number;
  score: string;
  mentors: MemberView[];
  mentees: MemberView[];
  breakdown: BreakdownRow[];
  /** Every mentor–mentee pair's points by criterion; the team criteria (diversity) are `teamParts`. */
  pairs: PairScoreView[];
  teamParts: { criterion: number; points: string }[];
  violations: Phrase[];
}

/** Someone excluded from the next run, and why if the coordinator said. */
export type ExcludedView = MemberView & { reason: string | null };

/** The template's hard rules as sentences and its criteria with each one's share of the total weight. */
export interface RulesView {
  sentences: string[];
  criteria: {
    criterion: string;
    kind: ScorePart["kind"];
    subject: string | null;
    weight: string;
    /** Whole percent of the total weight, for the bar. */
    share: number;
    shareText: string;
    perTeam: boolean;
  }[];
}

export interface RunRow {
  id: string;
  number: number;
  status: RunSummary["status"];
  progress: number;
  objective: string | null;
  gap: string | null;
  createdAt: string;
  finishedAt: string | null;
  published: boolean;
}

export interface RunPage {
  id: string;
  number: number;
  status: RunSummary["status"];
  /** Why a failed run failed (the page words it); null when the engine refused the run or it has not failed. */
  failureCode: WorkFailureCode | null;
  progress: number;
  phase: RunSummary["phase"];
  objective: string | null;
  bound: string | null;
  gap: string | null;
  total: string | null;
  finishedAt: string | null;
  publishedAt: string | null;
  teams: TeamCard[] | null;
  /** `excluded`: left out by the coordinator, so not offered a place in a team. */
  unplaced: (MemberView & { reason: Phrase; excluded: boolean })[];
  issues: Phrase[];
  pinned: PairView[];
  forbidden: PairView[];
  excluded: ExcludedView[];
  editable: boolean;
  /** Broken rules over all teams: publication waits until there are none. */
  violationCount: number;
}

/** Role codes and pair-rule codes inside a message's values become words. */
export function wordedParams(params: Record<string, string | number>, t: TFunction) {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if ((name === "role" || name === "otherRole") && (value === "mentor" || value === "mentee"))
        return [name, t(`programs.role.${value}`)];
      // The engine names one of its pair rules here (PairRule in packages/matching).
      if (name === "rule" && typeof value === "string")
        return [name, t(`matching.rule.${value as MessageKeyUnder<"matching.rule">}`)];
      return [name, value];
    }),
  );
}

/**
 * An engine code (a violation, an issue, why someone is unplaced) as a phrase, its values in words. The
 * codes are the matching engine's, stored with the run as text: this is where they become keys.
 */
const phraseOf = (
  prefix: "matching.violation" | "matching.issue" | "matching.unplaced",
  { code, params }: RuleViolation,
  t: TFunction,
): Phrase => ({
  key: `${prefix}.${code}` as MessageKey,
  params: wordedParams(params, t),
});

/** The question or dimension a criterion reads, in the template's own words; attributes as translated words. */
function subjectOf(
  part: Pick<ScorePart, "criterion">,
  definition: TemplateDefinition,
  locale: string,
  t: TFunction,
): string | null {
  const criterion = definition.matching.criteria.find((c) => templateCriterionId(c) === part.criterion);
  if (!criterion) return null;
  const [setKey, key] = (criterion.question ?? criterion.dimension ?? "").split(".");
  const set = definition.questionSets.find((s) => s.key === setKey);
  switch (criterion.kind) {
    case "answer":
    case "interest_overlap": {
      const question = set?.questions.find((q) => q.key === key);
      return question ? localize(question.prompt, locale) : null;
    }
    case "diagnostic_complement": {
      const dimension = set?.dimensions.find((d) => d.key === key);
      return dimension ? localize(dimension.label, locale) : null;
    }
    case "attribute":
      if (!criterion.attribute) return null;
      return t(
        criterion.prefer === "same"
          ? "matching.subject.attributeSame"
          : "matching.subject.attributeDifferent",
        { attribute: t(`matching.attribute.${criterion.attribute}`) },
      );
    case "team_diversity":
      if (!criterion.attribute) return null;
      return t(
        criterion.among === "mentees"
          ? "matching.subject.diversityMentees"
          : "matching.subject.diversityMentors",
        { attribute: t(`matching.attribute.${criterion.attribute}`) },
      );
    default:
      return null;
  }
}

/** The criteria the engine scores, in the template's order: a weight above 0, mentee preferences only when taken. */
function scoredCriteria(definition: TemplateDefinition) {
  const { matching } = definition;
  return matching.criteria.filter(
    (criterion) =>
      criterion.weight > 0 && (criterion.kind !== "mentee_preference" || matching.menteePreferences),
  );
}

function runPage(run: RunView, definition: TemplateDefinition, { locale, timeZone, t }: Formatting): RunPage {
  const placeOf = new Map(
    scoredCriteria(definition).map((criterion, index) => [templateCriterionId(criterion), index]),
  );
  const pairKey = (mentor: string, mentee: string) => `${mentor}:${mentee}`;
  const pinned = new Set(run.pinned.map((p) => pairKey(p.mentor.applicationId, p.mentee.applicationId)));
  const forbidden = new Set(
    run.forbidden.map((p) => pairKey(p.mentor.applicationId, p.mentee.applicationId)),
  );
  const pairView = (mentor: RunPerson, mentee: RunPerson): PairView => ({
    mentor,
    mentee,
    pinned: pinned.has(pairKey(mentor.applicationId, mentee.applicationId)),
    forbidden: forbidden.has(pairKey(mentor.applicationId, mentee.applicationId)),
  });
  const row = (part: ScorePart): BreakdownRow => ({
    criterion: part.criterion,
    kind: part.kind,
    subject: subjectOf(part, definition, locale, t),
    value: formatShare(part.value, locale),
    weight: formatScore(part.weight, locale),
    points: formatScore(part.points, locale),
  });
  const teams =
    run.teams?.map((team): TeamCard => {
      const mentors = team.members.filter((person) => person.role === "mentor");
      const mentees = team.members.filter((person) => person.role === "mentee");
      return {
        number: team.number,
        score: formatScore(team.score, locale),
        mentors,
        mentees,
        breakdown: team.breakdown.map(row),
        pairs: team.pairs.map((pair) => ({
          mentorId: pair.mentorId,
          menteeId: pair.menteeId,
          points: formatScore(pair.points, locale),
          parts: pair.parts.flatMap((part) => {
            const criterion = placeOf.get(part.criterion);
            return criterion === undefined
              ? []
              : [
                  {
                    criterion,
                    points: formatScore(part.points, locale),
                    value: formatShare(part.value, locale),
                  },
                ];
          }),
        })),
        teamParts: team.breakdown.flatMap((part) => {
          const criterion = placeOf.get(part.criterion);
          return part.kind === "team_diversity" && criterion !== undefined
            ? [{ criterion, points: formatScore(part.points, locale) }]
            : [];
        }),
        violations: team.violations.map((violation) => phraseOf("matching.violation", violation, t)),
      };
    }) ?? null;
  const time = (date: Date | null) => (date ? formatDateTime(date, locale, timeZone) : null);
  return {
    id: run.id,
    number: run.number,
    status: run.status,
    failureCode: run.status === "failed" ? run.failureCode : null,
    progress: percentOf(run.progress),
    phase: run.phase,
    objective: run.objective === null ? null : formatScore(run.objective, locale),
    bound: run.bound === null ? null : formatScore(run.bound, locale),
    gap: run.gap === null ? null : formatGap(run.gap),
    total: run.total === null ? null : formatScore(run.total, locale),
    finishedAt: time(run.finishedAt),
    publishedAt: time(run.publishedAt),
    teams,
    unplaced: run.unplaced.map(({ code, params, ...person }) => ({
      ...person,
      reason: phraseOf("matching.unplaced", { code, params }, t),
      excluded: code === "excluded",
    })),
    issues: run.issues.map((issue) => phraseOf("matching.issue", issue, t)),
    pinned: run.pinned.map((pair) => pairView(pair.mentor, pair.mentee)),
    forbidden: run.forbidden.map((pair) => pairView(pair.mentor, pair.mentee)),
    excluded: run.excluded,
    editable: run.editable,
    violationCount: teams?.reduce((count, team) => count + team.violations.length, 0) ?? 0,
  };
}

/**
 * What the template asks of every team, in words: its hard rules as sentences and its criteria (those the
 * engine scores: a weight above 0, mentee preferences only when the template takes them) with their share.
 */
export function presentMatchingRules(
  definition: TemplateDefinition,
  { locale, t }: Pick<Formatting, "locale" | "t">,
): RulesView {
  const { matching } = definition;
  const criteria = scoredCriteria(definition);
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return {
    sentences: matchingRuleSentences(matching, t),
    criteria: criteria.map((criterion) => {
      const id = templateCriterionId(criterion);
      const share = total > 0 ? criterion.weight / total : 0;
      return {
        criterion: id,
        kind: criterion.kind,
        subject: subjectOf({ criterion: id }, definition, locale, t),
        weight: formatScore(criterion.weight, locale),
        share: Math.round(share * 100),
        shareText: formatShare(share, locale),
        perTeam: criterion.kind === "team_diversity",
      };
    }),
  };
}

/** The cohort, its runs (newest first) and the chosen run reviewed, ready to show. */
export function presentMatchingReview(review: MatchingReview, formatting: Formatting) {
  const { locale, timeZone } = formatting;
  const time = (date: Date) => formatDateTime(date, locale, timeZone);
  return {
    cohort: review.cohort,
    runs: review.runs.map(
      (summary): RunRow => ({
        id: summary.id,
        number: summary.number,
        status: summary.status,
        progress: percentOf(summary.progress),
        objective: summary.objective === null ? null : formatScore(summary.objective, locale),
        gap: summary.gap === null ? null : formatGap(summary.gap),
        createdAt: time(summary.createdAt),
        finishedAt: summary.finishedAt ? time(summary.finishedAt) : null,
        published: summary.publishedAt !== null,
      }),
    ),
    rules: presentMatchingRules(review.definition, formatting),
    run: review.run && runPage(review.run, review.definition, formatting),
    issuedCertificates: review.issuedCertificates,
  };
}

export interface EditView {
  /** "총점 X → Y (±Z)": the totals formatted, with the signed change. */
  before: string;
  after: string;
  change: string;
  violations: Phrase[];
}

/** A swap or a move: the total before and after, and the broken rules of the teams it touched. */
export function presentTeamEdit(
  result: { totalBefore: number; totalAfter: number; violations: RuleViolation[] },
  { locale, t }: Pick<Formatting, "locale" | "t">,
): EditView {
  return {
    before: formatScore(result.totalBefore, locale),
    after: formatScore(result.totalAfter, locale),
    change: formatChange(result.totalBefore, result.totalAfter, locale),
    violations: result.violations.map((violation) => phraseOf("matching.violation", violation, t)),
  };
}
