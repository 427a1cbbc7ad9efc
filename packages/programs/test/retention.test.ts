// The retention purge against the real PostgreSQL as the app role (RLS on), with an injected clock: Yongin
// gets cohorts, applications, notices, inactive staff and directory uploads on both sides of every
// boundary; the rows of every tenant table are counted before and after, and exactly the due ones must be
// gone or pseudonymised, the dry run must list the same counts, a second run must do nothing, and Gangneung
// (with the same kinds of rows, all due) must be untouched.

import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newSerial } from "@mentoring/certificates";
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { addDays, type CalendarDate, retentionCutoffs, retentionPeriodsOf } from "@mentoring/domain";
import { LocalFileStorage } from "@mentoring/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySerial } from "../src/certificates";
import type { RetentionCounts } from "../src/records/retention-steps";
import { getRetentionOverview, purgePersonalData } from "../src/retention";

/** 10:00 in Seoul on 16 March 2030. */
const NOW = new Date("2030-03-16T01:00:00Z");
const ZONE = "Asia/Seoul";
/** Yongin keeps survey answers two years before they are pseudonymised (the default is three). */
const YONGIN_MONTHS = { survey_answers: 24 };

let database: SeededTestDatabase;
let db: Database;
let storage: LocalFileStorage;
let storageDir: string;
let yongin = "";
let gangneung = "";

/** What the fixture expects the purge to do, per table and action. */
type Expected = Map<string, { deleted: number; pseudonymised: number }>;
const expected: Expected = new Map();
const expect_ = (table: string, action: "deleted" | "pseudonymised", count = 1) => {
  const row = expected.get(table) ?? { deleted: 0, pseudonymised: 0 };
  row[action] += count;
  expected.set(table, row);
};
/** Files that must be gone, and files that must stay. */
const filesGone: string[] = [];
const filesKept: string[] = [];

const dateOf = (day: CalendarDate) => new Date(`${day}T00:00:00Z`);

async function tableCounts(tenantId: string): Promise<Record<string, number>> {
  return db.withTenant(tenantId, async (tx) => {
    const tables = await tx.$queryRaw<{ table: string }[]>`
      select c.table_name::text as table from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
       order by 1`;
    const counts: Record<string, number> = {};
    for (const { table } of tables) {
      const [row] = await tx.$queryRawUnsafe<{ count: number }[]>(
        `select count(*)::int as count from "${table}" where tenant_id = $1::uuid`,
        tenantId,
      );
      counts[table] = row?.count ?? 0;
    }
    return counts;
  });
}

interface CohortPlan {
  title: string;
  status: "closed" | "matching" | "recruiting";
  close: CalendarDate;
  recruitmentEnd: CalendarDate;
  /** Which periods have ended for it at NOW. */
  recordsDue: boolean;
  surveysDue: boolean;
  unselectedDue: boolean;
}

interface World {
  tenantId: string;
  staff: string[];
  departmentId: string;
  evaluatorUserId: string;
  templateId: string;
  versionId: string;
  cohortNumber: number;
  track: boolean;
}

async function newStaff(tx: TenantDb, world: World, active = true) {
  const member = await tx.staffMember.create({
    data: {
      tenantId: world.tenantId,
      employeeNumber: `R-${randomUUID().slice(0, 8)}`,
      name: "보존 시험",
      departmentId: world.departmentId,
      grade: 7,
      positionTitle: "주무관",
      hireDate: new Date("2015-03-02"),
      email: `${randomUUID().slice(0, 8)}@example.kr`,
      active,
    },
  });
  return member.id;
}

async function putFile(key: string, gone: boolean, track: boolean) {
  await storage.put(key, new Uint8Array([1, 2, 3]));
  if (track) (gone ? filesGone : filesKept).push(key);
}

