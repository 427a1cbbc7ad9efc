import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  addDays,
  type CalendarDate,
  calendarDateIn,
  compareCalendarDates,
  instantAt,
} from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCohortSubmissions, getParticipantAgenda, listShowcase } from "../src/assignments";
import { getTeamProgress } from "../src/progress";
import { dayOf } from "../src/records/cohort-record";
import { listRecruitingCohorts } from "../src/recruitment";
import { seedPrograms } from "../src/seed";
import { DEMO_NEXT_DUE_DAYS, DEMO_SILENT_TEAM, demoSignIns, seedDemoTimeline } from "../src/seed-timeline";

// The demo's programs, anchored to the day it starts: every phase live on that day. A fixed "today" here.
const today = "2026-04-09" as CalendarDate;
const morning = instantAt(today, "09:00", "Asia/Seoul") as Date;
const appUrl = "http://127.0.0.1:3000";

let database: SeededTestDatabase;
let db: Database;
let seedMs = 0;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const started = performance.now();
  const result = await seedDemoTimeline(db, { today, appUrl });
  seedMs = performance.now() - started;
  expect(result).toEqual({ seeded: true, anchoredOn: today });
}, 240_000);

afterAll(() => database?.drop());

async function tenantOf(slug: string) {
  return (await db.platform.tenant.findUniqueOrThrow({ where: { slug } })).id;
}

async function cohortsOf(slug: string) {
  const tenantId = await tenantOf(slug);
  const cohorts = await db.withTenant(tenantId, (tx) =>
    tx.cohort.findMany({ where: { tenantId }, orderBy: { number: "asc" } }),
  );
  return { tenantId, cohorts };
}

