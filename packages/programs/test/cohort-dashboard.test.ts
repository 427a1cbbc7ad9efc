// The cohort dashboard against the real PostgreSQL as the app role (RLS on): Gangneung's latest cohort with
// its 10 teams published, and what the program recorded built through the use cases (trainings with
// attendance taken, activities, assignments handed in on time and late, the diagnostic before and after,
// the satisfaction survey, two evaluators' scores), read back per month, assignment, session, dimension,
// question and team.
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateParts,
  isAppError,
  type SurveyAnswers,
} from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../src/activities";
import { submitAssignment } from "../src/assignments";
import { markAttendance } from "../src/attendance";
import { saveCalendarItem } from "../src/calendar";
import { assignEvaluator, getCohortResults, submitEvaluation } from "../src/evaluations";
import { getCohortDashboard } from "../src/progress";
import { seedPrograms } from "../src/seed";
import { openSurveyRounds, submitResponse } from "../src/surveys";
import { publishTeams, seededCohortOf } from "./certificates-support";

const APP_URL = "http://127.0.0.1:39995";
let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let published: Awaited<ReturnType<typeof publishTeams>>;
let now = new Date();
let activityStart: CalendarDate;
let activityEnd: CalendarDate;
/** Members per team (Gangneung: 3 juniors and 1 manager) and teams. */
let teamSize = 0;
let teamCount = 0;

const code = (error: unknown) => (isAppError(error) ? error.code : error);
const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);
const at = (day: CalendarDate, time: string) => new Date(`${day}T${time}Z`);
const day = (value: Date) => calendarDate(value.toISOString().slice(0, 10));
const dashboard = () => inCity((tx) => getCohortDashboard(tx, { ...city, now }));
const teamId = (number: number) => published.teams[number - 1]?.id as string;
const membersOf = (number: number) => {
  const team = published.teams[number - 1];
  if (!team) throw new Error(`no team ${number}`);
  return [...team.mentors, ...team.mentees];
};
const staffOf = (applicationId: string) => published.staffOf.get(applicationId) as string;

/** The 10th of the activity phase's month `index` (0: the first month). */
function tenthOfMonth(index: number): CalendarDate {
  const { year, month } = calendarDateParts(activityStart);
  const months = year * 12 + month - 1 + index;
  return calendarDate(`${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, "0")}-10`);
}

/** The diagnostic's answers: digital literacy (three items and a reversed one) and openness (two items). */
function diagnostic(literacy: 3 | 4, openness: [number, number]): SurveyAnswers {
  return {
    dl_ai: literacy,
    dl_sns: literacy,
    dl_video: literacy,
    dl_help: 6 - literacy,
    op_listen: openness[0],
    op_speak: openness[1],
  };
}

async function roundOf(questionSetKey: string, phase: "pre" | "post") {
  return inCity((tx) =>
    tx.surveyRound.findFirstOrThrow({
      where: { tenantId: city.tenantId, cohortId: city.cohortId, questionSetKey, phase },
      select: { id: true },
    }),
  );
}

async function answer(roundId: string, applicationId: string, answers: SurveyAnswers) {
  const result = await inCity((tx) =>
    submitResponse(tx, {
      tenantId: city.tenantId,
      roundId,
      staffMemberId: staffOf(applicationId),
      answers,
      now,
    }),
  );
  if (!result.submitted) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
}

async function training(starts: CalendarDate, title: string): Promise<string> {
  const { itemId } = await inCity((tx) =>
    saveCalendarItem(tx, {
      ...city,
      itemId: null,
      item: {
        kind: "training",
        title,
        description: "",
        place: "시청 대회의실",
        audience: "all",
        teamId: null,
        attendance: true,
        startsAt: at(starts, "05:00:00"),
        endsAt: at(starts, "07:00:00"),
      },
    }),
  );
  return itemId;
}

async function assignment(title: string, due: CalendarDate, forTeam: string | null): Promise<string> {
  const { itemId } = await inCity((tx) =>
    saveCalendarItem(tx, {
      ...city,
      itemId: null,
      item: {
        kind: "assignment",
        title,
        description: "",
        place: "",
        audience: "all",
        teamId: forTeam,
        attendance: false,
        dueAt: at(due, "14:59:00"),
      },
    }),
  );
  return itemId;
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  published = await publishTeams(db, city.tenantId, city.cohortId);
  teamCount = published.teams.length;
  teamSize = membersOf(1).length;
  const cohort = await inCity((tx) =>
    tx.cohort.findFirstOrThrow({
      where: { tenantId: city.tenantId, id: city.cohortId },
      select: { activitiesStart: true, activitiesEnd: true, evaluationStart: true },
    }),
  );
  activityStart = day(cohort.activitiesStart);
  activityEnd = day(cohort.activitiesEnd);
  // Read the day after the evaluation opens: the activity phase is over.
  now = at(addDays(day(cohort.evaluationStart), 1), "01:00:00");
}, 180_000);

afterAll(() => database?.drop());

