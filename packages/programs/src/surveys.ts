import { type Database, type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import {
  type AnswerProblem,
  type ApplicationRole,
  type CalendarDate,
  checkAnswers,
  completionPercent,
  type DimensionScores,
  diagnosticScores,
  type LocalizedText,
  localize,
  meanScores,
  type QuestionSet,
  type ResponseStatus,
  reminderDue,
  responseStatus,
  roundClosesByDate,
  roundClosesOn,
  type SurveyAnswers,
  type SurveyPhase,
  surveyPhases,
} from "@mentoring/domain";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { InvalidEmailAddressError, queueEmail } from "@mentoring/mail";
import { dateColumn, dayOf, loadCohort, tenantToday } from "./records/cohort-record";
import { ProgramError } from "./errors";

/*
 * Survey rounds: a question set of a cohort's template given at one phase (pre at orientation, post at
 * evaluation). Participants answer with drafts saved as they go and submit once; coordinators follow
 * completion, remind and close. Every function takes the caller's transaction (inside withTenant) and
 * filters by tenant as well.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const roundNotFound = () => new ProgramError("surveys.error.roundNotFound", {}, 404);

/** The question set a round gives, from the cohort's template version. */
function setOf(sets: QuestionSet[], key: string): QuestionSet | undefined {
  return sets.find((set) => set.key === key);
}

interface TenantFacts {
  slug: string;
  name: string;
  nameEn: string | null;
  locale: string;
  timeZone: string;
}

async function tenantFacts(tx: TenantDb, tenantId: string): Promise<TenantFacts> {
  return tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { slug: true, name: true, nameEn: true, locale: true, timeZone: true },
  });
}

/** A participant of a round: an accepted application in one of the roles the question set is for. */
interface Participant {
  applicationId: string;
  role: ApplicationRole;
  staffMemberId: string;
  name: string;
  department: string;
  email: string | null;
  response: {
    submittedAt: Date | null;
    updatedAt: Date;
    answers: Prisma.JsonValue;
    scores: Prisma.JsonValue;
  } | null;
}

async function participantsOf(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  roles: readonly ApplicationRole[],
  roundId: string,
): Promise<Participant[]> {
  const applications = await tx.application.findMany({
    where: { tenantId, cohortId, status: "accepted", role: { in: [...roles] } },
    select: {
      id: true,
      role: true,
      staffMember: { select: { id: true, name: true, email: true, department: { select: { name: true } } } },
      surveyResponses: {
        where: { tenantId, roundId },
        select: { submittedAt: true, updatedAt: true, answers: true, scores: true },
      },
    },
  });
  return applications
    .map((application) => ({
      applicationId: application.id,
      role: application.role,
      staffMemberId: application.staffMember.id,
      name: application.staffMember.name,
      department: application.staffMember.department.name,
      email: application.staffMember.email,
      response: application.surveyResponses[0] ?? null,
    }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, "ko") : a.role === "mentor" ? -1 : 1));
}

/** Each person's language for mail: their account's choice, else the tenant's. */
async function mailLocales(tx: TenantDb, tenantId: string, staffMemberIds: string[]) {
  const memberships = await tx.membership.findMany({
    where: { tenantId, staffMemberId: { in: staffMemberIds } },
    select: { staffMemberId: true, user: { select: { locale: true } } },
  });
  return new Map(memberships.map((m) => [m.staffMemberId, m.user.locale]));
}

/** "2025년 2월 28일", "February 28, 2025": a calendar day, whatever the server's time zone. */
export function formatCalendarDay(day: CalendarDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(dateColumn(day));
}

