import { type Database, Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import {
  type ApplicationRole,
  applicationRoles,
  type CalendarDate,
  type CohortSchedule,
  type CohortStatus,
  calendarDateSchema,
  cohortScheduleSchema,
  compareCalendarDates,
  dueTransition,
  nextStatus,
  type ScheduleField,
  scheduleFields,
  scheduleFromOffsets,
  type TransitionFacts,
  type TransitionProblem,
  transitionAllowed,
  transitionProblems,
} from "@mentoring/domain";
import { type ZodError, z } from "zod";
import { dateColumn, dayOf, loadCohort, scheduleColumns, tenantToday } from "./records/cohort-record";
import { ProgramError } from "./errors";
import { openSurveyRounds } from "./surveys";
import { loadTemplate } from "./templates";

/** A cohort as the programs page lists it. */
export interface CohortSummary {
  id: string;
  templateId: string;
  templateName: string;
  number: number;
  title: string;
  status: CohortStatus;
  recruitmentStart: CalendarDate;
  recruitmentEnd: CalendarDate;
  orientation: CalendarDate;
  close: CalendarDate;
}

/** The tenant's cohorts, the latest recruitment first. */
export async function listCohorts(tx: TenantDb, tenantId: string): Promise<CohortSummary[]> {
  const cohorts = await tx.cohort.findMany({
    where: { tenantId },
    orderBy: [{ recruitmentStart: "desc" }, { number: "desc" }],
    select: {
      id: true,
      templateId: true,
      number: true,
      title: true,
      status: true,
      recruitmentStart: true,
      recruitmentEnd: true,
      orientation: true,
      close: true,
      template: { select: { name: true } },
    },
  });
  return cohorts.map((cohort) => ({
    id: cohort.id,
    templateId: cohort.templateId,
    templateName: cohort.template.name,
    number: cohort.number,
    title: cohort.title,
    status: cohort.status,
    recruitmentStart: dayOf(cohort.recruitmentStart),
    recruitmentEnd: dayOf(cohort.recruitmentEnd),
    orientation: dayOf(cohort.orientation),
    close: dayOf(cohort.close),
  }));
}

/** "거꾸로 멘토링 2기": cohort titles are tenant data, written the Korean way. */
export function defaultCohortTitle(templateName: string, number: number): string {
  return `${templateName} ${number}기`;
}

/** What the new-cohort form starts from: the next free number of the template and the title it gives. */
export async function newCohortDefaults(tx: TenantDb, tenantId: string, templateId: string) {
  const template = await loadTemplate(tx, tenantId, templateId);
  const number = await nextCohortNumber(tx, tenantId, templateId);
  return {
    templateId: template.id,
    templateName: template.name,
    number,
    title: defaultCohortTitle(template.name, number),
    quotas: {
      mentor: template.definition.roles.mentor.quota,
      mentee: template.definition.roles.mentee.quota,
    },
    phases: template.definition.phases,
  };
}

async function nextCohortNumber(tx: TenantDb, tenantId: string, templateId: string): Promise<number> {
  const taken = await tx.cohort.aggregate({ where: { tenantId, templateId }, _max: { number: true } });
  return (taken._max.number ?? 0) + 1;
}

/** A form's empty field is a missing value, not zero. */
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess(
    (value) =>
      value === "" || value === null ? undefined : typeof value === "string" ? Number(value) : value,
    schema.optional(),
  );

/** The new-cohort form, the action and any API share this. Number and title default from the template. */
export const cohortCreateSchema = z.object({
  templateId: z.string().uuid(),
  number: optionalNumber(z.number().int().min(1).max(999)),
  title: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().trim().min(1).max(120).optional(),
  ),
  recruitmentStart: calendarDateSchema,
});

export type CohortCreateInput = z.input<typeof cohortCreateSchema>;

/**
 * Creates a draft cohort on the template's current version: its dates computed from the recruitment start
 * and the template's phase offsets, its quotas from the template. Invalid input comes back as the zod error
 * and nothing is written; a number the template already has is refused (409). Audited.
 */