describe("the demo's timeline, anchored to the day the demo starts", () => {
  it("has Gangneung's 2nd cohort active, with one team silent for more than 21 days on the coordinator's dashboard", async () => {
    const { tenantId, cohorts } = await cohortsOf("gangneung");
    const second = cohorts.find((cohort) => cohort.number === 2);
    expect(second?.status).toBe("active");
    const progress = await db.withTenant(tenantId, (tx) =>
      getTeamProgress(tx, { tenantId, cohortId: second?.id as string, today, now: morning }),
    );
    expect(progress.teams).toHaveLength(10);
    expect(progress.teams.filter((team) => team.atRisk).map((team) => team.teamNumber)).toEqual([
      DEMO_SILENT_TEAM,
    ]);
    // Three monthly assignments past: handed in, some late, the silent team's last one missing.
    expect(progress.teams.every((team) => team.submissions.due === 3)).toBe(true);
    const late = progress.teams.filter((team) => team.submissions.late > 0).map((team) => team.teamNumber);
    expect(late).toEqual([4, 7]);
    const silent = progress.teams.find((team) => team.teamNumber === DEMO_SILENT_TEAM);
    expect(silent?.submissions.missing).toBe(1);
    // Activities logged by every team, the attendance of a past training taken (two of team 3 absent).
    expect(progress.teams.every((team) => team.teamActivities >= 3)).toBe(true);
    expect(progress.teams.find((team) => team.teamNumber === 3)?.attendanceRate).toBeLessThan(1);
    expect(progress.teams.find((team) => team.teamNumber === 1)?.attendanceRate).toBe(1);
    const participants = await db.withTenant(tenantId, (tx) =>
      tx.activityParticipant.count({ where: { tenantId, activity: { cohortId: second?.id } } }),
    );
    expect(participants).toBeGreaterThan(100);
    // The ceremony held 101 days ago, one of the 40 absent; the calendar planned from the template.
    const ceremony = await db.withTenant(tenantId, (tx) =>
      tx.ceremony.findFirstOrThrow({
        where: { tenantId, cohortId: second?.id },
        include: { attendance: { select: { present: true } } },
      }),
    );
    expect(calendarDateIn(ceremony.startsAt)).toBe(addDays(today, -101));
    expect(ceremony.attendance.filter((row) => row.present)).toHaveLength(39);
    expect(ceremony.attendance).toHaveLength(40);
    const planned = await db.withTenant(tenantId, (tx) =>
      tx.calendarItem.groupBy({
        by: ["kind"],
        where: { tenantId, cohortId: second?.id, sourceKey: { not: null } },
        _count: { _all: true },
      }),
    );
    expect(planned.map((row) => row.kind).sort()).toEqual(["assignment", "event", "training"]);
  });

  it("shows one featured submission on the showcase and asks one team to revise", async () => {
    const { tenantId, cohorts } = await cohortsOf("gangneung");
    const cohortId = cohorts.find((cohort) => cohort.number === 2)?.id as string;
    const showcase = await db.withTenant(tenantId, (tx) => listShowcase(tx, { tenantId }));
    expect(showcase).toHaveLength(1);
    const { assignments } = await db.withTenant(tenantId, (tx) =>
      getCohortSubmissions(tx, { tenantId, cohortId }),
    );
    const statuses = assignments.flatMap((assignment) =>
      assignment.teams.map((team) => team.submission?.status).filter(Boolean),
    );
    expect(statuses.filter((status) => status === "revision_requested")).toHaveLength(1);
    expect(statuses.filter((status) => status === "accepted")).toHaveLength(10);
  });

  it("puts an event tomorrow and the next assignment in a few days on the home of the junior the demo names", async () => {
    const tenantId = await tenantOf("gangneung");
    const named = await demoSignIns(db);
    expect(named.map((person) => [person.city, person.team])).toEqual([
      ["gangneung", 1],
      ["gangneung", DEMO_SILENT_TEAM],
      ["yongin", 1],
    ]);
    const junior = await db.withTenant(tenantId, (tx) =>
      tx.staffMember.findFirstOrThrow({
        where: { tenantId, email: { equals: named[0]?.email, mode: "insensitive" } },
        select: { id: true, memberships: { select: { roles: true } } },
      }),
    );
    expect(junior.memberships[0]?.roles).toContain("participant");
    const agenda = await db.withTenantSql(tenantId, (sql) =>
      getParticipantAgenda(sql, { tenantId, staffMemberId: junior.id, now: morning }),
    );
    expect(calendarDateIn(agenda.nextEvent?.at as Date)).toBe(addDays(today, 1));
    expect(calendarDateIn(agenda.nextAssignment?.at as Date)).toBe(addDays(today, DEMO_NEXT_DUE_DAYS));
  });

  it("has Gangneung's 1st cohort closed a year earlier", async () => {
    const { cohorts } = await cohortsOf("gangneung");
    const first = cohorts.find((cohort) => cohort.number === 1);
    expect(first?.status).toBe("closed");
    const closedOn = dayOf(first?.close as Date);
    expect(compareCalendarDates(closedOn, addDays(today, -180))).toBeLessThan(0);
    expect(compareCalendarDates(closedOn, addDays(today, -400))).toBeGreaterThan(0);
  });

  it("has Yongin's 1st cohort just after its ceremony, its pairs meeting, and its 2nd recruiting around today", async () => {
    const { tenantId, cohorts } = await cohortsOf("yongin");
    const [first, second] = cohorts;
    expect(first?.status).toBe("active");
    const ceremony = await db.withTenant(tenantId, (tx) =>
      tx.ceremony.findFirstOrThrow({ where: { tenantId, cohortId: first?.id } }),
    );
    expect(calendarDateIn(ceremony.startsAt)).toBe(addDays(today, -5));
    const progress = await db.withTenant(tenantId, (tx) =>
      getTeamProgress(tx, { tenantId, cohortId: first?.id as string, today, now: morning }),
    );
    expect(progress.teams).toHaveLength(14);
    expect(progress.teams.filter((team) => team.meetings > 0).length).toBeGreaterThanOrEqual(10);
    // The coordinator's dashboard counts meetings; the counselling notes are not part of it.
    expect(JSON.stringify(progress)).not.toContain("결재 순서");

    expect(second?.status).toBe("recruiting");
    const recruiting = await db.withTenant(tenantId, (tx) => listRecruitingCohorts(tx, { tenantId }));
    expect(recruiting.map((cohort) => cohort.number)).toEqual([2]);
    const window = recruiting[0]?.schedule;
    expect(compareCalendarDates(window?.recruitmentStart as CalendarDate, today)).toBeLessThan(0);
    expect(compareCalendarDates(window?.recruitmentEnd as CalendarDate, today)).toBeGreaterThan(0);
  });

  it("leaves no mail of the replayed past to be sent when the demo starts", async () => {
    expect(await db.platform.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });

  it("changes nothing when run again, and says which day its programs are anchored to", async () => {
    const count = async () => {
      const gangneung = await tenantOf("gangneung");
      return db.withTenant(gangneung, async (tx) => ({
        cohorts: await tx.cohort.count({ where: { tenantId: gangneung } }),
        submissions: await tx.submission.count({ where: { tenantId: gangneung } }),
        activities: await tx.activity.count({ where: { tenantId: gangneung } }),
        items: await tx.calendarItem.count({ where: { tenantId: gangneung } }),
      }));
    };
    const before = await count();
    expect(await seedDemoTimeline(db, { today: addDays(today, 3), appUrl })).toEqual({
      seeded: false,
      anchoredOn: today,
    });
    expect(await count()).toEqual(before);
    // Recorded for the report: how long the timeline takes to seed.
    console.info(`the demo timeline seeded in ${Math.round(seedMs)} ms`);
  });
});

describe("a database that already holds the programs as they stood in 2025", () => {
  it("is left as it is, and said to be on no timeline", async () => {
    const other = await createSeededTestDatabase();
    try {
      await seedPrograms(other.db);
      expect(await seedDemoTimeline(other.db, { today, appUrl })).toEqual({
        seeded: false,
        anchoredOn: null,
      });
      const gangneung = (await other.db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } }))
        .id;
      const statuses = await other.db.withTenant(gangneung, (tx) =>
        tx.cohort.findMany({ where: { tenantId: gangneung }, select: { status: true } }),
      );
      expect(statuses).toEqual([{ status: "orientation" }]);
    } finally {
      await other.drop();
    }
  }, 120_000);
});