/** One cohort with every kind of row a cohort's people leave, marked due or kept as the plan says. */
async function addCohort(world: World, plan: CohortPlan) {
  const { tenantId, track } = world;
  const mark = (table: string, action: "deleted" | "pseudonymised", due: boolean, count = 1) => {
    if (track && due) expect_(table, action, count);
  };
  await db.withTenant(tenantId, async (tx) => {
    const day = (date: CalendarDate) => dateOf(date);
    const cohort = await tx.cohort.create({
      data: {
        tenantId,
        templateId: world.templateId,
        templateVersionId: world.versionId,
        number: world.cohortNumber++,
        title: plan.title,
        status: plan.status,
        // The day it closed is its close date: the status changed on it.
        statusChangedAt: new Date(`${plan.close}T03:00:00Z`),
        recruitmentStart: day(addDays(plan.recruitmentEnd, -14)),
        recruitmentEnd: day(plan.recruitmentEnd),
        orientation: day(addDays(plan.recruitmentEnd, 7)),
        matching: day(addDays(plan.recruitmentEnd, 10)),
        ceremony: day(addDays(plan.recruitmentEnd, 20)),
        activitiesStart: day(addDays(plan.recruitmentEnd, 21)),
        activitiesEnd: day(addDays(plan.close, -30)),
        evaluationStart: day(addDays(plan.close, -29)),
        evaluationEnd: day(addDays(plan.close, -1)),
        close: day(plan.close),
        scheduleCheckedOn: day(plan.close),
        quotaMentor: 1,
        quotaMentee: 1,
      },
    });
    const cohortId = cohort.id;
    const apply = async (
      role: "mentor" | "mentee",
      status: "accepted" | "rejected" | "waitlisted",
      staffMemberId: string,
    ) =>
      (
        await tx.application.create({
          data: {
            tenantId,
            cohortId,
            staffMemberId,
            role,
            status,
            eligibility: { grade: 7 },
            consentVersion: "2026-12",
          },
        })
      ).id;
    const mentor = await apply("mentor", "accepted", await newStaff(tx, world));
    const mentee = await apply("mentee", "accepted", await newStaff(tx, world));
    const rejectedStaff = await newStaff(tx, world);
    const rejected = await apply("mentee", "rejected", rejectedStaff);
    const waitlisted = await apply("mentee", "waitlisted", await newStaff(tx, world));
    world.staff.push(rejectedStaff);
    // Withdrawn before the matching day: never took part. Withdrawn after it: kept with the records.
    const withdrawn = async (on: CalendarDate) =>
      tx.application.create({
        data: {
          tenantId,
          cohortId,
          staffMemberId: await newStaff(tx, world),
          role: "mentee",
          status: "withdrawn",
          withdrawnAt: new Date(`${on}T03:00:00Z`),
          eligibility: {},
        },
      });
    await withdrawn(addDays(plan.recruitmentEnd, -1));
    await withdrawn(addDays(plan.recruitmentEnd, 15));
    mark("applications", "deleted", plan.recordsDue, 3);
    mark("applications", "deleted", plan.unselectedDue || plan.recordsDue, 3);

    // Surveys: the mentor answered before and after, the mentee left a draft, the rejected one a draft.
    const pre = await tx.surveyRound.create({
      data: {
        tenantId,
        cohortId,
        questionSetKey: "digital_diagnostic",
        phase: "pre",
        opensOn: day(plan.recruitmentEnd),
        closesOn: day(plan.recruitmentEnd),
      },
    });
    const post = await tx.surveyRound.create({
      data: {
        tenantId,
        cohortId,
        questionSetKey: "digital_diagnostic",
        phase: "post",
        opensOn: day(plan.close),
        closesOn: day(plan.close),
      },
    });
    for (const round of [pre, post])
      await tx.surveyResponse.create({
        data: {
          tenantId,
          roundId: round.id,
          applicationId: mentor,
          answers: { dl_ai: round === pre ? 3 : 5, comment: "자유 의견" },
          scores: { digital_literacy: round === pre ? 3 : 5 },
          submittedAt: day(plan.recruitmentEnd),
        },
      });
    await tx.surveyResponse.create({
      data: { tenantId, roundId: pre.id, applicationId: mentee, answers: { dl_ai: 2 } },
    });
    await tx.surveyResponse.create({
      data: { tenantId, roundId: pre.id, applicationId: rejected, answers: { dl_ai: 1 } },
    });
    const surveysGo = plan.surveysDue || plan.recordsDue;
    mark("survey_responses", "pseudonymised", surveysGo, 2);
    mark("survey_responses", "deleted", surveysGo, 1);
    mark("survey_responses", "deleted", plan.unselectedDue || plan.recordsDue, 1);
    if (track && surveysGo) expect_("pseudonymised_survey_responses", "pseudonymised", -2);

    const run = await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId,
        number: 1,
        status: "succeeded",
        problem: { people: [mentor, mentee] },
        result: { teams: [] },
        publishedAt: day(plan.close),
      },
    });
    mark("matching_runs", "pseudonymised", plan.recordsDue);
    const team = await tx.team.create({
      data: { tenantId, cohortId, runId: run.id, number: 1, score: 1, breakdown: {} },
    });
    await tx.teamMember.createMany({
      data: [
        { tenantId, cohortId, teamId: team.id, applicationId: mentor, role: "mentor" },
        { tenantId, cohortId, teamId: team.id, applicationId: mentee, role: "mentee" },
      ],
    });
    mark("team_members", "deleted", plan.recordsDue, 2);

    const ceremony = await tx.ceremony.create({
      data: { tenantId, cohortId, startsAt: day(plan.recruitmentEnd), place: "시청" },
    });
    await tx.ceremonyAttendance.create({
      data: { tenantId, ceremonyId: ceremony.id, applicationId: mentor, present: true },
    });
    await tx.ceremonyAttendance.create({
      data: { tenantId, ceremonyId: ceremony.id, applicationId: waitlisted, present: false },
    });
    mark("ceremony_attendance", "deleted", plan.recordsDue);
    mark("ceremony_attendance", "deleted", plan.unselectedDue || plan.recordsDue);

    const training = await tx.calendarItem.create({
      data: {
        tenantId,
        cohortId,
        kind: "event",
        title: "워크숍",
        startsAt: day(plan.recruitmentEnd),
        endsAt: day(plan.recruitmentEnd),
        attendance: true,
        signUp: true,
      },
    });
    await tx.attendance.create({
      data: { tenantId, itemId: training.id, applicationId: mentee, present: true, method: "coordinator" },
    });
    await tx.attendance.create({
      data: { tenantId, itemId: training.id, applicationId: rejected, present: false, method: "coordinator" },
    });
    mark("attendance", "deleted", plan.recordsDue);
    mark("attendance", "deleted", plan.unselectedDue || plan.recordsDue);
    await tx.eventSignup.create({ data: { tenantId, itemId: training.id, applicationId: mentor } });
    await tx.eventSignup.create({ data: { tenantId, itemId: training.id, applicationId: waitlisted } });
    mark("event_signups", "deleted", plan.recordsDue);
    mark("event_signups", "deleted", plan.unselectedDue || plan.recordsDue);

    const activity = await tx.activity.create({
      data: {
        tenantId,
        cohortId,
        teamId: team.id,
        kind: "meeting",
        happenedOn: day(plan.recruitmentEnd),
        topic: "첫 만남",
        notes: "상담 내용",
      },
    });
    await tx.activityParticipant.createMany({
      data: [
        { tenantId, activityId: activity.id, applicationId: mentor },
        { tenantId, activityId: activity.id, applicationId: mentee },
      ],
    });
    mark("activities", "deleted", plan.recordsDue);
    mark("activity_participants", "deleted", plan.recordsDue, 2);
    const assignment = await tx.calendarItem.create({
      data: {
        tenantId,
        cohortId,
        kind: "assignment",
        title: "과제",
        dueAt: day(plan.recruitmentEnd),
        teamId: team.id,
      },
    });
    const submission = await tx.submission.create({
      data: {
        tenantId,
        itemId: assignment.id,
        teamId: team.id,
        text: "팀 소개",
        firstSubmittedAt: day(plan.recruitmentEnd),
        submittedAt: day(plan.recruitmentEnd),
      },
    });
    mark("submissions", "deleted", plan.recordsDue);
    for (const owner of [{ activityId: activity.id }, { submissionId: submission.id }]) {
      const id = randomUUID();
      const storageKey = `${tenantId}/attachments/${id}`;
      const thumbnailKey = `${tenantId}/attachments/${id}.thumb.jpg`;
      await tx.attachment.create({
        data: {
          id,
          tenantId,
          ...owner,
          kind: "photo",
          originalName: "사진.jpg",
          mediaType: "image/jpeg",
          size: 3n,
          storageKey,
          thumbnailKey,
          uploadedByUserId: world.evaluatorUserId,
        },
      });
      await putFile(storageKey, plan.recordsDue, track);
      await putFile(thumbnailKey, plan.recordsDue, track);
    }
    mark("attachments", "deleted", plan.recordsDue, 2);

    const assigned = await tx.evaluatorAssignment.create({
      data: { tenantId, cohortId, teamId: team.id, evaluatorUserId: world.evaluatorUserId },
    });
    const evaluation = await tx.evaluation.create({
      data: { tenantId, assignmentId: assigned.id, status: "submitted", submittedAt: day(plan.close) },
    });
    await tx.evaluationScore.create({
      data: {
        tenantId,
        evaluationId: evaluation.id,
        criterionKey: "results",
        score: 8,
        comment: "멘티가 적극적",
      },
    });
    await tx.evaluationScore.create({
      data: { tenantId, evaluationId: evaluation.id, criterionKey: "teamwork", score: 7 },
    });
    mark("evaluation_scores", "pseudonymised", plan.recordsDue);

    const archiveKey = `${tenantId}/certificates/${randomUUID()}.zip`;
    await putFile(archiveKey, plan.recordsDue, track);
    const batch = await tx.certificateBatch.create({
      data: { tenantId, cohortId, status: "ready", signerName: "홍길동", signerTitle: "부시장", archiveKey },
    });
    mark("certificate_batches", "pseudonymised", plan.recordsDue);
    const serial: string = newSerial();
    await tx.certificateSerial.create({ data: { serial, tenantId } });
    const fileKey = `${tenantId}/certificates/${serial}.pdf`;
    await putFile(fileKey, plan.recordsDue, track);
    await tx.certificate.create({
      data: {
        tenantId,
        cohortId,
        batchId: batch.id,
        teamId: team.id,
        serial,
        content: {
          serial,
          tenant: { id: tenantId, name: "용인시" },
          program: "멘토링",
          cohort: plan.title,
          mentors: ["김멘토"],
          mentees: ["이멘티"],
          date: plan.close,
        },
        signature: "sig",
        keyId: "k1",
        fileKey,
        issuedAt: day(plan.close),
      },
    });
    mark("certificates", "pseudonymised", plan.recordsDue);
    const pdfKey = `${tenantId}/reports/${randomUUID()}.pdf`;
    const xlsxKey = `${tenantId}/reports/${randomUUID()}.xlsx`;
    await putFile(pdfKey, plan.recordsDue, track);
    await putFile(xlsxKey, plan.recordsDue, track);
    await tx.cohortReportRun.create({
      data: {
        tenantId,
        cohortId,
        status: "ready",
        progress: 100,
        dataHash: "0".repeat(64),
        pdfKey,
        xlsxKey,
        finishedAt: day(plan.close),
      },
    });
    mark("cohort_report_runs", "deleted", plan.recordsDue);
  });
}

