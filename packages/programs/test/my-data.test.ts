// A person's rights over their data against the real PostgreSQL as the app role (RLS on), on the demo's
// timeline (Gangneung's 2nd cohort a hundred days into its activities: answers, teams, submissions,
// activities, attendance, notices), with a row for each remaining kind of data added for two teammates.
// The export is checked against the tables: every schema column that points at a person is decided on
// (included or left out with a reason), and for each included one the export holds exactly the rows the
// table holds for the person, and none of the teammate's. Then withdrawing consent and corrections.
import { randomUUID } from "node:crypto";
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { type CalendarDate, isAppError } from "@mentoring/domain";
import { renderPersonalDataPdf } from "@mentoring/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../certificates/test/poppler";
import {
  exportMyData,
  getConsentWithdrawal,
  getMyData,
  listCorrectionRequests,
  type PersonalDataExport,
  type PersonKey,
  personalDataColumns,
  personalDataDocument,
  requestCorrection,
  resolveCorrectionRequest,
  withdrawConsent,
} from "../src/my-data";
import { seedDemoTimeline } from "../src/seed-timeline";

const today = "2026-04-09" as CalendarDate;
const APP_URL = "https://mentoring.example.kr";
const now = new Date("2026-04-09T01:00:00Z");

let database: SeededTestDatabase;
let db: Database;
let tenantId = "";
let cohortId = "";
let coordinatorUserId = "";

interface Person {
  staffId: string;
  userId: string;
  name: string;
  email: string;
  phone: string | null;
  employeeNumber: string;
  applicationIds: string[];
}
/** Two members of team 1 (a junior and another member), and a member of team 2 who withdraws later. */
let me: Person;
let teammate: Person;
let leaver: Person;

const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(tenantId, work);
const code = (error: unknown) => (isAppError(error) ? error.code : error);

async function personOf(tx: TenantDb, staffId: string): Promise<Person> {
  const staff = await tx.staffMember.findFirstOrThrow({
    where: { tenantId, id: staffId },
    select: { name: true, phone: true, employeeNumber: true, memberships: { select: { userId: true } } },
  });
  const userId = staff.memberships[0]?.userId as string;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const applications = await tx.application.findMany({ where: { tenantId, staffMemberId: staffId } });
  return {
    staffId,
    userId,
    name: staff.name,
    email: user.email,
    phone: staff.phone,
    employeeNumber: staff.employeeNumber,
    applicationIds: applications.map((application) => application.id),
  };
}

