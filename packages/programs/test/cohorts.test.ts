import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  AppError,
  type ApplicationRole,
  type CalendarDate,
  type CohortStatus,
  calendarDate,
  isAppError,
  type TransitionProblem,
} from "@mentoring/domain";
import { missingKeys, supportedLocales } from "@mentoring/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCohort,
  getCohortOverview,
  getNewCohortDefaults,
  listCohorts,
  transitionCohort,
  updateCohortSchedule,
} from "../src/cohorts";
import { dayOf } from "../src/records/cohort-record";
import { copyBuiltinTemplate } from "../src/templates";

let database: SeededTestDatabase;
let db: Database;
let gangneung: string;
let yongin: string;
let coordinatorUserId: string;
let staffIds: string[];
const appUrl = "https://mentoring.example.kr";
const day = (text: string): CalendarDate => calendarDate(text);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const summaries = database.seeded;
  gangneung = summaries.find((summary) => summary.slug === "gangneung")?.tenantId as string;
  yongin = summaries.find((summary) => summary.slug === "yongin")?.tenantId as string;
  const coordinator = summaries
    .find((summary) => summary.slug === "gangneung")
    ?.accounts.find((account) => account.roles.includes("coordinator"));
  coordinatorUserId = (
    await db.platform.user.findUniqueOrThrow({ where: { email: coordinator?.email as string } })
  ).id;
  staffIds = (
    await db.withTenant(gangneung, (tx) =>
      tx.staffMember.findMany({
        where: { tenantId: gangneung, active: true, email: { not: null } },
        orderBy: { employeeNumber: "asc" },
        take: 40,
        select: { id: true },
      }),
    )
  ).map((row) => row.id);
});

afterAll(() => database?.drop());

const acting = () => ({ tenantId: gangneung, actorUserId: coordinatorUserId, requestId: "req-cohorts" });

async function reverseTemplate() {
  return (
    await db.withTenant(gangneung, (tx) =>
      copyBuiltinTemplate(tx, { ...acting(), builtinKey: "reverse_mentoring" }),
    )
  ).templateId;
}

/** A draft cohort of a fresh copy of the reverse template, recruitment from 2025-01-22, set up on `today`. */
async function draftCohort(today = "2025-01-10") {
  const templateId = await reverseTemplate();
  const created = await db.withTenant(gangneung, (tx) =>
    createCohort(tx, {
      ...acting(),
      form: { templateId, recruitmentStart: "2025-01-22" },
      today: day(today),
    }),
  );
  return { templateId, cohortId: created.cohortId };
}

const cohortRow = (cohortId: string) =>
  db.withTenant(gangneung, (tx) =>
    tx.cohort.findFirstOrThrow({ where: { tenantId: gangneung, id: cohortId } }),
  );

/** Puts a cohort straight into a status, as if it had got there earlier. */
const setStatus = (cohortId: string, status: CohortStatus) =>
  db.withTenant(gangneung, (tx) =>
    tx.cohort.updateMany({ where: { tenantId: gangneung, id: cohortId }, data: { status } }),
  );

let nextStaff = 0;
async function accept(cohortId: string, role: ApplicationRole, count: number, status = "accepted" as const) {
  await db.withTenant(gangneung, async (tx) => {
    for (let i = 0; i < count; i++) {
      const staffMemberId = staffIds[nextStaff++ % staffIds.length] as string;
      await tx.application.create({
        data: { tenantId: gangneung, cohortId, staffMemberId, role, status, eligibility: {} },
      });
    }
  });
}

const move = (
  cohortId: string,
  to: CohortStatus,
  today: string,
  options: { override?: boolean; reason?: string | null } = {},
) =>
  db.withTenant(gangneung, (tx) =>
    transitionCohort(tx, {
      ...acting(),
      cohortId,
      to,
      override: options.override ?? false,
      reason: options.reason ?? null,
      today: day(today),
      appUrl,
    }),
  );

const refusalOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => {
      throw new Error("the transition was allowed");
    },
    (error: unknown) => error,
  );

/** The problems of a refused move; fails when the error is not a refused move. */
const problemsOf = (error: unknown): TransitionProblem[] => {
  if (!isAppError(error, "cohort.transition_refused")) throw error;
  return error.details.problems ?? [];
};

const codesOf = (error: unknown) => problemsOf(error).map((problem: TransitionProblem) => problem.code);

