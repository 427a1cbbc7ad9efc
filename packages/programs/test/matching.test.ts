import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { type AppError, isAppError } from "@mentoring/domain";
import {
  evaluateTeams,
  hardRuleViolations,
  type MatchingProblemInput,
  type MatchingResult,
} from "@mentoring/matching";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignEvaluator, unassignEvaluator } from "../src/evaluations";
import {
  editRunTeams,
  getCertificateBatch,
  getRun,
  listMyTeams,
  listRuns,
  prepareCertificateBatch,
  publishRun,
  type RunView,
  revokeCertificate,
  runMatching,
  setPairRule,
  signCertificateBatch,
  startMatchingRun,
  tenantToday,
  transitionCohort,
  verifySerial,
} from "../src/index";
import { seedPrograms } from "../src/seed";

let database: SeededTestDatabase;
let db: Database;

interface Program {
  tenantId: string;
  cohortId: string;
  coordinatorId: string;
}
let gangneung: Program;
let yongin: Program;

async function programOf(slug: string, title: string): Promise<Program> {
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug } });
  return db.withTenant(tenant.id, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId: tenant.id, title } });
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId: tenant.id, roles: { has: "coordinator" } },
    });
    return { tenantId: tenant.id, cohortId: cohort.id, coordinatorId: coordinator.userId };
  });
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  gangneung = await programOf("gangneung", "거꾸로 멘토링 2기");
  yongin = await programOf("yongin", "신규 공직자 멘토링 1기");
});

afterAll(() => database?.drop());

const inTenant = <T>(program: Program, work: (tx: TenantDb) => Promise<T>) =>
  db.withTenant(program.tenantId, work);

/** Closes the pre-surveys early (an override with a reason) and moves the cohort into matching. */
const toMatching = (program: Program) =>
  inTenant(program, (tx) =>
    transitionCohort(tx, {
      tenantId: program.tenantId,
      cohortId: program.cohortId,
      to: "matching",
      override: true,
      reason: "매칭 일정 시작",
      actorUserId: program.coordinatorId,
      today: tenantToday("Asia/Seoul"),
      appUrl: "http://localhost",
    }),
  );

const start = (program: Program, basedOnRunId?: string) =>
  inTenant(program, (tx) =>
    startMatchingRun(tx, {
      tenantId: program.tenantId,
      cohortId: program.cohortId,
      actorUserId: program.coordinatorId,
      ...(basedOnRunId && { basedOnRunId }),
    }),
  );

const view = (program: Program, runId: string) =>
  inTenant(program, (tx) => getRun(tx, { tenantId: program.tenantId, cohortId: program.cohortId, runId }));

const stored = (program: Program, runId: string) =>
  inTenant(program, (tx) =>
    tx.matchingRun.findFirstOrThrow({ where: { tenantId: program.tenantId, id: runId } }),
  );

/** Starts a run and solves it as the worker would; returns the run's id. */
async function solvedRun(program: Program, basedOnRunId?: string): Promise<string> {
  const { runId } = await start(program, basedOnRunId);
  await runMatching(db, { tenantId: program.tenantId, runId });
  return runId;
}

const edit = (program: Program, runId: string, change: Parameters<typeof editRunTeams>[1]["edit"]) =>
  inTenant(program, (tx) =>
    editRunTeams(tx, {
      tenantId: program.tenantId,
      cohortId: program.cohortId,
      runId,
      edit: change,
      actorUserId: program.coordinatorId,
    }),
  );

const publish = (program: Program, runId: string) =>
  inTenant(program, (tx) =>
    publishRun(tx, {
      tenantId: program.tenantId,
      cohortId: program.cohortId,
      runId,
      actorUserId: program.coordinatorId,
      appUrl: "http://localhost",
    }),
  );

const pairRule = (
  program: Program,
  runId: string,
  rule: "pin" | "forbid",
  mentorApplicationId: string,
  menteeApplicationId: string,
) =>
  inTenant(program, (tx) =>
    setPairRule(tx, {
      tenantId: program.tenantId,
      cohortId: program.cohortId,
      runId,
      rule,
      mentorApplicationId,
      menteeApplicationId,
      on: true,
      actorUserId: program.coordinatorId,
    }),
  );

const teamsOf = (run: RunView) => {
  if (!run.teams) throw new Error(`run ${run.number} has no teams`);
  return run.teams;
};
const idsOf = (run: RunView, role: "mentor" | "mentee") =>
  teamsOf(run).map((team) =>
    team.members.filter((member) => member.role === role).map((member) => member.applicationId),
  );
