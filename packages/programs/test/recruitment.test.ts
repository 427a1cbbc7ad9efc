import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  type ApplicationRole,
  builtinTemplate,
  CONSENT_VERSION,
  type CohortStatus,
  calendarDate,
  scheduleFromOffsets,
  type TemplateDefinition,
} from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleColumns } from "../src/records/cohort-record";
import {
  applyToCohort,
  consentToNomination,
  exportApplicants,
  getCohortAnnouncement,
  listCohortApplicants,
  listRecruitingCohorts,
  listStaffApplications,
  nominateToCohort,
  rejectApplication,
  withdrawApplication,
} from "../src/recruitment";

let database: SeededTestDatabase;
let db: Database;
let gangneung: string;
let yongin: string;
let coordinatorUserId: string;
const now = new Date("2025-01-23T01:00:00Z");
const appUrl = "https://mentoring.example.kr";

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
});

afterAll(async () => {
  await database?.drop();
});

let cohorts = 0;

/** A cohort of its own template (a copy of a built-in one, possibly changed), in the given status. */
async function makeCohort(
  tenantId: string,
  definition: TemplateDefinition,
  {
    status = "recruiting",
    recruitmentStart = "2025-01-22",
  }: { status?: CohortStatus; recruitmentStart?: string } = {},
) {
  cohorts += 1;
  return db.withTenant(tenantId, async (tx) => {
    const template = await tx.programTemplate.create({
      data: { tenantId, name: `${definition.name} ${cohorts}`, kind: definition.kind },
    });
    const version = await tx.programTemplateVersion.create({
      data: { tenantId, templateId: template.id, version: 1, definition },
    });
    const schedule = scheduleFromOffsets(calendarDate(recruitmentStart), definition.phases);
    const cohort = await tx.cohort.create({
      data: {
        tenantId,
        templateId: template.id,
        templateVersionId: version.id,
        number: 1,
        title: `${definition.name} ${cohorts}기`,
        status,
        ...scheduleColumns(schedule),
        scheduleCheckedOn: new Date(`${recruitmentStart}T00:00:00Z`),
        quotaMentor: definition.roles.mentor.quota,
        quotaMentee: definition.roles.mentee.quota,
      },
    });
    return cohort.id;
  });
}

/** Gangneung's reverse mentoring as it recruited in 2025, with the quotas given. */
function reverse(quota: { mentor?: number; mentee?: number } = {}): TemplateDefinition {
  const definition = builtinTemplate("reverse_mentoring");
  return {
    ...definition,
    roles: {
      mentor: { ...definition.roles.mentor, quota: quota.mentor ?? definition.roles.mentor.quota },
      mentee: { ...definition.roles.mentee, quota: quota.mentee ?? definition.roles.mentee.quota },
    },
  };
}

async function staffId(tenantId: string, employeeNumber: string) {
  return db.withTenant(tenantId, async (tx) => {
    const staff = await tx.staffMember.findFirstOrThrow({ where: { tenantId, employeeNumber } });
    return staff.id;
  });
}

/** Active Gangneung juniors eligible as reverse mentors (grade 8-9, at most 5 completed years on 2025-01-22). */
async function eligibleJuniors(count: number, skip = 0) {
  return db.withTenant(gangneung, (tx) =>
    tx.staffMember.findMany({
      where: {
        tenantId: gangneung,
        active: true,
        grade: { in: [8, 9] },
        hireDate: { gte: new Date("2019-01-23T00:00:00Z"), lte: new Date("2025-01-22T00:00:00Z") },
      },
      orderBy: { employeeNumber: "asc" },
      skip,
      take: count,
      select: { id: true, employeeNumber: true, email: true, name: true },
    }),
  );
}