/** The fields a refusal as invalid input names; fails when the error is another. */
const fieldsOf = (error: unknown) => {
  if (!isAppError(error, "input.invalid")) throw error;
  return error.details.fields ?? [];
};

const auditOf = (cohortId: string, action?: string) =>
  db.withTenant(gangneung, (tx) =>
    tx.auditLog.findMany({
      where: { tenantId: gangneung, entityType: "cohort", entityId: cohortId, ...(action && { action }) },
      orderBy: { at: "asc" },
    }),
  );

const roundsOf = (cohortId: string) =>
  db.withTenant(gangneung, (tx) =>
    tx.surveyRound.findMany({
      where: { tenantId: gangneung, cohortId },
      orderBy: [{ phase: "asc" }, { questionSetKey: "asc" }],
      select: { questionSetKey: true, phase: true, closedAt: true },
    }),
  );

describe("creating a cohort", () => {
  it("computes every date from the recruitment start and the template's offsets, as a draft", async () => {
    const { templateId, cohortId } = await draftCohort("2025-01-10");
    const cohort = await cohortRow(cohortId);
    expect(cohort).toMatchObject({
      templateId,
      number: 1,
      title: "거꾸로 멘토링 1기",
      status: "draft",
      quotaMentor: 30,
      quotaMentee: 10,
    });
    expect(dayOf(cohort.recruitmentStart)).toBe("2025-01-22");
    expect(dayOf(cohort.recruitmentEnd)).toBe("2025-02-10");
    expect(dayOf(cohort.orientation)).toBe("2025-02-21");
    expect(dayOf(cohort.scheduleCheckedOn)).toBe("2025-01-10");
    const [audit] = await auditOf(cohortId);
    expect(audit).toMatchObject({ action: "cohort.create", actorUserId: coordinatorUserId });
    expect(audit?.after).toMatchObject({ number: 1, orientation: "2025-02-21", quotaMentor: 30 });
  });

  it("numbers the next cohort of a template after the last, and titles it the Korean way", async () => {
    const { templateId } = await draftCohort();
    const defaults = await db.withTenant(gangneung, (tx) =>
      getNewCohortDefaults(tx, { tenantId: gangneung, templateId }),
    );
    expect(defaults).toMatchObject({
      number: 2,
      title: "거꾸로 멘토링 2기",
      quotas: { mentor: 30, mentee: 10 },
    });
    const second = await db.withTenant(gangneung, (tx) =>
      createCohort(tx, {
        ...acting(),
        form: { templateId, recruitmentStart: "2026-01-21", number: "", title: "" },
        today: day("2025-12-01"),
      }),
    );
    expect(await cohortRow(second.cohortId)).toMatchObject({ number: 2, title: "거꾸로 멘토링 2기" });
  });

  it("refuses a number the template already has, and creates nothing", async () => {
    const { templateId } = await draftCohort();
    const before = (await db.withTenant(gangneung, (tx) => listCohorts(tx, { tenantId: gangneung }))).length;
    const refusal = await refusalOf(
      db.withTenant(gangneung, (tx) =>
        createCohort(tx, {
          ...acting(),
          form: { templateId, recruitmentStart: "2025-03-02", number: "1", title: "중복 1기" },
          today: day("2025-02-01"),
        }),
      ),
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "cohort.number_taken", params: { number: 1 }, status: 409 });
    expect((await db.withTenant(gangneung, (tx) => listCohorts(tx, { tenantId: gangneung }))).length).toBe(
      before,
    );
  });

  it("returns bad input field by field and creates nothing", async () => {
    const templateId = await reverseTemplate();
    const refusal = await refusalOf(
      db.withTenant(gangneung, (tx) =>
        createCohort(tx, {
          ...acting(),
          form: { templateId, recruitmentStart: "2025-02-30", number: "첫째", title: "   " },
          today: day("2025-01-10"),
        }),
      ),
    );
    expect(
      fieldsOf(refusal)
        .map((field) => field.path)
        .sort(),
    ).toEqual(["number", "recruitmentStart", "title"]);
    const cohorts = await db.withTenant(gangneung, (tx) =>
      tx.cohort.count({ where: { tenantId: gangneung, templateId } }),
    );
    expect(cohorts).toBe(0);
  });
});

