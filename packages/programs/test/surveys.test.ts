import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  AppError,
  type ApplicationRole,
  answerProblemCodes,
  type BuiltinTemplateKey,
  builtinTemplate,
  type CalendarDate,
  CONSENT_VERSION,
  calendarDate,
  scheduleFromOffsets,
} from "@mentoring/domain";
import { missingKeys, supportedLocales } from "@mentoring/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleColumns } from "../src/records/cohort-record";
import {
  closeRound,
  countOpenRounds,
  getParticipantRound,
  getRoundCompletion,
  listParticipantRounds,
  openSurveyRounds,
  remindRound,
  saveDraft,
  sendSurveyReminders,
  submitResponse,
} from "../src/surveys";

const APP_URL = "https://mentoring.example.kr";
let database: SeededTestDatabase;
let db: Database;
const tenants: Record<string, string> = {};

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  for (const summary of database.seeded) tenants[summary.slug] = summary.tenantId;
});

afterAll(() => database?.drop());

const day = calendarDate;
const inTenant = <T>(slug: string, work: (tx: TenantDb) => Promise<T>) =>
  db.withTenant(tenants[slug] as string, work);

interface Cast {
  cohortId: string;
  mentors: string[];
  mentees: string[];
  /** A staff member of the tenant who is not in the cohort. */
  outsider: string;
}

let cohortNumber = 10;

/**
 * A cohort in orientation on a built-in template, with a few people accepted in each role (taken from
 * the directory, skipping `skip` people so cohorts do not share members). Written directly: these tests
 * are about surveys, not recruitment.
 */
async function cohortWith(
  slug: string,
  template: BuiltinTemplateKey,
  recruitmentStart: string,
  people: { mentors: number; mentees: number; skip?: number },
): Promise<Cast> {
  const tenantId = tenants[slug] as string;
  const definition = builtinTemplate(template);
  const number = cohortNumber++;
  return inTenant(slug, async (tx) => {
    const created = await tx.programTemplate.create({
      data: { tenantId, name: definition.name, kind: definition.kind, builtinKey: `${template}_${number}` },
    });
    const version = await tx.programTemplateVersion.create({
      data: { tenantId, templateId: created.id, version: 1, definition },
    });
    const schedule = scheduleFromOffsets(day(recruitmentStart), definition.phases);
    const cohort = await tx.cohort.create({
      data: {
        tenantId,
        templateId: created.id,
        templateVersionId: version.id,
        number,
        title: `${definition.name} ${number}기`,
        status: "orientation",
        ...scheduleColumns(schedule),
        scheduleCheckedOn: new Date(`${schedule.orientation}T00:00:00Z`),
        quotaMentor: definition.roles.mentor.quota,
        quotaMentee: definition.roles.mentee.quota,
      },
    });
    const staff = await tx.staffMember.findMany({
      where: { tenantId, active: true, email: { not: null } },
      orderBy: { employeeNumber: "desc" },
      skip: people.skip ?? 0,
      take: people.mentors + people.mentees + 1,
      select: { id: true },
    });
    const ids = staff.map((s) => s.id);
    const apply = async (staffMemberId: string, role: ApplicationRole) =>
      tx.application.create({
        data: {
          tenantId,
          cohortId: cohort.id,
          staffMemberId,
          role,
          status: "accepted",
          consentVersion: CONSENT_VERSION,
          consentAt: new Date(),
          eligibility: {},
        },
      });
    const mentors = ids.slice(0, people.mentors);
    const mentees = ids.slice(people.mentors, people.mentors + people.mentees);
    for (const id of mentors) await apply(id, "mentor");
    for (const id of mentees) await apply(id, "mentee");
    return { cohortId: cohort.id, mentors, mentees, outsider: ids.at(-1) as string };
  });
}

const roundsOf = (slug: string, cohortId: string) =>
  inTenant(slug, (tx) =>
    tx.surveyRound.findMany({
      where: { tenantId: tenants[slug] as string, cohortId },
      orderBy: { questionSetKey: "asc" },
    }),
  );

const mailsFor = (roundId: string, kind = "survey_invitation") =>
  db.platform.outgoingEmail.findMany({ where: { kind, textBody: { contains: roundId } } });

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Complete answers to Gangneung's pre-survey and diagnostic. */
const preSurveyAnswers = {
  interests: ["generative_ai", "video", "sns"],
  communication_style: "messenger",
  available_days: ["tue", "thu"],
};
const diagnosticAnswers = { dl_ai: 5, dl_sns: 4, dl_video: 3, dl_help: 2, op_listen: 5, op_speak: 2 };

