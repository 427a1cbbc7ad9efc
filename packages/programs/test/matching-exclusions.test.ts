// A coordinator's exclusions and edits on a run of Gangneung's reverse mentoring (30 juniors as mentors, 10
// managers as mentees, teams of 3 + 1), against the real database as the app role: a person excluded for
// the next run (with a reason) is left out of it and can be taken back in, someone the run left unplaced
// takes a placed person's place with the rules re-checked, two mentors of one department in a team are
// named, and every team explains its pairs, also for a run stored before pairs were explained.
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { type AppError, isAppError } from "@mentoring/domain";
import type { MatchingProblemInput, MatchingResult } from "@mentoring/matching";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  editRunTeams,
  getRun,
  type RunView,
  runMatching,
  setExclusion,
  setPairRule,
  startMatchingRun,
  tenantToday,
  transitionCohort,
} from "../src/index";
import { seedPrograms } from "../src/seed";

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", coordinatorId: "" };

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } });
  city.tenantId = tenant.id;
  await db.withTenant(tenant.id, async (tx) => {
    city.cohortId = (
      await tx.cohort.findFirstOrThrow({ where: { tenantId: tenant.id, title: "거꾸로 멘토링 2기" } })
    ).id;
    city.coordinatorId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId: tenant.id, roles: { has: "coordinator" } } })
    ).userId;
  });
  await inCity((tx) =>
    transitionCohort(tx, {
      ...acting(),
      to: "matching",
      override: true,
      reason: "매칭 일정 시작",
      today: tenantToday("Asia/Seoul"),
      appUrl: "http://localhost",
    }),
  );
}, 120_000);

afterAll(() => database?.drop());

const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);
const acting = () => ({ tenantId: city.tenantId, cohortId: city.cohortId, actorUserId: city.coordinatorId });

async function solvedRun(basedOnRunId?: string): Promise<string> {
  const { runId } = await inCity((tx) =>
    startMatchingRun(tx, { ...acting(), ...(basedOnRunId && { basedOnRunId }) }),
  );
  await runMatching(db, { tenantId: city.tenantId, runId });
  return runId;
}
const view = (runId: string) =>
  inCity((tx) => getRun(tx, { tenantId: city.tenantId, cohortId: city.cohortId, runId }));
const exclude = (runId: string, applicationId: string, on: boolean, reason?: string) =>
  inCity((tx) => setExclusion(tx, { ...acting(), runId, applicationId, on, ...(reason && { reason }) }));
const swap = (runId: string, applicationId: string, withApplicationId: string) =>
  inCity((tx) =>
    editRunTeams(tx, { ...acting(), runId, edit: { kind: "swap", applicationId, withApplicationId } }),
  );
const row = (runId: string) =>
  inCity((tx) => tx.matchingRun.findFirstOrThrow({ where: { tenantId: city.tenantId, id: runId } }));

const teamsOf = (run: RunView) => {
  if (!run.teams) throw new Error(`run ${run.number} has no teams`);
  return run.teams;
};
const placed = (run: RunView) => teamsOf(run).flatMap((team) => team.members.map((m) => m.applicationId));
const membersOf = (run: RunView, index: number, role: "mentor" | "mentee") =>
  (teamsOf(run)[index]?.members ?? []).filter((m) => m.role === role).map((m) => m.applicationId);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("excluding people from the next run", () => {
  let firstRunId: string;
  let nextRunId: string;
  let excludedId: string;

  it("keeps the person and the reason for the next run, lifts their pins, flags them in their team now, and audits it", async () => {
    firstRunId = await solvedRun();
    const first = await view(firstRunId);
    const [junior] = membersOf(first, 0, "mentor");
    const [manager] = membersOf(first, 0, "mentee");
    if (!junior || !manager) throw new Error("team 1 has no junior or manager");
    excludedId = junior;
    await inCity((tx) =>
      setPairRule(tx, {
        ...acting(),
        runId: firstRunId,
        rule: "pin",
        on: true,
        mentorApplicationId: junior,
        menteeApplicationId: manager,
      }),
    );

    await exclude(firstRunId, junior, true, "  육아휴직으로 참여하기 어려움 ");

    const after = await view(firstRunId);
    expect(after.excluded).toEqual([
      expect.objectContaining({
        applicationId: junior,
        role: "mentor",
        reason: "육아휴직으로 참여하기 어려움",
      }),
    ]);
    expect(after.pinned).toEqual([]);
    const juniorName = after.excluded[0]?.name;
    expect(teamsOf(after)[0]?.violations).toContainEqual({
      code: "excluded_placed",
      params: { team: 1, person: juniorName ?? "" },
    });
    expect(
      ((await row(firstRunId)).problem as unknown as MatchingProblemInput).constraints?.excluded,
    ).toEqual([junior]);
    const audit = await inCity((tx) =>
      tx.auditLog.findFirstOrThrow({
        where: { tenantId: city.tenantId, action: "matching_run.exclusion", entityId: firstRunId },
      }),
    );
    expect(audit.before).toMatchObject({ applicationId: junior, excluded: false });
    expect(audit.after).toMatchObject({
      applicationId: junior,
      excluded: true,
      reason: "육아휴직으로 참여하기 어려움",
      liftedPins: [{ mentorId: junior, menteeId: manager }],
    });
  });

  it("leaves them out of the run based on it, with the reason carried: 29 juniors make 9 teams", async () => {
    nextRunId = await solvedRun(firstRunId);
    const next = await view(nextRunId);
    expect(placed(next)).not.toContain(excludedId);
    expect(teamsOf(next)).toHaveLength(9);
    expect(next.unplaced.find((person) => person.applicationId === excludedId)?.code).toBe("excluded");
    expect(next.excluded.map((person) => [person.applicationId, person.reason])).toEqual([
      [excludedId, "육아휴직으로 참여하기 어려움"],
    ]);
    expect(teamsOf(next).every((team) => team.violations.length === 0)).toBe(true);
  });

  it("takes a person back in, without a reason left behind, and says so where they wait unplaced", async () => {
    await exclude(nextRunId, excludedId, false);
    const next = await view(nextRunId);
    expect(next.excluded).toEqual([]);
    expect(next.unplaced.find((person) => person.applicationId === excludedId)?.code).toBe(
      "exclusion_lifted",
    );
    expect((await row(nextRunId)).exclusionReasons).toEqual({});
    const third = await view(await solvedRun(nextRunId));
    expect(third.excluded).toEqual([]);
    expect(placed(third)).toContain(excludedId);
  });

  it("refuses someone who is not a participant of the run, and changes nothing", async () => {
    const before = (await row(nextRunId)).problem;
    const error = await refusal(exclude(nextRunId, "00000000-0000-4000-8000-000000000000", true));
    expect(error.code).toBe("matching.person_not_in_run");
    expect((await row(nextRunId)).problem).toEqual(before);
  });
});

