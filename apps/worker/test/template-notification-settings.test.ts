import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { addDays, type CalendarDate } from "@mentoring/domain";
import { dateColumn, saveCalendarItem, tenantToday } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "../src/jobs/handler";
import { nudgeSilentTeamsAt } from "../src/jobs/nudge-silent-teams";
import { remindAssignmentsAt } from "../src/jobs/remind-assignments";
import { log, noMail } from "./support";

// The daily reminder and nudge read their days from the cohort's template version: Gangneung's template
// says 3 days before a due date, Yongin's 1 day and a nudge after 10 silent days. One active cohort in
// each city with one team of a mentor and a mentee, and an assignment due at 23:59 on 14 April 2025.

let database: SeededTestDatabase;
let db: Database;
const cities = { gangneung: { tenantId: "", cohortId: "" }, yongin: { tenantId: "", cohortId: "" } };
/** 09:00 in Seoul on the given day of April 2025, when the daily jobs run. */
const nineOn = (day: number) => new Date(`2025-04-${String(day).padStart(2, "0")}T00:00:00Z`);

function context(): JobContext {
  return { db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

/** The city's active cohort, its template version saying `notifications`, one team and the assignment. */
async function activeCohort(slug: keyof typeof cities, notifications: Record<string, number>) {
  const tenantId = database.seeded.find((s) => s.slug === slug)?.tenantId as string;
  const today = tenantToday("Asia/Seoul", nineOn(1));
  await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({
      where: {
        tenantId,
        AND: (["mentor", "mentee"] as const).map((role) => ({
          applications: { some: { tenantId, status: "accepted" as const, role } },
        })),
      },
      orderBy: { number: "desc" },
    });
    await tx.cohort.update({
      where: { id: cohort.id },
      data: {
        status: "active",
        activitiesStart: dateColumn(addDays(today, -20) as CalendarDate),
        activitiesEnd: dateColumn(addDays(today, 150) as CalendarDate),
      },
    });
    const version = await tx.programTemplateVersion.findFirstOrThrow({
      where: { tenantId, id: cohort.templateVersionId },
    });
    // As a save from the schedule page leaves it: the version's definition with its notification settings.
    await tx.programTemplateVersion.update({
      where: { id: version.id },
      data: { definition: { ...(version.definition as object), notifications } },
    });
    const actorUserId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
    ).userId;
    const accepted = await tx.application.findMany({
      where: { tenantId, cohortId: cohort.id, status: "accepted" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, role: true },
    });
    const run = await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId: cohort.id,
        number: 1,
        status: "succeeded",
        problem: {},
        publishedAt: nineOn(1),
      },
    });
    const team = await tx.team.create({
      data: { tenantId, cohortId: cohort.id, runId: run.id, number: 1, score: 1, breakdown: {} },
    });
    const members = [accepted.find((a) => a.role === "mentor"), accepted.find((a) => a.role === "mentee")];
    await tx.teamMember.createMany({
      data: members.map((a) => ({
        tenantId,
        cohortId: cohort.id,
        teamId: team.id,
        applicationId: a?.id as string,
        role: a?.role as "mentor" | "mentee",
      })),
    });
    await saveCalendarItem(tx, {
      tenantId,
      cohortId: cohort.id,
      actorUserId,
      itemId: null,
      item: {
        kind: "assignment",
        title: "월간 활동 보고",
        description: "",
        place: "",
        audience: "all",
        teamId: null,
        attendance: false,
        // 23:59 on 14 April in Seoul.
        dueAt: new Date("2025-04-14T14:59:00Z"),
      },
    });
    cities[slug] = { tenantId, cohortId: cohort.id };
  });
}

/** How many people of the city were told the assignment is due soon. */
const dueSoon = (slug: keyof typeof cities) =>
  db.withTenant(cities[slug].tenantId, (tx) =>
    tx.notification.count({ where: { tenantId: cities[slug].tenantId, kind: "assignment_due_soon" } }),
  );

const nudgedTeams = (slug: keyof typeof cities) =>
  db.withTenant(cities[slug].tenantId, (tx) =>
    tx.team.count({ where: { tenantId: cities[slug].tenantId, nudgedOn: { not: null } } }),
  );

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  await activeCohort("gangneung", { assignmentReminderDays: 3 });
  await activeCohort("yongin", { assignmentReminderDays: 1, silentTeamDays: 10 });
}, 120_000);

afterAll(() => database?.drop());

describe("reminders and nudges as the cohort's template sets them", () => {
  it("reminds nobody four days before the due date", async () => {
    await remindAssignmentsAt(() => nineOn(10))({}, context());
    expect(await dueSoon("gangneung")).toBe(0);
    expect(await dueSoon("yongin")).toBe(0);
  });

  it("reminds the cohort whose template says 3 days on the 11th for the 14th, and not the one that says 1", async () => {
    const run = await remindAssignmentsAt(() => nineOn(11))({}, context());
    expect(run).toMatchObject({ items: 1, notified: 2 });
    expect(await dueSoon("gangneung")).toBe(2);
    expect(await dueSoon("yongin")).toBe(0);
  });

  it("reminds the cohort whose template says 1 day on the 13th, and the other not twice", async () => {
    await remindAssignmentsAt(() => nineOn(12))({}, context());
    expect(await dueSoon("yongin")).toBe(0);
    const run = await remindAssignmentsAt(() => nineOn(13))({}, context());
    expect(run).toMatchObject({ items: 1, notified: 2 });
    expect(await dueSoon("yongin")).toBe(2);
    expect(await dueSoon("gangneung")).toBe(2);
  });

  it("nudges the team of the cohort whose template says 10 silent days, and not the one on the default 21", async () => {
    // Activities began 20 days before 1 April: on the 1st both teams have been silent for 20 days.
    const run = await nudgeSilentTeamsAt(() => nineOn(1))({}, context());
    expect(run).toMatchObject({ teams: 1 });
    expect(await nudgedTeams("yongin")).toBe(1);
    expect(await nudgedTeams("gangneung")).toBe(0);
    // The default's team on its 21st silent day; the other is not nudged again so soon.
    expect(await nudgeSilentTeamsAt(() => nineOn(2))({}, context())).toMatchObject({ teams: 1 });
    expect(await nudgedTeams("gangneung")).toBe(1);
    // Nudged again only after ten more silent days.
    expect(await nudgeSilentTeamsAt(() => nineOn(10))({}, context())).toMatchObject({ teams: 0 });
    expect(await nudgeSilentTeamsAt(() => nineOn(11))({}, context())).toMatchObject({ teams: 1 });
  });
});