const membership = (run: RunView) =>
  teamsOf(run).map((team) => team.members.map((member) => member.applicationId).sort());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("matching runs of Gangneung's reverse mentoring (30 juniors, 10 managers)", () => {
  let firstRunId: string;

  it("refuses to start a run before the cohort is in matching, and changes nothing", async () => {
    const error = await refusal(start(gangneung));
    expect([error.code, error.status]).toEqual(["matching.cohort_not_matching", 409]);
    const runs = await inTenant(gangneung, (tx) =>
      listRuns(tx, { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId }),
    );
    expect(runs).toEqual([]);
  });

  it("starts one run however many times the coordinator presses at once: the others are told a run is under way", async () => {
    await toMatching(gangneung);
    const presses = await Promise.allSettled(Array.from({ length: 8 }, () => start(gangneung)));
    const started = presses.filter((press) => press.status === "fulfilled");
    const refused = presses.flatMap((press) => (press.status === "rejected" ? [press.reason] : []));
    expect(started).toHaveLength(1);
    expect(refused.map((error) => isAppError(error) && error.code)).toEqual(
      Array(7).fill("matching.run_in_progress"),
    );
    firstRunId = (started[0] as PromiseFulfilledResult<{ runId: string }>).value.runId;
    const runs = await inTenant(gangneung, (tx) =>
      listRuns(tx, { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId }),
    );
    expect(runs).toHaveLength(1);
  });

  it("snapshots the accepted applicants with their answers, queues the job and audits the start", async () => {
    const runId = firstRunId;
    const run = await stored(gangneung, runId);
    expect([run.status, run.number, run.progress]).toEqual(["queued", 1, 0]);
    const problem = run.problem as unknown as MatchingProblemInput;
    expect(problem.participants.filter((person) => person.role === "mentor")).toHaveLength(30);
    expect(problem.participants.filter((person) => person.role === "mentee")).toHaveLength(10);
    expect(problem.teamShape).toEqual({ mentors: { min: 3, max: 3 }, mentees: { min: 1, max: 1 } });
    expect(problem.constraints?.differentDepartment).toBe(true);
    // Everyone answered in Gangneung: the criteria have something to read for every participant.
    for (const person of problem.participants) {
      expect(person.diagnostics?.["digital_diagnostic.digital_literacy"]).toEqual(expect.any(Number));
      expect(person.interests?.length).toBeGreaterThan(0);
      expect(person.answers?.["pre_survey.communication_style"]).toEqual(expect.any(String));
      expect(person.department).toEqual(expect.any(String));
    }
    const [job, audit] = await inTenant(gangneung, (tx) =>
      Promise.all([
        tx.outboxEvent.findFirst({ where: { jobName: "matching.run" }, orderBy: { id: "desc" } }),
        tx.auditLog.findFirst({ where: { tenantId: gangneung.tenantId, action: "matching_run.start" } }),
      ]),
    );
    expect(job?.payload).toEqual({ tenantId: gangneung.tenantId, runId });
    expect(audit?.entityId).toBe(runId);
  });

  it("refuses a second run while the first is still queued", async () => {
    const error = await refusal(start(gangneung));
    expect(error.code).toBe("matching.run_in_progress");
  });

  it("forms 10 teams of exactly 3 juniors and 1 manager meeting every hard rule, reporting progress and the gap", async () => {
    const progress: number[] = [];
    await runMatching(
      db,
      { tenantId: gangneung.tenantId, runId: firstRunId },
      { onProgress: (percent) => void progress.push(percent) },
    );
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const run = await view(gangneung, firstRunId);
    expect([run.status, run.progress, run.editable]).toEqual(["succeeded", 100, true]);
    const teams = teamsOf(run);
    expect(teams).toHaveLength(10);
    for (const team of teams) {
      expect(team.members.filter((member) => member.role === "mentor")).toHaveLength(3);
      expect(team.members.filter((member) => member.role === "mentee")).toHaveLength(1);
      expect(team.violations).toEqual([]);
      expect(team.members.every((member) => member.name.length > 0)).toBe(true);
      expect(team.breakdown.reduce((sum, part) => sum + part.points, 0)).toBeCloseTo(team.score, 5);
      for (const part of team.breakdown) expect(part.value).toBeGreaterThanOrEqual(0);
      for (const part of team.breakdown) expect(part.value).toBeLessThanOrEqual(1);
    }
    expect(new Set(teams.flatMap((team) => team.members.map((m) => m.applicationId))).size).toBe(40);
    expect(run.unplaced).toEqual([]);
    expect(run.gap).toEqual(expect.any(Number));
    expect(run.gap).toBeGreaterThanOrEqual(0);
    expect(run.total).toBeCloseTo(run.objective ?? Number.NaN, 5);

    const row = await stored(gangneung, firstRunId);
    const result = row.result as unknown as MatchingResult;
    expect(hardRuleViolations(row.problem as unknown as MatchingProblemInput, result)).toEqual([]);
  });

  it("leaves a finished run alone when the job runs again", async () => {
    const before = await stored(gangneung, firstRunId);
    const progress: number[] = [];
    await runMatching(
      db,
      { tenantId: gangneung.tenantId, runId: firstRunId },
      { onProgress: (percent) => void progress.push(percent) },
    );
    const after = await stored(gangneung, firstRunId);
    expect(progress).toEqual([]);
    expect(after.finishedAt).toEqual(before.finishedAt);
    expect(after.teams).toEqual(before.teams);
  });

  it("forms the same teams when run again on the same cohort", async () => {
    const secondRunId = await solvedRun(gangneung);
    const [first, second] = await Promise.all([view(gangneung, firstRunId), view(gangneung, secondRunId)]);
    expect(second.number).toBe(2);
    expect(membership(second)).toEqual(membership(first));
    expect(second.objective).toBe(first.objective);
  });

  it("re-scores a swap of two juniors with the engine's scoring and reports the new total", async () => {
    const runId = await solvedRun(gangneung);
    const row = await stored(gangneung, runId);
    const problem = row.problem as unknown as MatchingProblemInput;
    const run = await view(gangneung, runId);
    const mentors = idsOf(run, "mentor");
    const mentees = idsOf(run, "mentee");
    const teams = () =>
      mentors.map((ids, index) => ({ mentorIds: [...ids], menteeIds: mentees[index] ?? [] }));
    // The first swap between teams 1 and 2 that keeps every rule and changes the total.
    let chosen: { a: string; b: string; total: number } | null = null;
    for (const a of mentors[0] ?? [])
      for (const b of mentors[1] ?? []) {
        if (chosen) break;
        const swapped = teams();
        swapped[0] = {
          ...swapped[0],
          mentorIds: (mentors[0] ?? []).map((id) => (id === a ? b : id)),
          menteeIds: mentees[0] ?? [],
        };
        swapped[1] = {
          ...swapped[1],
          mentorIds: (mentors[1] ?? []).map((id) => (id === b ? a : id)),
          menteeIds: mentees[1] ?? [],
        };
        const evaluation = evaluateTeams(problem, swapped);
        const clean = evaluation.teams.every((team) => team.violations.length === 0);
        if (clean && evaluation.total !== run.total) chosen = { a, b, total: evaluation.total };
      }
    if (!chosen) throw new Error("no rule-keeping swap between teams 1 and 2 changes the total");

    const outcome = await edit(gangneung, runId, {
      kind: "swap",
      applicationId: chosen.a,
      withApplicationId: chosen.b,
    });
    expect(outcome.totalBefore).toBeCloseTo(run.total ?? Number.NaN, 5);
    expect(outcome.totalAfter).toBeCloseTo(chosen.total, 5);
    expect(outcome.totalAfter).not.toBeCloseTo(outcome.totalBefore, 5);
    expect(outcome.violations).toEqual([]);
    const after = await view(gangneung, runId);
    expect(idsOf(after, "mentor")[0]).toContain(chosen.b);
    expect(idsOf(after, "mentor")[1]).toContain(chosen.a);
    expect(after.total).toBeCloseTo(chosen.total, 5);
    const audit = await inTenant(gangneung, (tx) =>
      tx.auditLog.findFirst({
        where: { tenantId: gangneung.tenantId, action: "matching_run.edit", entityId: runId },
      }),
    );
    expect(audit?.after).toMatchObject({ edit: { kind: "swap", applicationId: chosen.a } });
  });

  it("keeps a swap that puts a junior with a manager of their own department, shows the violation and refuses publication until it is undone", async () => {
    const runId = await solvedRun(gangneung);
    const row = await stored(gangneung, runId);
    const problem = row.problem as unknown as MatchingProblemInput;
    const departmentOf = new Map(problem.participants.map((person) => [person.id, person.department]));
    const run = await view(gangneung, runId);
    const mentors = idsOf(run, "mentor");
    const mentees = idsOf(run, "mentee");
    let swap: { junior: string; other: string; team: number } | null = null;
    mentors.forEach((ids, from) => {
      mentees.forEach(([mentee], to) => {
        const junior = ids.find((id) => departmentOf.get(id) === departmentOf.get(mentee ?? ""));
        if (!swap && from !== to && junior)
          swap = { junior, other: mentors[to]?.[0] as string, team: teamsOf(run)[to]?.number as number };
      });
    });
    if (!swap) throw new Error("no junior shares a department with another team's manager");
    const { junior, other, team } = swap;

    const outcome = await edit(gangneung, runId, {
      kind: "swap",
      applicationId: junior,
      withApplicationId: other,
    });
    const juniorName = teamsOf(run)
      .flatMap((t) => t.members)
      .find((member) => member.applicationId === junior)?.name;
    expect(outcome.violations).toContainEqual({
      code: "same_department",
      params: expect.objectContaining({ team, mentor: juniorName }),
    });
    const after = await view(gangneung, runId);
    expect(
      teamsOf(after)
        .find((t) => t.number === team)
        ?.violations.map((v) => v.code),
    ).toContain("same_department");

    const refused = await refusal(publish(gangneung, runId));
    expect([refused.code, refused.status]).toEqual(["matching.violations", 409]);
    const teamRows = await inTenant(gangneung, (tx) =>
      tx.team.count({ where: { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId } }),
    );
    expect(teamRows).toBe(0);

    const undone = await edit(gangneung, runId, {
      kind: "swap",
      applicationId: junior,
      withApplicationId: other,
    });
    expect(undone.violations).toEqual([]);
    expect(undone.totalAfter).toBeCloseTo(run.total ?? Number.NaN, 5);
  });

  it("refuses a swap of a junior with a manager, a swap within one team and a move to a team that does not exist", async () => {
    const runId = await solvedRun(gangneung);
    const run = await view(gangneung, runId);
    const [first, second] = [teamsOf(run)[0], teamsOf(run)[1]];
    const junior = first?.members.find((m) => m.role === "mentor")?.applicationId as string;
    const sameTeamJunior = first?.members.filter((m) => m.role === "mentor")[1]?.applicationId as string;
    const manager = second?.members.find((m) => m.role === "mentee")?.applicationId as string;
    const keys = await Promise.all([
      refusal(edit(gangneung, runId, { kind: "swap", applicationId: junior, withApplicationId: manager })),
      refusal(
        edit(gangneung, runId, { kind: "swap", applicationId: junior, withApplicationId: sameTeamJunior }),
      ),
      refusal(edit(gangneung, runId, { kind: "move", applicationId: junior, toTeam: 99 })),
    ]);
    expect(keys.map((error) => error.code)).toEqual([
      "matching.roles_differ",
      "matching.same_team",
      "matching.team_not_found",
    ]);
    expect(membership(await view(gangneung, runId))).toEqual(membership(run));
  });

  it("reports a team left short after a move, and the team it went to as too large", async () => {
    const runId = await solvedRun(gangneung);
    const run = await view(gangneung, runId);
    const [first, second] = [teamsOf(run)[0], teamsOf(run)[1]];
    const junior = first?.members.find((m) => m.role === "mentor")?.applicationId as string;
    const outcome = await edit(gangneung, runId, {
      kind: "move",
      applicationId: junior,
      toTeam: second?.number as number,
    });
    expect(outcome.violations).toEqual(
      expect.arrayContaining([
        { code: "too_few_mentors", params: { team: first?.number, count: 2, min: 3, max: 3 } },
        { code: "too_many_mentors", params: { team: second?.number, count: 4, min: 3, max: 3 } },
      ]),
    );
  });

  it("carries a pin and a forbid into a re-run, which keeps the pinned pair together and the forbidden apart", async () => {
    const runId = await solvedRun(gangneung);
    const run = await view(gangneung, runId);
    const mentors = idsOf(run, "mentor");
    const mentees = idsOf(run, "mentee");
    const row = await stored(gangneung, runId);
    const problem = row.problem as unknown as MatchingProblemInput;
    const departmentOf = new Map(problem.participants.map((person) => [person.id, person.department]));
    // Pin a junior of team 1 to the manager of another team from a different department.
    const junior = mentors[0]?.[0] as string;
    const manager = mentees
      .slice(1)
      .find(([id]) => departmentOf.get(id ?? "") !== departmentOf.get(junior))?.[0];
    if (!manager) throw new Error("no manager from another department");
    const togetherMentor = mentors[2]?.[0] as string;
    const togetherMentee = mentees[2]?.[0] as string;

    await pairRule(gangneung, runId, "pin", junior, manager);
    await pairRule(gangneung, runId, "forbid", togetherMentor, togetherMentee);
    const marked = await view(gangneung, runId);
    expect(marked.pinned.map((pair) => [pair.mentor.applicationId, pair.mentee.applicationId])).toEqual([
      [junior, manager],
    ]);
    expect(marked.forbidden).toHaveLength(1);
    // Against this run's own teams, the new rules are broken until a re-run or an edit.
    const codes = teamsOf(marked).flatMap((team) => team.violations.map((violation) => violation.code));
    expect(codes).toEqual(expect.arrayContaining(["pin_split", "forbidden"]));

    const rerunId = await solvedRun(gangneung, runId);
    const rerun = await view(gangneung, rerunId);
    expect(rerun.pinned).toHaveLength(1);
    const together = (a: string, b: string) =>
      teamsOf(rerun).some(
        (team) =>
          team.members.some((m) => m.applicationId === a) && team.members.some((m) => m.applicationId === b),
      );
    expect(together(junior, manager)).toBe(true);
    expect(together(togetherMentor, togetherMentee)).toBe(false);
    expect(teamsOf(rerun).every((team) => team.violations.length === 0)).toBe(true);
    expect(teamsOf(rerun)).toHaveLength(10);
  });

  it("is not found from another tenant", async () => {
    const error = await refusal(
      db.withTenant(yongin.tenantId, (tx) =>
        getRun(tx, { tenantId: yongin.tenantId, cohortId: gangneung.cohortId, runId: firstRunId }),
      ),
    );
    expect(error.status).toBe(404);
    const unknown = await refusal(view(gangneung, "00000000-0000-4000-8000-000000000000"));
    expect([unknown.code, unknown.status]).toEqual(["matching.run_not_found", 404]);
  });

  it("publishes the teams, shows each participant exactly their own team, and lets the cohort become active", async () => {
    const runId = await solvedRun(gangneung);
    const run = await view(gangneung, runId);
    const team = teamsOf(run)[3];
    const menteeApplication = team?.members.find((m) => m.role === "mentee")?.applicationId as string;
    const staffOf = (applicationId: string) =>
      inTenant(gangneung, (tx) =>
        tx.application.findFirstOrThrow({ where: { tenantId: gangneung.tenantId, id: applicationId } }),
      ).then((application) => application.staffMemberId);
    const menteeStaff = await staffOf(menteeApplication);
    const mine = (staffMemberId: string) =>
      db.withTenantSql(gangneung.tenantId, (sql) =>
        listMyTeams(sql, { tenantId: gangneung.tenantId, staffMemberId }),
      );

    expect(await mine(menteeStaff)).toEqual([]);
    // An earlier publication is replaced by the later one.
    await publish(gangneung, firstRunId);
    const published = await publish(gangneung, runId);
    expect(published.teams).toBe(10);

    const [teams, members, runs] = await inTenant(gangneung, (tx) =>
      Promise.all([
        tx.team.findMany({ where: { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId } }),
        tx.teamMember.findMany({ where: { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId } }),
        listRuns(tx, { tenantId: gangneung.tenantId, cohortId: gangneung.cohortId }),
      ]),
    );
    expect(teams).toHaveLength(10);
    expect(new Set(teams.map((t) => t.runId))).toEqual(new Set([runId]));
    expect(members).toHaveLength(40);
    expect(runs.filter((r) => r.publishedAt !== null).map((r) => r.id)).toEqual([runId]);

    const [own] = await mine(menteeStaff);
    expect(await mine(menteeStaff)).toHaveLength(1);
    expect(own?.cohortTitle).toBe("거꾸로 멘토링 2기");
    expect(own?.myRole).toBe("mentee");
    expect(own?.members.map((m) => m.name).sort()).toEqual(team?.members.map((m) => m.name).sort());
    expect(own?.members.filter((m) => m.isMe)).toHaveLength(1);
    expect(own?.members.every((m) => m.email !== null)).toBe(true);
    const juniorStaff = await staffOf(teamsOf(run)[0]?.members[0]?.applicationId as string);
    const [juniors] = await mine(juniorStaff);
    expect(juniors?.teamNumber).toBe(teamsOf(run)[0]?.number);
    expect(juniors?.members.map((m) => m.name)).not.toEqual(own?.members.map((m) => m.name));

    await inTenant(gangneung, (tx) =>
      transitionCohort(tx, {
        tenantId: gangneung.tenantId,
        cohortId: gangneung.cohortId,
        to: "active",
        override: false,
        reason: null,
        actorUserId: gangneung.coordinatorId,
        today: tenantToday("Asia/Seoul"),
        appUrl: "http://localhost",
      }),
    );
    const after = await view(gangneung, runId);
    expect(after.editable).toBe(false);
    const locked = await refusal(
      edit(gangneung, runId, { kind: "move", applicationId: menteeApplication, toTeam: 1 }),
    );
    expect(locked.code).toBe("matching.cohort_not_matching");
  });
});

