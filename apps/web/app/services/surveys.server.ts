import {
  type AnswerProblem,
  isAppError,
  LONG_TEXT_MAX,
  localize,
  type Question,
  type QuestionSet,
  rankPlaces,
  SHORT_TEXT_MAX,
  type SurveyAnswer,
  type SurveyAnswers,
} from "@mentoring/domain";
import {
  closeRound,
  getParticipantRound,
  getRoundCompletion,
  listParticipantRounds,
  remindRound,
  saveDraft,
  submitResponse,
  tenantToday,
} from "@mentoring/programs";
import { z } from "zod";
import { formatClock, formatDateTime } from "./format.server";
import { notFound, type TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

/* The survey pages' server side: participants answering their rounds, coordinators following completion. */

type Tenant = TenantAccess["tenant"];

/** A refusal from the programs package as the page shows it: not found as a 404, others as a message key. */
function refusalOf(error: unknown): { error: string } {
  if (isAppError(error)) {
    if (error.status === 404) throw notFound();
    return { error: error.messageKey };
  }
  throw error;
}

export const roundIdSchema = z.string().uuid();

export interface QuestionView {
  key: string;
  type: Question["type"];
  prompt: string;
  required: boolean;
  options: { key: string; label: string }[];
  /** multiple: the most that may be chosen; ranked: how many places. */
  pick: number | null;
  /** short and long text: the most characters. */
  maxLength: number | null;
}

function questionView(question: Question, locale: string): QuestionView {
  return {
    key: question.key,
    type: question.type,
    prompt: localize(question.prompt, locale),
    required: question.required,
    options: question.options.map((option) => ({ key: option.key, label: localize(option.label, locale) })),
    pick: question.type === "ranked" ? rankPlaces(question) : (question.pick ?? null),
    maxLength:
      question.type === "short_text" ? SHORT_TEXT_MAX : question.type === "long_text" ? LONG_TEXT_MAX : null,
  };
}

export interface ProblemView {
  question: string;
  code: string;
  params: Record<string, number>;
}

const problemViews = (problems: AnswerProblem[]): ProblemView[] =>
  problems.map(({ question, code, params }) => ({ question, code, params }));

/** The rounds the signed-in participant is asked to answer. */
export async function myRounds(
  services: Services,
  { tenant, staffMemberId, locale }: { tenant: Tenant; staffMemberId: string; locale: string },
) {
  const rounds = await services.db.withTenant(tenant.id, (tx) =>
    listParticipantRounds(tx, { tenantId: tenant.id, staffMemberId }),
  );
  return rounds.map((round) => ({ ...round, title: localize(round.title, locale) }));
}

/** One round for its participant: questions in their language, their answers, and where they stand. */
export async function roundForParticipant(
  services: Services,
  {
    tenant,
    staffMemberId,
    roundId,
    locale,
  }: { tenant: Tenant; staffMemberId: string; roundId: string; locale: string },
) {
  const found = await services.db
    .withTenant(tenant.id, (tx) => getParticipantRound(tx, { tenantId: tenant.id, roundId, staffMemberId }))
    .catch(refusalOf);
  if ("error" in found) throw notFound();
  const { response } = found;
  return {
    roundId: found.round.id,
    cohortTitle: found.cohort.title,
    title: localize(found.set.title, locale),
    phase: found.round.phase,
    closesOn: found.round.closesOn,
    closed: found.round.closed,
    questions: found.set.questions.map((question) => questionView(question, locale)),
    answers: (response?.answers ?? {}) as SurveyAnswers,
    submittedAt: response?.submittedAt ? formatDateTime(response.submittedAt, locale, tenant.timeZone) : null,
    savedAt:
      response && !response.submittedAt ? formatClock(response.savedAt, locale, tenant.timeZone) : null,
  };
}

/** The question set of a round, to read a posted form against. */
async function setOfRound(services: Services, tenant: Tenant, staffMemberId: string, roundId: string) {
  const found = await services.db
    .withTenant(tenant.id, (tx) => getParticipantRound(tx, { tenantId: tenant.id, roundId, staffMemberId }))
    .catch(refusalOf);
  if ("error" in found) throw notFound();
  return found.set;
}

export type AnswerResult =
  | { intent: "autosave" | "save"; savedAt: string; problems: ProblemView[] }
  | { intent: "submit"; problems: ProblemView[]; answers: Record<string, SurveyAnswer | undefined> }
  | { intent: "submit"; submitted: true }
  | { intent: string; error: string };

/** Saves a draft or submits, from the posted form. */
export async function answerRound(
  services: Services,
  {
    tenant,
    staffMemberId,
    roundId,
    locale,
    intent,
    readAnswers,
  }: {
    tenant: Tenant;
    staffMemberId: string;
    roundId: string;
    locale: string;
    intent: "autosave" | "save" | "submit";
    /** The answers in the posted form, read against the round's question set. */
    readAnswers: (set: QuestionSet) => Record<string, unknown>;
  },
): Promise<AnswerResult> {
  const set = await setOfRound(services, tenant, staffMemberId, roundId);
  const answers = readAnswers(set);
  const input = { tenantId: tenant.id, roundId, staffMemberId, answers };
  try {
    if (intent === "submit") {
      const result = await services.db.withTenant(tenant.id, (tx) =>
        submitResponse(tx, { ...input, now: new Date() }),
      );
      if (result.submitted) return { intent, submitted: true };
      return {
        intent,
        problems: problemViews(result.problems),
        answers: answers as Record<string, SurveyAnswer>,
      };
    }
    const saved = await services.db.withTenant(tenant.id, (tx) => saveDraft(tx, input));
    return {
      intent,
      savedAt: formatClock(saved.savedAt, locale, tenant.timeZone),
      problems: problemViews(saved.problems),
    };
  } catch (error) {
    return { intent, ...refusalOf(error) };
  }
}

/** A cohort's survey completion for its coordinator, with dates and times ready to show. */
export async function cohortCompletion(
  services: Services,
  { tenant, cohortId, locale }: { tenant: Tenant; cohortId: string; locale: string },
) {
  const completion = await services.db
    .withTenant(tenant.id, (tx) => getRoundCompletion(tx, { tenantId: tenant.id, cohortId }))
    .catch(refusalOf);
  if ("error" in completion) throw notFound();
  return {
    cohort: completion.cohort,
    rounds: completion.rounds.map((round) => ({
      ...round,
      title: localize(round.title, locale),
      closedAt: round.closedAt ? formatDateTime(round.closedAt, locale, tenant.timeZone) : null,
      participants: round.participants.map((participant) => ({
        ...participant,
        submittedAt: participant.submittedAt
          ? formatDateTime(participant.submittedAt, locale, tenant.timeZone)
          : null,
        savedAt: participant.savedAt ? formatDateTime(participant.savedAt, locale, tenant.timeZone) : null,
      })),
      dimensions: round.dimensions.map((dimension) => ({
        ...dimension,
        label: localize(dimension.label, locale),
      })),
    })),
  };
}

export type CoordinatorResult =
  | { intent: "remind"; roundId: string; outcome: "sent"; count: number }
  | { intent: "remind"; roundId: string; outcome: "not_due" | "closed" }
  | { intent: "close"; roundId: string; outcome: "closed" | "already_closed" }
  | { intent: string; roundId: string; error: string };

/** "Remind now" and "close round", for a round of the cohort. */
export async function coordinateRound(
  services: Services,
  {
    tenant,
    cohortId,
    roundId,
    intent,
    actorUserId,
    requestId,
  }: {
    tenant: Tenant;
    cohortId: string;
    roundId: string;
    intent: "remind" | "close";
    actorUserId: string;
    requestId: string;
  },
): Promise<CoordinatorResult> {
  try {
    if (intent === "close") {
      const { closed } = await services.db.withTenant(tenant.id, (tx) =>
        closeRound(tx, { tenantId: tenant.id, cohortId, roundId, actorUserId, now: new Date(), requestId }),
      );
      return { intent, roundId, outcome: closed ? "closed" : "already_closed" };
    }
    const outcome = await services.db.withTenant(tenant.id, (tx) =>
      remindRound(tx, {
        tenantId: tenant.id,
        cohortId,
        roundId,
        today: tenantToday(tenant.timeZone),
        appUrl: services.config.APP_URL,
        trigger: "coordinator",
        actorUserId,
        requestId,
      }),
    );
    return outcome.status === "sent"
      ? { intent, roundId, outcome: "sent", count: outcome.reminded }
      : { intent, roundId, outcome: outcome.status };
  } catch (error) {
    return { intent, roundId, ...refusalOf(error) };
  }
}
