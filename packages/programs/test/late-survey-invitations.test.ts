import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  builtinTemplate,
  CONSENT_VERSION,
  calendarDate,
  calendarDateIn,
  scheduleFromOffsets,
  type TemplateDefinition,
} from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleColumns } from "../src/records/cohort-record";
import { inviteToOpenRounds } from "../src/records/late-survey-invitations";
import {
  applyToCohort,
  consentToNomination,
  nominateToCohort,
  withdrawApplication,
} from "../src/recruitment";
import { openSurveyRounds } from "../src/surveys";

// Gangneung's reverse mentoring with two mentor places: the surveys open at orientation, and places freed
// after that go to the waitlisted, who must be invited to the rounds then open, once each.

let database: SeededTestDatabase;
let db: Database;
let gangneung: string;
let coordinatorUserId: string;
const appUrl = "https://mentoring.example.kr";
/** Recruitment runs from 2025-01-22; the applications come on its second day. */
const recruiting = new Date("2025-01-23T01:00:00Z");
const definition: TemplateDefinition = (() => {
  const builtin = builtinTemplate("reverse_mentoring");
  return { ...builtin, roles: { ...builtin.roles, mentor: { ...builtin.roles.mentor, quota: 2 } } };
})();
/** The pre rounds a mentor is asked to answer. */
const mentorPreSets = definition.questionSets.filter(
  (set) => set.phases.includes("pre") && set.roles.includes("mentor"),
);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const summary = database.seeded.find((seeded) => seeded.slug === "gangneung");
  gangneung = summary?.tenantId as string;
  const coordinator = summary?.accounts.find((account) => account.roles.includes("coordinator"));
  coordinatorUserId = (
    await db.platform.user.findUniqueOrThrow({ where: { email: coordinator?.email as string } })
  ).id;
});

afterAll(async () => {
  await database?.drop();
});

const surveyInvitationsTo = async (address: string | null) =>
  (
    await db.platform.outgoingEmail.findMany({
      where: { toAddress: (address as string).toLowerCase(), kind: "survey_invitation" },
    })
  ).length;