describe("opening survey rounds", () => {
  it("opens one round per question set of the phase, closing a week after an orientation that is also matching day, and invites every participant once", async () => {
    const cast = await cohortWith("gangneung", "reverse_mentoring", "2025-01-22", { mentors: 3, mentees: 1 });
    const open = () =>
      inTenant("gangneung", (tx) =>
        openSurveyRounds(tx, {
          tenantId: tenants.gangneung as string,
          cohortId: cast.cohortId,
          phase: "pre",
          today: day("2025-02-21"),
          appUrl: APP_URL,
        }),
      );
    expect(await open()).toEqual({ rounds: 2, invited: 8 });
    const rounds = await roundsOf("gangneung", cast.cohortId);
    expect(
      rounds.map((r) => [
        r.questionSetKey,
        r.phase,
        r.opensOn.toISOString().slice(0, 10),
        r.closesOn.toISOString().slice(0, 10),
      ]),
    ).toEqual([
      ["digital_diagnostic", "pre", "2025-02-21", "2025-02-28"],
      ["pre_survey", "pre", "2025-02-21", "2025-02-28"],
    ]);
    expect(rounds.every((r) => r.openedAt !== null && r.closedAt === null)).toBe(true);

    const [diagnostic] = rounds;
    const mails = await mailsFor(diagnostic?.id as string);
    expect(mails).toHaveLength(4);
    expect(mails[0]?.subject).toContain("디지털 역량 진단");
    expect(mails[0]?.textBody).toContain(`${APP_URL}/gangneung/surveys/${diagnostic?.id}`);
    expect(mails[0]?.textBody).toContain("2025년 2월 28일");

    // Again: nothing new opened, no one mailed twice.
    expect(await open()).toEqual({ rounds: 0, invited: 0 });
    expect(await roundsOf("gangneung", cast.cohortId)).toHaveLength(2);
    expect(await mailsFor(diagnostic?.id as string)).toHaveLength(4);
  });

  it("closes pre rounds on matching day when matching follows orientation, asks only the roles a set is for, and writes in each person's language", async () => {
    const cast = await cohortWith("yongin", "new_official_mentoring", "2025-03-03", {
      mentors: 2,
      mentees: 2,
    });
    const tenantId = tenants.yongin as string;
    // One mentee reads English: their account says so.
    await inTenant("yongin", async (tx) => {
      const staff = await tx.staffMember.findFirstOrThrow({ where: { tenantId, id: cast.mentees[0] } });
      const user = await tx.user.upsert({
        where: { email: (staff.email as string).toLowerCase() },
        create: { email: (staff.email as string).toLowerCase(), displayName: staff.name, locale: "en" },
        update: { locale: "en" },
      });
      await tx.membership.upsert({
        where: { tenantId_userId: { tenantId, userId: user.id } },
        create: { tenantId, userId: user.id, roles: ["participant"], staffMemberId: staff.id },
        update: { staffMemberId: staff.id },
      });
    });
    const result = await inTenant("yongin", (tx) =>
      openSurveyRounds(tx, {
        tenantId,
        cohortId: cast.cohortId,
        phase: "pre",
        today: day("2025-03-23"),
        appUrl: APP_URL,
      }),
    );
    // pre_survey to all four, the adaptation diagnostic to the two mentees.
    expect(result).toEqual({ rounds: 2, invited: 6 });
    const rounds = await roundsOf("yongin", cast.cohortId);
    const schedule = scheduleFromOffsets(day("2025-03-03"), builtinTemplate("new_official_mentoring").phases);
    expect(rounds.map((r) => r.closesOn.toISOString().slice(0, 10))).toEqual([
      schedule.matching,
      schedule.matching,
    ]);
    const adaptation = rounds.find((r) => r.questionSetKey === "adaptation_diagnostic");
    const mails = await mailsFor(adaptation?.id as string);
    expect(mails.map((m) => m.locale).sort()).toEqual(["en", "ko"]);
    expect(mails.find((m) => m.locale === "en")?.subject).toContain("Adapting to the organisation");
  });

  it("opens the post rounds of the diagnostic given at both phases and of the satisfaction survey, until evaluation ends", async () => {
    const cast = await cohortWith("gangneung", "reverse_mentoring", "2025-01-22", {
      mentors: 3,
      mentees: 1,
      skip: 10,
    });
    const result = await inTenant("gangneung", (tx) =>
      openSurveyRounds(tx, {
        tenantId: tenants.gangneung as string,
        cohortId: cast.cohortId,
        phase: "post",
        today: day("2025-09-30"),
        appUrl: APP_URL,
      }),
    );
    expect(result).toEqual({ rounds: 2, invited: 8 });
    const evaluationEnd = scheduleFromOffsets(
      day("2025-01-22"),
      builtinTemplate("reverse_mentoring").phases,
    ).evaluationEnd;
    expect(
      (await roundsOf("gangneung", cast.cohortId)).map((round) => [
        round.questionSetKey,
        round.phase,
        round.closesOn.toISOString().slice(0, 10),
      ]),
    ).toEqual([
      ["digital_diagnostic", "post", evaluationEnd],
      ["satisfaction", "post", evaluationEnd],
    ]);
  });
});