/** One row for the person in each table the timeline leaves without one for them. */
async function addRowsFor(tx: TenantDb, person: Person, scores: { teamId: string }) {
  const application = person.applicationIds[0] as string;
  await tx.userIdentity.create({
    data: { userId: person.userId, issuer: "https://sso.gangneung.go.kr", subject: `sub-${person.staffId}` },
  });
  await tx.invitation.create({
    data: {
      tenantId,
      email: person.email,
      roles: ["participant"],
      tokenHash: randomUUID(),
      expiresAt: now,
      acceptedAt: now,
    },
  });
  await tx.calendarFeed.create({
    data: { tenantId, staffMemberId: person.staffId, tokenHash: randomUUID() },
  });
  await tx.notificationPreference.create({
    data: { tenantId, staffMemberId: person.staffId, kind: "team_nudge", email: false },
  });
  const item = await tx.calendarItem.findFirstOrThrow({
    where: { tenantId, cohortId },
    select: { id: true },
  });
  await tx.eventSignup.create({ data: { tenantId, itemId: item.id, applicationId: application } });
  await tx.attachment.create({
    data: {
      id: randomUUID(),
      tenantId,
      kind: "photo",
      originalName: `${person.employeeNumber}.jpg`,
      mediaType: "image/jpeg",
      size: 1024n,
      storageKey: `${tenantId}/uploads/${randomUUID()}`,
      uploadedByUserId: person.userId,
    },
  });
  // An evaluator's own work is theirs; what they wrote about a team is not that team's members'.
  await tx.membership.updateMany({
    where: { tenantId, userId: person.userId },
    data: { roles: { push: "evaluator" } },
  });
  const assignment = await tx.evaluatorAssignment.create({
    data: { tenantId, cohortId, teamId: scores.teamId, evaluatorUserId: person.userId },
  });
  const evaluation = await tx.evaluation.create({
    data: { tenantId, assignmentId: assignment.id, status: "submitted", submittedAt: now },
  });
  await tx.evaluationScore.create({
    data: {
      tenantId,
      evaluationId: evaluation.id,
      criterionKey: "activity",
      score: 8,
      comment: `note by ${person.name}`,
    },
  });
  await tx.correctionRequest.create({
    data: {
      tenantId,
      staffMemberId: person.staffId,
      field: "position_title",
      currentValue: "주무관",
      requestedValue: "팀장",
    },
  });
  await tx.accessLog.create({
    data: {
      tenantId,
      viewerUserId: coordinatorUserId,
      kind: "directory",
      subjectStaffIds: [person.staffId],
      subjectCount: 1,
      clientAddress: "10.0.0.9",
    },
  });
  await tx.auditLog.create({
    data: {
      tenantId,
      actorUserId: person.userId,
      action: "calendar_feed.create",
      entityType: "calendar_feed",
    },
  });
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedDemoTimeline(db, { today, appUrl: APP_URL });
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  await inCity(async (tx) => {
    cohortId = (await tx.cohort.findFirstOrThrow({ where: { tenantId, number: 2, status: "active" } })).id;
    coordinatorUserId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
    ).userId;
    const teams = await tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: { id: true, members: { select: { application: { select: { staffMemberId: true } } } } },
    });
    const [one, two] = teams as [(typeof teams)[0], (typeof teams)[0]];
    const withAccount = async (team: typeof one) => {
      const found: string[] = [];
      for (const member of team.members) {
        const staffMemberId = member.application.staffMemberId;
        if (await tx.membership.findFirst({ where: { tenantId, staffMemberId } })) found.push(staffMemberId);
      }
      return found;
    };
    const [first, second] = await withAccount(one);
    me = await personOf(tx, first as string);
    teammate = await personOf(tx, second as string);
    leaver = await personOf(tx, (await withAccount(two))[0] as string);
    // I score team 2; my teammate scores our team 1 (its scores are my team's, the note is theirs).
    await addRowsFor(tx, me, { teamId: two.id });
    await addRowsFor(tx, teammate, { teamId: one.id });
    // A piece of work handed in by each: mine of team 1 (whose work the timeline handed in as me), my
    // teammate's one that none of my rows touched (team 2's, for the test's sake).
    for (const [person, teamId] of [
      [me, one.id],
      [teammate, two.id],
    ] as const) {
      const work = await tx.submission.findFirstOrThrow({
        where: { tenantId, teamId },
        select: { id: true },
      });
      await tx.submission.update({ where: { id: work.id }, data: { submittedByUserId: person.userId } });
    }
  });
}, 300_000);

afterAll(() => database?.drop());

const exportOf = (person: Person) =>
  inCity((tx) => exportMyData(tx, { tenantId, userId: person.userId, staffMemberId: person.staffId, now }));

/** The rows' ids a table holds for the person, by the person-pointing columns the export includes. */
async function idsInTable(table: string, person: Person): Promise<Set<string>> {
  const columns = Object.entries(personalDataColumns[table as keyof typeof personalDataColumns]).flatMap(
    ([column, decision]) => ("include" in decision ? [[column, decision.include as PersonKey] as const] : []),
  );
  const arrays = await inCity((tx) =>
    tx.$queryRawUnsafe<{ column_name: string }[]>(
      `select column_name from information_schema.columns
        where table_schema = 'public' and table_name = $1 and data_type = 'ARRAY'`,
      table,
    ),
  );
  const isArray = new Set(arrays.map((row) => row.column_name));
  const where = columns.map(([column, key]) => {
    if (key === "staff")
      return isArray.has(column) ? `$1::uuid = any("${column}")` : `"${column}" = $1::uuid`;
    if (key === "user") return `"${column}" = $2::uuid`;
    if (key === "application") return `"${column}" = any($3::uuid[])`;
    return `lower("${column}") = lower($4)`;
  });
  const rows = await inCity((tx) =>
    tx.$queryRawUnsafe<{ id: string }[]>(
      // Every parameter named, so PostgreSQL knows its type whichever columns the table has.
      `select id::text as id from "${table}"
        where (${where.join(" or ")}) and ($1::uuid, $2::uuid, $3::uuid[], $4::text) is not null`,
      person.staffId,
      person.userId,
      person.applicationIds,
      person.email,
    ),
  );
  return new Set(rows.map((row) => row.id));
}

