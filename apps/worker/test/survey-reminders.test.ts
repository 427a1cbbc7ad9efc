import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  addDays,
  builtinTemplate,
  type CalendarDate,
  CONSENT_VERSION,
  scheduleFromOffsets,
} from "@mentoring/domain";
import { openSurveyRounds, scheduleColumns, submitResponse, tenantToday } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "../src/jobs/handler";
import { sendSurveyRemindersAt } from "../src/jobs/survey-reminders";
import { log, noMail } from "./support";

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
const definition = builtinTemplate("reverse_mentoring");
// One instant for the whole file: "today" cannot turn into tomorrow between setting up and checking.
const now = new Date();
const sendSurveyReminders = sendSurveyRemindersAt(() => now);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const summaries = database.seeded;
  tenantId = summaries.find((s) => s.slug === "gangneung")?.tenantId as string;
});

afterAll(() => database?.drop());

function context(): JobContext {
  return { db, log, mailer: noMail, signal: new AbortController().signal, async progress() {} };
}

/**
 * A reverse-mentoring cohort whose orientation (and pre rounds) was `daysAgo` days ago on Gangneung's
 * calendar: its pre rounds close a week after orientation. Two juniors and a manager take part.
 */
async function cohortOriented(daysAgo: number, number: number, skip: number) {
  const orientation = addDays(tenantToday("Asia/Seoul", now), -daysAgo);
  const schedule = scheduleFromOffsets(
    addDays(orientation, -definition.phases.orientation),
    definition.phases,
  );
  const cohort = await db.withTenant(tenantId, async (tx) => {
    const template = await tx.programTemplate.create({
      data: { tenantId, name: definition.name, kind: definition.kind },
    });
    const version = await tx.programTemplateVersion.create({
      data: { tenantId, templateId: template.id, version: 1, definition },
    });
    const created = await tx.cohort.create({
      data: {
        tenantId,
        templateId: template.id,
        templateVersionId: version.id,
        number,
        title: `${definition.name} ${number}기`,
        status: "orientation",
        ...scheduleColumns(schedule),
        scheduleCheckedOn: new Date(`${orientation}T00:00:00Z`),
        quotaMentor: 30,
        quotaMentee: 10,
      },
    });
    const people = await tx.staffMember.findMany({
      where: { tenantId, active: true, email: { not: null } },
      orderBy: { employeeNumber: "asc" },
      skip,
      take: 3,
      select: { id: true, email: true },
    });
    for (const [index, person] of people.entries()) {
      await tx.application.create({
        data: {
          tenantId,
          cohortId: created.id,
          staffMemberId: person.id,
          role: index < 2 ? "mentor" : "mentee",
          status: "accepted",
          consentVersion: CONSENT_VERSION,
          consentAt: new Date(),
          eligibility: {},
        },
      });
    }
    await openSurveyRounds(tx, {
      tenantId,
      cohortId: created.id,
      phase: "pre",
      today: orientation,
      appUrl: "http://127.0.0.1:3000",
    });
    return { id: created.id, people };
  });
  return { ...cohort, orientation };
}

const roundsOf = (cohortId: string) =>
  db.withTenant(tenantId, (tx) => tx.surveyRound.findMany({ where: { tenantId, cohortId } }));

async function remindersTo(addresses: (string | null)[]) {
  return db.platform.outgoingEmail.findMany({
    where: {
      kind: "survey_reminder",
      toAddress: { in: addresses.filter((a): a is string => a !== null).map((a) => a.toLowerCase()) },
    },
  });
}

describe("surveys.send-reminders", () => {
  let recent: Awaited<ReturnType<typeof cohortOriented>>;

  beforeAll(async () => {
    recent = await cohortOriented(4, 91, 0);
    const [first] = recent.people;
    const preSurvey = (await roundsOf(recent.id)).find((r) => r.questionSetKey === "pre_survey");
    await db.withTenant(tenantId, (tx) =>
      submitResponse(tx, {
        tenantId,
        roundId: preSurvey?.id as string,
        staffMemberId: first?.id as string,
        answers: {
          interests: ["generative_ai", "sns", "video"],
          communication_style: "mixed",
          available_days: ["wed"],
        },
        now,
      }),
    );
  });

  it("reminds everyone who has not submitted an open round, and no one twice on the same day", async () => {
    const first = await sendSurveyReminders({}, context());
    expect(first).toMatchObject({ reminded: expect.any(Number) });
    const mails = await remindersTo(recent.people.map((p) => p.email));
    // Pre-survey: two of three (one submitted); diagnostic: all three.
    expect(mails).toHaveLength(5);
    expect(mails.filter((m) => m.subject.includes("사전설문"))).toHaveLength(2);
    const [submitter] = recent.people;
    expect(mails.filter((m) => m.subject.includes("사전설문")).map((m) => m.toAddress)).not.toContain(
      submitter?.email?.toLowerCase(),
    );

    await sendSurveyReminders({}, context());
    expect(await remindersTo(recent.people.map((p) => p.email))).toHaveLength(5);
    const today: CalendarDate = tenantToday("Asia/Seoul", now);
    for (const round of await roundsOf(recent.id))
      expect(round.lastRemindedOn?.toISOString().slice(0, 10)).toBe(today);
  });

  it("closes rounds whose last day has passed, and reminds no one about them", async () => {
    // Orientation ten days ago: the rounds' last day (a week after) was three days ago.
    const past = await cohortOriented(10, 92, 3);
    expect((await roundsOf(past.id)).every((r) => r.closedAt === null)).toBe(true);
    await sendSurveyReminders({}, context());
    expect((await roundsOf(past.id)).every((r) => r.closedAt !== null)).toBe(true);
    expect(await remindersTo(past.people.map((p) => p.email))).toEqual([]);
    // The recent cohort's rounds stay open.
    expect((await roundsOf(recent.id)).every((r) => r.closedAt === null)).toBe(true);
  });
});