/** Notices, inactive staff and directory uploads on both sides of their boundaries. */
async function addPeopleRows(world: World, cutoffs: ReturnType<typeof retentionCutoffs>) {
  const { tenantId, track } = world;
  const mark = (table: string, count = 1) => track && expect_(table, "deleted", count);
  await db.withTenant(tenantId, async (tx) => {
    const someone = await newStaff(tx, world);
    const notify = (staffMemberId: string, createdAt: Date) =>
      tx.notification.create({
        data: {
          tenantId,
          staffMemberId,
          kind: "team_nudge",
          subject: randomUUID(),
          link: "/team",
          inApp: true,
          createdAt,
        },
      });
    const notices = cutoffs.dueBefore.notifications;
    await notify(someone, new Date(notices.getTime() - 1));
    mark("notifications");
    await notify(someone, notices);

    const staffCutoff = cutoffs.dueBefore.inactive_staff;
    const inactive = async (updatedAt: Date) => {
      const id = await newStaff(tx, world, false);
      await tx.$executeRaw`update staff_members set updated_at = ${updatedAt} where id = ${id}::uuid`;
      return id;
    };
    // Gone: inactive long enough, nothing kept refers to it; its preferences, feed and recent notice go too.
    const gone = await inactive(new Date(staffCutoff.getTime() - 1));
    await tx.notificationPreference.create({
      data: { tenantId, staffMemberId: gone, kind: "team_nudge", email: false },
    });
    await tx.calendarFeed.create({
      data: { tenantId, staffMemberId: gone, tokenHash: `feed-${randomUUID()}` },
    });
    await notify(gone, new Date(NOW.getTime() - 86_400_000));
    mark("staff_members");
    mark("notification_preferences");
    mark("calendar_feeds");
    mark("notifications");
    // Kept: inactive since the cutoff itself.
    await inactive(staffCutoff);
    // Kept: inactive long enough but named by an application that is kept.
    const named = await inactive(new Date(staffCutoff.getTime() - 1));
    world.staff.push(named);

    const upload = async (createdAt: Date, status: string, due: boolean) => {
      const created = await tx.directoryImport.create({
        data: { tenantId, fileName: "명부.csv", format: "csv", status, totalRows: 2, createdAt },
      });
      await tx.directoryImportRow.createMany({
        data: [2, 3].map((rowNumber) => ({
          tenantId,
          importId: created.id,
          rowNumber,
          data: { name: "홍길동" },
          action: "new",
        })),
      });
      await putFile(`${tenantId}/directory-imports/${created.id}`, due, track);
      if (due) {
        mark("directory_imports");
        mark("directory_import_rows", 2);
      }
    };
    const imports = cutoffs.dueBefore.directory_imports;
    await upload(new Date(imports.getTime() - 1), "applied", true);
    await upload(imports, "applied", false);
    await upload(new Date(imports.getTime() - 1), "applying", false);
  });
}