describe("matching runs of Yongin's new-official mentoring (14 mentors, 24 new officials)", () => {
  it("places every new official and gives every mentor one or two, though a third have not answered", async () => {
    await toMatching(yongin);
    const runId = await solvedRun(yongin);
    const row = await stored(yongin, runId);
    const problem = row.problem as unknown as MatchingProblemInput;
    const unanswered = problem.participants.filter((person) => person.answers === undefined);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(unanswered.length).toBeLessThan(problem.participants.length);

    const run = await view(yongin, runId);
    expect(run.status).toBe("succeeded");
    expect(run.unplaced).toEqual([]);
    const teams = teamsOf(run);
    expect(teams).toHaveLength(14);
    for (const team of teams) {
      expect(team.members.filter((m) => m.role === "mentor")).toHaveLength(1);
      const mentees = team.members.filter((m) => m.role === "mentee").length;
      expect(mentees).toBeGreaterThanOrEqual(1);
      expect(mentees).toBeLessThanOrEqual(2);
      expect(team.violations).toEqual([]);
    }
    expect(teams.flatMap((team) => team.members.filter((m) => m.role === "mentee"))).toHaveLength(24);
    expect(run.gap).toBeGreaterThanOrEqual(0);
    expect(teamsOf(run)[0]?.breakdown.map((part) => part.kind)).toEqual([
      "interest_overlap",
      "answer",
      "years_gap",
      "attribute",
    ]);
  });
});