function apply(
  cohortId: string,
  staffMemberId: string,
  role: ApplicationRole = "mentor",
  consentVersion: string | null = CONSENT_VERSION,
  at: Date = now,
) {
  return db.withTenant(gangneung, (tx) =>
    applyToCohort(tx, {
      tenantId: gangneung,
      cohortId,
      staffMemberId,
      role,
      consentVersion,
      actorUserId: null,
      requestId: "test",
      now: at,
      appUrl,
    }),
  );
}

const applicationsIn = (cohortId: string) =>
  db.withTenant(gangneung, (tx) =>
    tx.application.findMany({ where: { tenantId: gangneung, cohortId }, orderBy: { submittedAt: "asc" } }),
  );

const mailsTo = (address: string) =>
  db.platform.outgoingEmail.findMany({
    where: { toAddress: address.toLowerCase() },
    orderBy: { createdAt: "asc" },
  });

const auditOf = (tenantId: string, action: string, entityId: string) =>
  db.withTenant(tenantId, (tx) => tx.auditLog.findMany({ where: { tenantId, action, entityId } }));

describe("applying to Gangneung's reverse mentoring (recruitment from 2025-01-22)", () => {
  let cohortId: string;
  beforeAll(async () => {
    cohortId = await makeCohort(gangneung, reverse());
  });

  it("turns away a grade-7 official, saying why, and saves nothing", async () => {
    const result = await apply(cohortId, await staffId(gangneung, "G2021-0904"));
    expect(result).toEqual({
      outcome: "refused",
      failures: [{ code: "grade.below_min", params: { actual: 7, min: 8, max: 9 } }],
    });
    expect(await applicationsIn(cohortId)).toEqual([]);
  });

  it("turns away a grade-9 official with exactly 6 years of service on the first day of recruitment", async () => {
    // Judged on 2025-01-22 whatever the day of applying: the answer does not drift during recruitment.
    const later = new Date("2025-02-09T05:00:00Z");
    const result = await apply(
      cohortId,
      await staffId(gangneung, "G2019-0905"),
      "mentor",
      CONSENT_VERSION,
      later,
    );
    expect(result).toEqual({
      outcome: "refused",
      failures: [{ code: "years_of_service.above_max", params: { actual: 6, max: 5 } }],
    });
    expect(await applicationsIn(cohortId)).toEqual([]);
  });

  it("accepts an eligible junior, keeping the consent, the facts judged and who submitted, and mails them", async () => {
    const junior = await staffId(gangneung, "G2020-0901");
    const result = await apply(cohortId, junior);
    expect(result).toMatchObject({ outcome: "accepted" });
    const [application] = await applicationsIn(cohortId);
    expect(application).toMatchObject({
      staffMemberId: junior,
      role: "mentor",
      status: "accepted",
      consentVersion: CONSENT_VERSION,
      consentAt: now,
      nominatedByUserId: null,
      eligibility: { judgedOn: "2025-01-22", grade: 8, hireDate: "2020-01-22", eligible: true },
    });
    const email = await db.withTenant(gangneung, (tx) =>
      tx.staffMember.findFirstOrThrow({
        where: { tenantId: gangneung, id: junior },
        select: { email: true },
      }),
    );
    const [mail] = await mailsTo(email.email as string);
    expect(mail).toMatchObject({ kind: "application_decision" });
    expect(mail?.subject).toContain("선정");
    expect(mail?.textBody).toContain(`${appUrl}/gangneung/recruiting/${cohortId}`);
    expect(await auditOf(gangneung, "application.submit", application?.id as string)).toHaveLength(1);
  });

  it("accepts a division head as a mentee", async () => {
    const head = await db.withTenant(gangneung, (tx) =>
      tx.staffMember.findFirstOrThrow({
        where: { tenantId: gangneung, positionTitle: "과장", active: true },
      }),
    );
    expect(await apply(cohortId, head.id, "mentee")).toMatchObject({ outcome: "accepted" });
  });

  it("refuses an application without consent to the current text, saving nothing", async () => {
    const [junior] = await eligibleJuniors(1, 10);
    for (const consent of [null, "2024-01"]) {
      await expect(apply(cohortId, junior?.id as string, "mentor", consent)).rejects.toMatchObject({
        code: "recruitment.consent_required",
      });
    }
    expect((await applicationsIn(cohortId)).some((a) => a.staffMemberId === junior?.id)).toBe(false);
  });

  it("refuses a second application from the same person, in either role", async () => {
    const junior = await staffId(gangneung, "G2020-0901");
    for (const role of ["mentor", "mentee"] as const) {
      await expect(apply(cohortId, junior, role)).rejects.toMatchObject({
        code: "recruitment.already_applied",
      });
    }
  });

  it("refuses someone on leave", async () => {
    await expect(apply(cohortId, await staffId(gangneung, "G2023-0907"))).rejects.toMatchObject({
      code: "recruitment.inactive",
    });
  });

  it("lists the cohort as recruiting, with its places", async () => {
    const announcements = await db.withTenant(gangneung, (tx) =>
      listRecruitingCohorts(tx, { tenantId: gangneung }),
    );
    const announcement = announcements.find((a) => a.cohortId === cohortId);
    expect(announcement?.roles).toEqual([
      expect.objectContaining({ role: "mentor", quota: 30, accepted: 1, waitlisted: 0, left: 29 }),
      expect.objectContaining({ role: "mentee", quota: 10, accepted: 1, waitlisted: 0, left: 9 }),
    ]);
  });
});