async function worldOf(tenantId: string, track: boolean): Promise<World> {
  return db.withTenant(tenantId, async (tx) => {
    const department = await tx.department.findFirstOrThrow({ where: { tenantId }, select: { id: true } });
    const member = await tx.membership.findFirstOrThrow({ where: { tenantId }, select: { userId: true } });
    const template = await tx.programTemplate.create({
      data: { tenantId, name: "보존 시험", kind: "standard" },
    });
    const version = await tx.programTemplateVersion.create({
      data: { tenantId, templateId: template.id, version: 1, definition: {} },
    });
    return {
      tenantId,
      staff: [],
      departmentId: department.id,
      evaluatorUserId: member.userId,
      templateId: template.id,
      versionId: version.id,
      cohortNumber: 1,
      track,
    };
  });
}

function countsAsExpected(): RetentionCounts {
  const counts: RetentionCounts = {};
  for (const [table, { deleted, pseudonymised }] of expected) {
    if (table === "pseudonymised_survey_responses") continue;
    counts[table as keyof RetentionCounts] = {
      ...(deleted ? { deleted } : {}),
      ...(pseudonymised ? { pseudonymised } : {}),
    };
  }
  return counts;
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  storageDir = await mkdtemp(join(tmpdir(), "retention-"));
  storage = new LocalFileStorage(storageDir);
  const bySlug = (slug: string) => database.seeded.find((tenant) => tenant.slug === slug)?.tenantId ?? "";
  yongin = bySlug("yongin");
  gangneung = bySlug("gangneung");
  await db.platform.tenant.update({ where: { id: yongin }, data: { retentionMonths: YONGIN_MONTHS } });
  const cutoffs = retentionCutoffs(retentionPeriodsOf(YONGIN_MONTHS), NOW, ZONE);
  const last = cutoffs.lastDueStart;
  // The seeded directory's inactive entries were deactivated "just now": none is due at NOW but ours.
  await db.withTenant(
    yongin,
    (tx) => tx.$executeRaw`update staff_members set updated_at = ${NOW} where not active`,
  );
  const world = await worldOf(yongin, true);
  await addCohort(world, {
    title: "A: records due",
    status: "closed",
    close: last.program_records,
    recruitmentEnd: addDays(last.program_records, -200),
    recordsDue: true,
    surveysDue: true,
    unselectedDue: true,
  });
  await addCohort(world, {
    title: "B: answers due",
    status: "closed",
    close: addDays(last.program_records, 1),
    recruitmentEnd: addDays(last.program_records, -199),
    recordsDue: false,
    surveysDue: true,
    unselectedDue: true,
  });
  await addCohort(world, {
    title: "C: answers kept",
    status: "closed",
    close: addDays(last.survey_answers, 1),
    recruitmentEnd: addDays(last.survey_answers, -199),
    recordsDue: false,
    surveysDue: false,
    unselectedDue: true,
  });
  const later = addDays(NOW.toISOString().slice(0, 10) as CalendarDate, 200);
  await addCohort(world, {
    title: "F: unselected due",
    status: "matching",
    close: later,
    recruitmentEnd: last.unselected_applications,
    recordsDue: false,
    surveysDue: false,
    unselectedDue: true,
  });
  await addCohort(world, {
    title: "D: unselected kept",
    status: "matching",
    close: later,
    recruitmentEnd: addDays(last.unselected_applications, 1),
    recordsDue: false,
    surveysDue: false,
    unselectedDue: false,
  });
  await addCohort(world, {
    title: "E: still recruiting",
    status: "recruiting",
    close: addDays(last.unselected_applications, 400),
    recruitmentEnd: addDays(last.unselected_applications, -30),
    recordsDue: false,
    surveysDue: false,
    unselectedDue: false,
  });
  await addPeopleRows(world, cutoffs);
  // The inactive entry named by a kept application: cohort B's, whose records are kept.
  const named = world.staff.at(-1) as string;
  await db.withTenant(yongin, async (tx) => {
    const cohortB = await tx.cohort.findFirstOrThrow({
      where: { tenantId: yongin, title: "B: answers due" },
    });
    await tx.application.create({
      data: {
        tenantId: yongin,
        cohortId: cohortB.id,
        staffMemberId: named,
        role: "mentor",
        status: "accepted",
        eligibility: {},
      },
    });
  });
  // Gangneung: the same kinds of rows, every one past its period under Gangneung's defaults.
  const other = await worldOf(gangneung, false);
  const far = "2020-01-31" as CalendarDate;
  await addCohort(other, {
    title: "Gangneung",
    status: "closed",
    close: far,
    recruitmentEnd: addDays(far, -200),
    recordsDue: true,
    surveysDue: true,
    unselectedDue: true,
  });
  await addPeopleRows(other, retentionCutoffs(retentionPeriodsOf({}), NOW, ZONE));
});

