import {
  type ApplicationRole,
  type CohortStatus,
  isAppError,
  localize,
  type TemplateDefinition,
  templateCriterionId,
} from "@mentoring/domain";
import {
  editRunTeams,
  getRun,
  listMyTeams,
  listRuns,
  loadCohort,
  publishRun,
  type RunPerson,
  type RunSummary,
  type RunView,
  type ScorePart,
  setPairRule,
  startMatchingRun,
  type TeamEdit,
} from "@mentoring/programs";
import type { TFunction } from "i18next";
import { formatDateTime, formatNumber } from "./format.server";
import { notFound, type TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

/*
 * The coordinator's review of a cohort's matching runs and the participant's own team, ready to show:
 * numbers and times formatted here (never in the browser: its ICU differs from the server's), refusals as
 * phrases for the page to translate, codes inside messages (roles, rules) turned into words.
 */

export type { TeamEdit } from "@mentoring/programs";

type Tenant = TenantAccess["tenant"];

/** A message for the page: an i18n key of the common namespace with its values. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

interface Acting {
  tenant: Tenant;
  cohortId: string;
  actorUserId: string;
  requestId: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Phrase };

/** Runs a change; an expected refusal comes back as a phrase, a missing cohort or run as a 404. */
async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isAppError(error)) {
      if (error.status === 404) throw notFound();
      return { ok: false, error: { key: error.messageKey, params: error.params } };
    }
    throw error;
  }
}

function pageError(error: unknown): never {
  if (isAppError(error) && error.status === 404) throw notFound();
  throw error;
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

// ---------------------------------------------------------------------------------------------------------
// The review page

export interface MemberView {
  applicationId: string;
  role: ApplicationRole;
  name: string;
  department: string;
  grade: number | null;
  positionTitle: string;
}

export interface BreakdownRow {
  criterion: string;
  kind: string;
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

export interface TeamCard {
  number: number;
  score: string;
  mentors: MemberView[];
  mentees: MemberView[];
  breakdown: BreakdownRow[];
  violations: Phrase[];
  pairs: PairView[];
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
  progress: number;
  phase: string | null;
  objective: string | null;
  bound: string | null;
  gap: string | null;
  total: string | null;
  finishedAt: string | null;
  publishedAt: string | null;
  teams: TeamCard[] | null;
  unplaced: (MemberView & { reason: Phrase })[];
  issues: Phrase[];
  pinned: PairView[];
  forbidden: PairView[];
  editable: boolean;
  /** Broken rules over all teams: publication waits until there are none. */
  violationCount: number;
}

export interface MatchingPage {
  cohort: { id: string; title: string; status: CohortStatus };
  runs: RunRow[];
  run: RunPage | null;
}

const member = (person: RunPerson): MemberView => ({
  applicationId: person.applicationId,
  role: person.role,
  name: person.name,
  department: person.department,
  grade: person.grade,
  positionTitle: person.positionTitle,
});

/** Role codes and pair-rule codes inside a message's values become words. */
export function wordedParams(params: Record<string, string | number>, t: TFunction) {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if ((name === "role" || name === "otherRole") && (value === "mentor" || value === "mentee"))
        return [name, t(`programs.role.${value}`)];
      if (name === "rule" && typeof value === "string") return [name, t(`matching.rule.${value}`)];
      return [name, value];
    }),
  );
}

