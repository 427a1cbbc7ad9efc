// A cohort's evaluation results against the real PostgreSQL as the app role (RLS on): Gangneung's latest
// cohort with its 10 teams published, trainings whose attendance was taken, activities and an assignment
// recorded through the use cases, three outside trainers scoring the teams, and what comes out: the facts,
// the computed criteria, the panel's combined scores, the ranking and the proposed 최우수 and 우수.
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { activityMonths, addDays, type CalendarDate, calendarDate, isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../src/activities";
import { submitAssignment } from "../src/assignments";
import { markAttendance } from "../src/attendance";
import { saveCalendarItem } from "../src/calendar";
import {
  assignEvaluator,
  getCohortResults,
  getTeamFacts,
  reopenEvaluation,
  saveEvaluationDraft,
  submitEvaluation,
} from "../src/evaluations";
import { seedPrograms } from "../src/seed";
import { openSurveyRounds, submitResponse } from "../src/surveys";
import { publishTeams, seededCohortOf } from "./certificates-support";

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let yongin = "";
/** Team ids in number order (1팀 first). */
let teams: string[] = [];
let published: Awaited<ReturnType<typeof publishTeams>>;
/** How many members each team has (Gangneung: 3 juniors and 1 manager). */
let teamSize = 0;
/** Three outside trainers (no staff record: no conflict of interest with any team). */
const evaluators = { first: "", second: "", third: "" };
let now = new Date();
let activityStart: CalendarDate;
let activityEnd: CalendarDate;

const code = (error: unknown) => (isAppError(error) ? error.code : error);
const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);
const at = (day: CalendarDate, time: string) => new Date(`${day}T${time}Z`);

const results = () => inCity((tx) => getCohortResults(tx, { ...city, now }));
const teamNo = (number: number) => teams[number - 1] as string;

