import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { type CalendarDate, type CohortStatus, calendarDate, scheduleFields } from "@mentoring/domain";
import {
  advanceCohortsByDate,
  copyBuiltinTemplate,
  createCohort,
  dayOf,
  transitionCohort,
  updateCohortSchedule,
} from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCohortsAt } from "../src/jobs/advance-cohorts";
import type { JobContext } from "../src/jobs/handler";
import { createTenant, log, noMail } from "./support";

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
let templateId: string;
let staffIds: string[];
let coordinatorUserId: string;
const appUrl = "https://mentoring.example.kr";
const day = (text: string): CalendarDate => calendarDate(text);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const summaries = database.seeded;
  const gangneung = summaries.find((s) => s.slug === "gangneung");
  tenantId = gangneung?.tenantId as string;
  const coordinator = gangneung?.accounts.find((account) => account.roles.includes("coordinator"));
  coordinatorUserId = (
    await db.platform.user.findUniqueOrThrow({ where: { email: coordinator?.email as string } })
  ).id;
  templateId = (
    await db.withTenant(tenantId, (tx) =>
      copyBuiltinTemplate(tx, { tenantId, builtinKey: "reverse_mentoring", actorUserId: null }),
    )
  ).templateId;
  staffIds = (
    await db.withTenant(tenantId, (tx) =>
      tx.staffMember.findMany({
        where: { tenantId, active: true, email: { not: null } },
        orderBy: { employeeNumber: "asc" },
        take: 60,
        select: { id: true },
      }),
    )
  ).map((row) => row.id);
});

afterAll(() => database?.drop());

function context(): JobContext & { reported: number[] } {
  const reported: number[] = [];
  return {
    db,
    log,
    mailer: noMail,
    signal: new AbortController().signal,
    reported,
    async progress(percent) {
      reported.push(percent);
    },
  };
}

/** The daily job as it runs at `instant` (UTC). */
const runAt = (instant: string, jobContext = context()) =>
  advanceCohortsAt(() => new Date(instant))({}, jobContext);

let cohortNumber = 0;
let nextStaff = 0;

/**
 * A Gangneung reverse-mentoring cohort (recruitment from 2025-01-22, orientation 2025-02-21), set up and
 * last looked at on `setUpOn`, brought to `status` by its coordinator, with three juniors and a manager
 * accepted; `dates` moves dates before it is opened.
 */
async function cohort(setUpOn: string, status: CohortStatus, dates: Record<string, string> = {}) {
  cohortNumber += 1;
  const today = day(setUpOn);
  return db.withTenant(tenantId, async (tx) => {
    const created = await createCohort(tx, {
      tenantId,
      form: { templateId, number: String(cohortNumber), recruitmentStart: "2025-01-22" },
      actorUserId: coordinatorUserId,
      today,
    });
    const { cohortId } = created;
    if (Object.keys(dates).length > 0) {
      const row = await tx.cohort.findFirstOrThrow({ where: { tenantId, id: cohortId } });
      const schedule = Object.fromEntries(
        scheduleFields.map((field) => [field, dates[field] ?? dayOf(row[field])]),
      );
      await updateCohortSchedule(tx, {
        tenantId,
        cohortId,
        schedule,
        actorUserId: coordinatorUserId,
        today,
      });
    }
    for (const [role, count] of [
      ["mentor", 3],
      ["mentee", 1],
    ] as const) {
      for (let i = 0; i < count; i++) {
        await tx.application.create({
          data: {
            tenantId,
            cohortId,
            staffMemberId: staffIds[nextStaff++ % staffIds.length] as string,
            role,
            status: "accepted",
            eligibility: {},
          },
        });
      }
    }
    const path: CohortStatus[] = ["recruiting", "orientation", "matching", "active", "evaluation"];
    for (const to of path.slice(0, path.indexOf(status) + 1)) {
      // The coordinator moved it on the set-up day, overriding dates not yet come.
      if (to === "active") {
        await tx.cohort.updateMany({ where: { tenantId, id: cohortId }, data: { status: "active" } });
        continue;
      }
      if (to === "matching")
        await tx.surveyRound.updateMany({ where: { tenantId, cohortId }, data: { closedAt: new Date() } });
      await transitionCohort(tx, {
        tenantId,
        cohortId,
        to,
        override: true,
        reason: "준비",
        actorUserId: coordinatorUserId,
        today,
        appUrl,
      });
    }
    return cohortId;
  });
}

const stateOf = (cohortId: string) =>
  db.withTenant(tenantId, async (tx) => {
    const row = await tx.cohort.findFirstOrThrow({ where: { tenantId, id: cohortId } });
    const audits = await tx.auditLog.findMany({
      where: { tenantId, entityType: "cohort", entityId: cohortId, action: "cohort.status.update" },
      orderBy: { at: "asc" },
    });
    const rounds = await tx.surveyRound.findMany({
      where: { tenantId, cohortId },
      orderBy: [{ phase: "asc" }, { questionSetKey: "asc" }],
      select: { questionSetKey: true, phase: true, closedAt: true },
    });
    return { status: row.status, checkedOn: dayOf(row.scheduleCheckedOn), audits, rounds };
  });

