// The junior board end to end through the use cases, on the seeded cities as the app role (RLS on):
// members apply in the one role a board recruits, the cohort goes from recruitment straight to activities,
// members propose (alone or together), executives review and answer, every change is audited, the proposers
// are told through the outbox, and nothing of it is visible from another city.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  type AppErrorCode,
  CONSENT_VERSION,
  calendarDate,
  isAppError,
  plannedFields,
} from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerBoardProposal, listBoardProposals, listMyBoards, proposeBoardPolicy } from "../src/board";
import { planCohortCalendarItems } from "../src/calendar";
import { createCohort, getCohortOverview, transitionCohort, updateCohortSchedule } from "../src/cohorts";
import { applyToCohort } from "../src/recruitment";
import { copyBuiltinTemplate } from "../src/templates";

let database: SeededTestDatabase;
let db: Database;
let gangneung = "";
let yongin = "";
let coordinatorUserId = "";
let executiveUserId = "";
let cohortId = "";
let reverseCohortId = "";
/** Staff eligible as board members (grade 6-9, at most ten years of service), by id. */
let juniors: string[] = [];
/** Each applied junior's application id, by staff id. */
const applicationOf = new Map<string, string>();
const appUrl = "https://mentoring.example.kr";
// Recruitment 2 to 16 March 2026 (KST), activities from 17 March.
const duringRecruitment = new Date("2026-03-05T01:00:00Z");
const duringActivities = new Date("2026-04-09T01:00:00Z");

type CityTx = Parameters<Parameters<Database["withTenant"]>[1]>[0];
const inCity = <T>(work: (tx: CityTx) => Promise<T>): Promise<T> => db.withTenant(gangneung, work);

async function refusal(promise: Promise<unknown>): Promise<AppErrorCode | "none"> {
  try {
    await promise;
    return "none";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const city = database.seeded.find((summary) => summary.slug === "gangneung");
  gangneung = city?.tenantId as string;
  yongin = database.seeded.find((summary) => summary.slug === "yongin")?.tenantId as string;
  const userOf = async (role: string) =>
    (
      await db.platform.user.findUniqueOrThrow({
        where: {
          email: city?.accounts.find((account) => account.roles.includes(role as never))?.email as string,
        },
      })
    ).id;
  coordinatorUserId = await userOf("coordinator");
  executiveUserId = await userOf("executive");
  await db.withTenant(gangneung, async (tx) => {
    const acting = { tenantId: gangneung, actorUserId: coordinatorUserId };
    const { templateId } = await copyBuiltinTemplate(tx, { ...acting, builtinKey: "junior_board" });
    cohortId = (
      await createCohort(tx, {
        ...acting,
        form: { templateId, recruitmentStart: "2026-03-02" },
        today: calendarDate("2026-02-20"),
      })
    ).cohortId;
    juniors = (
      await tx.staffMember.findMany({
        where: {
          tenantId: gangneung,
          active: true,
          grade: { gte: 6, lte: 9 },
          hireDate: { gte: new Date("2017-01-01") },
          email: { not: null },
        },
        orderBy: { employeeNumber: "asc" },
        take: 4,
        select: { id: true },
      })
    ).map((row) => row.id);
    // A mentoring cohort beside it, with one applicant: neither its page nor its people are the board's.
    const reverse = await copyBuiltinTemplate(tx, { ...acting, builtinKey: "reverse_mentoring" });
    reverseCohortId = (
      await createCohort(tx, {
        ...acting,
        form: { templateId: reverse.templateId, recruitmentStart: "2026-03-02" },
        today: calendarDate("2026-02-20"),
      })
    ).cohortId;
    await tx.application.create({
      data: {
        tenantId: gangneung,
        cohortId: reverseCohortId,
        staffMemberId: juniors[3] as string,
        role: "mentor",
        status: "accepted",
        eligibility: {},
      },
    });
  });
  expect(juniors).toHaveLength(4);
}, 120_000);

afterAll(() => database?.drop());

const apply = (staffMemberId: string, role: "mentor" | "mentee") =>
  inCity((tx) =>
    applyToCohort(tx, {
      tenantId: gangneung,
      cohortId,
      staffMemberId,
      role,
      consentVersion: CONSENT_VERSION,
      actorUserId: null,
      now: duringRecruitment,
      appUrl,
    }),
  );

const propose = (staffMemberId: string, title: string, co: string[] = []) =>
  inCity((tx) =>
    proposeBoardPolicy(tx, {
      tenantId: gangneung,
      cohortId,
      staffMemberId,
      actorUserId: coordinatorUserId,
      title,
      body: `${title}에 관한 제안입니다.\n둘째 줄.`,
      coProposerApplicationIds: co,
    }),
  );

const answer = (proposalId: string, to: "reviewed" | "adopted" | "declined", reply?: string) =>
  inCity((tx) =>
    answerBoardProposal(tx, {
      tenantId: gangneung,
      cohortId,
      proposalId,
      to,
      reply,
      actorUserId: executiveUserId,
      actorName: "김시장",
      now: duringActivities,
      appUrl,
    }),
  );

