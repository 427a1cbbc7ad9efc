// The portfolio an evaluator reads beside the rubric: only a team they are assigned to, with its own work
// (featured mark and links), what it logged (photos counted, notes never), attendance per member, and the
// criteria the rubric computes.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { calendarDate, isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../src/activities";
import { reviewSubmission, submitAssignment } from "../src/assignments";
import { markAttendance } from "../src/attendance";
import { saveCalendarItem } from "../src/calendar";
import { assignEvaluator, getTeamFacts, getTeamPortfolio } from "../src/evaluations";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
const teamIds = { one: "", two: "" };
/** Outside evaluators: one assigned to team 1, one to team 2. */
const evaluators = { one: "", two: "" };
const members = { junior: "", other: "" };
const code = (error: unknown) => (isAppError(error) ? error.code : error);

const portfolio = (evaluatorUserId: string, teamId: string) =>
  db.withTenant(city.tenantId, (tx) =>
    getTeamPortfolio(tx, { tenantId: city.tenantId, evaluatorUserId, teamId, now: new Date() }),
  );

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  const { teams, staffOf } = await publishTeams(db, city.tenantId, city.cohortId);
  const [one, two] = teams;
  teamIds.one = one?.id as string;
  teamIds.two = two?.id as string;
  members.junior = staffOf.get(one?.mentors[0] as string) as string;
  members.other = staffOf.get(two?.mentors[0] as string) as string;
  const { tenantId, cohortId, actorUserId } = city;
  await db.withTenant(tenantId, async (tx) => {
    for (const [key, teamId] of [
      ["one", teamIds.one],
      ["two", teamIds.two],
    ] as const) {
      const user = await tx.user.create({
        data: { email: `portfolio-${key}@trainer.example.kr`, displayName: `평가위원 ${key}` },
      });
      await tx.membership.create({
        data: { tenantId, userId: user.id, roles: ["evaluator"], staffMemberId: null },
      });
      await assignEvaluator(tx, {
        tenantId,
        cohortId,
        teamId,
        evaluatorUserId: user.id,
        actorUserId,
        now: new Date(),
      });
      evaluators[key] = user.id;
    }
  });
  const { itemId } = await db.withTenant(tenantId, (tx) =>
    saveCalendarItem(tx, {
      ...city,
      itemId: null,
      item: {
        kind: "assignment",
        title: "세대 공감 디지털 교실",
        description: "",
        place: "",
        audience: "all",
        teamId: null,
        attendance: false,
        dueAt: new Date("2025-03-25T14:59:00Z"),
      },
    }),
  );
  const handIn = (staffMemberId: string, link: string) =>
    db.withTenant(tenantId, (tx) =>
      submitAssignment(tx, {
        tenantId,
        staffMemberId,
        itemId,
        text: "",
        links: [link],
        actorUserId,
        now: new Date("2025-03-20T01:00:00Z"),
      }),
    );
  const { submissionId } = await handIn(members.junior, "https://youtu.be/team-one");
  await handIn(members.other, "https://youtu.be/team-two");
  for (const decision of ["accept", "feature"] as const)
    await db.withTenant(tenantId, (tx) =>
      reviewSubmission(tx, {
        tenantId,
        cohortId,
        submissionId,
        decision,
        comment: "",
        actorUserId,
        now: new Date("2025-03-21T01:00:00Z"),
      }),
    );
  await db.withTenant(tenantId, (tx) =>
    logActivity(tx, {
      tenantId,
      cohortId,
      staffMemberId: members.junior,
      kind: "team_activity",
      happenedOn: "2025-05-14",
      minutes: 90,
      place: "강릉 중앙시장",
      topic: "키오스크 함께 써 보기",
      notes: "팀만 보는 메모",
      participantIds: [],
      today: calendarDate("2025-05-15"),
      actorUserId,
    }),
  );
  const training = await db.withTenant(tenantId, (tx) =>
    saveCalendarItem(tx, {
      ...city,
      itemId: null,
      item: {
        kind: "training",
        title: "세대 간 소통 교육",
        description: "",
        place: "시청 대회의실",
        audience: "all",
        teamId: null,
        attendance: true,
        startsAt: new Date("2025-04-10T05:00:00Z"),
        endsAt: new Date("2025-04-10T07:00:00Z"),
      },
    }),
  );
  await db.withTenant(tenantId, (tx) =>
    markAttendance(tx, {
      tenantId,
      cohortId,
      itemId: training.itemId,
      who: { teamId: teamIds.one },
      present: true,
      actorUserId,
    }),
  );
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("the portfolio of a team for its assigned evaluator", () => {
  it("holds the team's own work with its featured mark, and not another team's", async () => {
    const { assignments } = await portfolio(evaluators.one, teamIds.one);
    const work = assignments.find((item) => item.title === "세대 공감 디지털 교실");
    expect(work?.submission).toMatchObject({
      status: "accepted",
      featured: true,
      late: false,
      links: ["https://youtu.be/team-one"],
    });
    const theirs = (await portfolio(evaluators.two, teamIds.two)).assignments.find(
      (item) => item.title === "세대 공감 디지털 교실",
    );
    expect(theirs?.submission).toMatchObject({ featured: false, links: ["https://youtu.be/team-two"] });
  });

  it("lists what the team logged with its photos counted, never its notes", async () => {
    const { activities } = await portfolio(evaluators.one, teamIds.one);
    expect(activities).toEqual([
      expect.objectContaining({
        kind: "team_activity",
        happenedOn: "2025-05-14",
        topic: "키오스크 함께 써 보기",
        minutes: 90,
        participants: 1,
        photos: 0,
      }),
    ]);
    expect(JSON.stringify(activities)).not.toContain("팀만 보는 메모");
    expect((await portfolio(evaluators.two, teamIds.two)).activities).toEqual([]);
  });

  it("counts each member's attendance as the computed criterion does: an unmarked member expected is absent", async () => {
    const mine = await portfolio(evaluators.one, teamIds.one);
    expect(mine.attendance.length).toBeGreaterThan(1);
    expect(mine.attendance.every((member) => member.present === 1 && member.expected === 1)).toBe(true);
    const other = await portfolio(evaluators.two, teamIds.two);
    expect(other.attendance.every((member) => member.present === 0 && member.expected === 1)).toBe(true);
    const facts = await db.withTenant(city.tenantId, (tx) =>
      getTeamFacts(tx, { tenantId: city.tenantId, cohortId: city.cohortId, now: new Date() }),
    );
    for (const [teamId, { attendance }] of [
      [teamIds.one, mine],
      [teamIds.two, other],
    ] as const) {
      const counted = facts.teams.find((team) => team.teamId === teamId)?.facts.attendance;
      expect(counted).toEqual({
        present: attendance.reduce((sum, member) => sum + member.present, 0),
        expected: attendance.reduce((sum, member) => sum + member.expected, 0),
      });
    }
  });

  it("names the criteria the rubric computes with their metric", async () => {
    const { computed } = await portfolio(evaluators.one, teamIds.one);
    expect(computed.map((criterion) => [criterion.key, criterion.source.metric])).toEqual([
      ["training", "attendance_rate"],
      ["activities", "activities_logged"],
    ]);
  });

  it("is not found for an evaluator of another team, nor for a team that does not exist", async () => {
    expect(await portfolio(evaluators.two, teamIds.one).catch(code)).toBe("evaluation.not_found");
    expect(await portfolio(evaluators.one, "not-a-team").catch(code)).toBe("evaluation.not_found");
  });
});