describe("a cohort that is not recruiting", () => {
  it.each(["draft", "orientation", "closed"] as const)("takes no application while %s", async (status) => {
    const cohortId = await makeCohort(gangneung, reverse(), { status });
    const [junior] = await eligibleJuniors(1);
    await expect(apply(cohortId, junior?.id as string)).rejects.toMatchObject({
      code: "recruitment.not_recruiting",
    });
    expect(await applicationsIn(cohortId)).toEqual([]);
  });
});

describe("the recruitment dates of a recruiting cohort (Seoul)", () => {
  const definition = reverse();
  const { recruitmentStart, recruitmentEnd } = scheduleFromOffsets(
    calendarDate("2025-01-22"),
    definition.phases,
  );
  /** The first and the last instant of a day in Seoul (UTC+9 all year). */
  const firstMoment = (day: string) => new Date(new Date(`${day}T00:00:00+09:00`).getTime());
  const lastMoment = (day: string) => new Date(new Date(`${day}T23:59:59.999+09:00`).getTime());
  const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 24 * 3600_000);
  let cohortId: string;
  beforeAll(async () => {
    cohortId = await makeCohort(gangneung, definition);
  });

  it("refuses an application the evening before the first day, naming the dates, and saves nothing", async () => {
    const [junior] = await eligibleJuniors(1, 40);
    const evening = new Date(firstMoment(recruitmentStart).getTime() - 1);
    await expect(
      apply(cohortId, junior?.id as string, "mentor", CONSENT_VERSION, evening),
    ).rejects.toMatchObject({
      code: "recruitment.not_open_yet",
      params: { opensOn: recruitmentStart, closesOn: recruitmentEnd },
    });
    expect(await applicationsIn(cohortId)).toEqual([]);
  });

  it("takes applications from midnight of the first day to the last minute of the last day", async () => {
    const [early, late] = await eligibleJuniors(2, 41);
    const first = await apply(
      cohortId,
      early?.id as string,
      "mentor",
      CONSENT_VERSION,
      firstMoment(recruitmentStart),
    );
    expect(first).toMatchObject({ outcome: "accepted" });
    const last = await apply(
      cohortId,
      late?.id as string,
      "mentor",
      CONSENT_VERSION,
      lastMoment(recruitmentEnd),
    );
    expect(last).toMatchObject({ outcome: "accepted" });
  });

  it("refuses an application at midnight after the last day, naming the dates", async () => {
    const [junior] = await eligibleJuniors(1, 43);
    const midnight = firstMoment(dayAfter(recruitmentEnd).toISOString().slice(0, 10));
    await expect(
      apply(cohortId, junior?.id as string, "mentor", CONSENT_VERSION, midnight),
    ).rejects.toMatchObject({
      code: "recruitment.recruitment_closed",
      params: { opensOn: recruitmentStart, closesOn: recruitmentEnd },
    });
    const rows = await applicationsIn(cohortId);
    expect(rows.map((row) => row.staffMemberId)).not.toContain(junior?.id);
  });
});