describe("publishing a run twice", () => {
  const publishAudits = (program: Program, runId: string) =>
    inTenant(program, (tx) =>
      tx.auditLog.count({
        where: { tenantId: program.tenantId, action: "matching_run.publish", entityId: runId },
      }),
    );
  const teamIds = (program: Program) =>
    inTenant(program, (tx) =>
      tx.team.findMany({
        where: { tenantId: program.tenantId, cohortId: program.cohortId },
        select: { id: true },
        orderBy: { number: "asc" },
      }),
    );

  it("publishes once and records one audit row when twenty presses arrive at the same moment", async () => {
    const runId = await solvedRun(yongin);

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => publish(yongin, runId)));

    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(results.map((result) => (result.status === "fulfilled" ? result.value.teams : null))).toEqual(
      Array(20).fill(14),
    );
    expect(await publishAudits(yongin, runId)).toBe(1);
    expect((await teamIds(yongin)).length).toBe(14);
  });

  it("changes nothing when the published run is published again, and publishes it again once it was edited", async () => {
    const runId = await solvedRun(yongin);
    await publish(yongin, runId);
    const teams = await teamIds(yongin);
    const publishedAt = (await stored(yongin, runId)).publishedAt;

    expect(await publish(yongin, runId)).toEqual({ teams: 14 });
    expect(await teamIds(yongin)).toEqual(teams);
    expect((await stored(yongin, runId)).publishedAt).toEqual(publishedAt);
    expect(await publishAudits(yongin, runId)).toBe(1);

    const run = await view(yongin, runId);
    const mentees = (index: number) =>
      teamsOf(run)
        [index]?.members.filter((m) => m.role === "mentee")
        .map((m) => m.applicationId) ?? [];
    // Swaps two new officials between teams, the first swap that breaks no rule (one that does is undone).
    let swapped = false;
    for (let other = 1; other < teamsOf(run).length && !swapped; other++) {
      const swap = {
        kind: "swap" as const,
        applicationId: mentees(0)[0] as string,
        withApplicationId: mentees(other)[0] as string,
      };
      const outcome = await edit(yongin, runId, swap);
      if (outcome.violations.length === 0) swapped = true;
      else await edit(yongin, runId, swap);
    }
    expect(swapped).toBe(true);
    await publish(yongin, runId);
    expect(await publishAudits(yongin, runId)).toBe(2);
    expect(await teamIds(yongin)).not.toEqual(teams);
  });

  it("tells every member by mail which team they are in and with whom, once per publication", async () => {
    const teamMails = () =>
      db.platform.outgoingEmail.findMany({
        where: { kind: "team_published", createdAt: { gte: since } },
        select: { toAddress: true, subject: true, textBody: true },
      });
    const since = new Date();
    const runId = await solvedRun(yongin);
    await publish(yongin, runId);
    const mails = await teamMails();
    const members = await inTenant(yongin, (tx) =>
      tx.teamMember.count({ where: { tenantId: yongin.tenantId, cohortId: yongin.cohortId } }),
    );
    // 14 mentors and 24 new officials, each told once.
    expect(members).toBe(38);
    expect(new Set(mails.map((mail) => mail.toAddress)).size).toBe(38);
    expect(mails).toHaveLength(38);
    expect(mails.every((mail) => /팀으로 함께하게 되었습니다$/.test(mail.subject))).toBe(true);
    expect(mails.every((mail) => /함께할 분: .+ \((멘토|멘티)\)/.test(mail.textBody ?? ""))).toBe(true);
    // Published again unchanged: nobody is told twice.
    await publish(yongin, runId);
    expect(await teamMails()).toHaveLength(38);
  });
});