async function outsideTrainer(label: string): Promise<string> {
  return inCity(async (tx) => {
    const user = await tx.user.create({ data: { email: `${label}@trainer.example.kr`, displayName: label } });
    await tx.membership.create({ data: { tenantId: city.tenantId, userId: user.id, roles: ["evaluator"] } });
    return user.id;
  });
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  published = await publishTeams(db, city.tenantId, city.cohortId);
  teams = published.teams.map((team) => team.id);
  const [one, , three] = published.teams;
  if (!one || !three) throw new Error("the seed publishes no teams");
  teamSize = one.mentors.length + one.mentees.length;
  const staffOf = (applicationId: string | undefined) =>
    published.staffOf.get(applicationId as string) as string;
  const cohort = await inCity((tx) =>
    tx.cohort.findFirstOrThrow({
      where: { tenantId: city.tenantId, id: city.cohortId },
      select: { activitiesStart: true, activitiesEnd: true, evaluationStart: true },
    }),
  );
  const day = (value: Date) => calendarDate(value.toISOString().slice(0, 10));
  activityStart = day(cohort.activitiesStart);
  activityEnd = day(cohort.activitiesEnd);
  // The panel scores in the evaluation phase, the day after it opens.
  now = at(addDays(day(cohort.evaluationStart), 1), "01:00:00");

  // Twelve weekly trainings whose attendance was taken, and a thirteenth whose sheet nobody filled in.
  const sessions: string[] = [];
  for (let week = 0; week < 13; week++) {
    const starts = addDays(activityStart, 7 * week);
    const { itemId } = await inCity((tx) =>
      saveCalendarItem(tx, {
        ...city,
        itemId: null,
        item: {
          kind: "training",
          title: `소통 역량 강화 교육 ${week + 1}회차`,
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
    sessions.push(itemId);
  }
  const mark = (itemId: string, who: "all" | { teamId: string }, present: boolean) =>
    inCity((tx) => markAttendance(tx, { ...city, itemId, who, present }));
  for (const [index, itemId] of sessions.slice(0, 12).entries()) {
    await mark(itemId, "all", true);
    // 1팀 missed the last three; 3팀 never came.
    if (index >= 9) await mark(itemId, { teamId: teamNo(1) }, false);
    await mark(itemId, { teamId: teamNo(3) }, false);
  }
  // 3팀 logged twelve activities (more than one a month), the others none.
  const today = day(now);
  for (let index = 0; index < 12; index++)
    await inCity((tx) =>
      logActivity(tx, {
        ...city,
        staffMemberId: staffOf(three.mentors[0]),
        kind: index % 2 === 0 ? "team_activity" : "meeting",
        happenedOn: addDays(activityStart, index * 10),
        minutes: 90,
        place: "강릉 중앙시장",
        topic: `팀 활동 ${index + 1}`,
        notes: "",
        participantIds: [],
        today,
      }),
    );
  // One assignment due in the first month: 1팀 hands it in on time.
  const { itemId: assignment } = await inCity((tx) =>
    saveCalendarItem(tx, {
      ...city,
      itemId: null,
      item: {
        kind: "assignment",
        title: "팀 소개 영상 만들기",
        description: "",
        place: "",
        audience: "all",
        teamId: null,
        attendance: false,
        dueAt: at(addDays(activityStart, 30), "14:59:00"),
      },
    }),
  );
  await inCity((tx) =>
    submitAssignment(tx, {
      tenantId: city.tenantId,
      staffMemberId: staffOf(one.mentees[0]),
      itemId: assignment,
      text: "팀 소개 영상을 만들었습니다",
      links: ["https://youtu.be/team-one"],
      actorUserId: city.actorUserId,
      now: at(addDays(activityStart, 2), "01:00:00"),
    }),
  );

  evaluators.first = await outsideTrainer("evaluator-first");
  evaluators.second = await outsideTrainer("evaluator-second");
  evaluators.third = await outsideTrainer("evaluator-third");
  for (const teamId of teams)
    for (const evaluatorUserId of Object.values(evaluators))
      await inCity((tx) => assignEvaluator(tx, { ...city, teamId, evaluatorUserId, now }));
}, 180_000);

afterAll(() => database?.drop());

const submit = (evaluatorUserId: string, teamNumber: number, score: number) =>
  inCity((tx) =>
    submitEvaluation(tx, {
      tenantId: city.tenantId,
      evaluatorUserId,
      teamId: teamNo(teamNumber),
      entries: { results: { score, comment: "" } },
      now,
    }),
  );

describe("a cohort's evaluation results", () => {
  it("a team that attended 9 of 12 sessions scores 7.5 of 10 on attendance", async () => {
    const months = Math.max(1, activityMonths(activityStart, activityEnd));
    const facts = await inCity((tx) => getTeamFacts(tx, { ...city, now }));
    expect(facts.activityMonths).toBe(months);
    expect(facts.teams.map((team) => team.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The thirteenth session, whose sheet was never taken, is expected of no one.
    expect(facts.teams[0]).toEqual({
      teamId: teamNo(1),
      number: 1,
      facts: {
        attendance: { present: 9 * teamSize, expected: 12 * teamSize },
        assignments: { onTime: 1, total: 1 },
        activitiesLogged: 0,
        meetingsLogged: 0,
        activityMonths: months,
        prePostMeanChange: null,
      },
    });
    expect(facts.teams[1]?.facts).toMatchObject({
      attendance: { present: 12 * teamSize, expected: 12 * teamSize },
      assignments: { onTime: 0, total: 1 },
    });
    expect(facts.teams[2]?.facts).toMatchObject({
      attendance: { present: 0, expected: 12 * teamSize },
      activitiesLogged: 12,
      meetingsLogged: 6,
    });

    const { teams: scored, rubric } = await results();
    expect(rubric.map(({ key, source, metric }) => ({ key, source, metric }))).toEqual([
      { key: "training", source: "computed", metric: "attendance_rate" },
      { key: "activities", source: "computed", metric: "activities_logged" },
      { key: "results", source: "evaluators", metric: null },
    ]);
    expect(scored.slice(0, 3).map((team) => team.computed)).toEqual([
      { training: 7.5, activities: 0 },
      { training: 10, activities: 0 },
      { training: 0, activities: 10 },
    ]);
    expect(scored[0]?.members).toHaveLength(teamSize);
  });

  it("a team's pre/post change is the mean of its members' own change over the diagnostic's dimensions", async () => {
    const today = calendarDate(now.toISOString().slice(0, 10));
    await inCity((tx) =>
      openSurveyRounds(tx, { ...city, phase: "post", today, appUrl: "http://127.0.0.1:39997" }),
    );
    const round = await inCity((tx) =>
      tx.surveyRound.findFirstOrThrow({
        where: {
          tenantId: city.tenantId,
          cohortId: city.cohortId,
          phase: "post",
          questionSetKey: "digital_diagnostic",
        },
        select: { id: true, questionSetKey: true },
      }),
    );
    expect(round.questionSetKey).toBe("digital_diagnostic");
    // Every answer at the top (the reversed item at the bottom): 100 on both dimensions after.
    const best = { dl_ai: 5, dl_sns: 5, dl_video: 5, dl_help: 1, op_listen: 5, op_speak: 5 };
    const five = published.teams[4];
    const six = published.teams[5];
    if (!five || !six) throw new Error("the seed publishes fewer than six teams");
    const answering = [...five.mentors, ...five.mentees, six.mentees[0] as string];
    for (const applicationId of answering) {
      const result = await inCity((tx) =>
        submitResponse(tx, {
          tenantId: city.tenantId,
          roundId: round.id,
          staffMemberId: published.staffOf.get(applicationId) as string,
          answers: best,
          now,
        }),
      );
      expect(result).toMatchObject({ submitted: true, scores: { digital_literacy: 100, openness: 100 } });
    }
    const pre = await inCity((tx) =>
      tx.surveyResponse.findMany({
        where: {
          tenantId: city.tenantId,
          applicationId: { in: answering },
          submittedAt: { not: null },
          round: { phase: "pre", questionSetKey: "digital_diagnostic" },
        },
        select: { applicationId: true, scores: true },
      }),
    );
    expect(pre).toHaveLength(answering.length);
    /** A member's own change: 100 minus their pre score, averaged over the two dimensions. */
    const ownChange = (applicationId: string) => {
      const scores = pre.find((row) => row.applicationId === applicationId)?.scores as Record<string, number>;
      return (100 - (scores.digital_literacy ?? 0) + (100 - (scores.openness ?? 0))) / 2;
    };
    const fiveMembers = [...five.mentors, ...five.mentees];
    const expectedFive = fiveMembers.reduce((sum, id) => sum + ownChange(id), 0) / fiveMembers.length;

    const facts = await inCity((tx) => getTeamFacts(tx, { ...city, now }));
    expect(facts.teams[4]?.facts.prePostMeanChange).toBeCloseTo(expectedFive, 6);
    expect(facts.teams[5]?.facts.prePostMeanChange).toBeCloseTo(ownChange(six.mentees[0] as string), 6);
    expect(facts.teams[6]?.facts.prePostMeanChange).toBeNull();
  });

  it("only submitted evaluations count toward a team's score", async () => {
    await submit(evaluators.first, 4, 9);
    await inCity((tx) =>
      saveEvaluationDraft(tx, {
        tenantId: city.tenantId,
        evaluatorUserId: evaluators.second,
        teamId: teamNo(4),
        entries: { results: { score: 2, comment: "아직 검토 중" } },
        now,
      }),
    );
    // The third submitted 0, and the coordinator reopened it: no score until submitted again.
    await submit(evaluators.third, 4, 0);
    const reopened = await inCity((tx) =>
      tx.evaluatorAssignment.findFirstOrThrow({
        where: { tenantId: city.tenantId, teamId: teamNo(4), evaluatorUserId: evaluators.third },
        select: { id: true },
      }),
    );
    await inCity((tx) => reopenEvaluation(tx, { ...city, assignmentId: reopened.id, now }));
    const { teams: scored, evaluations } = await results();
    const four = scored[3];
    expect(four?.evaluation.criteria.find((criterion) => criterion.key === "results")).toMatchObject({
      evaluators: 1,
      rawMean: 9,
    });
    expect(four?.evaluations).toEqual({ submitted: 1, expected: 3 });
    expect(evaluations).toEqual({ submitted: 1, expected: 30 });
  });

  it("a team with no evaluator's score yet is incomplete and gets no award", async () => {
    const { teams: scored, ranking, awards } = await results();
    expect(scored[4]?.evaluation).toMatchObject({ complete: false, missing: ["results"] });
    expect(ranking[0]).toMatchObject({ teamId: teamNo(4), rank: 1, complete: true });
    expect(ranking.slice(1).every((place) => !place.complete)).toBe(true);
    expect(awards.map((award) => [award.name.ko, award.places, award.teamIds])).toEqual([
      ["최우수", 1, [teamNo(4)]],
      ["우수", 2, []],
    ]);
  });

  it("three evaluators' scores give the ranking with 최우수 1 and 우수 2, ties broken by the stated rule", async () => {
    // The results criterion (0-10) per team 1..10. 2팀 and 3팀 get the same from each evaluator and the
    // same computed points (2팀 all attendance, no activities; 3팀 the other way round): equal totals,
    // separated by the heaviest criterion after results, training. 7팀 splits the panel.
    const panel: Record<string, number[]> = {
      first: [6, 10, 10, 9, 5, 4, 10, 7, 3, 5],
      second: [5, 9, 9, 8, 5, 3, 0, 6, 2, 4],
      third: [6, 8, 8, 7, 4, 4, 5, 6, 3, 4],
    };
    for (const [who, scores] of Object.entries(panel))
      for (const [index, score] of scores.entries()) {
        if (who === "first" && index === 3) continue; // submitted before
        await submit(evaluators[who as keyof typeof evaluators], index + 1, score);
      }

    const outcome = await results();
    expect(outcome.evaluations).toEqual({ submitted: 30, expected: 30 });
    expect(outcome.tieBreakOrder).toEqual(["results", "training", "activities"]);
    const [two, three] = [outcome.teams[1]?.evaluation, outcome.teams[2]?.evaluation];
    expect(two?.total).toBeCloseTo(three?.total as number, 6);
    expect(
      outcome.ranking.slice(0, 3).map(({ number, rank, sharesRank }) => [number, rank, sharesRank]),
    ).toEqual([
      [2, 1, false],
      [3, 2, false],
      [4, 3, false],
    ]);
    expect(outcome.ranking.every((place) => place.complete)).toBe(true);
    expect(outcome.awards.map((award) => [award.name.ko, award.prize.ko, award.teamIds])).toEqual([
      ["최우수", "표창 및 국내외 우수사례지 견학", [teamNo(2)]],
      ["우수", "표창", [teamNo(3), teamNo(4)]],
    ]);
    expect(outcome.awards.every((award) => award.tiesAtBoundary.length === 0)).toBe(true);
    expect(outcome.disagreements).toContain(teamNo(7));
    expect(outcome.disagreements).not.toContain(teamNo(2));
    expect(outcome.teams[6]?.evaluation.disagreement).toBe(true);
  });

  it("another tenant's cohort is not found", async () => {
    const elsewhere = { tenantId: yongin, cohortId: city.cohortId, now };
    expect(await db.withTenant(yongin, (tx) => getCohortResults(tx, elsewhere)).catch(code)).toBe(
      "cohort.not_found",
    );
    expect(await db.withTenant(yongin, (tx) => getTeamFacts(tx, elsewhere)).catch(code)).toBe(
      "cohort.not_found",
    );
    expect(
      await inCity((tx) => getCohortResults(tx, { ...city, cohortId: "not-a-cohort", now })).catch(code),
    ).toBe("cohort.not_found");
  });
});