describe("a cohort's dashboard", () => {
  it("lists every month of the activity phase with nothing recorded yet, and no evaluation", async () => {
    const view = await dashboard();
    const { year, month } = calendarDateParts(activityEnd);
    expect(view.months[0]?.month).toBe(activityStart.slice(0, 7));
    expect(view.months.at(-1)?.month).toBe(`${year}-${String(month).padStart(2, "0")}`);
    expect(view.months.every((row) => row.activities === 0 && row.attendance.of === 0)).toBe(true);
    expect(view.teams).toBe(teamCount);
    expect(view.sessions).toEqual([]);
    expect(view.evaluation).toBeNull();
    expect(view.totals).toEqual({
      activities: 0,
      meetings: 0,
      attendance: { count: 0, of: 0 },
      onTime: { count: 0, of: 0 },
      satisfaction: { n: 0, mean: null },
    });
  });

  it("counts activities, meetings and attendance per month, and attendance per session", async () => {
    // Month 1: two trainings (everyone; then everyone but 1팀); month 2: one where only 2팀 was marked
    // present (the others never marked: absent), and one whose sheet nobody took (not counted).
    const first = await training(tenthOfMonth(0), "1회차 교육");
    const second = await training(addDays(tenthOfMonth(0), 7), "2회차 교육");
    const third = await training(tenthOfMonth(1), "3회차 교육");
    await training(addDays(tenthOfMonth(1), 7), "4회차 교육");
    const mark = (itemId: string, who: "all" | { teamId: string }, present: boolean) =>
      inCity((tx) => markAttendance(tx, { ...city, itemId, who, present }));
    await mark(first, "all", true);
    await mark(second, "all", true);
    await mark(second, { teamId: teamId(1) }, false);
    await mark(third, { teamId: teamId(2) }, true);
    // 3팀: two team activities and a meeting in month 1, a meeting in month 3.
    const log = (happenedOn: CalendarDate, kind: "meeting" | "team_activity") =>
      inCity((tx) =>
        logActivity(tx, {
          ...city,
          staffMemberId: staffOf(membersOf(3)[0] as string),
          kind,
          happenedOn,
          minutes: 60,
          place: "강릉 중앙시장",
          topic: "팀 활동",
          notes: "",
          participantIds: [],
          today: day(now),
        }),
      );
    await log(tenthOfMonth(0), "team_activity");
    await log(addDays(tenthOfMonth(0), 1), "team_activity");
    await log(addDays(tenthOfMonth(0), 2), "meeting");
    await log(tenthOfMonth(2), "meeting");

    const view = await dashboard();
    const everyone = teamCount * teamSize;
    expect(view.months.slice(0, 4)).toEqual([
      {
        month: tenthOfMonth(0).slice(0, 7),
        activities: 3,
        meetings: 1,
        attendance: { count: 2 * everyone - teamSize, of: 2 * everyone },
      },
      {
        month: tenthOfMonth(1).slice(0, 7),
        activities: 0,
        meetings: 0,
        attendance: { count: teamSize, of: everyone },
      },
      {
        month: tenthOfMonth(2).slice(0, 7),
        activities: 1,
        meetings: 1,
        attendance: { count: 0, of: 0 },
      },
      { month: tenthOfMonth(3).slice(0, 7), activities: 0, meetings: 0, attendance: { count: 0, of: 0 } },
    ]);
    expect(
      view.sessions.map((session) => ({ title: session.title.ko, attendance: session.attendance })),
    ).toEqual([
      { title: "1회차 교육", attendance: { count: everyone, of: everyone } },
      { title: "2회차 교육", attendance: { count: everyone - teamSize, of: everyone } },
      { title: "3회차 교육", attendance: { count: teamSize, of: everyone } },
    ]);
    expect(view.totals).toMatchObject({
      activities: 4,
      meetings: 2,
      attendance: { count: 2 * everyone, of: 3 * everyone },
    });
  });

  it("counts per assignment the teams that handed it in on time and late", async () => {
    const due = addDays(tenthOfMonth(0), 5);
    const everyTeam = await assignment("팀 소개 영상", due, null);
    await assignment("4팀 보완 과제", addDays(due, 7), teamId(4));
    const hand = (teamNumber: number, when: Date) =>
      inCity((tx) =>
        submitAssignment(tx, {
          tenantId: city.tenantId,
          staffMemberId: staffOf(membersOf(teamNumber)[0] as string),
          itemId: everyTeam,
          text: "팀 소개 영상을 만들었습니다",
          links: [],
          actorUserId: city.actorUserId,
          now: when,
        }),
      );
    expect(await hand(1, at(addDays(due, -1), "01:00:00"))).toMatchObject({ late: false });
    expect(await hand(2, at(addDays(due, 2), "01:00:00"))).toMatchObject({ late: true });

    const view = await dashboard();
    expect(
      view.assignments.map(({ title, due: isDue, teams, onTime, late }) => ({
        title: title.ko,
        due: isDue,
        teams,
        onTime,
        late,
      })),
    ).toEqual([
      { title: "팀 소개 영상", due: true, teams: teamCount, onTime: 1, late: 1 },
      { title: "4팀 보완 과제", due: true, teams: 1, onTime: 0, late: 0 },
    ]);
    expect(view.totals.onTime).toEqual({ count: 1, of: teamCount + 1 });
  });

  it("gives the diagnostic's change per dimension and the satisfaction means", async () => {
    // The seed's answers before are taken back: 1팀 and 2팀 answer 50 on both dimensions before, and
    // 75 on digital literacy (+25) and 62.5 on openness (+12.5) after.
    const pre = await roundOf("digital_diagnostic", "pre");
    await inCity((tx) =>
      tx.surveyResponse.deleteMany({ where: { tenantId: city.tenantId, roundId: pre.id } }),
    );
    const answering = [...membersOf(1), ...membersOf(2)];
    for (const applicationId of answering) await answer(pre.id, applicationId, diagnostic(3, [3, 3]));
    await inCity((tx) => openSurveyRounds(tx, { ...city, phase: "post", today: day(now), appUrl: APP_URL }));
    const post = await roundOf("digital_diagnostic", "post");
    for (const applicationId of answering) await answer(post.id, applicationId, diagnostic(4, [4, 3]));
    // 1팀 rates its satisfaction: overall 5, 4, 4, 3 (mean 4); schedule 2 from everyone.
    const satisfaction = await roundOf("satisfaction", "post");
    for (const [index, applicationId] of membersOf(1).entries())
      await answer(satisfaction.id, applicationId, {
        sat_overall: [5, 4, 4, 3][index] as number,
        sat_team: 4,
        sat_useful: 4,
        sat_schedule: 2,
        sat_recommend: 5,
      });

    const view = await dashboard();
    expect(view.changes.map((row) => ({ key: row.key, n: row.change.n, mean: row.change.mean }))).toEqual([
      { key: "digital_diagnostic.digital_literacy", n: answering.length, mean: 25 },
      { key: "digital_diagnostic.openness", n: answering.length, mean: 12.5 },
    ]);
    expect(view.satisfaction.map(({ key, n, mean }) => ({ key, n, mean }))).toEqual([
      { key: "satisfaction.sat_overall", n: teamSize, mean: 4 },
      { key: "satisfaction.sat_team", n: teamSize, mean: 4 },
      { key: "satisfaction.sat_useful", n: teamSize, mean: 4 },
      { key: "satisfaction.sat_schedule", n: teamSize, mean: 2 },
      { key: "satisfaction.sat_recommend", n: teamSize, mean: 5 },
    ]);
    // 20 answers adding up to 76.
    expect(view.totals.satisfaction).toEqual({ n: 5 * teamSize, mean: 3.8 });
  });

  it("shows each team's total and its evaluators' spread once an evaluation is submitted", async () => {
    const trainer = async (label: string) =>
      inCity(async (tx) => {
        const user = await tx.user.create({
          data: { email: `${label}@trainer.example.kr`, displayName: label },
        });
        await tx.membership.create({
          data: { tenantId: city.tenantId, userId: user.id, roles: ["evaluator"] },
        });
        return user.id;
      });
    const lenient = await trainer("dashboard-lenient");
    const harsh = await trainer("dashboard-harsh");
    for (const evaluatorUserId of [lenient, harsh])
      await inCity((tx) => assignEvaluator(tx, { ...city, teamId: teamId(1), evaluatorUserId, now }));
    await inCity((tx) =>
      submitEvaluation(tx, {
        tenantId: city.tenantId,
        evaluatorUserId: lenient,
        teamId: teamId(1),
        entries: { results: { score: 9, comment: "" } },
        now,
      }),
    );
    const one = await dashboard();
    expect(one.evaluation?.[0]).toMatchObject({ number: 1, evaluations: { count: 1, of: 2 }, spread: null });
    expect(one.evaluation?.map((team) => team.number)).toEqual(published.teams.map((_, index) => index + 1));

    await inCity((tx) =>
      submitEvaluation(tx, {
        tenantId: city.tenantId,
        evaluatorUserId: harsh,
        teamId: teamId(1),
        entries: { results: { score: 3, comment: "" } },
        now,
      }),
    );
    const view = await dashboard();
    const results = await inCity((tx) => getCohortResults(tx, { ...city, now }));
    const team = results.teams[0];
    expect(view.evaluation?.[0]).toEqual({
      teamId: teamId(1),
      number: 1,
      evaluations: { count: 2, of: 2 },
      total: team?.evaluation.displayTotal,
      spread: team?.evaluation.spread,
      disagreement: team?.evaluation.disagreement,
    });
    expect(view.evaluation?.[0]?.spread?.evaluators).toBe(2);
  });

  it("is not found for another tenant's cohort or a malformed id", async () => {
    const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
    await expect(
      db.withTenant(yongin, (tx) =>
        getCohortDashboard(tx, { tenantId: yongin, cohortId: city.cohortId, now }),
      ),
    ).rejects.toSatisfy((error) => code(error) === "cohort.not_found");
    await expect(
      inCity((tx) => getCohortDashboard(tx, { ...city, cohortId: "not-a-uuid", now })),
    ).rejects.toSatisfy((error) => code(error) === "cohort.not_found");
  });
});
