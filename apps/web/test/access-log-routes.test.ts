// The personal-data access log through the pages that show personal data, called as Remix would call them
// against a real database: each kind of view writes one row naming who viewed (user and staff member),
// whose data (staff members), what, which cohort or team, from which address and in which request; a
// member's own data is not recorded as someone else's view; and the privacy officer's search page and its
// CSV find those rows, refusing another city's member (404) and a member without privacy.review (403).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { previousAccessMonth } from "@mentoring/domain";
import {
  assignEvaluator,
  generateCohortReport,
  listCohortApplicants,
  publishRun,
  requestCohortReport,
  runMatching,
  startMatchingRun,
  tenantToday,
  transitionCohort,
} from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { sendAccessReviews } from "@mentoring/tenants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as activities } from "../app/routes/$tenant.activities";
import { loader as accessLogPage } from "../app/routes/$tenant.admin.access-log";
import { loader as accessLogExport } from "../app/routes/$tenant.admin.access-log.export";
import { loader as directoryImport } from "../app/routes/$tenant.admin.directory.$importId";
import { loader as portfolio } from "../app/routes/$tenant.evaluations.$teamId";
import { loader as applicants } from "../app/routes/$tenant.programs.cohorts.$cohortId.applicants";
import { loader as applicantsExport } from "../app/routes/$tenant.programs.cohorts.$cohortId.applicants.export";
import { loader as matching } from "../app/routes/$tenant.programs.cohorts.$cohortId.matching";
import { loader as outcomes } from "../app/routes/$tenant.programs.cohorts.$cohortId.outcomes";
import { loader as progressExport } from "../app/routes/$tenant.programs.cohorts.$cohortId.progress.export";
import { loader as reportFile } from "../app/routes/$tenant.programs.cohorts.$cohortId.report.$runId.$format";
import { tenantLoader } from "../app/services/route-builder.server";
import { cohortParams as cohortParamsSchema } from "../app/services/route-params";
import type { Services } from "../app/services/services.server";
import { get, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
let storageDir: string;
const city = { slug: "gangneung", tenantId: "", cohortId: "" };
type Who =
  | "coordinator"
  | "executive"
  | "admin"
  | "evaluator"
  | "mentor"
  | "officer"
  | "participant"
  | "outsider";
const people = {} as Record<Who, { userId: string; staffMemberId: string | null }>;
const browsers = {} as Record<Who, Awaited<ReturnType<typeof signedInBrowser>>>;
const team = { id: "", staff: [] as string[], mentorApplication: "", menteeApplication: "", menteeStaff: "" };
let acceptedStaff: string[] = [];
let applicantStaff: string[] = [];
let reportRunId = "";
let importId = "";
const invalidEmployeeNumbers: string[] = [];

let address = 0;
const from = () => `198.51.100.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  storageDir = mkdtempSync(path.join(os.tmpdir(), "access-log-routes-"));
  services = servicesWithoutRedis(db, { STORAGE_DIR: storageDir });
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const inCity = <T>(work: Parameters<typeof db.withTenant<T>>[1]) => db.withTenant(tenantId, work);
  const member = (role: string) =>
    inCity((tx) =>
      tx.membership.findFirstOrThrow({
        where: { tenantId, roles: { has: role as never } },
        select: { userId: true, staffMemberId: true },
      }),
    );
  people.coordinator = await member("coordinator");
  people.executive = await member("executive");
  people.admin = await member("tenant_admin");
  city.cohortId = (
    await inCity((tx) => tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } }))
  ).id;
  const acting = { tenantId, cohortId: city.cohortId, actorUserId: people.coordinator.userId };

  // Teams published through the use cases, as the coordinator does it.
  await inCity((tx) =>
    transitionCohort(tx, {
      ...acting,
      to: "matching",
      override: true,
      reason: "매칭 일정 시작",
      today: tenantToday("Asia/Seoul"),
      appUrl: "http://localhost",
    }),
  );
  const { runId } = await inCity((tx) => startMatchingRun(tx, acting));
  await runMatching(db, { tenantId, runId });
  await inCity((tx) => publishRun(tx, { ...acting, runId, appUrl: "http://localhost" }));

  await inCity(async (tx) => {
    applicantStaff = (
      await tx.application.findMany({
        where: { tenantId, cohortId: city.cohortId },
        select: { staffMemberId: true },
      })
    ).map((row) => row.staffMemberId);
    const members = await tx.teamMember.findMany({
      where: { tenantId, cohortId: city.cohortId },
      select: {
        teamId: true,
        role: true,
        applicationId: true,
        application: { select: { staffMemberId: true } },
      },
      orderBy: { role: "asc" },
    });
    acceptedStaff = members.map((row) => row.application.staffMemberId);
    const first = members[0] as (typeof members)[number];
    team.id = first.teamId;
    const own = members.filter((row) => row.teamId === team.id);
    team.staff = own.map((row) => row.application.staffMemberId);
    const mentor = own.find((row) => row.role === "mentor") as (typeof own)[number];
    const mentee = own.find((row) => row.role === "mentee") as (typeof own)[number];
    team.mentorApplication = mentor.applicationId;
    team.menteeApplication = mentee.applicationId;
    team.menteeStaff = mentee.application.staffMemberId;
    const mentorMember = await tx.membership.findFirstOrThrow({
      where: { tenantId, staffMemberId: mentor.application.staffMemberId },
      select: { userId: true, staffMemberId: true },
    });
    people.mentor = mentorMember;
    // Another participant, of another team: has no privacy.review.
    const other = members.find((row) => row.teamId !== team.id) as (typeof members)[number];
    people.participant = await tx.membership.findFirstOrThrow({
      where: { tenantId, staffMemberId: other.application.staffMemberId },
      select: { userId: true, staffMemberId: true },
    });
    // A counselling meeting of the mentor and the mentee, with the mentee's notes, and a team activity.
    const meeting = await tx.activity.create({
      data: {
        tenantId,
        cohortId: city.cohortId,
        teamId: team.id,
        kind: "meeting",
        happenedOn: new Date("2025-04-02"),
        minutes: 60,
        topic: "첫 면담",
        notes: "업무 고민 상담",
      },
    });
    await tx.activityParticipant.createMany({
      data: [team.mentorApplication, team.menteeApplication].map((applicationId) => ({
        tenantId,
        activityId: meeting.id,
        applicationId,
      })),
    });
    // An outside evaluator assigned to the team; a privacy officer.
    const trainer = await tx.user.create({
      data: { email: "trainer@access-log.example.kr", displayName: "외부 평가위원" },
    });
    await tx.membership.create({ data: { tenantId, userId: trainer.id, roles: ["evaluator"] } });
    await assignEvaluator(tx, { ...acting, teamId: team.id, evaluatorUserId: trainer.id, now: new Date() });
    people.evaluator = { userId: trainer.id, staffMemberId: null };
    const officer = await tx.user.create({
      data: { email: "privacy@access-log.example.kr", displayName: "개인정보 보호책임자" },
    });
    await tx.membership.create({ data: { tenantId, userId: officer.id, roles: ["privacy_officer"] } });
    people.officer = { userId: officer.id, staffMemberId: null };
    // A directory import whose invalid rows name two people on the staff and one not (yet).
    const staff = await tx.staffMember.findMany({
      where: { tenantId },
      take: 2,
      orderBy: { employeeNumber: "asc" },
      select: { employeeNumber: true, name: true },
    });
    const upload = await tx.directoryImport.create({
      data: {
        tenantId,
        fileName: "직원.csv",
        format: "csv",
        encoding: "utf-8",
        status: "ready",
        totalRows: 3,
      },
    });
    importId = upload.id;
    const rows = [...staff, { employeeNumber: "NEW-0001", name: "신규 직원" }];
    for (const [index, row] of rows.entries()) {
      invalidEmployeeNumbers.push(row.employeeNumber);
      await tx.directoryImportRow.create({
        data: {
          tenantId,
          importId,
          rowNumber: index + 2,
          action: "invalid",
          data: { display: { employeeNumber: row.employeeNumber, name: row.name } },
          errors: [{ column: "grade", code: "grade_invalid" }],
        },
      });
    }
  });
  const report = await inCity((tx) => requestCohortReport(tx, { ...acting, locale: "ko", now: new Date() }));
  reportRunId = report.runId;
  await generateCohortReport(db, { tenantId, runId: reportRunId, storageDir, now: new Date() });

  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  people.outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({
      where: { tenantId: yongin, roles: { has: "tenant_admin" } },
      select: { userId: true, staffMemberId: true },
    }),
  );
  for (const who of Object.keys(people) as Who[])
    browsers[who] = await signedInBrowser(services, people[who].userId);
}, 240_000);

afterAll(async () => {
  await database?.drop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

const base = () => `/${city.slug}`;
const cohortPath = () => `${base()}/programs/cohorts/${city.cohortId}`;
const cohortParams = () => ({ tenant: city.slug, cohortId: city.cohortId });

/** The rows written since `before` (their ids), newest last. */
const logs = () =>
  db.withTenant(city.tenantId, (tx) =>
    tx.accessLog.findMany({ where: { tenantId: city.tenantId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
  );

/** Opens a page as `who` from a fresh address and answers the rows it wrote and its status. */
async function view(
  who: Who,
  loader: Parameters<typeof get>[0],
  pathName: string,
  params: Record<string, string>,
) {
  const before = new Set((await logs()).map((row) => row.id));
  const clientAddress = from();
  const outcome = await get(loader, services, browsers[who], {
    path: pathName,
    address: clientAddress,
    params,
  });
  const written = (await logs()).filter((row) => !before.has(row.id));
  return { outcome, written, clientAddress };
}

const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();

describe("each kind of view writes its row", () => {
  it("applicant_list: the coordinator's applicant list names every applicant listed", async () => {
    const { outcome, written, clientAddress } = await view(
      "coordinator",
      applicants,
      `${cohortPath()}/applicants`,
      cohortParams(),
    );
    expect(outcome.status).toBe(200);
    expect(written).toHaveLength(1);
    const [row] = written;
    expect(row).toMatchObject({
      viewerUserId: people.coordinator.userId,
      viewerStaffMemberId: people.coordinator.staffMemberId,
      kind: "applicant_list",
      cohortId: city.cohortId,
      clientAddress,
      requestId: "test",
    });
    const others = applicantStaff.filter((id) => id !== people.coordinator.staffMemberId);
    expect(sorted(row?.subjectStaffIds ?? [])).toEqual(sorted(others));
    expect(row?.subjectCount).toBe(new Set(others).size);
  });

  it("applicant_export: the download names every applicant in the file", async () => {
    const { outcome, written } = await view(
      "coordinator",
      applicantsExport,
      `${cohortPath()}/applicants/export?format=csv`,
      cohortParams(),
    );
    expect(outcome.status).toBe(200);
    expect(written.map((row) => row.kind)).toEqual(["applicant_export"]);
    expect(written[0]?.subjectCount).toBe(
      new Set(applicantStaff.filter((id) => id !== people.coordinator.staffMemberId)).size,
    );
  });

  it("survey_answers: the matching review names every person of the run", async () => {
    const { outcome, written } = await view(
      "coordinator",
      matching,
      `${cohortPath()}/matching`,
      cohortParams(),
    );
    expect(outcome.status).toBe(200);
    expect(written.map((row) => row.kind)).toEqual(["survey_answers"]);
    expect(sorted(written[0]?.subjectStaffIds ?? [])).toEqual(sorted(acceptedStaff));
  });

  it("diagnostic_results: each person's change seen by the coordinator; an executive's summary writes none", async () => {
    const coordinator = await view("coordinator", outcomes, `${cohortPath()}/outcomes`, cohortParams());
    expect(coordinator.outcome.status).toBe(200);
    expect(coordinator.written.map((row) => row.kind)).toEqual(["diagnostic_results"]);
    expect(sorted(coordinator.written[0]?.subjectStaffIds ?? [])).toEqual(sorted(acceptedStaff));
    const executive = await view("executive", outcomes, `${cohortPath()}/outcomes`, cohortParams());
    expect(executive.outcome.status).toBe(200);
    expect(executive.written).toEqual([]);
  });

  it("counselling_meetings: the mentor reading the meeting's notes is recorded as viewing the mentee, not themself", async () => {
    const { outcome, written } = await view("mentor", activities, `${base()}/activities`, {
      tenant: city.slug,
    });
    expect(outcome.status).toBe(200);
    expect(JSON.stringify(outcome.body)).toContain("업무 고민 상담");
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      kind: "counselling_meetings",
      viewerUserId: people.mentor.userId,
      viewerStaffMemberId: people.mentor.staffMemberId,
      subjectStaffIds: [team.menteeStaff],
      subjectCount: 1,
    });
  });

  it("directory: an import's invalid rows count every person listed, naming those on the staff", async () => {
    const { outcome, written } = await view(
      "admin",
      directoryImport,
      `${base()}/admin/directory/${importId}`,
      {
        tenant: city.slug,
        importId,
      },
    );
    expect(outcome.status).toBe(200);
    expect(written.map((row) => row.kind)).toEqual(["directory"]);
    expect(written[0]?.subjectCount).toBe(3);
    expect(written[0]?.subjectStaffIds).toHaveLength(2);
  });

  it("evaluation_portfolio: the evaluator's view of the team names its members, the team and the cohort", async () => {
    const { outcome, written } = await view("evaluator", portfolio, `${base()}/evaluations/${team.id}`, {
      tenant: city.slug,
      teamId: team.id,
    });
    expect(outcome.status).toBe(200);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      kind: "evaluation_portfolio",
      viewerUserId: people.evaluator.userId,
      viewerStaffMemberId: null,
      teamId: team.id,
      cohortId: city.cohortId,
    });
    expect(sorted(written[0]?.subjectStaffIds ?? [])).toEqual(sorted(team.staff));
  });

  it("team_progress_export: the file of every team's progress names every team member", async () => {
    const { outcome, written } = await view(
      "coordinator",
      progressExport,
      `${cohortPath()}/progress/export`,
      cohortParams(),
    );
    expect(outcome.status).toBe(200);
    expect(written.map((row) => row.kind)).toEqual(["team_progress_export"]);
    expect(sorted(written[0]?.subjectStaffIds ?? [])).toEqual(sorted(acceptedStaff));
  });

  it("cohort_report: downloading the final report names the cohort's team members", async () => {
    const { outcome, written } = await view(
      "coordinator",
      reportFile,
      `${cohortPath()}/report/${reportRunId}/pdf`,
      { ...cohortParams(), runId: reportRunId, format: "pdf" },
    );
    expect(outcome.status).toBe(200);
    expect(written.map((row) => row.kind)).toEqual(["cohort_report"]);
    expect(sorted(written[0]?.subjectStaffIds ?? [])).toEqual(sorted(acceptedStaff));
  });

  it("a refused view writes nothing: a participant at the applicant list (403), another city's member (404)", async () => {
    const participant = await view("participant", applicants, `${cohortPath()}/applicants`, cohortParams());
    expect(participant.outcome.status).toBe(403);
    const outsider = await view("outsider", applicants, `${cohortPath()}/applicants`, cohortParams());
    expect(outsider.outcome.status).toBe(404);
    expect([...participant.written, ...outsider.written]).toEqual([]);
  });
});

describe("the pages that show personal data", () => {
  // The route modules each kind is recorded by: removing a declaration (or renaming a kind) fails here.
  const declared: Record<string, string> = {
    "$tenant.programs.cohorts.$cohortId.applicants.tsx": "applicant_list",
    "$tenant.programs.cohorts.$cohortId.applicants.export.tsx": "applicant_export",
    "$tenant.programs.cohorts.$cohortId.matching.tsx": "survey_answers",
    "$tenant.programs.cohorts.$cohortId.outcomes.tsx": "diagnostic_results",
    "$tenant.activities.tsx": "counselling_meetings",
    "$tenant.admin.directory.$importId.tsx": "directory",
    "$tenant.evaluations.$teamId.tsx": "evaluation_portfolio",
    "$tenant.programs.cohorts.$cohortId.progress.export.tsx": "team_progress_export",
    "$tenant.programs.cohorts.$cohortId.report.$runId.$format.tsx": "cohort_report",
  };

  it("declare their access log in their loader, one kind each", () => {
    for (const [file, kind] of Object.entries(declared)) {
      const source = readFileSync(new URL(`../app/routes/${file}`, import.meta.url), "utf8");
      expect(source, file).toContain("accessLog:");
      expect(source, file).toContain(`kind: "${kind}"`);
    }
  });
});

describe("a view whose record cannot be written", () => {
  // The applicant list as its route reads it, but declaring a cohort id the log cannot store: the row's
  // insert fails inside the read's transaction.
  const unrecordable = tenantLoader(
    { permission: "applications.review", params: cohortParamsSchema },
    async ({ params, tenant, withTenantSql }) =>
      withTenantSql(
        (sql) => listCohortApplicants(sql, { tenantId: tenant.id, cohortId: params.cohortId, filter: {} }),
        {
          accessLog: ({ rows }) => ({
            kind: "applicant_list",
            subjects: { applicationIds: rows.map((row) => row.applicationId) },
            cohortId: "not-a-cohort-id",
          }),
        },
      ),
  );

  it("is not shown: the page fails with the write, and nothing is recorded half-way", async () => {
    const before = (await logs()).length;
    await expect(
      get(unrecordable, services, browsers.coordinator, {
        path: `${cohortPath()}/applicants`,
        address: from(),
        params: cohortParams(),
      }),
    ).rejects.toThrow(/uuid/);
    expect(await logs()).toHaveLength(before);
  });
});

describe("the privacy officer's access log", () => {
  const page = (who: Who, search = "") =>
    get(accessLogPage, services, browsers[who], {
      path: `${base()}/admin/access-log${search}`,
      address: from(),
      params: { tenant: city.slug },
    });
  const csv = (who: Who, search = "") =>
    get(accessLogExport, services, browsers[who], {
      path: `${base()}/admin/access-log/export${search}`,
      address: from(),
      params: { tenant: city.slug },
    });

  it("refuses another city's member (404) and members without privacy.review (403), page and file alike", async () => {
    expect((await page("outsider")).status).toBe(404);
    expect((await csv("outsider")).status).toBe(404);
    for (const who of ["participant", "coordinator", "admin"] as const) {
      expect((await page(who)).status).toBe(403);
      expect((await csv(who)).status).toBe(403);
    }
  });

  it("finds the mentee's data viewed by the mentor, by the mentee's name, and only that", async () => {
    const mentee = await db.withTenant(city.tenantId, (tx) =>
      tx.staffMember.findUniqueOrThrow({ where: { id: team.menteeStaff }, select: { name: true } }),
    );
    const found = await page(
      "officer",
      `?person=${encodeURIComponent(mentee.name)}&kind=counselling_meetings`,
    );
    expect(found.status).toBe(200);
    const body = found.body as { rows: { kind: string; whose: string; viewer: string }[]; total: number };
    expect(body.total).toBe(1);
    expect(body.rows[0]).toMatchObject({ kind: "면담·상담 기록" });
    expect(body.rows[0]?.whose).toContain(mentee.name);
  });

  it("lists the monthly reviews sent, each month linking to its days' records", async () => {
    const now = new Date();
    await sendAccessReviews(db, { now, appUrl: "http://localhost" });
    const month = previousAccessMonth(now, "Asia/Seoul");
    const body = (await page("officer")).body as {
      reviews: { month: string; search: string; recipients: string }[];
    };
    expect(body.reviews).toHaveLength(1);
    expect(body.reviews[0]).toMatchObject({
      month: `${month.firstDay.slice(0, 4)}년 ${Number(month.firstDay.slice(5, 7))}월`,
      search: `${base()}/admin/access-log?from=${month.firstDay}&to=${month.lastDay}`,
      recipients: "1",
    });
  });

  it("exports the search as CSV with every person named", async () => {
    const file = await csv("officer", "?kind=evaluation_portfolio");
    expect(file.status).toBe(200);
    const response = file.body as Response;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder().decode(await response.arrayBuffer());
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("평가 포트폴리오");
    expect(lines[1]).toContain("외부 평가위원");
  });
});