async function mailParticipants(
  tx: TenantDb,
  input: {
    kind: "survey_invitation" | "survey_reminder";
    tenantId: string;
    tenant: TenantFacts;
    cohortTitle: string;
    set: QuestionSet;
    roundId: string;
    closesOn: CalendarDate;
    appUrl: string;
    recipients: Participant[];
  },
): Promise<number> {
  const { tenant } = input;
  const locales = await mailLocales(
    tx,
    input.tenantId,
    input.recipients.map((p) => p.staffMemberId),
  );
  const link = new URL(`/${tenant.slug}/surveys/${input.roundId}`, input.appUrl).toString();
  let sent = 0;
  for (const person of input.recipients) {
    if (!person.email) continue;
    const wanted = locales.get(person.staffMemberId) ?? tenant.locale;
    const locale: Locale = (supportedLocales as readonly string[]).includes(wanted)
      ? (wanted as Locale)
      : defaultLocale;
    try {
      await queueEmail(tx, {
        to: person.email,
        locale,
        message: {
          kind: input.kind,
          name: person.name,
          tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
          cohortTitle: input.cohortTitle,
          surveyTitle: localize(input.set.title, locale),
          closesOn: formatCalendarDay(input.closesOn, locale),
          link,
        },
      });
    } catch (error) {
      // A directory address that is not one (checked before anything is written): that person is skipped.
      if (error instanceof InvalidEmailAddressError) continue;
      throw error;
    }
    sent++;
  }
  return sent;
}

/**
 * Opens the cohort's rounds for `phase`: for each question set given at that phase, one round (once per
 * cohort × set × phase) open from today until the phase's closing day, and an invitation mailed to each
 * participant with an e-mail address. Called by the cohort's move into orientation (pre) or evaluation
 * (post), in its transaction. Idempotent: rounds already opened are left alone and no one is mailed twice.
 */