describe("putting someone the run left unplaced into a team", () => {
  let runId: string;

  beforeAll(async () => {
    // One junior excluded: 29 juniors for 10 managers in teams of 3 leave 2 juniors and 1 manager out.
    const base = await solvedRun();
    const junior = membersOf(await view(base), 3, "mentor")[0];
    if (!junior) throw new Error("team 4 has no junior");
    await exclude(base, junior, true);
    runId = await solvedRun(base);
  });

  it("puts the unplaced junior in a placed junior's place, who is then unplaced for an edit, and re-scores the team", async () => {
    const run = await view(runId);
    const waiting = run.unplaced.find((person) => person.role === "mentor" && person.code !== "excluded");
    if (!waiting) throw new Error("no junior left unplaced by the engine");
    const problem = (await row(runId)).problem as unknown as MatchingProblemInput;
    const departmentOf = new Map(problem.participants.map((person) => [person.id, person.department]));
    // A team whose manager and other juniors are of other departments than the waiting junior's: the swap keeps every rule.
    const index = teamsOf(run).findIndex((team) =>
      team.members.every(
        (member) => departmentOf.get(member.applicationId) !== departmentOf.get(waiting.applicationId),
      ),
    );
    if (index < 0) throw new Error("no team keeps the rules with the waiting junior");
    const leaving = membersOf(run, index, "mentor")[0] as string;

    const outcome = await swap(runId, waiting.applicationId, leaving);

    expect(outcome.totalBefore).toBeCloseTo(run.total ?? Number.NaN, 5);
    expect(outcome.violations).toEqual([]);
    const after = await view(runId);
    expect(membersOf(after, index, "mentor")).toContain(waiting.applicationId);
    expect(placed(after)).not.toContain(leaving);
    expect(after.unplaced.map((person) => person.applicationId)).not.toContain(waiting.applicationId);
    expect(after.unplaced.find((person) => person.applicationId === leaving)).toMatchObject({
      code: "swapped_out",
      role: "mentor",
    });
    expect(after.total).toBeCloseTo(outcome.totalAfter, 5);
    const team = teamsOf(after)[index];
    expect(team?.pairs.map((pair) => pair.mentorId)).toContain(waiting.applicationId);
  });

  it("keeps a swap-in that breaks the same-department rule and names it, as other edits", async () => {
    const run = await view(runId);
    const problem = (await row(runId)).problem as unknown as MatchingProblemInput;
    const departmentOf = new Map(problem.participants.map((person) => [person.id, person.department]));
    const waiting = run.unplaced.find((person) => person.role === "mentor" && person.code !== "excluded");
    if (!waiting) throw new Error("no junior waiting");
    const index = teamsOf(run).findIndex((team) =>
      team.members.some(
        (member) =>
          member.role === "mentee" &&
          departmentOf.get(member.applicationId) === departmentOf.get(waiting.applicationId),
      ),
    );
    if (index < 0) throw new Error("no manager shares the waiting junior's department");
    const leaving = membersOf(run, index, "mentor")[0] as string;
    const outcome = await swap(runId, leaving, waiting.applicationId);
    expect(outcome.violations.map((violation) => violation.code)).toContain("same_department");
    expect(membersOf(await view(runId), index, "mentor")).toContain(waiting.applicationId);
  });

  it("refuses a swap of an unplaced junior with a manager, and of two unplaced people", async () => {
    const run = await view(runId);
    const waitingJunior = run.unplaced.find((person) => person.role === "mentor");
    const waitingManager = run.unplaced.find((person) => person.role === "mentee");
    const manager = membersOf(run, 0, "mentee")[0] as string;
    if (!waitingJunior || !waitingManager) throw new Error("no one waiting of each role");
    expect((await refusal(swap(runId, waitingJunior.applicationId, manager))).code).toBe(
      "matching.roles_differ",
    );
    expect((await refusal(swap(runId, waitingJunior.applicationId, waitingManager.applicationId))).code).toBe(
      "matching.person_not_placed",
    );
  });
});