describe("the quota and the waitlist", () => {
  it("puts the 31st junior on the waitlist when 30 places are taken, and the next behind them", async () => {
    const cohortId = await makeCohort(gangneung, reverse());
    const juniors = await eligibleJuniors(32);
    const outcomes = [];
    for (const junior of juniors) outcomes.push(await apply(cohortId, junior.id));
    expect(outcomes.slice(0, 30).every((outcome) => outcome.outcome === "accepted")).toBe(true);
    expect(outcomes[30]).toMatchObject({ outcome: "waitlisted", position: 1 });
    expect(outcomes[31]).toMatchObject({ outcome: "waitlisted", position: 2 });
    const last = juniors[31];
    const [mail] = await mailsTo(last?.email as string).then((mails) => mails.slice(-1));
    expect(mail?.textBody).toContain("대기자 2번");
  });

  it("gives a freed place to the earliest waitlisted applicant when someone withdraws, and mails them", async () => {
    const cohortId = await makeCohort(gangneung, reverse({ mentor: 2 }));
    const [first, second, third, fourth] = await eligibleJuniors(4);
    for (const junior of [first, second, third, fourth]) await apply(cohortId, junior?.id as string);

    const withdrawn = await db.withTenant(gangneung, (tx) =>
      withdrawApplication(tx, {
        tenantId: gangneung,
        cohortId,
        staffMemberId: first?.id as string,
        actorUserId: null,
        now,
        appUrl,
      }),
    );
    const after = await applicationsIn(cohortId);
    const statusOf = (id?: string) => after.find((a) => a.staffMemberId === id)?.status;
    expect(withdrawn.promoted).toEqual([after.find((a) => a.staffMemberId === third?.id)?.id]);
    expect([statusOf(first?.id), statusOf(second?.id), statusOf(third?.id), statusOf(fourth?.id)]).toEqual([
      "withdrawn",
      "accepted",
      "accepted",
      "waitlisted",
    ]);
    const promotedMail = (await mailsTo(third?.email as string)).at(-1);
    expect(promotedMail?.subject).toContain("대기 중이던 신청이 선정");
    const fourthOwn = await db.withTenant(gangneung, (tx) =>
      listStaffApplications(tx, { tenantId: gangneung, staffMemberId: fourth?.id as string, cohortId }),
    );
    expect(fourthOwn[0]).toMatchObject({ status: "waitlisted", waitlistPosition: 1, mayWithdraw: true });
  });

  it("lets a withdrawn applicant apply again on the same record, at the back of the queue", async () => {
    const cohortId = await makeCohort(gangneung, reverse({ mentor: 1 }));
    const [first, second] = await eligibleJuniors(2, 5);
    await apply(cohortId, first?.id as string);
    await apply(cohortId, second?.id as string);
    const before = (await applicationsIn(cohortId)).find((a) => a.staffMemberId === first?.id);
    await db.withTenant(gangneung, (tx) =>
      withdrawApplication(tx, {
        tenantId: gangneung,
        cohortId,
        staffMemberId: first?.id as string,
        actorUserId: null,
        now,
        appUrl,
      }),
    );
    const again = await apply(
      cohortId,
      first?.id as string,
      "mentor",
      CONSENT_VERSION,
      new Date(now.getTime() + 60_000),
    );
    expect(again).toEqual({ outcome: "waitlisted", applicationId: before?.id, position: 1 });
    const rows = await applicationsIn(cohortId);
    expect(rows).toHaveLength(2);
    expect(rows.find((a) => a.staffMemberId === second?.id)?.status).toBe("accepted");
  });

  it("lets the coordinator reject with a reason, which frees the place for the waitlist", async () => {
    const cohortId = await makeCohort(gangneung, reverse({ mentor: 1 }));
    const [first, second] = await eligibleJuniors(2, 20);
    await apply(cohortId, first?.id as string);
    await apply(cohortId, second?.id as string);
    const application = (await applicationsIn(cohortId)).find((a) => a.staffMemberId === first?.id);
    const reject = (reason: string) =>
      db.withTenant(gangneung, (tx) =>
        rejectApplication(tx, {
          tenantId: gangneung,
          cohortId,
          applicationId: application?.id as string,
          reason,
          actorUserId: coordinatorUserId,
          now,
          appUrl,
        }),
      );
    await expect(reject("   ")).rejects.toMatchObject({ code: "recruitment.reason_required" });
    expect((await applicationsIn(cohortId)).find((a) => a.id === application?.id)?.status).toBe("accepted");

    await reject("같은 부서에서 이미 두 명이 참여합니다");
    const rows = await applicationsIn(cohortId);
    expect(rows.find((a) => a.id === application?.id)).toMatchObject({
      status: "rejected",
      rejectionReason: "같은 부서에서 이미 두 명이 참여합니다",
    });
    expect(rows.find((a) => a.staffMemberId === second?.id)?.status).toBe("accepted");
    expect((await mailsTo(first?.email as string)).at(-1)?.subject).toContain("신청 결과 안내");
    expect(await auditOf(gangneung, "application.reject", application?.id as string)).toHaveLength(1);
    // A rejected person cannot simply apply again.
    await expect(apply(cohortId, first?.id as string)).rejects.toMatchObject({
      code: "recruitment.already_applied",
    });
  });

  it("takes no withdrawal once matching has begun", async () => {
    const cohortId = await makeCohort(gangneung, reverse());
    const [junior] = await eligibleJuniors(1, 25);
    await apply(cohortId, junior?.id as string);
    await db.withTenant(gangneung, (tx) =>
      tx.cohort.update({ where: { id: cohortId }, data: { status: "matching" } }),
    );
    await expect(
      db.withTenant(gangneung, (tx) =>
        withdrawApplication(tx, {
          tenantId: gangneung,
          cohortId,
          staffMemberId: junior?.id as string,
          actorUserId: null,
          now,
          appUrl,
        }),
      ),
    ).rejects.toMatchObject({ code: "recruitment.withdrawal_closed" });
    expect((await applicationsIn(cohortId))[0]?.status).toBe("accepted");
  });
});