export async function openSurveyRounds(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; phase: SurveyPhase; today: CalendarDate; appUrl: string },
): Promise<{ rounds: number; invited: number }> {
  const { tenantId, cohortId, phase, today } = input;
  const { cohort, definition, schedule } = await loadCohort(tx, tenantId, cohortId);
  const closesOn = roundClosesOn(schedule, phase);
  const tenant = await tenantFacts(tx, tenantId);
  let rounds = 0;
  let invited = 0;
  for (const set of definition.questionSets.filter((candidate) => candidate.phases.includes(phase))) {
    // ON CONFLICT DO NOTHING: of two openings at once, only one creates the round and sends its mail.
    const [created] = await tx.surveyRound.createManyAndReturn({
      data: [
        {
          tenantId,
          cohortId,
          questionSetKey: set.key,
          phase,
          opensOn: dateColumn(today),
          closesOn: dateColumn(closesOn),
          openedAt: new Date(),
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) continue;
    rounds++;
    invited += await mailParticipants(tx, {
      kind: "survey_invitation",
      tenantId,
      tenant,
      cohortTitle: cohort.title,
      set,
      roundId: created.id,
      closesOn,
      appUrl: input.appUrl,
      recipients: await participantsOf(tx, tenantId, cohortId, set.roles, created.id),
    });
  }
  return { rounds, invited };
}

export interface ParticipantRound {
  round: {
    id: string;
    phase: SurveyPhase;
    opensOn: CalendarDate;
    closesOn: CalendarDate;
    closed: boolean;
  };
  cohort: { id: string; title: string };
  set: QuestionSet;
  applicationId: string;
  role: ApplicationRole;
  response: { answers: SurveyAnswers; submittedAt: Date | null; savedAt: Date } | null;
}

/**
 * A round as its participant sees it. Not found (404) unless the round is opened and the staff member
 * holds an accepted application to its cohort in a role the question set is for: a person learns nothing
 * about rounds that are not theirs.
 */
export async function participantRound(
  tx: TenantDb,
  input: { tenantId: string; roundId: string; staffMemberId: string },
): Promise<ParticipantRound> {
  const { tenantId, roundId, staffMemberId } = input;
  if (!UUID.test(roundId) || !UUID.test(staffMemberId)) throw roundNotFound();
  const round = await tx.surveyRound.findFirst({ where: { tenantId, id: roundId, openedAt: { not: null } } });
  if (!round) throw roundNotFound();
  const application = await tx.application.findFirst({
    where: { tenantId, cohortId: round.cohortId, staffMemberId, status: "accepted" },
    select: { id: true, role: true },
  });
  if (!application) throw roundNotFound();
  const { cohort, definition } = await loadCohort(tx, tenantId, round.cohortId);
  const set = setOf(definition.questionSets, round.questionSetKey);
  if (!set?.roles.includes(application.role)) throw roundNotFound();
  const response = await tx.surveyResponse.findFirst({
    where: { tenantId, roundId, applicationId: application.id },
    select: { answers: true, submittedAt: true, updatedAt: true },
  });
  return {
    round: {
      id: round.id,
      phase: round.phase,
      opensOn: dayOf(round.opensOn),
      closesOn: dayOf(round.closesOn),
      closed: round.closedAt !== null,
    },
    cohort: { id: cohort.id, title: cohort.title },
    set,
    applicationId: application.id,
    role: application.role,
    response: response
      ? {
          answers: response.answers as SurveyAnswers,
          submittedAt: response.submittedAt,
          savedAt: response.updatedAt,
        }
      : null,
  };
}

function assertAnswerable(found: ParticipantRound) {
  if (found.response?.submittedAt) throw new ProgramError("surveys.error.alreadySubmitted", {}, 409);
  if (found.round.closed) throw new ProgramError("surveys.error.roundClosed", {}, 409);
}

/**
 * Writes the answers of a response not yet submitted, creating the response on the first save. The
 * `where submittedAt is null` makes a save that races a submission lose instead of overwriting it.
 */
async function writeDraft(
  tx: TenantDb,
  tenantId: string,
  found: ParticipantRound,
  data: { answers: SurveyAnswers; scores?: DimensionScores; submittedAt?: Date },
): Promise<Date> {
  await tx.surveyResponse.createMany({
    data: [{ tenantId, roundId: found.round.id, applicationId: found.applicationId, answers: {} }],
    skipDuplicates: true,
  });
  const [written] = await tx.surveyResponse.updateManyAndReturn({
    where: { tenantId, roundId: found.round.id, applicationId: found.applicationId, submittedAt: null },
    data: {
      answers: data.answers,
      ...(data.scores ? { scores: data.scores } : {}),
      ...(data.submittedAt ? { submittedAt: data.submittedAt } : {}),
    },
    select: { updatedAt: true },
  });
  if (!written) throw new ProgramError("surveys.error.alreadySubmitted", {}, 409);
  return written.updatedAt;
}

/**
 * Saves a draft (autosave, or the "save" button): the well-formed answers replace the draft's, and the
 * malformed ones come back as problems for the person to fix. Refused once submitted or closed.
 */
export async function saveDraft(
  tx: TenantDb,
  input: { tenantId: string; roundId: string; staffMemberId: string; answers: Record<string, unknown> },
): Promise<{ savedAt: Date; problems: AnswerProblem[] }> {
  const found = await participantRound(tx, input);
  assertAnswerable(found);
  const { answers, problems } = checkAnswers(found.set, input.answers, "draft");
  const savedAt = await writeDraft(tx, input.tenantId, found, { answers });
  return { savedAt, problems };
}

export type SubmitResult =
  | { submitted: true; submittedAt: Date; scores: DimensionScores | null }
  | { submitted: false; problems: AnswerProblem[] };

/**
 * Submits a response once: every required question answered, every answer well-formed, diagnostic scores
 * computed. With problems nothing is submitted (the well-formed answers are kept as the draft, as
 * autosave would). A second submission, even one racing the first, is refused.
 */
export async function submitResponse(
  tx: TenantDb,
  input: {
    tenantId: string;
    roundId: string;
    staffMemberId: string;
    answers: Record<string, unknown>;
    now: Date;
  },
): Promise<SubmitResult> {
  const found = await participantRound(tx, input);
  assertAnswerable(found);
  const { answers, problems } = checkAnswers(found.set, input.answers, "final");
  if (problems.length > 0) {
    await writeDraft(tx, input.tenantId, found, {
      answers: checkAnswers(found.set, input.answers, "draft").answers,
    });
    return { submitted: false, problems };
  }
  const scores = found.set.dimensions.length > 0 ? diagnosticScores(found.set, answers) : null;
  await writeDraft(tx, input.tenantId, found, {
    answers,
    ...(scores ? { scores } : {}),
    submittedAt: input.now,
  });
  return { submitted: true, submittedAt: input.now, scores };
}

export interface ParticipantRoundSummary {
  roundId: string;
  cohortTitle: string;
  title: LocalizedText;
  phase: SurveyPhase;
  closesOn: CalendarDate;
  closed: boolean;
  status: ResponseStatus;
}

/** The rounds a staff member is asked to answer, open ones first, then by closing day. */
export async function listParticipantRounds(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<ParticipantRoundSummary[]> {
  const { tenantId, staffMemberId } = input;
  const applications = await tx.application.findMany({
    where: { tenantId, staffMemberId, status: "accepted" },
    select: {
      id: true,
      role: true,
      cohortId: true,
      surveyResponses: { where: { tenantId }, select: { roundId: true, submittedAt: true } },
    },
  });
  const summaries: (ParticipantRoundSummary & { order: number })[] = [];
  for (const application of applications) {
    const rounds = await tx.surveyRound.findMany({
      where: { tenantId, cohortId: application.cohortId, openedAt: { not: null } },
    });
    if (rounds.length === 0) continue;
    const { cohort, definition } = await loadCohort(tx, tenantId, application.cohortId);
    for (const round of rounds) {
      const order = definition.questionSets.findIndex((set) => set.key === round.questionSetKey);
      const set = definition.questionSets[order];
      if (!set?.roles.includes(application.role)) continue;
      summaries.push({
        roundId: round.id,
        cohortTitle: cohort.title,
        title: set.title,
        phase: round.phase,
        closesOn: dayOf(round.closesOn),
        closed: round.closedAt !== null,
        status: responseStatus(application.surveyResponses.find((r) => r.roundId === round.id)),
        order,
      });
    }
  }
  // Open rounds first, the soonest to close first; a cohort's sets in the template's order.
  return summaries
    .sort(
      (a, b) =>
        Number(a.closed) - Number(b.closed) ||
        a.closesOn.localeCompare(b.closesOn) ||
        a.cohortTitle.localeCompare(b.cohortTitle, "ko") ||
        surveyPhases.indexOf(a.phase) - surveyPhases.indexOf(b.phase) ||
        a.order - b.order,
    )
    .map(({ order: _order, ...summary }) => summary);
}

export interface ParticipantProgress {
  applicationId: string;
  name: string;
  department: string;
  role: ApplicationRole;
  status: ResponseStatus;
  submittedAt: Date | null;
  /** When the draft or submission was last written. */
  savedAt: Date | null;
}

export interface RoundCompletion {
  id: string;
  questionSetKey: string;
  title: LocalizedText;
  phase: SurveyPhase;
  opensOn: CalendarDate;
  closesOn: CalendarDate;
  closedAt: Date | null;
  lastRemindedOn: CalendarDate | null;
  expected: number;
  submitted: number;
  inProgress: number;
  notStarted: number;
  /** Whole percent submitted, rounded down. */
  percent: number;
  participants: ParticipantProgress[];
  /** Diagnostics: the mean score per dimension over submitted responses. */
  dimensions: { key: string; label: LocalizedText; mean: number | null; people: number }[];
}

/**
 * Completion of a cohort's rounds for its coordinator: per round who is expected (accepted applications in
 * the set's roles), who has submitted, who has a draft and who has not started, with the mean diagnostic
 * score per dimension. Not found (404) when the cohort is not the tenant's.
 */
export async function roundCompletion(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<{ cohort: { id: string; title: string; status: string }; rounds: RoundCompletion[] }> {
  const { tenantId, cohortId } = input;
  const { cohort, definition } = await loadCohort(tx, tenantId, cohortId);
  const rounds = await tx.surveyRound.findMany({ where: { tenantId, cohortId, openedAt: { not: null } } });
  const setOrder = (key: string) => definition.questionSets.findIndex((set) => set.key === key);
  rounds.sort(
    (a, b) =>
      surveyPhases.indexOf(a.phase) - surveyPhases.indexOf(b.phase) ||
      setOrder(a.questionSetKey) - setOrder(b.questionSetKey),
  );
  const result: RoundCompletion[] = [];
  for (const round of rounds) {
    const set = setOf(definition.questionSets, round.questionSetKey);
    if (!set) continue;
    const participants = await participantsOf(tx, tenantId, cohortId, set.roles, round.id);
    const progress = participants.map((p) => ({
      applicationId: p.applicationId,
      name: p.name,
      department: p.department,
      role: p.role,
      status: responseStatus(p.response),
      submittedAt: p.response?.submittedAt ?? null,
      savedAt: p.response?.updatedAt ?? null,
    }));
    const count = (status: ResponseStatus) => progress.filter((p) => p.status === status).length;
    const scored = participants
      .filter((p) => p.response?.submittedAt)
      .map(
        (p) =>
          (p.response?.scores as DimensionScores | null) ??
          diagnosticScores(set, (p.response?.answers ?? {}) as SurveyAnswers),
      );
    const means = meanScores(scored);
    result.push({
      id: round.id,
      questionSetKey: round.questionSetKey,
      title: set.title,
      phase: round.phase,
      opensOn: dayOf(round.opensOn),
      closesOn: dayOf(round.closesOn),
      closedAt: round.closedAt,
      lastRemindedOn: round.lastRemindedOn ? dayOf(round.lastRemindedOn) : null,
      expected: participants.length,
      submitted: count("submitted"),
      inProgress: count("in_progress"),
      notStarted: count("not_started"),
      percent: completionPercent(count("submitted"), participants.length),
      participants: progress,
      dimensions: set.dimensions.map((dimension) => ({
        key: dimension.key,
        label: dimension.label,
        mean: means[dimension.key]?.mean ?? null,
        people: means[dimension.key]?.people ?? 0,
      })),
    });
  }
  return { cohort: { id: cohort.id, title: cohort.title, status: cohort.status }, rounds: result };
}

/** A round of the cohort, for the coordinator's actions on it; not found (404) otherwise. */
async function coordinatorRound(tx: TenantDb, tenantId: string, cohortId: string, roundId: string) {
  if (!UUID.test(roundId) || !UUID.test(cohortId)) throw roundNotFound();
  const round = await tx.surveyRound.findFirst({
    where: { tenantId, cohortId, id: roundId, openedAt: { not: null } },
  });
  if (!round) throw roundNotFound();
  return round;
}

/**
 * The coordinator closes a round: no more answers are taken. Audited. Closing a closed round changes
 * nothing and says so (`closed: false`).
 */
export async function closeRound(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    roundId: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
  },
): Promise<{ closed: boolean }> {
  const { tenantId } = input;
  const round = await coordinatorRound(tx, tenantId, input.cohortId, input.roundId);
  const { count } = await tx.surveyRound.updateMany({
    where: { tenantId, id: round.id, closedAt: null },
    data: { closedAt: input.now },
  });
  if (count === 0) return { closed: false };
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "survey_round.close",
    entityType: "survey_round",
    entityId: round.id,
    before: { closedAt: null },
    after: { closedAt: input.now.toISOString(), by: "coordinator" },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { closed: true };
}

/**
 * Closes the tenant's open rounds whose last day has passed, unless that day had already passed when the
 * round opened (a cohort set up late is the coordinator's to close). Audited as the system's act.
 */
export async function closeDueRounds(
  tx: TenantDb,
  input: { tenantId: string; today: CalendarDate; now: Date },
): Promise<number> {
  const { tenantId } = input;
  const open = await tx.surveyRound.findMany({
    where: { tenantId, closedAt: null, openedAt: { not: null } },
    select: { id: true, opensOn: true, closesOn: true },
  });
  let closed = 0;
  for (const round of open) {
    const due = roundClosesByDate(
      { opensOn: dayOf(round.opensOn), closesOn: dayOf(round.closesOn), closed: false },
      input.today,
    );
    if (!due) continue;
    const { count } = await tx.surveyRound.updateMany({
      where: { tenantId, id: round.id, closedAt: null },
      data: { closedAt: input.now },
    });
    if (count === 0) continue;
    closed++;
    await recordAudit(tx, {
      tenantId,
      actorUserId: null,
      action: "survey_round.close",
      entityType: "survey_round",
      entityId: round.id,
      before: { closedAt: null },
      after: { closedAt: input.now.toISOString(), by: "schedule", closesOn: dayOf(round.closesOn) },
    });
  }
  return closed;
}

export type ReminderOutcome =
  | { status: "sent"; reminded: number }
  | { status: "not_due" }
  | { status: "closed" };

/**
 * Reminds the participants of one round who have not submitted. `schedule` (the daily run) reminds only
 * when due: three days after the invitation or the last reminder. `coordinator` ("remind now") reminds
 * unless a reminder already went out today, and is audited. Either way the round's reminder day is claimed
 * with a conditional update first, so two runs on the same day mail people once.
 */
export async function remindRound(
  tx: TenantDb,
  input: {
    tenantId: string;
    roundId: string;
    today: CalendarDate;
    appUrl: string;
    trigger: "schedule" | "coordinator";
    /** The coordinator's action: the round must belong to this cohort. */
    cohortId?: string;
    actorUserId?: string;
    requestId?: string;
  },
): Promise<ReminderOutcome> {
  const { tenantId, today } = input;
  const round = input.cohortId
    ? await coordinatorRound(tx, tenantId, input.cohortId, input.roundId)
    : await tx.surveyRound.findFirst({ where: { tenantId, id: input.roundId, openedAt: { not: null } } });
  if (!round) throw roundNotFound();
  if (round.closedAt) return { status: "closed" };
  const last = round.lastRemindedOn ? dayOf(round.lastRemindedOn) : null;
  const due =
    input.trigger === "schedule"
      ? reminderDue(
          {
            opensOn: dayOf(round.opensOn),
            closesOn: dayOf(round.closesOn),
            closed: false,
            lastRemindedOn: last,
          },
          today,
        )
      : last !== today;
  if (!due) return { status: "not_due" };
  const claimed = await tx.surveyRound.updateMany({
    where: { tenantId, id: round.id, lastRemindedOn: round.lastRemindedOn },
    data: { lastRemindedOn: dateColumn(today) },
  });
  if (claimed.count === 0) return { status: "not_due" };

  const { cohort, definition } = await loadCohort(tx, tenantId, round.cohortId);
  const set = setOf(definition.questionSets, round.questionSetKey);
  if (!set) return { status: "sent", reminded: 0 };
  const waiting = (await participantsOf(tx, tenantId, round.cohortId, set.roles, round.id)).filter(
    (p) => !p.response?.submittedAt,
  );
  const reminded = await mailParticipants(tx, {
    kind: "survey_reminder",
    tenantId,
    tenant: await tenantFacts(tx, tenantId),
    cohortTitle: cohort.title,
    set,
    roundId: round.id,
    closesOn: dayOf(round.closesOn),
    appUrl: input.appUrl,
    recipients: waiting,
  });
  if (input.trigger === "coordinator") {
    await recordAudit(tx, {
      tenantId,
      actorUserId: input.actorUserId ?? null,
      action: "survey_round.remind",
      entityType: "survey_round",
      entityId: round.id,
      after: { remindedOn: today, reminded },
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
  }
  return { status: "sent", reminded };
}

export interface ReminderRun {
  tenants: number;
  closed: number;
  rounds: number;
  reminded: number;
}

/**
 * The daily surveys run over every tenant in use (trial or active; a read-only tenant takes no answers):
 * closes rounds whose last day has passed, then reminds those who have not submitted an open round when a
 * reminder is due, each tenant on its own calendar and in its own transaction. Running it twice on a day
 * has the effect of running it once.
 */
export async function sendSurveyReminders(
  db: Database,
  now: Date,
  options: { appUrl: string },
): Promise<ReminderRun> {
  const tenants = await db.platform.tenant.findMany({
    where: { status: { in: ["trial", "active"] } },
    select: { id: true, timeZone: true },
    orderBy: { createdAt: "asc" },
  });
  const run: ReminderRun = { tenants: tenants.length, closed: 0, rounds: 0, reminded: 0 };
  for (const tenant of tenants) {
    const today = tenantToday(tenant.timeZone, now);
    await db.withTenant(
      tenant.id,
      async (tx) => {
        run.closed += await closeDueRounds(tx, { tenantId: tenant.id, today, now });
        const open = await tx.surveyRound.findMany({
          where: { tenantId: tenant.id, closedAt: null, openedAt: { not: null } },
          select: { id: true },
        });
        for (const round of open) {
          const outcome = await remindRound(tx, {
            tenantId: tenant.id,
            roundId: round.id,
            today,
            appUrl: options.appUrl,
            trigger: "schedule",
          });
          if (outcome.status === "sent") {
            run.rounds++;
            run.reminded += outcome.reminded;
          }
        }
      },
      { timeout: 120_000 },
    );
  }
  return run;
}

/**
 * How many of the cohort's rounds of `phase` are still open (opened, not closed by the coordinator or by
 * their date): the lifecycle holds matching back while pre rounds are open (TransitionFacts.openPreSurveys).
 */
export async function openRoundCount(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; phase: SurveyPhase },
): Promise<number> {
  return tx.surveyRound.count({
    where: {
      tenantId: input.tenantId,
      cohortId: input.cohortId,
      phase: input.phase,
      openedAt: { not: null },
      closedAt: null,
    },
  });
}