/** The question or dimension a criterion reads, in the template's own words; attributes as translated words. */
function subjectOf(
  part: ScorePart,
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

function runPage(
  run: RunView,
  definition: TemplateDefinition,
  { locale, timeZone, t }: { locale: string; timeZone: string; t: TFunction },
): RunPage {
  const pairKey = (mentor: string, mentee: string) => `${mentor}:${mentee}`;
  const pinned = new Set(run.pinned.map((p) => pairKey(p.mentor.applicationId, p.mentee.applicationId)));
  const forbidden = new Set(
    run.forbidden.map((p) => pairKey(p.mentor.applicationId, p.mentee.applicationId)),
  );
  const pairView = (mentor: RunPerson, mentee: RunPerson): PairView => ({
    mentor: member(mentor),
    mentee: member(mentee),
    pinned: pinned.has(pairKey(mentor.applicationId, mentee.applicationId)),
    forbidden: forbidden.has(pairKey(mentor.applicationId, mentee.applicationId)),
  });
  const phrase = (prefix: string, violation: { code: string; params: Record<string, string | number> }) => ({
    key: `${prefix}.${violation.code}`,
    params: wordedParams(violation.params, t),
  });
  const teams =
    run.teams?.map((team): TeamCard => {
      const mentors = team.members.filter((person) => person.role === "mentor");
      const mentees = team.members.filter((person) => person.role === "mentee");
      return {
        number: team.number,
        score: formatScore(team.score, locale),
        mentors: mentors.map(member),
        mentees: mentees.map(member),
        breakdown: team.breakdown.map((part) => ({
          criterion: part.criterion,
          kind: part.kind,
          subject: subjectOf(part, definition, locale, t),
          value: formatShare(part.value, locale),
          weight: formatScore(part.weight, locale),
          points: formatScore(part.points, locale),
        })),
        violations: team.violations.map((violation) => phrase("matching.violation", violation)),
        pairs: mentors.flatMap((mentor) => mentees.map((mentee) => pairView(mentor, mentee))),
      };
    }) ?? null;
  const time = (date: Date | null) => (date ? formatDateTime(date, locale, timeZone) : null);
  return {
    id: run.id,
    number: run.number,
    status: run.status,
    progress: Math.max(0, Math.min(100, Math.round(run.progress))),
    phase: run.phase,
    objective: run.objective === null ? null : formatScore(run.objective, locale),
    bound: run.bound === null ? null : formatScore(run.bound, locale),
    gap: run.gap === null ? null : formatGap(run.gap),
    total: run.total === null ? null : formatScore(run.total, locale),
    finishedAt: time(run.finishedAt),
    publishedAt: time(run.publishedAt),
    teams,
    unplaced: run.unplaced.map((person) => ({
      ...member(person),
      reason: phrase("matching.unplaced", person),
    })),
    issues: run.issues.map((issue) => phrase("matching.issue", issue)),
    pinned: run.pinned.map((pair) => pairView(pair.mentor, pair.mentee)),
    forbidden: run.forbidden.map((pair) => pairView(pair.mentor, pair.mentee)),
    editable: run.editable,
    violationCount: teams?.reduce((count, team) => count + team.violations.length, 0) ?? 0,
  };
}

/**
 * The cohort, its runs (newest first) and the chosen run (`runId`, or the newest) reviewed; a run that is
 * not the cohort's is a 404.
 */
export async function matchingPage(
  services: Services,
  input: { tenant: Tenant; cohortId: string; runId: string | null; locale: string; t: TFunction },
): Promise<MatchingPage> {
  const { tenant, cohortId, locale, t } = input;
  return services.db
    .withTenant(tenant.id, async (tx) => {
      const record = await loadCohort(tx, tenant.id, cohortId);
      const runs = await listRuns(tx, { tenantId: tenant.id, cohortId });
      const runId = input.runId ?? runs[0]?.id ?? null;
      const run = runId === null ? null : await getRun(tx, { tenantId: tenant.id, cohortId, runId });
      const time = (date: Date) => formatDateTime(date, locale, tenant.timeZone);
      return {
        cohort: {
          id: record.cohort.id,
          title: record.cohort.title,
          status: record.cohort.status as CohortStatus,
        },
        runs: runs.map((summary) => ({
          id: summary.id,
          number: summary.number,
          status: summary.status,
          progress: Math.max(0, Math.min(100, Math.round(summary.progress))),
          objective: summary.objective === null ? null : formatScore(summary.objective, locale),
          gap: summary.gap === null ? null : formatGap(summary.gap),
          createdAt: time(summary.createdAt),
          finishedAt: summary.finishedAt ? time(summary.finishedAt) : null,
          published: summary.publishedAt !== null,
        })),
        run: run && runPage(run, record.definition, { locale, timeZone: tenant.timeZone, t }),
      };
    })
    .catch(pageError);
}

/** Starts a run (a re-run when based on an earlier one, keeping its pins and forbids); its number with it. */
export async function startRun(
  services: Services,
  input: Acting & { basedOnRunId?: string },
): Promise<Outcome<{ runId: string; number: number }>> {
  const { tenant, cohortId, actorUserId, requestId, basedOnRunId } = input;
  return attempt(() =>
    services.db.withTenant(tenant.id, async (tx) => {
      const { runId } = await startMatchingRun(tx, {
        tenantId: tenant.id,
        cohortId,
        actorUserId,
        requestId,
        ...(basedOnRunId !== undefined && { basedOnRunId }),
      });
      const runs = await listRuns(tx, { tenantId: tenant.id, cohortId });
      return { runId, number: runs.find((run) => run.id === runId)?.number ?? 0 };
    }),
  );
}

export interface EditView {
  /** "총점 X → Y (±Z)": the totals formatted, with the signed change. */
  before: string;
  after: string;
  change: string;
  violations: Phrase[];
}

/** A swap or a move, with the total before and after and the broken rules of the teams it touched. */
export async function editTeams(
  services: Services,
  input: Acting & { runId: string; edit: TeamEdit; locale: string; t: TFunction },
): Promise<Outcome<EditView>> {
  const { tenant, cohortId, actorUserId, requestId, runId, edit, locale, t } = input;
  return attempt(async () => {
    const result = await services.db.withTenant(tenant.id, (tx) =>
      editRunTeams(tx, { tenantId: tenant.id, cohortId, runId, edit, actorUserId, requestId }),
    );
    return {
      before: formatScore(result.totalBefore, locale),
      after: formatScore(result.totalAfter, locale),
      change: formatChange(result.totalBefore, result.totalAfter, locale),
      violations: result.violations.map((violation) => ({
        key: `matching.violation.${violation.code}`,
        params: wordedParams(violation.params, t),
      })),
    };
  });
}

/** Pins or forbids a pair (or lifts it), for the next re-run based on this run. */
export async function setPair(
  services: Services,
  input: Acting & {
    runId: string;
    rule: "pin" | "forbid";
    mentorApplicationId: string;
    menteeApplicationId: string;
    on: boolean;
  },
): Promise<Outcome<null>> {
  const { tenant, ...rest } = input;
  return attempt(async () => {
    await services.db.withTenant(tenant.id, (tx) => setPairRule(tx, { tenantId: tenant.id, ...rest }));
    return null;
  });
}

/** Publishes the run's teams as the cohort's teams. */
export async function publish(
  services: Services,
  input: Acting & { runId: string },
): Promise<Outcome<{ teams: number }>> {
  const { tenant, cohortId, actorUserId, requestId, runId } = input;
  return attempt(() =>
    services.db.withTenant(tenant.id, (tx) =>
      publishRun(tx, {
        tenantId: tenant.id,
        cohortId,
        runId,
        actorUserId,
        requestId,
        appUrl: services.config.APP_URL,
      }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The participant's own team

/** The published teams the signed-in person is in; none for a member without a staff record. */
export async function myTeamPage(services: Services, tenant: Tenant, staffMemberId: string | null) {
  if (!staffMemberId) return [];
  return services.db.withTenant(tenant.id, (tx) => listMyTeams(tx, { tenantId: tenant.id, staffMemberId }));
}