describe("editing a cohort's dates", () => {
  const scheduleForm = async (cohortId: string, change: Record<string, string>) => {
    const overview = await db.withTenant(gangneung, (tx) =>
      getCohortOverview(tx, { tenantId: gangneung, cohortId, today: day("2025-01-10") }),
    );
    return { ...overview.schedule, ...change };
  };

  it("refuses dates out of order, naming the date, and changes nothing", async () => {
    const { cohortId } = await draftCohort();
    const refusal = await refusalOf(
      db.withTenant(gangneung, async (tx) =>
        updateCohortSchedule(tx, {
          ...acting(),
          cohortId,
          schedule: await scheduleForm(cohortId, { orientation: "2025-02-01" }),
          today: day("2025-01-15"),
        }),
      ),
    );
    expect(fieldsOf(refusal)).toEqual([
      expect.objectContaining({
        path: "orientation",
        message: "programs.issue.dateBefore",
        params: { beforePath: "recruitmentEnd" },
      }),
    ]);
    const cohort = await cohortRow(cohortId);
    expect(dayOf(cohort.orientation)).toBe("2025-02-21");
    expect(dayOf(cohort.scheduleCheckedOn)).toBe("2025-01-10");
    expect((await auditOf(cohortId)).map((row) => row.action)).toEqual(["cohort.create"]);
  });

  it("saves the dates, checks them as of today and audits the ones that changed", async () => {
    const { cohortId } = await draftCohort();
    const result = await db.withTenant(gangneung, async (tx) =>
      updateCohortSchedule(tx, {
        ...acting(),
        cohortId,
        schedule: await scheduleForm(cohortId, { orientation: "2025-02-24", matching: "2025-02-25" }),
        today: day("2025-01-15"),
      }),
    );
    expect(result).toEqual({ changed: ["orientation", "matching"] });
    const cohort = await cohortRow(cohortId);
    expect(dayOf(cohort.orientation)).toBe("2025-02-24");
    expect(dayOf(cohort.matching)).toBe("2025-02-25");
    expect(dayOf(cohort.scheduleCheckedOn)).toBe("2025-01-15");
    const [audit] = await auditOf(cohortId, "cohort.schedule.update");
    expect(audit?.before).toEqual({ orientation: "2025-02-21", matching: "2025-02-21" });
    expect(audit?.after).toEqual({ orientation: "2025-02-24", matching: "2025-02-25" });
  });

  it("leaves a closed cohort's dates alone", async () => {
    const { cohortId } = await draftCohort();
    await setStatus(cohortId, "closed");
    const refusal = await refusalOf(
      db.withTenant(gangneung, async (tx) =>
        updateCohortSchedule(tx, {
          ...acting(),
          cohortId,
          schedule: await scheduleForm(cohortId, { close: "2025-12-31" }),
          today: day("2025-11-15"),
        }),
      ),
    );
    expect(refusal).toMatchObject({ code: "cohort.closed", status: 409 });
  });
});