describe("nominations by the coordinator", () => {
  let cohortId: string;
  beforeAll(async () => {
    cohortId = await makeCohort(gangneung, reverse({ mentor: 2 }));
  });

  it("answers for each employee number: placed, refused with reasons, unknown, on leave or already applied", async () => {
    const [self, nomineeA, nomineeB] = await eligibleJuniors(3, 12);
    await apply(cohortId, self?.id as string);
    const results = await db.withTenant(gangneung, (tx) =>
      nominateToCohort(tx, {
        tenantId: gangneung,
        cohortId,
        role: "mentor",
        employeeNumbers: [
          ` ${nomineeA?.employeeNumber} `,
          "G2019-0905",
          "G9999-9999",
          "G2023-0907",
          self?.employeeNumber as string,
          nomineeB?.employeeNumber as string,
          nomineeA?.employeeNumber as string,
        ],
        actorUserId: coordinatorUserId,
        now,
        appUrl,
      }),
    );
    expect(results).toEqual([
      { employeeNumber: nomineeA?.employeeNumber, outcome: "accepted", applicationId: expect.any(String) },
      {
        employeeNumber: "G2019-0905",
        outcome: "refused",
        failures: [{ code: "years_of_service.above_max", params: { actual: 6, max: 5 } }],
      },
      { employeeNumber: "G9999-9999", outcome: "unknown" },
      { employeeNumber: "G2023-0907", outcome: "inactive" },
      {
        employeeNumber: self?.employeeNumber,
        outcome: "already_applied",
        status: "accepted",
        role: "mentor",
      },
      {
        employeeNumber: nomineeB?.employeeNumber,
        outcome: "waitlisted",
        applicationId: expect.any(String),
        position: 1,
      },
    ]);
    const nominated = (await applicationsIn(cohortId)).find((a) => a.staffMemberId === nomineeA?.id);
    expect(nominated).toMatchObject({
      nominatedByUserId: coordinatorUserId,
      consentAt: null,
      consentVersion: null,
    });
    expect(await auditOf(gangneung, "application.nominate", nominated?.id as string)).toHaveLength(1);
  });

  it("records the nominee's consent, given once", async () => {
    const [, nomineeA] = await eligibleJuniors(2, 12);
    const consent = () =>
      db.withTenant(gangneung, (tx) =>
        consentToNomination(tx, {
          tenantId: gangneung,
          cohortId,
          staffMemberId: nomineeA?.id as string,
          consentVersion: CONSENT_VERSION,
          actorUserId: null,
          now,
          appUrl,
        }),
      );
    const own = () =>
      db.withTenant(gangneung, (tx) =>
        listStaffApplications(tx, { tenantId: gangneung, staffMemberId: nomineeA?.id as string, cohortId }),
      );
    expect((await own())[0]).toMatchObject({ nominated: true, consentPending: true });
    await consent();
    expect((await own())[0]).toMatchObject({ nominated: true, consentPending: false, status: "accepted" });
    await expect(consent()).rejects.toMatchObject({ code: "recruitment.already_consented" });
  });

  it("lets a nominee decline, which gives the place to the waitlist", async () => {
    const [, nomineeA, nomineeB] = await eligibleJuniors(3, 12);
    await db.withTenant(gangneung, (tx) =>
      withdrawApplication(tx, {
        tenantId: gangneung,
        cohortId,
        staffMemberId: nomineeA?.id as string,
        actorUserId: null,
        now,
        appUrl,
      }),
    );
    const rows = await applicationsIn(cohortId);
    expect(rows.find((a) => a.staffMemberId === nomineeB?.id)?.status).toBe("accepted");
  });
});

