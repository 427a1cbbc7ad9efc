import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { addDays, type CalendarDate } from "@mentoring/domain";
import { dateColumn, logActivity, tenantToday } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "../src/jobs/handler";
import { nudgeSilentTeamsAt } from "../src/jobs/nudge-silent-teams";
import { log, noMail } from "./support";

// The daily nudge of silent teams with an injected clock: Gangneung's cohort, its activities begun 30 days
// before "today", one team that met 5 days ago and the others silent since the start.

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
let cohortId: string;
const now = new Date("2025-04-01T01:00:00Z");
const today = tenantToday("Asia/Seoul", now);

function context(): JobContext {
  return { db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

const nudgeMails = () => db.platform.outgoingEmail.count({ where: { kind: "team_nudge" } });

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  tenantId = database.seeded.find((s) => s.slug === "gangneung")?.tenantId as string;
  await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    cohortId = cohort.id;
    await tx.cohort.update({
      where: { id: cohort.id },
      data: {
        status: "active",
        activitiesStart: dateColumn(addDays(today, -30) as CalendarDate),
        activitiesEnd: dateColumn(addDays(today, 150) as CalendarDate),
      },
    });
    // Two teams of a junior and a manager each, as publishing leaves them.
    const accepted = await tx.application.findMany({
      where: { tenantId, cohortId, status: "accepted" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, role: true, staffMemberId: true },
    });
    const run = await tx.matchingRun.create({
      data: { tenantId, cohortId, number: 1, status: "succeeded", problem: {}, publishedAt: now },
    });
    const mentors = accepted.filter((a) => a.role === "mentor");
    const mentees = accepted.filter((a) => a.role === "mentee");
    for (const number of [1, 2]) {
      const team = await tx.team.create({
        data: { tenantId, cohortId, runId: run.id, number, score: 1, breakdown: {} },
      });
      await tx.teamMember.createMany({
        data: [
          {
            tenantId,
            cohortId,
            teamId: team.id,
            applicationId: mentors[number]?.id as string,
            role: "mentor",
          },
          {
            tenantId,
            cohortId,
            teamId: team.id,
            applicationId: mentees[number]?.id as string,
            role: "mentee",
          },
        ],
      });
    }
    // Team 1 met five days ago.
    await logActivity(tx, {
      tenantId,
      cohortId,
      staffMemberId: mentors[1]?.staffMemberId as string,
      kind: "meeting",
      happenedOn: addDays(today, -5),
      minutes: 30,
      place: "",
      topic: "점심",
      notes: "",
      participantIds: [],
      today,
      actorUserId: "00000000-0000-4000-8000-000000000000",
    });
  });
}, 120_000);

afterAll(() => database?.drop());

describe("teams.nudge-silent", () => {
  it("nudges a team silent for 21 days once, and not the team that met", async () => {
    const run = await nudgeSilentTeamsAt(() => now)({}, context());
    expect(run).toMatchObject({ teams: 1, mails: 2 });
    const nudged = await db.withTenant(tenantId, (tx) =>
      tx.team.findMany({
        where: { tenantId, cohortId },
        orderBy: { number: "asc" },
        select: { nudgedOn: true },
      }),
    );
    expect(nudged.map((team) => team.nudgedOn !== null)).toEqual([false, true]);
    expect(await nudgeMails()).toBe(2);
  });

  it("nudges no one again the same day, nor ten days later", async () => {
    expect(await nudgeSilentTeamsAt(() => now)({}, context())).toMatchObject({ teams: 0, mails: 0 });
    const later = new Date(now.getTime() + 10 * 86_400_000);
    expect(await nudgeSilentTeamsAt(() => later)({}, context())).toMatchObject({ teams: 0 });
    expect(await nudgeMails()).toBe(2);
  });

  it("nudges again after another 21 silent days, and the team that met once it too is silent", async () => {
    const later = new Date(now.getTime() + 22 * 86_400_000);
    expect(await nudgeSilentTeamsAt(() => later)({}, context())).toMatchObject({ teams: 2, mails: 4 });
  });
});