export async function createCohort(
  tx: TenantDb,
  input: {
    tenantId: string;
    form: CohortCreateInput;
    actorUserId: string | null;
    requestId?: string;
    today: CalendarDate;
  },
): Promise<{ ok: true; cohortId: string } | { ok: false; error: ZodError }> {
  const { tenantId, actorUserId, requestId, today } = input;
  const parsed = cohortCreateSchema.safeParse(input.form);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const { templateId, recruitmentStart } = parsed.data;
  const template = await loadTemplate(tx, tenantId, templateId);
  const version = await tx.programTemplateVersion.findFirstOrThrow({
    where: { tenantId, templateId, version: template.currentVersion },
    select: { id: true },
  });
  const number = parsed.data.number ?? (await nextCohortNumber(tx, tenantId, templateId));
  if (await tx.cohort.findFirst({ where: { tenantId, templateId, number }, select: { id: true } })) {
    throw new ProgramError("programs.error.numberTaken", { number }, 409);
  }
  const title = parsed.data.title ?? defaultCohortTitle(template.name, number);
  const schedule = scheduleFromOffsets(recruitmentStart, template.definition.phases);
  const quotas = {
    quotaMentor: template.definition.roles.mentor.quota,
    quotaMentee: template.definition.roles.mentee.quota,
  };
  let cohortId: string;
  try {
    const cohort = await tx.cohort.create({
      data: {
        tenantId,
        templateId,
        templateVersionId: version.id,
        number,
        title,
        status: "draft",
        ...scheduleColumns(schedule),
        // Dates already past when the cohort is set up are its coordinator's to act on, not the clock's.
        scheduleCheckedOn: dateColumn(today),
        ...quotas,
        createdByUserId: actorUserId,
      },
      select: { id: true },
    });
    cohortId = cohort.id;
  } catch (error) {
    // Another coordinator took the number between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ProgramError("programs.error.numberTaken", { number }, 409);
    }
    throw error;
  }
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "cohort.create",
    entityType: "cohort",
    entityId: cohortId,
    after: { templateId, templateVersion: template.currentVersion, number, title, ...schedule, ...quotas },
    requestId,
  });
  return { ok: true, cohortId };
}

/**
 * Sets every date of a cohort's schedule, validated with cohortScheduleSchema (invalid input comes back as
 * the zod error, nothing written). The dates are checked as of today, so that a date moved into the past
 * does not move the cohort by itself. A closed cohort's dates are history and are refused. Audited with
 * the dates that changed.
 */
export async function updateCohortSchedule(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    schedule: Record<string, unknown>;
    actorUserId: string | null;
    requestId?: string;
    today: CalendarDate;
  },
): Promise<{ ok: true; changed: ScheduleField[] } | { ok: false; error: ZodError }> {
  const { tenantId, cohortId, actorUserId, requestId, today } = input;
  const parsed = cohortScheduleSchema.safeParse(input.schedule);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const schedule = parsed.data as CohortSchedule;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  if (record.cohort.status === "closed") throw new ProgramError("programs.error.cohortClosed", {}, 409);
  const changed = scheduleFields.filter((field) => record.schedule[field] !== schedule[field]);
  if (changed.length === 0) return { ok: true, changed };
  await tx.cohort.updateMany({
    where: { tenantId, id: cohortId },
    data: { ...scheduleColumns(schedule), scheduleCheckedOn: dateColumn(today) },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "cohort.schedule.update",
    entityType: "cohort",
    entityId: cohortId,
    before: Object.fromEntries(changed.map((field) => [field, record.schedule[field]])),
    after: Object.fromEntries(changed.map((field) => [field, schedule[field]])),
    requestId,
  });
  return { ok: true, changed };
}

/**
 * What the lifecycle rules look at besides the cohort itself: accepted applications per role, pre-survey
 * rounds not yet closed (by the coordinator, or by the surveys' daily job after their last day), published
 * teams.
 */
export async function transitionFacts(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  today: CalendarDate,
): Promise<TransitionFacts> {
  const [mentor, mentee, openPreSurveys, publishedTeams] = await Promise.all([
    tx.application.count({ where: { tenantId, cohortId, role: "mentor", status: "accepted" } }),
    tx.application.count({ where: { tenantId, cohortId, role: "mentee", status: "accepted" } }),
    tx.surveyRound.count({ where: { tenantId, cohortId, phase: "pre", closedAt: null } }),
    tx.team.count({ where: { tenantId, cohortId } }),
  ]);
  return { today, accepted: { mentor, mentee }, openPreSurveys, publishedTeams };
}

/** A refused transition, with every problem that refused it (the page lists them). */
export class TransitionRefusedError extends ProgramError {
  constructor(readonly problems: TransitionProblem[]) {
    super("programs.transition.refused", {}, 409);
    this.name = "TransitionRefusedError";
  }
}