describe("a person's export", () => {
  let mine: PersonalDataExport;
  beforeAll(async () => {
    mine = await exportOf(me);
  });

  it("decides on every column of the schema that points at a person: included or left out with a reason", async () => {
    const found = await inCity(
      (tx) =>
        tx.$queryRaw<{ table_name: string; column_name: string }[]>`
        select table_name, column_name from information_schema.columns
         where table_schema = 'public' and table_name <> '_prisma_migrations'
           and (column_name ~ '(^|_)(staff_member_id|user_id|application_id)$'
                or column_name = 'subject_staff_ids'
                or (column_name in ('email', 'contact_email', 'to_address') and data_type = 'text')
                or (table_name in ('users', 'staff_members') and column_name = 'id'))
         order by table_name, column_name`,
    );
    const decided = personalDataColumns as Record<string, Record<string, unknown>>;
    const undecided = found.filter((row) => !decided[row.table_name]?.[row.column_name]);
    expect(undecided.map((row) => `${row.table_name}.${row.column_name}`)).toEqual([]);
    // And nothing decided on that the schema does not have (a misspelt table or column).
    const all = await inCity(
      (tx) =>
        tx.$queryRaw<{ name: string }[]>`
        select table_name || '.' || column_name as name from information_schema.columns
         where table_schema = 'public'`,
    );
    const names = new Set(all.map((row) => row.name));
    const listed = Object.entries(decided).flatMap(([table, columns]) =>
      Object.keys(columns).map((column) => `${table}.${column}`),
    );
    expect(listed.filter((name) => !names.has(name))).toEqual([]);
    expect(mine.notIncluded.map((item) => `${item.table}.${item.column}`)).toContain("sessions.user_id");
  });

  it("holds exactly the rows each table holds about the person, at least one in every table", async () => {
    for (const [table, rows] of Object.entries(mine.rows)) {
      const expected = await idsInTable(table, me);
      expect({ table, ids: [...new Set(rows.map((row) => row.id))].sort() }).toEqual({
        table,
        ids: [...expected].sort(),
      });
      expect(expected.size, `rows about the person in ${table}`).toBeGreaterThan(0);
    }
    const staff = mine.rows.staff_members[0];
    expect(staff).toMatchObject({ name: me.name, employeeNumber: me.employeeNumber });
    const application = mine.rows.applications.find((row) => row.cohort !== undefined);
    expect(application?.consentVersion).toEqual(expect.any(String));
    expect(application?.consentAt).toEqual(expect.any(String));
  });

  it("holds none of the teammate's rows nor their private data, and their name only as a team member", async () => {
    const text = JSON.stringify(mine);
    for (const table of Object.keys(mine.rows)) {
      const theirs = [...(await idsInTable(table, teammate))];
      const mineIds = await idsInTable(table, me);
      for (const id of theirs.filter((id) => !mineIds.has(id)))
        expect({
          table,
          id,
          at: text.includes(id) ? text.slice(Math.max(0, text.indexOf(id) - 300), text.indexOf(id) + 40) : "",
        }).toEqual({ table, id, at: "" });
    }
    expect(text).not.toContain(teammate.employeeNumber);
    expect(text).not.toContain(teammate.email);
    if (teammate.phone) expect(text).not.toContain(teammate.phone);
    // The evaluator's note on my team is left out; my own notes as an evaluator are mine.
    expect(text).not.toContain(`note by ${teammate.name}`);
    expect(text).toContain(`note by ${me.name}`);
    const team = mine.related.teams[0] as unknown as { members: { name: string }[] };
    expect(team.members.map((member) => member.name)).toEqual(
      expect.arrayContaining([me.name, teammate.name]),
    );
    expect(mine.related.team_evaluations).toHaveLength(1);
    const withoutTeams = JSON.stringify({ ...mine, related: { ...mine.related, teams: [] } });
    expect(withoutTeams).not.toContain(teammate.name);
  });

  it("prints as a readable PDF: the person, every section, and what is left out", async () => {
    const pdf = await renderPersonalDataPdf(personalDataDocument(mine), { locale: "ko" });
    const text = pdfText(pdf).replace(/\s+/g, " ");
    for (const phrase of [
      "내 정보 열람 자료",
      me.name,
      me.employeeNumber,
      "참가 신청과 동의",
      "설문·진단 응답",
      "팀과 팀원",
      "내 정보를 열람한 기록",
      "담지 않은 정보와 그 이유",
      "sessions (user_id)",
    ])
      expect(text).toContain(phrase);
    expect(text).not.toContain(teammate.employeeNumber);
    const english = pdfText(await renderPersonalDataPdf(personalDataDocument(mine), { locale: "en" }));
    expect(english.replace(/\s+/g, " ")).toContain("Applications and consent");
  });

  it("is answered at once: a person's rows are few", async () => {
    const started = performance.now();
    await exportOf(me);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("withdrawing consent for a cohort", () => {
  it("explains first that they will leave their team and who is told", async () => {
    const page = await inCity((tx) =>
      getConsentWithdrawal(tx, { tenantId, cohortId, staffMemberId: leaver.staffId }),
    );
    expect(page.withdrawnAt).toBeNull();
    expect(page.effects).toMatchObject({ withdrawsApplication: true, placeToWaitlist: false, leavesTeam: 2 });
  });

  it("withdraws the application, takes them out of their team, records the moment, tells the coordinators, once", async () => {
    const withdraw = () =>
      inCity((tx) =>
        withdrawConsent(tx, {
          tenantId,
          cohortId,
          staffMemberId: leaver.staffId,
          actorUserId: leaver.userId,
          now,
          appUrl: APP_URL,
        }),
      );
    const [first, second] = [await withdraw(), await withdraw()];
    expect(first).toEqual({ outcome: "withdrawn", leftTeam: 2, withdrawnAt: now });
    expect(second.outcome).toBe("already");
    const state = await inCity(async (tx) => ({
      application: await tx.application.findFirstOrThrow({
        where: { tenantId, cohortId, staffMemberId: leaver.staffId },
        select: { status: true, consentWithdrawnAt: true, withdrawnAt: true, teamMembers: true },
      }),
      notices: await tx.notification.findMany({ where: { tenantId, kind: "consent_withdrawn" } }),
      audits: await tx.auditLog.count({ where: { tenantId, action: "application.consent_withdraw" } }),
    }));
    expect(state.application).toMatchObject({
      status: "withdrawn",
      consentWithdrawnAt: now,
      withdrawnAt: now,
    });
    expect(state.application.teamMembers).toEqual([]);
    expect(state.notices.length).toBeGreaterThan(0);
    expect(state.notices[0]?.params).toMatchObject({ name: leaver.name, teamNumber: 2 });
    expect(state.audits).toBe(1);
    const mails = await db.platform.outgoingEmail.findMany({ where: { kind: "consent_withdrawn" } });
    expect(mails.length).toBeGreaterThanOrEqual(
      state.notices.filter((notice) => notice.emailId !== null).length,
    );
    expect(mails[0]?.subject).toContain(leaver.name);
    const page = await inCity((tx) =>
      getConsentWithdrawal(tx, { tenantId, cohortId, staffMemberId: leaver.staffId }),
    );
    expect(page.withdrawnAt).toEqual(now);
  });

  it("while recruiting, withdraws an accepted application and gives its place to the first on the waitlist", async () => {
    // Yongin's 2nd cohort recruits: one mentor's place, taken, and one mentor waiting.
    const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
    const setUp = await db.withTenant(yongin, async (tx) => {
      const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId: yongin, status: "recruiting" } });
      await tx.cohort.update({ where: { id: cohort.id }, data: { quotaMentor: 1 } });
      const staff = await tx.staffMember.findMany({
        where: { tenantId: yongin, memberships: { some: {} } },
        take: 2,
        select: { id: true, memberships: { select: { userId: true } } },
      });
      const [holder, waiting] = staff as [(typeof staff)[0], (typeof staff)[0]];
      const apply = (staffMemberId: string, status: "accepted" | "waitlisted", minutes: number) =>
        tx.application.create({
          data: {
            tenantId: yongin,
            cohortId: cohort.id,
            staffMemberId,
            role: "mentor",
            status,
            consentVersion: "2026-01",
            consentAt: now,
            submittedAt: new Date(now.getTime() + minutes * 60_000),
            eligibility: {},
          },
        });
      await apply(holder.id, "accepted", 0);
      const next = await apply(waiting.id, "waitlisted", 1);
      return { cohortId: cohort.id, holder, next: next.id };
    });
    const page = await db.withTenant(yongin, (tx) =>
      getConsentWithdrawal(tx, {
        tenantId: yongin,
        cohortId: setUp.cohortId,
        staffMemberId: setUp.holder.id,
      }),
    );
    expect(page.effects).toMatchObject({
      withdrawsApplication: true,
      placeToWaitlist: true,
      leavesTeam: null,
    });
    const done = await db.withTenant(yongin, (tx) =>
      withdrawConsent(tx, {
        tenantId: yongin,
        cohortId: setUp.cohortId,
        staffMemberId: setUp.holder.id,
        actorUserId: setUp.holder.memberships[0]?.userId as string,
        now,
        appUrl: APP_URL,
      }),
    );
    expect(done).toEqual({ outcome: "withdrawn", leftTeam: null, withdrawnAt: now });
    const after = await db.withTenant(yongin, (tx) =>
      tx.application.findMany({
        where: { tenantId: yongin, cohortId: setUp.cohortId },
        orderBy: { submittedAt: "asc" },
        select: { id: true, status: true, consentWithdrawnAt: true },
      }),
    );
    expect(after).toEqual([
      { id: expect.any(String), status: "withdrawn", consentWithdrawnAt: now },
      { id: setUp.next, status: "accepted", consentWithdrawnAt: null },
    ]);
  });

  it("is refused for a cohort they gave no consent for", async () => {
    const otherCohort = await inCity((tx) =>
      tx.cohort.findFirstOrThrow({ where: { tenantId, id: { not: cohortId } }, select: { id: true } }),
    );
    const error = await inCity((tx) =>
      withdrawConsent(tx, {
        tenantId,
        cohortId: otherCohort.id,
        staffMemberId: me.staffId,
        actorUserId: me.userId,
        now,
        appUrl: APP_URL,
      }),
    ).catch((caught: unknown) => caught);
    expect(code(error)).toBe("my_data.no_application");
  });
});

describe("a correction of directory data", () => {
  const ask = (requestedValue: string) =>
    inCity((tx) =>
      requestCorrection(tx, {
        tenantId,
        staffMemberId: me.staffId,
        actorUserId: me.userId,
        field: "phone",
        requestedValue,
        note: "내선 번호가 바뀌었습니다",
        appUrl: APP_URL,
      }),
    );

  it("records the current value beside the one asked for, once however often it is sent", async () => {
    const before = await inCity((tx) => getMyData(tx, { tenantId, staffMemberId: me.staffId }));
    const current = before.directory?.find((row) => row.field === "phone")?.value;
    expect(code(await ask(current ?? "").catch((error: unknown) => error))).toBe(
      "my_data.correction_unchanged",
    );
    const [first, second] = [await ask("033-640-1234"), await ask("033-640-1234")];
    expect(first.outcome).toBe("sent");
    expect(second).toEqual({ outcome: "already_pending", requestId: first.requestId });
    // The city's admins are mailed once, the second press mails no one.
    const admins = await inCity((tx) =>
      tx.membership.count({ where: { tenantId, roles: { has: "tenant_admin" } } }),
    );
    const told = await db.platform.outgoingEmail.findMany({ where: { kind: "correction_requested" } });
    expect(told).toHaveLength(admins);
    expect(told[0]?.subject).toContain(me.name);
    const list = await inCity((tx) => listCorrectionRequests(tx, { tenantId }));
    const pending = list.pending.find((row) => row.id === first.requestId);
    expect(pending).toMatchObject({
      name: me.name,
      field: "phone",
      currentValue: current,
      requestedValue: "033-640-1234",
    });
  });

  it("is declined only with a reason, resolved once, and the person is told", async () => {
    const list = await inCity((tx) => listCorrectionRequests(tx, { tenantId }));
    const request = list.pending.find((row) => row.field === "phone" && row.name === me.name);
    const resolve = (outcome: "applied" | "declined", reason?: string) =>
      inCity((tx) =>
        resolveCorrectionRequest(tx, {
          tenantId,
          correctionRequestId: request?.id as string,
          outcome,
          reason,
          actorUserId: coordinatorUserId,
          now,
          appUrl: APP_URL,
        }),
      ).catch((error: unknown) => error);
    expect(code(await resolve("declined", " "))).toBe("my_data.decline_reason_required");
    expect(await resolve("declined", "인사 시스템의 번호가 맞습니다")).toMatchObject({ outcome: "declined" });
    expect(code(await resolve("applied"))).toBe("my_data.correction_resolved");
    const mine = await inCity((tx) => getMyData(tx, { tenantId, staffMemberId: me.staffId }));
    expect(mine.corrections.find((row) => row.id === request?.id)).toMatchObject({
      status: "declined",
      declineReason: "인사 시스템의 번호가 맞습니다",
    });
    const notice = await inCity((tx) =>
      tx.notification.findFirst({
        where: { tenantId, staffMemberId: me.staffId, kind: "correction_resolved" },
      }),
    );
    expect(notice?.params).toEqual({ field: "phone", outcome: "declined" });
    const audits = await inCity((tx) =>
      tx.auditLog.count({ where: { tenantId, entityType: "correction_request", entityId: request?.id } }),
    );
    expect(audits).toBe(2);
  });
});