describe("publishing new teams of Yongin's cohort after its certificates were issued", () => {
  let publishedRunId: string;
  let newRunId: string;
  let issued: { id: string; serial: string; teamId: string | null }[];

  beforeAll(async () => {
    const { status } = await inTenant(yongin, (tx) =>
      tx.cohort.findFirstOrThrow({ where: { tenantId: yongin.tenantId, id: yongin.cohortId } }),
    );
    if (status !== "matching") await toMatching(yongin);
  });

  const prepare = () =>
    inTenant(yongin, (tx) =>
      prepareCertificateBatch(tx, {
        tenantId: yongin.tenantId,
        cohortId: yongin.cohortId,
        actorUserId: yongin.coordinatorId,
        today: "2025-03-05",
      }),
    );
  const certificates = () =>
    inTenant(yongin, (tx) =>
      tx.certificate.findMany({
        where: { tenantId: yongin.tenantId, cohortId: yongin.cohortId },
        select: { id: true, serial: true, teamId: true, signature: true, revokedAt: true },
        orderBy: { serial: "asc" },
      }),
    );
  const publishedTeams = () =>
    inTenant(yongin, (tx) =>
      tx.team.findMany({
        where: { tenantId: yongin.tenantId, cohortId: yongin.cohortId },
        select: { id: true, runId: true },
        orderBy: { number: "asc" },
      }),
    );

  it("refuses, before writing anything, while certificates issued for the published teams are not revoked", async () => {
    publishedRunId = await solvedRun(yongin);
    await publish(yongin, publishedRunId);
    const { batchId } = await prepare();
    await inTenant(yongin, (tx) =>
      signCertificateBatch(tx, {
        tenantId: yongin.tenantId,
        cohortId: yongin.cohortId,
        batchId,
        actorUserId: yongin.coordinatorId,
        encryptionKey: "ab".repeat(32),
        now: new Date("2025-03-05T05:00:00Z"),
      }),
    );
    issued = (await certificates()).map(({ id, serial, teamId }) => ({ id, serial, teamId }));
    expect(issued).toHaveLength(14);
    const teamsBefore = await publishedTeams();
    newRunId = await solvedRun(yongin, publishedRunId);

    const error = await refusal(publish(yongin, newRunId));
    expect([error.code, error.status, error.params]).toEqual([
      "matching.certificates_issued",
      409,
      { count: 14 },
    ]);
    expect(await publishedTeams()).toEqual(teamsBefore);
    expect((await certificates()).map(({ id, serial, teamId }) => ({ id, serial, teamId }))).toEqual(issued);
    expect((await stored(yongin, newRunId)).publishedAt).toBeNull();
    expect((await stored(yongin, publishedRunId)).publishedAt).not.toBeNull();
  });

  it("still refuses while one of them is not revoked", async () => {
    for (const certificate of issued.slice(1)) {
      await inTenant(yongin, (tx) =>
        revokeCertificate(tx, {
          tenantId: yongin.tenantId,
          cohortId: yongin.cohortId,
          certificateId: certificate.id,
          reason: "팀 재구성",
          actorUserId: yongin.coordinatorId,
        }),
      );
    }
    const error = await refusal(publish(yongin, newRunId));
    expect([error.code, error.params]).toEqual(["matching.certificates_issued", { count: 1 }]);
  });

  it("publishes once every one is revoked; the revoked certificates stay, verifiable as revoked", async () => {
    const [last] = issued;
    await inTenant(yongin, (tx) =>
      revokeCertificate(tx, {
        tenantId: yongin.tenantId,
        cohortId: yongin.cohortId,
        certificateId: last?.id as string,
        reason: "팀 재구성",
        actorUserId: yongin.coordinatorId,
      }),
    );
    expect(await publish(yongin, newRunId)).toEqual({ teams: 14 });
    const teams = await publishedTeams();
    expect(new Set(teams.map((team) => team.runId))).toEqual(new Set([newRunId]));
    const kept = await certificates();
    expect(kept.map((certificate) => certificate.serial)).toEqual(issued.map((c) => c.serial));
    // They were for the replaced teams: no longer tied to any team.
    expect(kept.every((certificate) => certificate.teamId === null && certificate.revokedAt !== null)).toBe(
      true,
    );
    expect(await verifySerial(db, { serial: last?.serial as string })).toMatchObject({ status: "revoked" });
  });

  it("discards an unsigned draft prepared for the teams it replaces, and prepares anew for the new teams", async () => {
    const { batchId: draftId } = await prepare();
    const draft = await inTenant(yongin, (tx) =>
      getCertificateBatch(tx, { tenantId: yongin.tenantId, batchId: draftId }),
    );
    expect(draft.certificates).toHaveLength(14);
    const thirdRunId = await solvedRun(yongin, newRunId);
    expect(await publish(yongin, thirdRunId)).toEqual({ teams: 14 });

    const gone = await refusal(
      inTenant(yongin, (tx) => getCertificateBatch(tx, { tenantId: yongin.tenantId, batchId: draftId })),
    );
    expect(gone.code).toBe("certificate.batch_not_found");
    const left = await certificates();
    expect(left.map((certificate) => certificate.serial)).toEqual(issued.map((c) => c.serial));
    const draftSerial = draft.certificates[0]?.serial as string;
    expect(await verifySerial(db, { serial: draftSerial })).toEqual({ status: "not_found" });
    const draftSerialsLeft = await inTenant(yongin, (tx) =>
      tx.certificateSerial.count({
        where: { serial: { in: draft.certificates.map((certificate) => certificate.serial) } },
      }),
    );
    expect(draftSerialsLeft).toBe(0);

    const { batchId } = await prepare();
    const fresh = await inTenant(yongin, (tx) =>
      getCertificateBatch(tx, { tenantId: yongin.tenantId, batchId }),
    );
    const teams = await publishedTeams();
    expect(fresh.certificates).toHaveLength(14);
    expect(new Set(teams.map((team) => team.runId))).toEqual(new Set([thirdRunId]));
  });
});