export interface TransitionInput {
  tenantId: string;
  cohortId: string;
  to: CohortStatus;
  /** The coordinator overrules the overridable problems; needs a reason. */
  override: boolean;
  reason: string | null;
  /** Null for the scheduler. */
  actorUserId: string | null;
  requestId?: string;
  today: CalendarDate;
  /** For links in the survey invitations sent on entering orientation or evaluation. */
  appUrl: string;
}

/**
 * Moves a cohort to its next status when the lifecycle rules allow it (or allow it with an override, whose
 * reason and overruled problems are audited). Holds the cohort's row lock, and moves it only from the status
 * it was read in, so two clicks cannot move it twice. Entering orientation opens the pre-surveys, entering
 * evaluation the post-surveys, in the same transaction. Refusals are ProgramErrors (programs.*).
 */
export async function transitionCohort(
  tx: TenantDb,
  input: TransitionInput,
): Promise<{ from: CohortStatus; to: CohortStatus; overridden: TransitionProblem[] }> {
  const { tenantId, cohortId, to, actorUserId, requestId, today, appUrl } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const from = record.cohort.status;
  if (from === to) throw new ProgramError("programs.error.alreadyInStatus", {}, 409);
  const facts = await transitionFacts(tx, tenantId, cohortId, today);
  const problems = transitionProblems(from, to, record.schedule, facts);
  const override = input.override && problems.length > 0;
  const reason = input.reason?.trim() ?? "";
  if (!transitionAllowed(problems, override)) throw new TransitionRefusedError(problems);
  if (override && reason === "") throw new ProgramError("programs.transition.reasonRequired", {}, 400);

  const moved = await tx.cohort.updateMany({
    where: { tenantId, id: cohortId, status: from },
    data: { status: to, statusChangedAt: new Date(), scheduleCheckedOn: dateColumn(today) },
  });
  if (moved.count !== 1) throw new ProgramError("programs.error.statusChanged", {}, 409);

  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "cohort.status.update",
    entityType: "cohort",
    entityId: cohortId,
    before: { status: from },
    after: {
      status: to,
      by: actorUserId === null ? "scheduler" : "coordinator",
      ...(override && {
        override: { reason, problems: problems.map(({ code, params }) => ({ code, params })) },
      }),
    },
    requestId,
  });

  if (to === "orientation") await openSurveyRounds(tx, { tenantId, cohortId, phase: "pre", today, appUrl });
  if (to === "evaluation") await openSurveyRounds(tx, { tenantId, cohortId, phase: "post", today, appUrl });
  return { from, to, overridden: override ? problems : [] };
}

export interface CohortOverview {
  id: string;
  templateId: string;
  templateName: string;
  templateVersion: number;
  number: number;
  title: string;
  status: CohortStatus;
  statusChangedAt: Date;
  schedule: CohortSchedule;
  quotas: Record<ApplicationRole, number>;
  /** Applications per role: accepted and waitlisted. */
  applications: Record<ApplicationRole, { accepted: number; waitlisted: number }>;
  /** The next status and what stands in its way today; null for a closed cohort. */
  next: { to: CohortStatus; problems: TransitionProblem[] } | null;
}

/** What the cohort's overview page shows. Not found (404) when the cohort is not the tenant's. */
export async function cohortOverview(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  today: CalendarDate,
): Promise<CohortOverview> {
  const record = await loadCohort(tx, tenantId, cohortId);
  const { cohort } = record;
  const [template, counts, facts] = await Promise.all([
    tx.programTemplate.findFirstOrThrow({
      where: { tenantId, id: cohort.templateId },
      select: { name: true },
    }),
    tx.application.groupBy({
      by: ["role", "status"],
      where: { tenantId, cohortId, status: { in: ["accepted", "waitlisted"] } },
      _count: { _all: true },
    }),
    transitionFacts(tx, tenantId, cohortId, today),
  ]);
  const applications = Object.fromEntries(
    applicationRoles.map((role) => {
      const count = (status: string) =>
        counts.find((row) => row.role === role && row.status === status)?._count._all ?? 0;
      return [role, { accepted: count("accepted"), waitlisted: count("waitlisted") }];
    }),
  ) as CohortOverview["applications"];
  const to = nextStatus(cohort.status);
  return {
    id: cohort.id,
    templateId: cohort.templateId,
    templateName: template.name,
    templateVersion: record.templateVersion,
    number: cohort.number,
    title: cohort.title,
    status: cohort.status,
    statusChangedAt: cohort.statusChangedAt,
    schedule: record.schedule,
    quotas: { mentor: cohort.quotaMentor, mentee: cohort.quotaMentee },
    applications,
    next:
      to === null ? null : { to, problems: transitionProblems(cohort.status, to, record.schedule, facts) },
  };
}