describe("a team's mentors of one department after an edit", () => {
  it("names both mentors when the template keeps a team's mentors in different departments", async () => {
    const runId = await solvedRun();
    const problem = (await row(runId)).problem as unknown as MatchingProblemInput;
    // The 2025 template compared no mentors; the rule is switched on in this run's rules, as a template asking for it would.
    await inCity((tx) =>
      tx.matchingRun.update({
        where: { id: runId },
        data: {
          problem: {
            ...problem,
            constraints: { ...problem.constraints, mentorsFromDifferentDepartments: true },
          } as never,
        },
      }),
    );
    const run = await view(runId);
    const departmentOf = new Map(problem.participants.map((person) => [person.id, person.department]));
    // A junior of team 2 whose department one of team 1's juniors has, swapped for another junior of team 1.
    const first = membersOf(run, 0, "mentor");
    let chosen: { stay: string; leave: string; come: string } | null = null;
    for (let index = 1; index < teamsOf(run).length && !chosen; index++)
      for (const come of membersOf(run, index, "mentor")) {
        const stay = first.find((id) => departmentOf.get(id) === departmentOf.get(come));
        const leave = first.find((id) => id !== stay);
        const manager = membersOf(run, 0, "mentee")[0] as string;
        if (stay && leave && departmentOf.get(manager) !== departmentOf.get(come)) {
          chosen = { stay, leave, come };
          break;
        }
      }
    if (!chosen) throw new Error("no junior shares a department with one of team 1's");
    const names = new Map(teamsOf(run).flatMap((team) => team.members.map((m) => [m.applicationId, m.name])));

    const outcome = await swap(runId, chosen.leave, chosen.come);

    const [a, b] =
      first.indexOf(chosen.stay) < first.indexOf(chosen.leave)
        ? [chosen.stay, chosen.come]
        : [chosen.come, chosen.stay];
    expect(outcome.violations).toContainEqual({
      code: "mentors_same_department",
      params: { team: 1, mentor: names.get(a), otherMentor: names.get(b) },
    });
  });
});

describe("each pair of a team explained", () => {
  it("gives every pair its points and criteria, adding up to the team's score", async () => {
    const run = await view(await solvedRun());
    for (const team of teamsOf(run)) {
      expect(team.pairs).toHaveLength(3);
      const teamOnly = team.breakdown.filter((part) => part.kind === "team_diversity");
      const sum =
        team.pairs.reduce((total, pair) => total + pair.points, 0) +
        teamOnly.reduce((t, p) => t + p.points, 0);
      expect(sum).toBeCloseTo(team.score, 4);
      for (const pair of team.pairs) {
        expect(pair.parts.map((part) => part.kind)).toEqual([
          "diagnostic_complement",
          "interest_overlap",
          "answer",
        ]);
        expect(pair.parts.reduce((total, part) => total + part.points, 0)).toBeCloseTo(pair.points, 4);
      }
    }
  });

  it("explains the pairs of runs stored before pairs were explained: an object breakdown without points, or no pairs", async () => {
    const runId = await solvedRun();
    const stored = await row(runId);
    const result = stored.result as unknown as MatchingResult;
    const older = {
      ...result,
      teams: result.teams.map((team, index) => {
        const { pairs, ...rest } = team;
        // Half the teams as results had them before: pairs with a score and a breakdown by criterion id.
        return index % 2 === 0
          ? rest
          : {
              ...rest,
              pairs: pairs.map((pair) => ({
                mentorId: pair.mentorId,
                menteeId: pair.menteeId,
                score: pair.points,
                breakdown: Object.fromEntries(pair.breakdown.map((part) => [part.criterionId, part.points])),
              })),
            };
      }),
    };
    await inCity((tx) =>
      tx.matchingRun.update({
        where: { id: runId },
        data: {
          result: older as never,
          teams: result.teams.map(({ pairs: _pairs, ...team }) => team) as never,
          exclusionReasons: {},
        },
      }),
    );
    const run = await view(runId);
    for (const team of teamsOf(run)) {
      expect(team.pairs).toHaveLength(3);
      expect(team.pairs.every((pair) => pair.parts.length === 3)).toBe(true);
    }
  });
});