afterAll(async () => {
  await database?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

describe("the retention purge", () => {
  let before: Record<string, number>;
  let gangneungBefore: Record<string, number>;
  let dryRun: Awaited<ReturnType<typeof purgePersonalData>>;

  it("lists in a dry run exactly what is due, per table, and changes nothing", async () => {
    before = await tableCounts(yongin);
    gangneungBefore = await tableCounts(gangneung);
    dryRun = await purgePersonalData(db, { tenantId: yongin, now: NOW, dryRun: true, storage });
    expect(dryRun.counts).toEqual(countsAsExpected());
    expect(await tableCounts(yongin)).toEqual(before);
    for (const key of [...filesGone, ...filesKept]) expect(await storage.exists(key), key).toBe(true);
  });

  it("deletes or pseudonymises exactly the due rows of every table, and the dry run said the same", async () => {
    const result = await purgePersonalData(db, {
      tenantId: yongin,
      now: NOW,
      dryRun: false,
      storage,
      batchSize: 2,
    });
    expect(result.counts).toEqual(dryRun.counts);
    const after = await tableCounts(yongin);
    const change: Record<string, number> = {};
    for (const table of Object.keys(before)) {
      const delta = (after[table] ?? 0) - (before[table] ?? 0);
      if (delta !== 0) change[table] = delta;
    }
    const wanted: Record<string, number> = { audit_logs: 1 };
    for (const [table, { deleted, pseudonymised }] of expected) {
      const delta =
        table === "pseudonymised_survey_responses"
          ? -pseudonymised
          : -deleted - (table === "survey_responses" ? pseudonymised : 0);
      if (delta !== 0) wanted[table] = delta;
    }
    expect(change).toEqual(wanted);
    expect(result.files).toBe(filesGone.length);
    for (const key of filesGone) expect(await storage.exists(key), key).toBe(false);
    for (const key of filesKept) expect(await storage.exists(key), key).toBe(true);
  });

  it("keeps answers for statistics without the person: scores and numbers, a pseudonym shared by pre and post", async () => {
    const kept = await db.withTenant(yongin, (tx) =>
      tx.pseudonymisedSurveyResponse.findMany({
        include: { round: { select: { phase: true } }, cohort: { select: { title: true } } },
      }),
    );
    expect(kept).toHaveLength(4);
    for (const title of ["A: records due", "B: answers due"]) {
      const rows = kept.filter((row) => row.cohort.title === title);
      expect(rows.map((row) => row.round.phase).sort()).toEqual(["post", "pre"]);
      expect(new Set(rows.map((row) => row.pseudonym)).size).toBe(1);
      expect(rows.map((row) => row.answers)).toContainEqual({ dl_ai: 3 });
      expect(rows.every((row) => row.role === "mentor")).toBe(true);
    }
    expect(kept[0]?.pseudonym).not.toBe(
      kept.find((row) => row.cohort.title !== kept[0]?.cohort.title)?.pseudonym,
    );
  });

  it("leaves of a due cohort's certificates only what verification needs, and clears the evaluators' comments", async () => {
    const { certificates, scores } = await db.withTenant(yongin, async (tx) => ({
      certificates: await tx.certificate.findMany({ include: { batch: { include: { cohort: true } } } }),
      scores: await tx.evaluationScore.findMany({
        where: { criterionKey: "results" },
        include: { evaluation: { include: { assignment: { include: { cohort: true } } } } },
      }),
    }));
    const purged = certificates.find((certificate) => certificate.batch.cohort.title === "A: records due");
    expect(purged?.content).toMatchObject({
      mentors: [],
      mentees: [],
      destroyed: true,
      serial: purged?.serial,
    });
    expect(purged?.signature).toBe("sig");
    expect(purged?.fileKey).toBeNull();
    const verified = await verifySerial(db, { serial: purged?.serial as string });
    expect(verified).toMatchObject({
      status: "retained",
      mentors: [],
      mentees: [],
      cohort: "A: records due",
    });
    const kept = certificates.find((certificate) => certificate.batch.cohort.title === "B: answers due");
    expect(kept?.content).toMatchObject({ mentors: ["김멘토"] });
    const comments = Object.fromEntries(
      scores.map((score) => [score.evaluation.assignment.cohort.title, score.comment]),
    );
    expect(comments["A: records due"]).toBe("");
    expect(comments["B: answers due"]).toBe("멘티가 적극적");
  });

  it("writes one audit row per run with the counts per table", async () => {
    const rows = await db.withTenant(yongin, (tx) =>
      tx.auditLog.findMany({ where: { action: "retention.purge" } }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.after).toMatchObject({
      today: "2030-03-16",
      deleted: { applications: expected.get("applications")?.deleted },
      files: filesGone.length,
    });
  });

  it("does nothing on a second run, and the dry run then finds nothing", async () => {
    const counts = await tableCounts(yongin);
    const again = await purgePersonalData(db, { tenantId: yongin, now: NOW, dryRun: false, storage });
    expect(again.counts).toEqual({});
    expect(again.files).toBe(0);
    const after = await tableCounts(yongin);
    expect({ ...after, audit_logs: 0 }).toEqual({ ...counts, audit_logs: 0 });
    expect((await purgePersonalData(db, { tenantId: yongin, now: NOW, dryRun: true })).counts).toEqual({});
  });

  it("touches no other tenant's rows", async () => {
    expect(await tableCounts(gangneung)).toEqual(gangneungBefore);
  });

  it("shows the privacy officer the same counts per kind as the purge would make, with the oldest items", async () => {
    const overview = await getRetentionOverview(db, { tenantId: gangneung, now: NOW });
    const gangneungDry = await purgePersonalData(db, { tenantId: gangneung, now: NOW, dryRun: true });
    expect(overview.preview.counts).toEqual(gangneungDry.counts);
    const records = overview.preview.kinds.find((kind) => kind.kind === "program_records");
    expect(records?.cohorts.map((cohort) => cohort.title)).toEqual(["Gangneung"]);
    expect(records?.oldest).toBe("2020-01-31");
    expect(overview.periods.survey_answers).toBe(36);
  });
});