describe("publishing new teams of Yongin's cohort once evaluators are assigned to its teams", () => {
  const teamsNow = () =>
    inTenant(yongin, (tx) =>
      tx.team.findMany({
        where: { tenantId: yongin.tenantId, cohortId: yongin.cohortId },
        select: { id: true, runId: true },
        orderBy: { number: "asc" },
      }),
    );

  it("refuses with the number of assignments and a translated reason, changing nothing, until they are removed", async () => {
    const { status } = await inTenant(yongin, (tx) =>
      tx.cohort.findFirstOrThrow({ where: { tenantId: yongin.tenantId, id: yongin.cohortId } }),
    );
    if (status !== "matching") await toMatching(yongin);
    const publishedRunId = await solvedRun(yongin);
    await publish(yongin, publishedRunId);
    const before = await teamsNow();
    // An outside trainer (no staff record: no conflict of interest) on the first team.
    const trainer = await inTenant(yongin, async (tx) => {
      const user = await tx.user.create({
        data: { email: "trainer-before-republish@example.kr", displayName: "외부 강사" },
      });
      await tx.membership.create({
        data: { tenantId: yongin.tenantId, userId: user.id, roles: ["evaluator"] },
      });
      return user.id;
    });
    const { assignmentId } = await inTenant(yongin, (tx) =>
      assignEvaluator(tx, {
        tenantId: yongin.tenantId,
        cohortId: yongin.cohortId,
        teamId: before[0]?.id as string,
        evaluatorUserId: trainer,
        actorUserId: yongin.coordinatorId,
        now: new Date("2025-03-05T05:00:00Z"),
      }),
    );
    const newRunId = await solvedRun(yongin, publishedRunId);

    const error = await refusal(publish(yongin, newRunId));
    expect([error.code, error.status, error.params]).toEqual([
      "matching.evaluators_assigned",
      409,
      { count: 1 },
    ]);
    expect(error.messageKey).toBe("matching.error.evaluatorsAssigned");
    expect(await teamsNow()).toEqual(before);
    expect((await stored(yongin, newRunId)).publishedAt).toBeNull();
    const assignments = await inTenant(yongin, (tx) =>
      tx.evaluatorAssignment.count({ where: { tenantId: yongin.tenantId, id: assignmentId } }),
    );
    expect(assignments).toBe(1);

    await inTenant(yongin, (tx) =>
      unassignEvaluator(tx, {
        tenantId: yongin.tenantId,
        cohortId: yongin.cohortId,
        assignmentId,
        actorUserId: yongin.coordinatorId,
      }),
    );
    expect(await publish(yongin, newRunId)).toEqual({ teams: 14 });
    expect(new Set((await teamsNow()).map((team) => team.runId))).toEqual(new Set([newRunId]));
  });
});
