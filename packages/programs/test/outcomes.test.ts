// A cohort's outcomes against the real PostgreSQL as the app role (RLS on): Gangneung's 2nd cohort with its
// 10 teams of 3 juniors + 1 manager published, the digital diagnostic answered before and after with
// answers chosen here (submitted through the survey use cases), the satisfaction survey, a 1st cohort of
// the same program to compare with, and another tenant that finds nothing.
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { calendarDate, isAppError, type SurveyAnswers } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort } from "../src/cohorts";
import { getCohortOutcomes } from "../src/outcomes";
import { seedPrograms } from "../src/seed";
import { openSurveyRounds, submitResponse } from "../src/surveys";
import { publishTeams, seededCohortOf } from "./certificates-support";

const APP_URL = "http://127.0.0.1:39996";
const today = calendarDate("2025-10-01");
const DL = "digital_diagnostic.digital_literacy";
const OP = "digital_diagnostic.openness";
/** t(0.975) with 38 degrees of freedom, from a table. */
const T_38 = 2.024394164;

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let yongin = "";
let published: Awaited<ReturnType<typeof publishTeams>>;
/** Team 1's third junior: answered before, never after. */
let dropped = "";

const code = (error: unknown) => (isAppError(error) ? error.code : error);
const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);
const outcomes = (cohortId = city.cohortId) =>
  inCity((tx) => getCohortOutcomes(tx, { tenantId: city.tenantId, cohortId }));

/** The diagnostic's answers: digital literacy (three items and a reversed one) and openness (two items). */
function diagnostic(literacy: 3 | 4 | 5, openness: [number, number]): SurveyAnswers {
  return {
    dl_ai: literacy,
    dl_sns: literacy,
    dl_video: literacy,
    dl_help: 6 - literacy,
    op_listen: openness[0],
    op_speak: openness[1],
  };
}

async function roundOf(cohortId: string, questionSetKey: string, phase: "pre" | "post") {
  return inCity((tx) =>
    tx.surveyRound.findFirstOrThrow({
      where: { tenantId: city.tenantId, cohortId, questionSetKey, phase },
      select: { id: true },
    }),
  );
}

async function submit(roundId: string, staffMemberId: string, answers: SurveyAnswers) {
  const result = await inCity((tx) =>
    submitResponse(tx, { tenantId: city.tenantId, roundId, staffMemberId, answers, now: new Date() }),
  );
  if (!result.submitted) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  published = await publishTeams(db, city.tenantId, city.cohortId);
  const staffOf = (applicationId: string) => published.staffOf.get(applicationId) as string;

  // The seed answered the diagnostic for everyone; those answers are taken back so that only the ones
  // chosen here count. Before: 3 on every item, 50 on both dimensions.
  const pre = await roundOf(city.cohortId, "digital_diagnostic", "pre");
  await inCity((tx) => tx.surveyResponse.deleteMany({ where: { tenantId: city.tenantId, roundId: pre.id } }));
  for (const team of published.teams)
    for (const applicationId of [...team.mentors, ...team.mentees])
      await submit(pre.id, staffOf(applicationId), diagnostic(3, [3, 3]));

  // After: every junior 75 on digital literacy (+25), every manager 100 (+50); on openness the first junior
  // of a team 62.5 (+12.5), the second 37.5 (−12.5), the third and the manager 50 (0).
  await inCity((tx) =>
    openSurveyRounds(tx, {
      tenantId: city.tenantId,
      cohortId: city.cohortId,
      phase: "post",
      today,
      appUrl: APP_URL,
    }),
  );
  const post = await roundOf(city.cohortId, "digital_diagnostic", "post");
  const openness: [number, number][] = [
    [4, 3],
    [2, 3],
    [3, 3],
  ];
  dropped = published.teams[0]?.mentors[2] as string;
  for (const team of published.teams) {
    for (const [index, applicationId] of team.mentors.entries())
      if (applicationId !== dropped)
        await submit(post.id, staffOf(applicationId), diagnostic(4, openness[index] as [number, number]));
    for (const applicationId of team.mentees)
      await submit(post.id, staffOf(applicationId), diagnostic(5, [3, 3]));
  }

  // The managers rate their satisfaction; the juniors have not yet.
  const satisfaction = await roundOf(city.cohortId, "satisfaction", "post");
  const overall = [5, 5, 5, 4, 4, 4, 4, 3, 2, 1];
  for (const [index, team] of published.teams.entries())
    for (const applicationId of team.mentees)
      await submit(satisfaction.id, staffOf(applicationId), {
        sat_overall: overall[index] as number,
        sat_team: 4,
        sat_useful: 4,
        sat_schedule: 3,
        sat_recommend: 5,
      });
}, 180_000);