/** What advanceCohortsByDate reports to its caller (the daily job). */
export interface AdvanceSummary {
  tenants: number;
  /** Cohorts whose dates were looked at. */
  cohorts: number;
  moved: { tenantId: string; cohortId: string; from: CohortStatus; to: CohortStatus }[];
  failures: { tenantId: string; cohortId: string | null; error: string }[];
}

export interface AdvanceLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * The daily scheduler: in every tenant that is not closed, on that tenant's calendar, moves each cohort
 * whose next phase date has arrived since its schedule was last checked (dueTransition), through the same
 * transition as a coordinator's but with no actor (audited as the scheduler); then marks the schedule
 * checked today. Several phases that arrived together move in turn. Each cohort is its own transaction,
 * and a failure (logged, reported) stops neither the tenant's other cohorts nor other tenants. Running it
 * again the same day changes nothing.
 */
export async function advanceCohortsByDate(
  db: Database,
  now: Date,
  options: {
    appUrl: string;
    log?: AdvanceLog;
    /** After each tenant: how many of how many are done. */
    onTenantDone?: (done: number, total: number) => Promise<void> | void;
    signal?: AbortSignal;
  },
): Promise<AdvanceSummary> {
  const { appUrl, log, onTenantDone, signal } = options;
  const tenants = await db.platform.tenant.findMany({
    where: { status: { not: "closed" } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, timeZone: true },
  });
  const summary: AdvanceSummary = { tenants: tenants.length, cohorts: 0, moved: [], failures: [] };
  for (const [index, tenant] of tenants.entries()) {
    if (signal?.aborted) break;
    try {
      const today = tenantToday(tenant.timeZone, now);
      const cohorts = await db.withTenant(tenant.id, (tx) =>
        tx.cohort.findMany({
          where: { tenantId: tenant.id, status: { notIn: ["draft", "closed"] } },
          orderBy: { createdAt: "asc" },
          select: { id: true },
        }),
      );
      for (const { id: cohortId } of cohorts) {
        if (signal?.aborted) break;
        summary.cohorts++;
        try {
          const moves = await db.withTenant(tenant.id, (tx) =>
            advanceCohort(tx, { tenantId: tenant.id, cohortId, today, appUrl }),
          );
          for (const move of moves) {
            summary.moved.push({ tenantId: tenant.id, cohortId, ...move });
            log?.info({ tenant: tenant.slug, cohortId, ...move }, "cohort moved by date");
          }
        } catch (error) {
          summary.failures.push({ tenantId: tenant.id, cohortId, error: String(error) });
          log?.error({ err: error, tenant: tenant.slug, cohortId }, "could not advance cohort");
        }
      }
    } catch (error) {
      summary.failures.push({ tenantId: tenant.id, cohortId: null, error: String(error) });
      log?.error({ err: error, tenant: tenant.slug }, "could not advance the tenant's cohorts");
    }
    await onTenantDone?.(index + 1, tenants.length);
  }
  return summary;
}

/** One cohort's moves for today, in its own transaction, under its row lock. */
async function advanceCohort(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; today: CalendarDate; appUrl: string },
): Promise<{ from: CohortStatus; to: CohortStatus }[]> {
  const { tenantId, cohortId, today, appUrl } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const checkedOn = dayOf(record.cohort.scheduleCheckedOn);
  if (compareCalendarDates(checkedOn, today) >= 0) return [];
  const moves: { from: CohortStatus; to: CohortStatus }[] = [];
  let status = record.cohort.status;
  // Judged against the day checked before this run, so that phases arriving together move in turn.
  for (;;) {
    const facts = await transitionFacts(tx, tenantId, cohortId, today);
    const to = dueTransition(status, record.schedule, checkedOn, facts);
    if (to === null) break;
    await transitionCohort(tx, {
      tenantId,
      cohortId,
      to,
      override: false,
      reason: null,
      actorUserId: null,
      today,
      appUrl,
    });
    moves.push({ from: status, to });
    status = to;
  }
  await tx.cohort.updateMany({
    where: { tenantId, id: cohortId },
    data: { scheduleCheckedOn: dateColumn(today) },
  });
  return moves;
}