describe("a junior board's schedule", () => {
  it("is saved from the dates it is planned by: the phases it skips take the last day of recruitment", async () => {
    const today = calendarDate("2026-02-20");
    const { schedule } = await inCity((tx) =>
      getCohortOverview(tx, { tenantId: gangneung, cohortId, today }),
    );
    const planned = Object.fromEntries(plannedFields("board").map((field) => [field, schedule[field]]));
    expect(Object.keys(planned)).not.toContain("matching");
    await inCity((tx) =>
      updateCohortSchedule(tx, {
        tenantId: gangneung,
        cohortId,
        schedule: planned,
        actorUserId: null,
        today,
      }),
    );
    const saved = await inCity((tx) => getCohortOverview(tx, { tenantId: gangneung, cohortId, today }));
    expect(saved.schedule).toEqual({
      ...schedule,
      orientation: schedule.recruitmentEnd,
      matching: schedule.recruitmentEnd,
      ceremony: schedule.recruitmentEnd,
    });
  });
});

describe("recruiting a junior board", () => {
  it("takes members in the one role it recruits and refuses the other", async () => {
    await inCity((tx) =>
      transitionCohort(tx, {
        tenantId: gangneung,
        cohortId,
        to: "recruiting",
        override: false,
        reason: null,
        actorUserId: coordinatorUserId,
        today: calendarDate("2026-03-02"),
        appUrl,
      }),
    );
    expect(await refusal(apply(juniors[3] as string, "mentee"))).toBe("recruitment.unknown_role");
    for (const staffId of juniors.slice(0, 3)) {
      const placed = await apply(staffId, "mentor");
      expect(placed.outcome).toBe("accepted");
    }
    const applications = await inCity((tx) =>
      tx.application.findMany({
        where: { tenantId: gangneung, cohortId },
        select: { id: true, staffMemberId: true, role: true },
      }),
    );
    for (const row of applications) applicationOf.set(row.staffMemberId, row.id);
    expect(applications.map((row) => row.role)).toEqual(["mentor", "mentor", "mentor"]);
  });

  it("goes from recruitment straight to activities when the coordinator closes recruitment", async () => {
    const overview = await inCity((tx) =>
      getCohortOverview(tx, { tenantId: gangneung, cohortId, today: calendarDate("2026-03-17") }),
    );
    expect(overview.kind).toBe("board");
    expect(overview.next).toEqual({ to: "active", problems: [] });
    const moved = await inCity((tx) =>
      transitionCohort(tx, {
        tenantId: gangneung,
        cohortId,
        to: "active",
        override: false,
        reason: null,
        actorUserId: coordinatorUserId,
        today: calendarDate("2026-03-17"),
        appUrl,
      }),
    );
    expect(moved).toMatchObject({ from: "recruiting", to: "active" });
  });

  it("has the monthly proposal meeting with the mayor on its program calendar", async () => {
    await inCity((tx) =>
      planCohortCalendarItems(tx, { tenantId: gangneung, cohortId, actorUserId: coordinatorUserId }),
    );
    const meetings = await inCity((tx) =>
      tx.calendarItem.findMany({
        where: { tenantId: gangneung, cohortId, title: "정책제안 간담회" },
        orderBy: { startsAt: "asc" },
        select: { kind: true, startsAt: true },
      }),
    );
    // Activities from 17 March 2026 to 31 January 2027: one meeting in each of the eleven months.
    expect(meetings.length).toBeGreaterThanOrEqual(10);
    expect(meetings.every((meeting) => meeting.kind === "event")).toBe(true);
  });
});