describe("answering a round", () => {
  let cast: Cast;
  let preSurvey: string;
  let diagnostic: string;
  const tenantId = () => tenants.gangneung as string;

  beforeAll(async () => {
    cast = await cohortWith("gangneung", "reverse_mentoring", "2025-01-22", {
      mentors: 3,
      mentees: 1,
      skip: 20,
    });
    await inTenant("gangneung", (tx) =>
      openSurveyRounds(tx, {
        tenantId: tenantId(),
        cohortId: cast.cohortId,
        phase: "pre",
        today: day("2025-02-21"),
        appUrl: APP_URL,
      }),
    );
    const rounds = await roundsOf("gangneung", cast.cohortId);
    preSurvey = rounds.find((r) => r.questionSetKey === "pre_survey")?.id as string;
    diagnostic = rounds.find((r) => r.questionSetKey === "digital_diagnostic")?.id as string;
  });

  const as = (staffMemberId: string, roundId: string) => ({ tenantId: tenantId(), roundId, staffMemberId });

  it("shows a participant their rounds, and hides rounds from anyone without an accepted application (404)", async () => {
    const mentor = cast.mentors[0] as string;
    const list = await inTenant("gangneung", (tx) =>
      listParticipantRounds(tx, { tenantId: tenantId(), staffMemberId: mentor }),
    );
    expect(
      list.filter((r) => [preSurvey, diagnostic].includes(r.roundId)).map((r) => [r.title.ko, r.status]),
    ).toEqual([
      ["사전설문", "not_started"],
      ["디지털 역량 진단", "not_started"],
    ]);
    const found = await inTenant("gangneung", (tx) => getParticipantRound(tx, as(mentor, preSurvey)));
    expect(found.set.key).toBe("pre_survey");
    expect(found.response).toBeNull();

    const outsider = await refusal(
      inTenant("gangneung", (tx) => getParticipantRound(tx, as(cast.outsider, preSurvey))),
    );
    expect([outsider.code, outsider.status]).toEqual(["survey.round_not_found", 404]);
    expect(
      await inTenant("gangneung", (tx) =>
        listParticipantRounds(tx, { tenantId: tenantId(), staffMemberId: cast.outsider }),
      ),
    ).toEqual([]);
    // Another tenant does not see the round at all.
    const yonginStaff = await inTenant("yongin", (tx) =>
      tx.staffMember.findFirstOrThrow({ where: { tenantId: tenants.yongin as string } }),
    );
    const elsewhere = await refusal(
      inTenant("yongin", (tx) =>
        getParticipantRound(tx, {
          tenantId: tenants.yongin as string,
          roundId: preSurvey,
          staffMemberId: yonginStaff.id,
        }),
      ),
    );
    expect(elsewhere.status).toBe(404);
  });

  it("keeps a partial draft, saves only well-formed answers and names the others", async () => {
    const mentor = cast.mentors[0] as string;
    const first = await inTenant("gangneung", (tx) =>
      saveDraft(tx, {
        ...as(mentor, preSurvey),
        answers: { communication_style: "messenger", interests: ["sns", null] },
      }),
    );
    expect(first.problems).toEqual([]);
    const second = await inTenant("gangneung", (tx) =>
      saveDraft(tx, {
        ...as(mentor, preSurvey),
        answers: { communication_style: "messenger", interests: ["sns", "video"], available_days: ["sun"] },
      }),
    );
    expect(second.problems).toEqual([{ question: "available_days", code: "unknown_option", params: {} }]);
    const found = await inTenant("gangneung", (tx) => getParticipantRound(tx, as(mentor, preSurvey)));
    expect(found.response?.answers).toEqual({
      communication_style: "messenger",
      interests: ["sns", "video"],
    });
    expect(found.response?.submittedAt).toBeNull();
    const [summary] = (
      await inTenant("gangneung", (tx) =>
        listParticipantRounds(tx, { tenantId: tenantId(), staffMemberId: mentor }),
      )
    ).filter((r) => r.roundId === preSurvey);
    expect(summary?.status).toBe("in_progress");
  });

  it("refuses to submit with a required question unanswered, submits nothing and keeps the draft", async () => {
    const mentor = cast.mentors[1] as string;
    const result = await inTenant("gangneung", (tx) =>
      submitResponse(tx, {
        ...as(mentor, preSurvey),
        answers: { interests: ["sns", "video", "data"], available_days: ["mon"] },
        now: new Date("2025-02-21T05:00:00Z"),
      }),
    );
    expect(result).toEqual({
      submitted: false,
      problems: [{ question: "communication_style", code: "required", params: {} }],
    });
    const found = await inTenant("gangneung", (tx) => getParticipantRound(tx, as(mentor, preSurvey)));
    expect(found.response).toMatchObject({
      answers: { interests: ["sns", "video", "data"], available_days: ["mon"] },
      submittedAt: null,
    });
  });

  it("submits once with diagnostic scores, then refuses a second submission and any further draft", async () => {
    const mentee = cast.mentees[0] as string;
    const now = new Date("2025-02-21T06:00:00Z");
    const result = await inTenant("gangneung", (tx) =>
      submitResponse(tx, { ...as(mentee, diagnostic), answers: diagnosticAnswers, now }),
    );
    expect(result).toEqual({
      submitted: true,
      submittedAt: now,
      scores: { digital_literacy: 75, openness: 62.5 },
    });
    const again = await refusal(
      inTenant("gangneung", (tx) =>
        submitResponse(tx, { ...as(mentee, diagnostic), answers: diagnosticAnswers, now }),
      ),
    );
    expect([again.code, again.status]).toEqual(["survey.already_submitted", 409]);
    const draft = await refusal(
      inTenant("gangneung", (tx) => saveDraft(tx, { ...as(mentee, diagnostic), answers: { dl_ai: 1 } })),
    );
    expect(draft.code).toBe("survey.already_submitted");
    const stored = await inTenant("gangneung", (tx) =>
      tx.surveyResponse.findFirstOrThrow({ where: { tenantId: tenantId(), roundId: diagnostic } }),
    );
    expect(stored).toMatchObject({
      answers: diagnosticAnswers,
      scores: { digital_literacy: 75, openness: 62.5 },
    });
  });

  it("lets only one of two simultaneous submissions win", async () => {
    const mentor = cast.mentors[2] as string;
    const submit = (answers: typeof preSurveyAnswers, minute: number) =>
      inTenant("gangneung", (tx) =>
        submitResponse(tx, {
          ...as(mentor, preSurvey),
          answers,
          now: new Date(`2025-02-21T07:0${minute}:00Z`),
        }),
      );
    const outcomes = await Promise.allSettled([
      submit(preSurveyAnswers, 1),
      submit({ ...preSurveyAnswers, communication_style: "face_to_face" }, 2),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [lost] = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(AppError);
    expect((lost?.reason as AppError | undefined)?.code).toBe("survey.already_submitted");
    const responses = await inTenant("gangneung", (tx) =>
      tx.surveyResponse.findMany({
        where: { tenantId: tenantId(), roundId: preSurvey, submittedAt: { not: null } },
      }),
    );
    expect(responses).toHaveLength(1);
  });

  it("reports completion per round with each participant's status and the mean diagnostic scores", async () => {
    const { rounds } = await inTenant("gangneung", (tx) =>
      getRoundCompletion(tx, { tenantId: tenantId(), cohortId: cast.cohortId }),
    );
    const pre = rounds.find((r) => r.id === preSurvey);
    expect(pre).toMatchObject({ expected: 4, submitted: 1, inProgress: 2, notStarted: 1, percent: 25 });
    expect(pre?.participants.map((p) => p.status).sort()).toEqual([
      "in_progress",
      "in_progress",
      "not_started",
      "submitted",
    ]);
    const diag = rounds.find((r) => r.id === diagnostic);
    expect(diag).toMatchObject({ expected: 4, submitted: 1, percent: 25 });
    expect(diag?.dimensions.map((d) => [d.key, d.mean, d.people])).toEqual([
      ["digital_literacy", 75, 1],
      ["openness", 62.5, 1],
    ]);
  });

  it("closes a round at the coordinator's word, with an audit row, and then takes no more answers", async () => {
    const coordinator = await db.platform.user.findFirstOrThrow({ select: { id: true } });
    const close = () =>
      inTenant("gangneung", (tx) =>
        closeRound(tx, {
          tenantId: tenantId(),
          cohortId: cast.cohortId,
          roundId: diagnostic,
          actorUserId: coordinator.id,
          now: new Date("2025-02-25T01:00:00Z"),
        }),
      );
    const openPre = () =>
      inTenant("gangneung", (tx) =>
        countOpenRounds(tx, { tenantId: tenantId(), cohortId: cast.cohortId, phase: "pre" }),
      );
    expect(await openPre()).toBe(2);
    expect(await close()).toEqual({ closed: true });
    expect(await close()).toEqual({ closed: false });
    expect(await openPre()).toBe(1);
    const audit = await inTenant("gangneung", (tx) =>
      tx.auditLog.findMany({
        where: { tenantId: tenantId(), action: "survey_round.close", entityId: diagnostic },
      }),
    );
    expect(audit).toHaveLength(1);
    const refused = await refusal(
      inTenant("gangneung", (tx) =>
        saveDraft(tx, { ...as(cast.mentors[0] as string, diagnostic), answers: { dl_ai: 3 } }),
      ),
    );
    expect(refused.code).toBe("survey.round_closed");
    // A round of another cohort is not this cohort's to close.
    const other = await cohortWith("gangneung", "reverse_mentoring", "2025-01-22", {
      mentors: 1,
      mentees: 1,
      skip: 30,
    });
    const wrongCohort = await refusal(
      inTenant("gangneung", (tx) =>
        closeRound(tx, {
          tenantId: tenantId(),
          cohortId: other.cohortId,
          roundId: preSurvey,
          actorUserId: coordinator.id,
          now: new Date(),
        }),
      ),
    );
    expect(wrongCohort.status).toBe(404);
  });
});

describe("reminders and closing by date", () => {
  let cast: Cast;
  let late: Cast;
  let preSurvey: string;
  let lateRound: string;
  const tenantId = () => tenants.gangneung as string;
  const at = (date: CalendarDate) => new Date(`${date}T01:00:00Z`); // 10:00 in Seoul

  beforeAll(async () => {
    cast = await cohortWith("gangneung", "reverse_mentoring", "2025-01-22", {
      mentors: 3,
      mentees: 1,
      skip: 40,
    });
    // Set up late: its pre rounds open on 1 June, their closing day (28 February) already past.
    late = await cohortWith("gangneung", "reverse_mentoring", "2025-01-22", {
      mentors: 1,
      mentees: 1,
      skip: 50,
    });
    for (const [cohort, today] of [
      [cast, "2025-02-21"],
      [late, "2025-06-01"],
    ] as const) {
      await inTenant("gangneung", (tx) =>
        openSurveyRounds(tx, {
          tenantId: tenantId(),
          cohortId: cohort.cohortId,
          phase: "pre",
          today: day(today),
          appUrl: APP_URL,
        }),
      );
    }
    preSurvey = (await roundsOf("gangneung", cast.cohortId)).find((r) => r.questionSetKey === "pre_survey")
      ?.id as string;
    lateRound = (await roundsOf("gangneung", late.cohortId)).find((r) => r.questionSetKey === "pre_survey")
      ?.id as string;
    await inTenant("gangneung", (tx) =>
      submitResponse(tx, {
        tenantId: tenantId(),
        roundId: preSurvey,
        staffMemberId: cast.mentors[0] as string,
        answers: preSurveyAnswers,
        now: at(day("2025-02-21")),
      }),
    );
  });

  const reminders = (roundId: string) => mailsFor(roundId, "survey_reminder");

  it("reminds those who have not submitted three days after the invitation, once however often it runs that day", async () => {
    await sendSurveyReminders(db, { now: at(day("2025-02-23")), appUrl: APP_URL });
    expect(await reminders(preSurvey)).toHaveLength(0);
    await sendSurveyReminders(db, { now: at(day("2025-02-24")), appUrl: APP_URL });
    await sendSurveyReminders(db, { now: at(day("2025-02-24")), appUrl: APP_URL });
    const sent = await reminders(preSurvey);
    // Three of the four: the mentor who submitted is not reminded.
    expect(sent).toHaveLength(3);
    const submitter = await inTenant("gangneung", (tx) =>
      tx.staffMember.findFirstOrThrow({ where: { tenantId: tenantId(), id: cast.mentors[0] } }),
    );
    expect(sent.map((m) => m.toAddress)).not.toContain(submitter.email?.toLowerCase());
    expect(sent[0]?.textBody).toContain(`/gangneung/surveys/${preSurvey}`);
    // Two days later: not yet due again.
    await sendSurveyReminders(db, { now: at(day("2025-02-26")), appUrl: APP_URL });
    expect(await reminders(preSurvey)).toHaveLength(3);
  });

  it("lets the coordinator remind now, once a day", async () => {
    const remind = () =>
      inTenant("gangneung", (tx) =>
        remindRound(tx, {
          tenantId: tenantId(),
          cohortId: cast.cohortId,
          roundId: preSurvey,
          today: day("2025-02-26"),
          appUrl: APP_URL,
          trigger: "coordinator",
        }),
      );
    expect(await remind()).toEqual({ status: "sent", reminded: 3 });
    expect(await remind()).toEqual({ status: "not_due" });
    expect(await reminders(preSurvey)).toHaveLength(6);
    const audit = await inTenant("gangneung", (tx) =>
      tx.auditLog.count({
        where: { tenantId: tenantId(), action: "survey_round.remind", entityId: preSurvey },
      }),
    );
    expect(audit).toBe(1);
  });

  it("closes rounds the day after their last day; a round opened after its planned last day takes answers for a week, and no reminder names a day gone by", async () => {
    await sendSurveyReminders(db, { now: at(day("2025-02-28")), appUrl: APP_URL });
    expect((await roundsOf("gangneung", cast.cohortId)).every((r) => r.closedAt === null)).toBe(true);
    await sendSurveyReminders(db, { now: at(day("2025-06-05")), appUrl: APP_URL });
    expect((await roundsOf("gangneung", cast.cohortId)).every((r) => r.closedAt !== null)).toBe(true);
    const closedByDate = await inTenant("gangneung", (tx) =>
      tx.auditLog.findFirstOrThrow({
        where: { tenantId: tenantId(), action: "survey_round.close", entityId: preSurvey },
      }),
    );
    expect(closedByDate.actorUserId).toBeNull();
    // Set up late: open from 1 June for a week, not "until 28 February".
    const lateRounds = await roundsOf("gangneung", late.cohortId);
    expect(
      lateRounds.map((r) => [r.opensOn.toISOString().slice(0, 10), r.closesOn.toISOString().slice(0, 10)]),
    ).toEqual([
      ["2025-06-01", "2025-06-08"],
      ["2025-06-01", "2025-06-08"],
    ]);
    expect(lateRounds.every((r) => r.closedAt === null)).toBe(true);
    const invitation = (await mailsFor(lateRound))[0];
    expect(invitation?.textBody).toContain("2025년 6월 8일");
    expect(invitation?.textBody).not.toContain("2025년 2월 28일");
    // Reminded four days after the invitation, with the day it closes.
    const reminded = await reminders(lateRound);
    expect(reminded.length).toBeGreaterThan(0);
    expect(reminded.every((mail) => mail.textBody?.includes("2025년 6월 8일"))).toBe(true);

    // The day after its last day, before the clock closes it: "remind now" mails no one.
    const remindAfterLastDay = await inTenant("gangneung", (tx) =>
      remindRound(tx, {
        tenantId: tenantId(),
        cohortId: late.cohortId,
        roundId: lateRound,
        today: day("2025-06-09"),
        appUrl: APP_URL,
        trigger: "coordinator",
      }),
    );
    expect(remindAfterLastDay).toEqual({ status: "closed" });
    expect(await reminders(lateRound)).toHaveLength(reminded.length);
    await sendSurveyReminders(db, { now: at(day("2025-06-09")), appUrl: APP_URL });
    expect((await roundsOf("gangneung", late.cohortId)).every((r) => r.closedAt !== null)).toBe(true);
  });
});

describe.each(supportedLocales)("survey messages in %s", (locale) => {
  it("word every answer problem and every refusal the surveys can give", () => {
    const keys = [
      ...answerProblemCodes.map((code) => `surveys.problem.${code}`),
      "surveys.error.roundNotFound",
      "surveys.error.alreadySubmitted",
      "surveys.error.roundClosed",
    ];
    expect(missingKeys(keys, locale)).toEqual([]);
  });
});