afterAll(async () => {
  await database?.drop();
});

describe("a cohort's outcomes", () => {
  it("a fixture with known answers gives the exact change per person, team and cohort", async () => {
    const view = await outcomes();
    expect(view.dimensions.map((dimension) => [dimension.key, dimension.label.ko])).toEqual([
      [DL, "디지털 활용 역량"],
      [OP, "소통 개방성"],
    ]);

    // Per person: the first junior, the second, the third and the manager of team 2; team 1's third junior
    // answered only before, so has no change.
    const two = published.teams[1];
    if (!two) throw new Error("the seed publishes fewer than two teams");
    const person = (applicationId: string | undefined) =>
      view.people.find((row) => row.applicationId === applicationId);
    expect([...two.mentors, ...two.mentees].map((id) => person(id)?.change)).toEqual([
      { [DL]: 25, [OP]: 12.5 },
      { [DL]: 25, [OP]: -12.5 },
      { [DL]: 25, [OP]: 0 },
      { [DL]: 50, [OP]: 0 },
    ]);
    expect(person(two.mentees[0])).toMatchObject({
      role: "mentee",
      teamNumber: 2,
      pre: { [DL]: 50, [OP]: 50 },
      post: { [DL]: 100, [OP]: 50 },
    });
    expect(person(dropped)).toMatchObject({ teamNumber: 1, pre: { [DL]: 50 }, post: {}, change: {} });
    expect(view.people).toHaveLength(40);
    expect(view.people.every((row) => row.name.length > 0 && row.department.length > 0)).toBe(true);

    // Per team: team 1 counts the three who answered both times.
    expect(view.teams.map((team) => [team.number, team.members, team.change[DL]?.n])).toEqual(
      Array.from({ length: 10 }, (_, index) => [index + 1, 4, index === 0 ? 3 : 4]),
    );
    expect(view.teams[0]?.change[DL]?.mean).toBeCloseTo(100 / 3, 10);
    expect(view.teams[0]?.change[OP]).toMatchObject({ n: 3, mean: 0, direction: "none", verdict: "too_few" });

    // The cohort: 39 people; 29 juniors +25 and 10 managers +50 on digital literacy.
    const literacy = view.dimensions[0]?.cohort;
    const literacyMean = (29 * 25 + 10 * 50) / 39;
    const literacySd = Math.sqrt((29 * 25 ** 2 + 10 * 50 ** 2 - 39 * literacyMean ** 2) / 38);
    expect(literacy?.n).toBe(39);
    expect(literacy?.mean).toBeCloseTo(literacyMean, 10);
    expect(literacy?.sd).toBeCloseTo(literacySd, 10);
    expect(literacy?.interval?.low).toBeCloseTo(literacyMean - (T_38 * literacySd) / Math.sqrt(39), 5);
    expect(literacy?.interval?.high).toBeCloseTo(literacyMean + (T_38 * literacySd) / Math.sqrt(39), 5);
    expect(literacy?.effectSize).toBeCloseTo(literacyMean / literacySd, 10);
    expect([literacy?.direction, literacy?.verdict]).toEqual(["up", "increase"]);
    // Openness: ten +12.5, ten −12.5 and nineteen 0: no change the cohort can claim.
    const open = view.dimensions[1]?.cohort;
    const openSd = Math.sqrt((20 * 12.5 ** 2) / 38);
    expect(open).toMatchObject({ n: 39, mean: 0, direction: "none", verdict: "no_clear_change" });
    expect(open?.sd).toBeCloseTo(openSd, 10);
    expect(open?.interval?.high).toBeCloseTo((T_38 * openSd) / Math.sqrt(39), 5);
    expect(open?.interval?.low).toBeCloseTo((-T_38 * openSd) / Math.sqrt(39), 5);

    // No 1st cohort yet: nothing to compare with.
    expect(view.previous).toBeNull();
  });

  it("a team of 4 shows its direction without a claim (fewer than 5 people)", async () => {
    const team = (await outcomes()).teams.find((row) => row.number === 2);
    // Digital literacy 25, 25, 25 and 50: up by 31.25 on average, spread 12.5.
    expect(team?.change[DL]).toEqual({
      n: 4,
      mean: 31.25,
      sd: 12.5,
      interval: null,
      effectSize: null,
      direction: "up",
      verdict: "too_few",
    });
    expect(team?.change[OP]).toMatchObject({
      n: 4,
      mean: 0,
      interval: null,
      direction: "none",
      verdict: "too_few",
    });
  });

  it("summarises the satisfaction survey per question as answered", async () => {
    const [survey] = (await outcomes()).satisfaction;
    expect([survey?.questionSetKey, survey?.title.ko, survey?.respondents]).toEqual([
      "satisfaction",
      "만족도 조사",
      10,
    ]);
    expect(survey?.questions.map((question) => question.key)).toEqual([
      "sat_overall",
      "sat_team",
      "sat_useful",
      "sat_schedule",
      "sat_recommend",
    ]);
    expect(survey?.questions[0]?.summary).toEqual({
      question: "sat_overall",
      n: 10,
      mean: 3.7,
      counts: [1, 1, 1, 4, 3],
      agreePercent: 70,
    });
    expect(survey?.questions[3]?.summary).toMatchObject({
      n: 10,
      mean: 3,
      counts: [0, 0, 10, 0, 0],
      agreePercent: 0,
    });
  });

  it("the 2nd cohort is compared with the 1st", async () => {
    // The 1st cohort of the same program a year earlier: five juniors, answered before and after.
    const { templateId } = await inCity((tx) =>
      tx.cohort.findFirstOrThrow({
        where: { tenantId: city.tenantId, id: city.cohortId },
        select: { templateId: true },
      }),
    );
    const { cohortId: first } = await inCity((tx) =>
      createCohort(tx, {
        tenantId: city.tenantId,
        form: { templateId, number: 1, recruitmentStart: "2024-01-22" },
        actorUserId: city.actorUserId,
        today: calendarDate("2024-01-10"),
      }),
    );
    const juniors = await inCity((tx) =>
      tx.staffMember.findMany({
        where: { tenantId: city.tenantId, applications: { none: { cohortId: city.cohortId } } },
        orderBy: { employeeNumber: "asc" },
        take: 5,
        select: { id: true },
      }),
    );
    await inCity((tx) =>
      tx.application.createMany({
        data: juniors.map((junior) => ({
          tenantId: city.tenantId,
          cohortId: first,
          staffMemberId: junior.id,
          role: "mentor" as const,
          status: "accepted" as const,
          eligibility: {},
        })),
      }),
    );
    for (const phase of ["pre", "post"] as const)
      await inCity((tx) =>
        openSurveyRounds(tx, { tenantId: city.tenantId, cohortId: first, phase, today, appUrl: APP_URL }),
      );
    const pre = await roundOf(first, "digital_diagnostic", "pre");
    const post = await roundOf(first, "digital_diagnostic", "post");
    // Four juniors +25, one +50 on digital literacy (mean 30, spread √125); openness unchanged.
    for (const [index, junior] of juniors.entries()) {
      await submit(pre.id, junior.id, diagnostic(3, [3, 3]));
      await submit(post.id, junior.id, diagnostic(index === 0 ? 5 : 4, [3, 3]));
    }

    expect((await outcomes(first)).previous).toBeNull();
    const view = await outcomes();
    expect(view.previous?.cohort).toEqual({ id: first, number: 1, title: "거꾸로 멘토링 1기" });
    const literacy = view.previous?.dimensions[DL];
    const laterMean = (29 * 25 + 10 * 50) / 39;
    const laterVariance = (29 * 25 ** 2 + 10 * 50 ** 2 - 39 * laterMean ** 2) / 38;
    expect(literacy?.earlier).toEqual({ n: 5, mean: 30 });
    expect(literacy?.later.n).toBe(39);
    expect(literacy?.difference).toBeCloseTo(laterMean - 30, 10);
    // Welch: the 1st cohort's five carry most of the uncertainty; the interval holds 0.
    const squaredError = 125 / 5 + laterVariance / 39;
    expect(literacy?.df).toBeCloseTo(
      squaredError ** 2 / ((125 / 5) ** 2 / 4 + (laterVariance / 39) ** 2 / 38),
      10,
    );
    expect(literacy?.interval?.low).toBeLessThan(0);
    expect(literacy?.interval?.high).toBeGreaterThan(0);
    expect([literacy?.direction, literacy?.verdict]).toEqual(["up", "no_clear_change"]);
    expect(view.previous?.dimensions[OP]).toMatchObject({ earlier: { n: 5, mean: 0 }, difference: 0 });
  });

  it("another tenant's cohort is not found", async () => {
    const asYongin = (cohortId: string) =>
      db.withTenant(yongin, (tx) => getCohortOutcomes(tx, { tenantId: yongin, cohortId }));
    expect(await asYongin(city.cohortId).catch(code)).toBe("cohort.not_found");
    expect(await asYongin("not-a-cohort").catch(code)).toBe("cohort.not_found");
  });
});