describe("proposals", () => {
  let housing = "";
  let parking = "";

  it("are made by members, alone or with fellow members", async () => {
    const [first, second, third] = juniors as [string, string, string];
    housing = (await propose(first, "청년 직원 관사 지원", [applicationOf.get(second) as string])).proposalId;
    parking = (await propose(third, "시청 주차장 야간 개방")).proposalId;
    const list = await inCity((tx) => listBoardProposals(tx, { tenantId: gangneung, cohortId }));
    const byId = new Map(list.proposals.map((proposal) => [proposal.id, proposal]));
    expect(
      byId
        .get(housing)
        ?.proposers.map((p) => p.applicationId)
        .sort(),
    ).toEqual([applicationOf.get(first), applicationOf.get(second)].sort());
    expect(byId.get(parking)?.status).toBe("proposed");
    expect(byId.get(parking)?.body).toBe("시청 주차장 야간 개방에 관한 제안입니다.\n둘째 줄.");
  });

  it("are refused from someone not on the board, and with a co-proposer who is not a member", async () => {
    expect(await refusal(propose(juniors[3] as string, "비회원 제안"))).toBe("board.not_member");
    const outsiderApplication = await inCity((tx) =>
      tx.application.findFirstOrThrow({
        where: { tenantId: gangneung, cohortId: reverseCohortId },
        select: { id: true },
      }),
    );
    expect(await refusal(propose(juniors[0] as string, "함께 제안", [outsiderApplication.id]))).toBe(
      "board.proposer_not_member",
    );
    expect(await refusal(propose(juniors[0] as string, "   "))).toBe("input.invalid");
  });

  it("move on to reviewed, then adopted with a reply, and never change again", async () => {
    await answer(housing, "reviewed");
    expect(await refusal(answer(housing, "adopted", "  "))).toBe("board.reply_required");
    await answer(housing, "adopted", "내년 예산에 반영하겠습니다.");
    expect(await refusal(answer(housing, "declined", "다시 생각해 보니"))).toBe("board.proposal_final");
    await answer(parking, "declined", "보안 문제로 어렵습니다.");
    expect(await refusal(answer(parking, "reviewed"))).toBe("board.proposal_final");

    const list = await inCity((tx) => listBoardProposals(tx, { tenantId: gangneung, cohortId }));
    const byId = new Map(list.proposals.map((proposal) => [proposal.id, proposal]));
    expect(byId.get(housing)).toMatchObject({
      status: "adopted",
      reply: "내년 예산에 반영하겠습니다.",
      repliedByName: "김시장",
    });
    expect(byId.get(parking)).toMatchObject({ status: "declined", reply: "보안 문제로 어렵습니다." });
  });

  it("audit every change of status", async () => {
    const rows = await inCity((tx) =>
      tx.auditLog.findMany({
        where: { tenantId: gangneung, entityType: "board_proposal", entityId: housing },
        orderBy: { at: "asc" },
        select: { action: true, before: true, after: true, actorUserId: true },
      }),
    );
    expect(rows.map((row) => row.action)).toEqual([
      "board_proposal.propose",
      "board_proposal.review",
      "board_proposal.adopt",
    ]);
    expect(rows[2]).toMatchObject({
      before: { status: "reviewed" },
      after: { status: "adopted" },
      actorUserId: executiveUserId,
    });
  });

  it("tell every proposer of each change, in the app and by mail through the outbox", async () => {
    const notices = await inCity((tx) =>
      tx.notification.findMany({
        where: { tenantId: gangneung, kind: "board_proposal_updated" },
        select: { staffMemberId: true, subject: true, emailId: true, params: true },
      }),
    );
    const about = (proposalId: string, staffId: string) =>
      notices.filter(
        (notice) =>
          notice.subject.startsWith(`board-proposal:${proposalId}:`) && notice.staffMemberId === staffId,
      );
    // Both proposers of the housing proposal: reviewed, then adopted.
    for (const staffId of [juniors[0], juniors[1]] as string[])
      expect(
        about(housing, staffId)
          .map((notice) => notice.subject)
          .sort(),
      ).toEqual([`board-proposal:${housing}:adopted`, `board-proposal:${housing}:reviewed`]);
    expect(about(parking, juniors[2] as string).map((notice) => notice.params)).toEqual([
      { cohortTitle: expect.any(String), title: "시청 주차장 야간 개방", status: "declined" },
    ]);
    const mailIds = notices.flatMap((notice) => (notice.emailId ? [notice.emailId] : []));
    expect(mailIds.length).toBe(notices.length);
    const jobs = await db.platform.outboxEvent.findMany({
      where: { jobName: "email.send" },
      select: { payload: true },
    });
    const queued = new Set(jobs.map((job) => (job.payload as { emailId?: string }).emailId));
    expect(mailIds.filter((emailId) => !queued.has(emailId))).toEqual([]);
  });

  it("are listed on each member's own page with the replies", async () => {
    const boards = await inCity((tx) =>
      listMyBoards(tx, { tenantId: gangneung, staffMemberId: juniors[1] as string }),
    );
    expect(boards).toHaveLength(1);
    expect(boards[0]?.mayPropose).toBe(true);
    expect(boards[0]?.proposals.map((proposal) => [proposal.title, proposal.status, proposal.mine])).toEqual(
      expect.arrayContaining([
        ["청년 직원 관사 지원", "adopted", true],
        ["시청 주차장 야간 개방", "declined", false],
      ]),
    );
    const outsider = await inCity((tx) =>
      listMyBoards(tx, { tenantId: gangneung, staffMemberId: juniors[3] as string }),
    );
    expect(outsider).toEqual([]);
  });

  it("are not a mentoring cohort's, and not another city's", async () => {
    expect(
      await refusal(
        inCity((tx) => listBoardProposals(tx, { tenantId: gangneung, cohortId: reverseCohortId })),
      ),
    ).toBe("board.cohort_not_found");
    const seen = await db.withTenant(yongin, async (tx) => ({
      listed: await refusal(listBoardProposals(tx, { tenantId: yongin, cohortId })),
      rows: await tx.boardProposal.count(),
      proposers: await tx.boardProposalProposer.count(),
    }));
    expect(seen).toEqual({ listed: "board.cohort_not_found", rows: 0, proposers: 0 });
  });
});