describe("someone accepted after the surveys opened", () => {
  let cohortId: string;
  let juniors: { id: string; employeeNumber: string; email: string | null }[];
  const [a, b, nominee, c] = [0, 1, 2, 3];
  const acting = (staffMemberId: string, now = new Date()) => ({
    tenantId: gangneung,
    cohortId,
    staffMemberId,
    actorUserId: null,
    now,
    appUrl,
  });

  beforeAll(async () => {
    expect(mentorPreSets.length).toBeGreaterThan(0);
    juniors = await db.withTenant(gangneung, (tx) =>
      tx.staffMember.findMany({
        where: {
          tenantId: gangneung,
          active: true,
          email: { not: null },
          grade: { in: [8, 9] },
          hireDate: { gte: new Date("2019-01-23T00:00:00Z"), lte: new Date("2025-01-22T00:00:00Z") },
        },
        orderBy: { employeeNumber: "asc" },
        take: 4,
        select: { id: true, employeeNumber: true, email: true },
      }),
    );
    cohortId = await db.withTenant(gangneung, async (tx) => {
      const template = await tx.programTemplate.create({
        data: { tenantId: gangneung, name: "늦은 합류", kind: definition.kind },
      });
      const version = await tx.programTemplateVersion.create({
        data: { tenantId: gangneung, templateId: template.id, version: 1, definition },
      });
      const cohort = await tx.cohort.create({
        data: {
          tenantId: gangneung,
          templateId: template.id,
          templateVersionId: version.id,
          number: 1,
          title: "늦은 합류 1기",
          status: "recruiting",
          ...scheduleColumns(scheduleFromOffsets(calendarDate("2025-01-22"), definition.phases)),
          scheduleCheckedOn: new Date("2025-01-22T00:00:00Z"),
          quotaMentor: 2,
          quotaMentee: definition.roles.mentee.quota,
        },
      });
      return cohort.id;
    });
    const person = (index: number) => juniors[index] as (typeof juniors)[number];
    // Two apply and take the places; a nominee and a third applicant wait, in that order.
    for (const index of [a, b]) {
      await db.withTenant(gangneung, (tx) =>
        applyToCohort(tx, {
          ...acting(person(index).id, recruiting),
          role: "mentor",
          consentVersion: CONSENT_VERSION,
        }),
      );
    }
    await db.withTenant(gangneung, (tx) =>
      nominateToCohort(tx, {
        tenantId: gangneung,
        cohortId,
        now: recruiting,
        appUrl,
        actorUserId: coordinatorUserId,
        employeeNumbers: [person(nominee).employeeNumber],
        role: "mentor",
      }),
    );
    const third = await db.withTenant(gangneung, (tx) =>
      applyToCohort(tx, {
        ...acting(person(c).id, recruiting),
        role: "mentor",
        consentVersion: CONSENT_VERSION,
      }),
    );
    expect(third).toMatchObject({ outcome: "waitlisted", position: 2 });
    // Orientation: the pre rounds open (from today, a week, as for a cohort set up late) and invite A and B.
    await db.withTenant(gangneung, async (tx) => {
      await tx.cohort.updateMany({
        where: { tenantId: gangneung, id: cohortId },
        data: { status: "orientation" },
      });
      await openSurveyRounds(tx, {
        tenantId: gangneung,
        cohortId,
        phase: "pre",
        today: calendarDateIn(new Date(), "Asia/Seoul"),
        appUrl,
      });
    });
  });

  it("invited the accepted at the opening, and no one waiting", async () => {
    expect(await surveyInvitationsTo(juniors[a]?.email ?? null)).toBe(mentorPreSets.length);
    expect(await surveyInvitationsTo(juniors[b]?.email ?? null)).toBe(mentorPreSets.length);
    expect(await surveyInvitationsTo(juniors[nominee]?.email ?? null)).toBe(0);
    expect(await surveyInvitationsTo(juniors[c]?.email ?? null)).toBe(0);
  });

  it("leaves a nominee promoted from the waitlist uninvited until they consent, then invites them at once", async () => {
    await db.withTenant(gangneung, (tx) => withdrawApplication(tx, acting(juniors[a]?.id as string)));
    expect(await surveyInvitationsTo(juniors[nominee]?.email ?? null)).toBe(0);
    await db.withTenant(gangneung, (tx) =>
      consentToNomination(tx, { ...acting(juniors[nominee]?.id as string), consentVersion: CONSENT_VERSION }),
    );
    expect(await surveyInvitationsTo(juniors[nominee]?.email ?? null)).toBe(mentorPreSets.length);
  });

  it("invites the same person once, however often it is asked (a repeat, a retried job)", async () => {
    const application = await db.withTenant(gangneung, (tx) =>
      tx.application.findFirstOrThrow({
        where: { tenantId: gangneung, cohortId, staffMemberId: juniors[nominee]?.id },
      }),
    );
    const again = () =>
      db.withTenant(gangneung, (tx) =>
        inviteToOpenRounds(tx, {
          tenantId: gangneung,
          cohortId,
          applicationId: application.id,
          now: new Date(),
          appUrl,
        }),
      );
    expect(await Promise.all([again(), again()])).toEqual([0, 0]);
    // Someone invited at the opening is not invited again either.
    const first = await db.withTenant(gangneung, (tx) =>
      tx.application.findFirstOrThrow({
        where: { tenantId: gangneung, cohortId, staffMemberId: juniors[b]?.id },
      }),
    );
    await db.withTenant(gangneung, (tx) =>
      inviteToOpenRounds(tx, {
        tenantId: gangneung,
        cohortId,
        applicationId: first.id,
        now: new Date(),
        appUrl,
      }),
    );
    expect(await surveyInvitationsTo(juniors[nominee]?.email ?? null)).toBe(mentorPreSets.length);
    expect(await surveyInvitationsTo(juniors[b]?.email ?? null)).toBe(mentorPreSets.length);
  });

  it("invites an applicant promoted from the waitlist at once, to the rounds still open", async () => {
    // The coordinator closed one of the mentors' rounds early: it invites no one any more.
    const rounds = await db.withTenant(gangneung, (tx) =>
      tx.surveyRound.findMany({
        where: { tenantId: gangneung, cohortId },
        orderBy: { questionSetKey: "asc" },
      }),
    );
    const closed = rounds.find((round) => mentorPreSets.some((set) => set.key === round.questionSetKey));
    await db.withTenant(gangneung, (tx) =>
      tx.surveyRound.updateMany({
        where: { tenantId: gangneung, id: closed?.id },
        data: { closedAt: new Date() },
      }),
    );
    await db.withTenant(gangneung, (tx) => withdrawApplication(tx, acting(juniors[b]?.id as string)));
    const mails = await db.platform.outgoingEmail.findMany({
      where: { toAddress: String(juniors[c]?.email).toLowerCase(), kind: "survey_invitation" },
    });
    expect(mails).toHaveLength(mentorPreSets.length - 1);
    const invited = await db.withTenant(gangneung, (tx) =>
      tx.surveyInvitation.findMany({
        where: { tenantId: gangneung, application: { staffMemberId: juniors[c]?.id } },
        select: { roundId: true },
      }),
    );
    expect(invited.map((row) => row.roundId)).not.toContain(closed?.id);
    // Each mail waits in the outbox with its job.
    const jobs = await db.platform.outboxEvent.findMany({ where: { jobName: "email.send" } });
    const queued = new Set(jobs.map((job) => (job.payload as { emailId: string }).emailId));
    expect(mails.every((mail) => queued.has(mail.id))).toBe(true);
  });
});