describe("the coordinator's applicant list and its export", () => {
  let cohortId: string;
  beforeAll(async () => {
    cohortId = await makeCohort(gangneung, reverse({ mentor: 2 }));
    for (const junior of await eligibleJuniors(4, 30)) await apply(cohortId, junior.id);
    const head = await db.withTenant(gangneung, (tx) =>
      tx.staffMember.findFirstOrThrow({
        where: { tenantId: gangneung, positionTitle: "국장", active: true },
      }),
    );
    await apply(cohortId, head.id, "mentee");
  });

  const list = (filter: Parameters<typeof listCohortApplicants>[1]["filter"]) =>
    db.withTenantSql(gangneung, (sql) =>
      listCohortApplicants(sql, { tenantId: gangneung, cohortId, filter }),
    );

  it("counts places per role and lists everyone with their waitlist places", async () => {
    const { places, rows } = await list({});
    expect(
      places.map(({ role, quota, accepted, waitlisted }) => ({ role, quota, accepted, waitlisted })),
    ).toEqual([
      { role: "mentor", quota: 2, accepted: 2, waitlisted: 2 },
      { role: "mentee", quota: 10, accepted: 1, waitlisted: 0 },
    ]);
    expect(rows.map((row) => [row.role, row.status, row.waitlistPosition])).toEqual([
      ["mentor", "accepted", null],
      ["mentor", "accepted", null],
      ["mentor", "waitlisted", 1],
      ["mentor", "waitlisted", 2],
      ["mentee", "accepted", null],
    ]);
  });

  it("filters by role, status, department and name or employee number", async () => {
    expect((await list({ role: "mentee" })).rows.map((row) => row.positionTitle)).toEqual(["국장"]);
    expect((await list({ status: "waitlisted" })).rows).toHaveLength(2);
    const { rows } = await list({});
    // A waitlisted row keeps its place in its role's whole queue, whatever else the filter hides.
    const second = rows.find((row) => row.waitlistPosition === 2);
    expect((await list({ q: second?.employeeNumber })).rows.map((row) => row.waitlistPosition)).toEqual([2]);
    const someone = rows[2];
    expect((await list({ q: someone?.employeeNumber })).rows.map((row) => row.name)).toEqual([someone?.name]);
    expect((await list({ q: someone?.name.slice(0, 2) })).rows.map((row) => row.name)).toContain(
      someone?.name,
    );
    // The text is matched as written: "_" and "%" are not wildcards.
    expect((await list({ q: "_" })).rows).toEqual([]);
    expect((await list({ q: "%" })).rows).toEqual([]);
    expect((await list({ q: "\\" })).rows).toEqual([]);
    const { departments } = await list({});
    const department = departments.find((d) => d.name === someone?.department);
    const inDepartment = (await list({ departmentId: department?.id })).rows;
    expect(inDepartment.length).toBeGreaterThan(0);
    expect(inDepartment.every((row) => row.department === someone?.department)).toBe(true);
  });

  it("records every export with its filter and how many rows it held", async () => {
    const exported = await db.withTenant(gangneung, (tx) =>
      exportApplicants(tx, {
        tenantId: gangneung,
        cohortId,
        filter: { role: "mentor", status: undefined },
        format: "csv",
        actorUserId: coordinatorUserId,
        requestId: "export-test",
      }),
    );
    expect(exported.rows).toHaveLength(4);
    // The file holds what the list shows with the same filter.
    expect(exported.rows).toEqual((await list({ role: "mentor" })).rows);
    const [audit] = await auditOf(gangneung, "applications.export", cohortId);
    expect(audit).toMatchObject({
      actorUserId: coordinatorUserId,
      after: { format: "csv", filter: { role: "mentor" }, count: 4 },
    });
  });

  it("shows a staff member the announcement and their own application", async () => {
    const [junior] = await eligibleJuniors(1, 33);
    const view = await db.withTenant(gangneung, (tx) =>
      getCohortAnnouncement(tx, { tenantId: gangneung, cohortId, staffMemberId: junior?.id as string }),
    );
    expect(view.announcement).toMatchObject({ kind: "reverse", teamShape: { mentors: { min: 3, max: 3 } } });
    expect(view.application).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
  });
});

describe("tenants", () => {
  it("keeps one city's cohorts out of another's reach", async () => {
    const cohortId = await makeCohort(gangneung, reverse());
    const yonginStaff = await db.withTenant(yongin, (tx) =>
      tx.staffMember.findFirstOrThrow({ where: { tenantId: yongin, active: true } }),
    );
    await expect(
      db.withTenant(yongin, (tx) =>
        applyToCohort(tx, {
          tenantId: yongin,
          cohortId,
          staffMemberId: yonginStaff.id,
          role: "mentor",
          consentVersion: CONSENT_VERSION,
          actorUserId: null,
          now,
          appUrl,
        }),
      ),
    ).rejects.toMatchObject({ code: "cohort.not_found" });
  });

  it("finds no other city's cohort for a coordinator's applicant list", async () => {
    const cohortId = await makeCohort(gangneung, reverse());
    await expect(
      db.withTenantSql(yongin, (sql) =>
        listCohortApplicants(sql, { tenantId: yongin, cohortId, filter: {} }),
      ),
    ).rejects.toMatchObject({ code: "cohort.not_found" });
  });
});