describe("cohorts.advance-by-date", () => {
  it("moves a cohort on its orientation day in the tenant's time zone, not the day before, and only once", async () => {
    const cohortId = await cohort("2025-01-10", "recruiting");

    // 23:00 on 20 February in Gangneung: orientation is tomorrow.
    const eve = context();
    await runAt("2025-02-20T14:00:00Z", eve);
    expect((await stateOf(cohortId)).status).toBe("recruiting");
    expect((await stateOf(cohortId)).checkedOn).toBe("2025-02-20");
    expect(eve.reported.at(-1)).toBe(100);

    // 00:30 on 21 February in Gangneung, still the 20th in UTC.
    await runAt("2025-02-20T15:30:00Z");
    const moved = await stateOf(cohortId);
    expect(moved.status).toBe("orientation");
    expect(moved.checkedOn).toBe("2025-02-21");
    expect(moved.rounds.map((round) => [round.questionSetKey, round.phase])).toEqual([
      ["digital_diagnostic", "pre"],
      ["pre_survey", "pre"],
    ]);
    const byScheduler = moved.audits.at(-1);
    expect(byScheduler).toMatchObject({
      actorUserId: null,
      before: { status: "recruiting" },
      after: { status: "orientation", by: "scheduler" },
    });

    // Again the same day: nothing more happens.
    await runAt("2025-02-21T05:00:00Z");
    const again = await stateOf(cohortId);
    expect(again.status).toBe("orientation");
    expect(again.audits).toHaveLength(moved.audits.length);
    expect(again.rounds).toHaveLength(2);
  });

  it("leaves a cohort set up with its dates already past for its coordinator to move", async () => {
    const cohortId = await cohort("2025-06-01", "recruiting");
    await runAt("2025-06-02T03:00:00Z");
    const state = await stateOf(cohortId);
    expect(state.status).toBe("recruiting");
    expect(state.checkedOn).toBe("2025-06-02");
    expect(state.audits.map((row) => (row.after as { by: string }).by)).toEqual(["coordinator"]);
  });

  it("keeps a cohort from entering matching while its pre-surveys are open", async () => {
    const dates = { matching: "2025-02-24", ceremony: "2025-02-28" };
    const surveysOpen = await cohort("2025-02-21", "orientation", dates);
    const surveysClosed = await cohort("2025-02-21", "orientation", dates);
    await db.withTenant(tenantId, (tx) =>
      tx.surveyRound.updateMany({
        where: { tenantId, cohortId: surveysClosed },
        data: { closedAt: new Date() },
      }),
    );

    await runAt("2025-02-24T03:00:00Z");
    expect((await stateOf(surveysOpen)).status).toBe("orientation");
    expect((await stateOf(surveysClosed)).status).toBe("matching");

    // The matching day has passed by the time the surveys close: the coordinator moves it, not the clock.
    await db.withTenant(tenantId, (tx) =>
      tx.surveyRound.updateMany({
        where: { tenantId, cohortId: surveysOpen },
        data: { closedAt: new Date() },
      }),
    );
    await runAt("2025-02-25T03:00:00Z");
    expect((await stateOf(surveysOpen)).status).toBe("orientation");
  });

  it("takes phases that arrive on the same day in turn, and leaves closing to the coordinator while the post-survey is unanswered", async () => {
    const sameDay = {
      activitiesEnd: "2025-09-30",
      evaluationStart: "2025-10-01",
      evaluationEnd: "2025-10-01",
      close: "2025-10-01",
    };
    const cohortId = await cohort("2025-03-01", "active", sameDay);
    await runAt("2025-10-01T03:00:00Z");
    const state = await stateOf(cohortId);
    // Evaluation opened the post-survey the same day; with none of it answered (under 80%), closing is the
    // coordinator's call (transition.post_surveys_incomplete), so the scheduler stops there.
    expect(state.status).toBe("evaluation");
    expect(state.audits.slice(-1).map((row) => (row.after as { status: string }).status)).toEqual([
      "evaluation",
    ]);
    expect(
      state.rounds.filter((round) => round.phase === "post").map((round) => round.questionSetKey),
    ).toEqual(["digital_diagnostic", "satisfaction"]);
  });

  it("goes on with the other tenants when one fails, and reports the failure", async () => {
    const broken = await createTenant(db, "broken-clock");
    await db.platform.tenant.update({ where: { id: broken }, data: { timeZone: "Mars/Olympus_Mons" } });
    const cohortId = await cohort("2025-01-10", "recruiting");
    try {
      const summary = await advanceCohortsByDate(db, { now: new Date("2025-02-21T03:00:00Z"), appUrl });
      expect(summary.failures).toEqual([
        expect.objectContaining({
          tenantId: broken,
          cohortId: null,
          error: expect.stringContaining("RangeError"),
        }),
      ]);
      expect(summary.moved).toContainEqual({ tenantId, cohortId, from: "recruiting", to: "orientation" });
      expect((await stateOf(cohortId)).status).toBe("orientation");

      // The job fails after its run, so that a retry takes up what was left behind.
      await expect(runAt("2025-02-22T03:00:00Z")).rejects.toThrow(/could not be advanced/);
    } finally {
      await db.platform.tenant.update({ where: { id: broken }, data: { status: "closed" } });
    }
  });

  it("skips closed tenants", async () => {
    const cohortId = await cohort("2025-01-10", "recruiting");
    await db.platform.tenant.update({ where: { id: tenantId }, data: { status: "closed" } });
    try {
      await runAt("2025-02-21T03:00:00Z");
      expect((await stateOf(cohortId)).status).toBe("recruiting");
    } finally {
      await db.platform.tenant.update({ where: { id: tenantId }, data: { status: "active" } });
    }
  });
});