describe("moving a cohort through its lifecycle", () => {
  it("opens recruitment of a draft, even before its first day, audited", async () => {
    const { cohortId } = await draftCohort("2025-01-10");
    const before = await cohortRow(cohortId);
    expect(await move(cohortId, "recruiting", "2025-01-12")).toEqual({
      from: "draft",
      to: "recruiting",
      overridden: [],
    });
    const after = await cohortRow(cohortId);
    expect(after.status).toBe("recruiting");
    expect(after.statusChangedAt.getTime()).toBeGreaterThan(before.statusChangedAt.getTime());
    expect(dayOf(after.scheduleCheckedOn)).toBe("2025-01-12");
    const [audit] = await auditOf(cohortId, "cohort.status.update");
    expect(audit).toMatchObject({
      actorUserId: coordinatorUserId,
      requestId: "req-cohorts",
      before: { status: "draft" },
      after: { status: "recruiting", by: "coordinator" },
    });
  });

  it("moves a cohort once when two coordinators click at the same time", async () => {
    const { cohortId } = await draftCohort();
    const outcomes = await Promise.allSettled([
      move(cohortId, "recruiting", "2025-01-12"),
      move(cohortId, "recruiting", "2025-01-12"),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({
      code: "cohort.already_in_status",
    });
    expect(await auditOf(cohortId, "cohort.status.update")).toHaveLength(1);
  });

  it("refuses skipping a phase", async () => {
    const { cohortId } = await draftCohort();
    const refusal = await refusalOf(move(cohortId, "orientation", "2025-03-01"));
    expect(isAppError(refusal, "cohort.transition_refused")).toBe(true);
    expect(codesOf(refusal)).toEqual(["transition.not_next"]);
    expect((await cohortRow(cohortId)).status).toBe("draft");
  });

  it("refuses orientation without accepted mentors and mentees, override or not", async () => {
    const { cohortId } = await draftCohort();
    await move(cohortId, "recruiting", "2025-01-12");
    const refusal = await refusalOf(
      move(cohortId, "orientation", "2025-02-21", { override: true, reason: "일정상 진행" }),
    );
    expect(codesOf(refusal)).toEqual(["transition.no_accepted", "transition.no_accepted"]);
    expect((await cohortRow(cohortId)).status).toBe("recruiting");
  });

  it("takes an early orientation only as an override with a reason, audited with what was overruled, and opens the pre-surveys", async () => {
    const { cohortId } = await draftCohort();
    await move(cohortId, "recruiting", "2025-01-12");
    await accept(cohortId, "mentor", 3);
    await accept(cohortId, "mentee", 1);

    expect(codesOf(await refusalOf(move(cohortId, "orientation", "2025-02-18")))).toEqual([
      "transition.too_early",
    ]);
    expect(
      await refusalOf(move(cohortId, "orientation", "2025-02-18", { override: true, reason: "  " })),
    ).toMatchObject({ code: "cohort.override_reason_required" });
    expect((await cohortRow(cohortId)).status).toBe("recruiting");
    expect(await roundsOf(cohortId)).toEqual([]);

    const moved = await move(cohortId, "orientation", "2025-02-18", {
      override: true,
      reason: "시장 일정으로 오리엔테이션을 앞당김",
    });
    expect(moved.overridden.map((problem) => problem.code)).toEqual(["transition.too_early"]);
    expect((await cohortRow(cohortId)).status).toBe("orientation");
    const [audit] = await auditOf(cohortId, "cohort.status.update").then((rows) => rows.slice(-1));
    expect(audit?.after).toEqual({
      status: "orientation",
      by: "coordinator",
      override: {
        reason: "시장 일정으로 오리엔테이션을 앞당김",
        problems: [{ code: "transition.too_early", params: { date: "2025-02-21" } }],
      },
    });
    expect((await roundsOf(cohortId)).map((round) => [round.questionSetKey, round.phase])).toEqual([
      ["digital_diagnostic", "pre"],
      ["pre_survey", "pre"],
    ]);
  });

  it("holds matching while pre-surveys are open, and lets it go once they are closed", async () => {
    const { cohortId } = await draftCohort();
    await move(cohortId, "recruiting", "2025-01-12");
    await accept(cohortId, "mentor", 3);
    await accept(cohortId, "mentee", 1);
    await move(cohortId, "orientation", "2025-02-21");

    const refusal = await refusalOf(move(cohortId, "matching", "2025-02-21"));
    expect(problemsOf(refusal)).toEqual([
      { code: "transition.surveys_open", overridable: true, params: { count: 2 } },
    ]);
    await db.withTenant(gangneung, (tx) =>
      tx.surveyRound.updateMany({ where: { tenantId: gangneung, cohortId }, data: { closedAt: new Date() } }),
    );
    expect(await move(cohortId, "matching", "2025-02-22")).toMatchObject({ to: "matching", overridden: [] });
  });

  it("refuses activities without published teams, even when overridden", async () => {
    const { cohortId } = await draftCohort();
    await setStatus(cohortId, "matching");
    const refusal = await refusalOf(
      move(cohortId, "active", "2025-03-02", { override: true, reason: "시작" }),
    );
    expect(codesOf(refusal)).toEqual(["transition.no_teams"]);
  });

  it("opens the post-surveys on entering evaluation", async () => {
    const { cohortId } = await draftCohort();
    await accept(cohortId, "mentor", 3);
    await accept(cohortId, "mentee", 1);
    await setStatus(cohortId, "active");
    await move(cohortId, "evaluation", "2025-10-01");
    expect((await roundsOf(cohortId)).map((round) => [round.questionSetKey, round.phase])).toEqual([
      ["digital_diagnostic", "post"],
      ["satisfaction", "post"],
    ]);
  });

  it("asks before closing while few post-surveys are in, with the figures, and closes on an override with a reason", async () => {
    const { cohortId } = await draftCohort();
    await accept(cohortId, "mentor", 3);
    await accept(cohortId, "mentee", 1);
    await setStatus(cohortId, "active");
    await move(cohortId, "evaluation", "2025-10-01");
    // One of the four participants has answered one of the two post-surveys (diagnostic and satisfaction).
    await db.withTenant(gangneung, async (tx) => {
      const round = await tx.surveyRound.findFirstOrThrow({
        where: { tenantId: gangneung, cohortId, phase: "post" },
      });
      const application = await tx.application.findFirstOrThrow({
        where: { tenantId: gangneung, cohortId, status: "accepted" },
      });
      await tx.surveyResponse.create({
        data: {
          tenantId: gangneung,
          roundId: round.id,
          applicationId: application.id,
          submittedAt: new Date(),
        },
      });
    });

    const refusal = await refusalOf(move(cohortId, "closed", "2025-10-31"));
    expect(problemsOf(refusal)).toEqual([
      {
        code: "transition.post_surveys_incomplete",
        overridable: true,
        params: { submitted: 1, expected: 8, percent: 12, threshold: 80 },
      },
    ]);
    const overview = await db.withTenant(gangneung, (tx) =>
      getCohortOverview(tx, { tenantId: gangneung, cohortId, today: day("2025-10-31") }),
    );
    expect(overview.next?.problems.map((problem) => problem.code)).toEqual([
      "transition.post_surveys_incomplete",
    ]);
    expect((await cohortRow(cohortId)).status).toBe("evaluation");

    await move(cohortId, "closed", "2025-10-31", { override: true, reason: "응답 기한 종료" });
    expect((await cohortRow(cohortId)).status).toBe("closed");
    const [closing] = await auditOf(cohortId, "cohort.status.update").then((rows) => rows.slice(-1));
    expect(closing?.after).toMatchObject({
      status: "closed",
      override: { reason: "응답 기한 종료", problems: [{ code: "transition.post_surveys_incomplete" }] },
    });
  });

  it("closes an evaluated cohort, after which nothing moves it", async () => {
    const { cohortId } = await draftCohort();
    await setStatus(cohortId, "evaluation");
    await move(cohortId, "closed", "2025-10-31");
    expect(codesOf(await refusalOf(move(cohortId, "draft", "2026-01-01")))).toEqual(["transition.closed"]);
  });

  it("does not find another tenant's cohort", async () => {
    const { cohortId } = await draftCohort();
    const refusal = await refusalOf(
      db.withTenant(yongin, (tx) =>
        transitionCohort(tx, {
          tenantId: yongin,
          cohortId,
          to: "recruiting",
          override: false,
          reason: null,
          actorUserId: null,
          today: day("2025-01-12"),
          appUrl,
        }),
      ),
    );
    expect(refusal).toMatchObject({ code: "cohort.not_found", status: 404 });
  });
});

describe("the cohort overview", () => {
  it("counts accepted and waitlisted applications per role and says what stands before the next phase", async () => {
    const { cohortId } = await draftCohort();
    await move(cohortId, "recruiting", "2025-01-12");
    await accept(cohortId, "mentor", 2);
    await accept(cohortId, "mentor", 1, "waitlisted" as "accepted");
    const overview = await db.withTenant(gangneung, (tx) =>
      getCohortOverview(tx, { tenantId: gangneung, cohortId, today: day("2025-02-01") }),
    );
    expect(overview).toMatchObject({
      status: "recruiting",
      templateName: "거꾸로 멘토링",
      templateVersion: 1,
      quotas: { mentor: 30, mentee: 10 },
      applications: { mentor: { accepted: 2, waitlisted: 1 }, mentee: { accepted: 0, waitlisted: 0 } },
    });
    expect(overview.schedule.orientation).toBe("2025-02-21");
    expect(overview.next?.to).toBe("orientation");
    expect(overview.next?.problems.map((problem) => problem.code)).toEqual([
      "transition.too_early",
      "transition.no_accepted",
    ]);
  });
});

describe("messages", () => {
  it.each(supportedLocales)("words every refusal in %s", (locale) => {
    const keys = [
      "programs.error.cohortNotFound",
      "programs.error.templateNotFound",
      "programs.error.numberTaken",
      "programs.error.cohortClosed",
      "programs.error.alreadyInStatus",
      "programs.error.statusChanged",
      "programs.transition.refused",
      "programs.transition.reasonRequired",
      ...(
        [
          "not_next",
          "closed",
          "too_early",
          "no_accepted",
          "surveys_open",
          "no_teams",
          "post_surveys_incomplete",
        ] satisfies string[]
      ).map((code) => `programs.transition.${code}`),
    ];
    expect(missingKeys(keys, locale)).toEqual([]);
  });
});
