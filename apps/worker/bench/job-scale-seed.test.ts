import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { addDays, isTeamAtRisk } from "@mentoring/domain";
import { dateColumn, dayOf } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "../src/jobs/handler";
import { nudgeSilentTeamsAt } from "../src/jobs/nudge-silent-teams";
import { remindTomorrowAt } from "../src/jobs/remind-tomorrow";
import { log, noMail } from "../test/support";
import { type JobScaleSeed, seedJobScale, TIME_ZONE } from "./job-scale-seed";

// The benchmark's data at a small size (3 tenants × 5 teams): what it writes is what it says it wrote, and
// the worker's daily jobs find in it the work the benchmark times.

let database: TestDatabase;
let seed: JobScaleSeed;
/** 10:00 on 10 June 2026 in Seoul. */
const now = new Date("2026-06-10T01:00:00Z");
const progress: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  seed = await seedJobScale(database.db, {
    tenants: 3,
    teamsPerTenant: 5,
    now,
    onTenant: (done) => progress.push(done),
  });
}, 120_000);

afterAll(() => database?.drop());

function context(): JobContext {
  return { db: database.db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

function teamsOf(tenantId: string) {
  return database.db.withTenant(tenantId, (tx) =>
    tx.team.findMany({
      where: { tenantId },
      orderBy: { number: "asc" },
      select: {
        number: true,
        nudgedOn: true,
        cohort: { select: { status: true, activitiesStart: true } },
        members: {
          select: {
            role: true,
            application: {
              select: {
                status: true,
                staffMember: { select: { email: true, memberships: { select: { roles: true } } } },
              },
            },
          },
        },
        activities: { orderBy: { happenedOn: "desc" }, take: 1, select: { happenedOn: true } },
      },
    }),
  );
}

describe("the job benchmark's seed", () => {
  it("writes every tenant with one active cohort of published teams of three mentors and a mentee", async () => {
    expect(seed.tenantIds).toHaveLength(3);
    expect(progress).toEqual([1, 2, 3]);
    expect(seed).toMatchObject({ teams: 15, people: 60 });
    for (const tenantId of seed.tenantIds) {
      const teams = await teamsOf(tenantId);
      expect(teams.map((team) => team.number)).toEqual([1, 2, 3, 4, 5]);
      for (const team of teams) {
        expect(team.cohort.status).toBe("active");
        expect(team.members.map((member) => member.role).sort()).toEqual([
          "mentee",
          "mentor",
          "mentor",
          "mentor",
        ]);
        for (const { application } of team.members) {
          expect(application.status).toBe("accepted");
          expect(application.staffMember.email).toMatch(/@bench-city-\d+\.go\.kr$/);
          expect(application.staffMember.memberships).toEqual([{ roles: ["participant"] }]);
        }
      }
    }
  });

  it("leaves as many teams silent for 21 days, and due a nudge, as it says, some in every tenant", async () => {
    const today = seed.today;
    let silent = 0;
    let due = 0;
    for (const tenantId of seed.tenantIds) {
      let silentHere = 0;
      for (const team of await teamsOf(tenantId)) {
        const atRisk = isTeamAtRisk({
          lastActivityOn: team.activities[0]?.happenedOn ?? null,
          activitiesStart: team.cohort.activitiesStart,
          today: dateColumn(today),
        });
        if (!atRisk) continue;
        silentHere++;
        if (team.nudgedOn === null || dayOf(team.nudgedOn) <= addDays(today, -21)) due++;
      }
      expect(silentHere).toBeGreaterThan(0);
      expect(silentHere).toBeLessThan(5);
      silent += silentHere;
    }
    expect(seed.silentTeams).toBe(silent);
    expect(seed.teamsDueANudge).toBe(due);
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(silent);
  });

  it("gives every cohort one item tomorrow for everyone in Seoul, and nothing else tomorrow", async () => {
    expect(seed.itemsTomorrow).toBe(3);
    expect(seed.remindersDue).toBe(60);
    const from = new Date(`${addDays(seed.today, 1)}T00:00:00+09:00`);
    const until = new Date(`${addDays(seed.today, 2)}T00:00:00+09:00`);
    for (const tenantId of seed.tenantIds) {
      const items = await database.db.withTenant(tenantId, (tx) =>
        tx.calendarItem.findMany({
          where: { tenantId, kind: { not: "assignment" }, startsAt: { gte: from, lt: until } },
          select: { audience: true, teamId: true, remindedAt: true },
        }),
      );
      expect(items).toEqual([{ audience: "all", teamId: null, remindedAt: null }]);
    }
    expect(TIME_ZONE).toBe("Asia/Seoul");
  });

  it("gives the worker's nudge and reminder jobs the work it says: a mail per member of each team due", async () => {
    const mails = () => database.db.platform.outgoingEmail.count();
    await nudgeSilentTeamsAt(() => now)({}, context());
    expect(await mails()).toBe(seed.teamsDueANudge * 4);
    await remindTomorrowAt(() => now)({}, context());
    expect(await mails()).toBe(seed.teamsDueANudge * 4 + seed.remindersDue);
  });
});
