// Evaluating teams against the real PostgreSQL as the app role (RLS on): Gangneung's latest cohort with its
// teams published, evaluators assigned under the conflict-of-interest rule (one an outside trainer invited
// by e-mail), drafts, submissions, reopening, and what an evaluator and another tenant can see.
import { randomUUID } from "node:crypto";
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { acceptInvitation } from "@mentoring/tenants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignEvaluator,
  getCohortEvaluations,
  getTeamEvaluation,
  inviteEvaluator,
  listMyEvaluationTeams,
  reopenEvaluation,
  saveEvaluationDraft,
  submitEvaluation,
  unassignEvaluator,
} from "../src/evaluations";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

const APP_URL = "http://127.0.0.1:39998";
const now = new Date("2025-11-20T01:00:00Z");

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let yongin = "";
/** Team ids in number order. */
let teams: string[] = [];
/** Evaluators as user ids: staff outside every team, in departments none of teams 1-3 has; and others. */
const people = { kim: "", park: "", colleague: "", member: "", department: "" };
/** Team 1's members in the colleague's department, as the refusal names them. */
let colleagueNames = "";

const code = (error: unknown) => (isAppError(error) ? error.code : error);
const refusal = (error: unknown) =>
  isAppError(error) ? { code: error.code, params: error.params, fields: error.details.fields } : error;

const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);

const listMyEvaluationTeams_ = (evaluatorUserId: string, tenantId = city.tenantId) =>
  db.withTenant(tenantId, (tx) => listMyEvaluationTeams(tx, { tenantId, evaluatorUserId }));

/** A new sign-in identity with a membership in the city, linked to the staff member. */
async function memberFor(staffMemberId: string, label: string): Promise<string> {
  return db.withTenant(city.tenantId, async (tx) => {
    const existing = await tx.membership.findFirst({
      where: { tenantId: city.tenantId, staffMemberId },
      select: { userId: true },
    });
    if (existing) return existing.userId;
    const user = await tx.user.create({
      data: { email: `${label}@gangneung.example.kr`, displayName: label },
    });
    await tx.membership.create({
      data: { tenantId: city.tenantId, userId: user.id, roles: ["executive"], staffMemberId },
    });
    return user.id;
  });
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const published = await publishTeams(db, city.tenantId, city.cohortId);
  teams = published.teams.map((team) => team.id);
  const members = await db.withTenant(city.tenantId, (tx) =>
    tx.teamMember.findMany({
      where: { tenantId: city.tenantId, cohortId: city.cohortId },
      select: {
        teamId: true,
        role: true,
        application: {
          select: {
            staffMember: { select: { id: true, name: true, departmentId: true, department: true } },
          },
        },
      },
    }),
  );
  const inTeams = new Set(members.map((member) => member.application.staffMember.id));
  const staff = await db.withTenant(city.tenantId, (tx) =>
    tx.staffMember.findMany({
      where: { tenantId: city.tenantId, active: true },
      orderBy: { employeeNumber: "asc" },
      select: { id: true, departmentId: true },
    }),
  );
  // The team to test the department rule on: one whose mentee has a colleague outside every team. It goes
  // first; the next two are the ones evaluators are assigned to.
  const menteeOf = (teamId: string) =>
    members.find((member) => member.teamId === teamId && member.role === "mentee")?.application.staffMember;
  const colleagueOf = (teamId: string) =>
    staff.find((person) => !inTeams.has(person.id) && person.departmentId === menteeOf(teamId)?.departmentId);
  const target = teams.find((teamId) => colleagueOf(teamId));
  if (!target) throw new Error("no mentee in the seed has a colleague outside the teams");
  teams = [target, ...teams.filter((teamId) => teamId !== target)];
  const menteeStaff = menteeOf(target);
  const colleague = colleagueOf(target);
  if (!menteeStaff || !colleague) throw new Error("unreachable");
  const firstThree = new Set(
    members
      .filter((member) => teams.slice(0, 3).includes(member.teamId))
      .map((member) => member.application.staffMember.departmentId),
  );
  // People with no account yet, so that each test's evaluator starts with known roles.
  const withAccounts = new Set(
    (
      await db.withTenant(city.tenantId, (tx) =>
        tx.membership.findMany({ where: { tenantId: city.tenantId }, select: { staffMemberId: true } }),
      )
    ).map((membership) => membership.staffMemberId),
  );
  const free = staff.filter((person) => !inTeams.has(person.id) && !withAccounts.has(person.id));
  const outsiders = free.filter((person) => !firstThree.has(person.departmentId));
  if (outsiders.length < 2) throw new Error("the seed has no staff outside the first teams' departments");
  people.kim = await memberFor(outsiders[0]?.id as string, "evaluator-kim");
  people.park = await memberFor(outsiders[1]?.id as string, "evaluator-park");
  people.colleague = await memberFor(colleague.id, "evaluator-colleague");
  people.member = await memberFor(menteeStaff.id, "team-one-mentee");
  colleagueNames = members
    .filter(
      (member) =>
        member.teamId === target && member.application.staffMember.departmentId === colleague.departmentId,
    )
    .map((member) => member.application.staffMember.name)
    .sort()
    .join(", ");
  people.department = menteeStaff.department.name;
}, 120_000);

afterAll(() => database?.drop());

const assign = (teamId: string, evaluatorUserId: string) =>
  inCity((tx) => assignEvaluator(tx, { ...city, teamId, evaluatorUserId, now }));

const assignmentOf = (teamId: string, evaluatorUserId: string) =>
  inCity((tx) =>
    tx.evaluatorAssignment.findFirst({
      where: { tenantId: city.tenantId, teamId, evaluatorUserId },
      select: { id: true },
    }),
  );

const save = (evaluatorUserId: string, teamId: string, entries: Record<string, object>) =>
  inCity((tx) => saveEvaluationDraft(tx, { tenantId: city.tenantId, evaluatorUserId, teamId, entries, now }));

const submit = (evaluatorUserId: string, teamId: string, entries?: Record<string, object>) =>
  inCity((tx) => submitEvaluation(tx, { tenantId: city.tenantId, evaluatorUserId, teamId, entries, now }));

const stored = (evaluatorUserId: string, teamId: string) =>
  inCity(
    async (tx) =>
      (await getTeamEvaluation(tx, { tenantId: city.tenantId, evaluatorUserId, teamId })).evaluation,
  );

const auditRows = (action: string, entityId: string) =>
  inCity((tx) =>
    tx.auditLog.findMany({
      where: { tenantId: city.tenantId, action, entityId },
      select: { actorUserId: true, before: true, after: true },
    }),
  );

describe("assigning evaluators to teams", () => {
  it("an evaluator in the same department as the team's mentee cannot be assigned, and is told whom and where", async () => {
    expect(refusal(await assign(teams[0] as string, people.colleague).catch((e) => e))).toEqual({
      code: "evaluation.conflict_same_department",
      params: { member: colleagueNames, department: people.department },
      fields: [
        expect.objectContaining({
          path: "evaluatorUserId",
          message: "evaluations.error.conflictSameDepartment",
        }),
      ],
    });
    expect(await assignmentOf(teams[0] as string, people.colleague)).toBeNull();
  });

  it("a member of the team cannot evaluate it", async () => {
    expect(await assign(teams[0] as string, people.member).catch(code)).toBe("evaluation.conflict_member");
    expect(await assignmentOf(teams[0] as string, people.member)).toBeNull();
  });

  it("a staff member of another department is assigned, gains the evaluator role, and both are audited", async () => {
    const result = await assign(teams[0] as string, people.kim);
    expect(result.evaluatorRoleAdded).toBe(true);
    const membership = await inCity((tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: city.tenantId, userId: people.kim } }),
    );
    expect(membership.roles.sort()).toEqual(["evaluator", "executive"]);
    expect(await auditRows("evaluation.assign", result.assignmentId)).toEqual([
      {
        actorUserId: city.actorUserId,
        before: null,
        after: { cohortId: city.cohortId, teamId: teams[0], evaluatorUserId: people.kim },
      },
    ]);
    expect(await auditRows("membership.roles.update", membership.id)).toHaveLength(1);
    // A second team: the role is already there.
    expect((await assign(teams[1] as string, people.kim)).evaluatorRoleAdded).toBe(false);
    expect((await stored(people.kim, teams[0] as string)).status).toBe("draft");
  });

  it("the same evaluator cannot be assigned to the same team twice", async () => {
    expect(await assign(teams[0] as string, people.kim).catch(code)).toBe("evaluation.already_assigned");
  });

  it("a team outside the cohort or a person outside the tenant is not found", async () => {
    expect(
      await inCity((tx) =>
        assignEvaluator(tx, {
          ...city,
          cohortId: randomUUID(),
          teamId: teams[0] as string,
          evaluatorUserId: people.park,
          now,
        }),
      ).catch(code),
    ).toBe("evaluation.team_not_found");
    const yonginCoordinator = (await seededCohortOf(db, "yongin")).actorUserId;
    expect(await assign(teams[2] as string, yonginCoordinator).catch(code)).toBe(
      "evaluation.evaluator_not_found",
    );
    expect(await assign("not-a-team", people.park).catch(code)).toBe("evaluation.team_not_found");
    expect(await assign(randomUUID(), people.park).catch(code)).toBe("evaluation.team_not_found");
    expect(await assignmentOf(teams[0] as string, people.park)).toBeNull();
  });
});

describe("an outside trainer invited by e-mail", () => {
  const trainer = "trainer.lee@gangwon-institute.example.kr";

  it("gets the tenant's invitation with the evaluator role alone, its mail queued through the outbox, and is assigned once joined", async () => {
    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: city.tenantId } });
    const invite = (email: string) =>
      inCity((tx) =>
        inviteEvaluator(tx, {
          tenant,
          actorUserId: city.actorUserId,
          email,
          locale: "ko",
          appUrl: APP_URL,
          requestId: "req-invite",
        }),
      );
    expect(await invite(" Trainer.Lee@gangwon-institute.example.kr ")).toEqual({ invited: true });
    const invitation = await inCity((tx) =>
      tx.invitation.findFirstOrThrow({ where: { tenantId: city.tenantId, email: trainer } }),
    );
    expect(invitation.roles).toEqual(["evaluator"]);
    const mail = await db.platform.outgoingEmail.findFirstOrThrow({
      where: { toAddress: trainer, kind: "invitation" },
    });
    const job = await db.platform.outboxEvent.findMany({ where: { jobName: "email.send" } });
    expect(job.map((event) => (event.payload as { emailId?: string }).emailId)).toContain(mail.id);
    const token = mail.textBody?.match(new RegExp(`${APP_URL}/join/gangneung/([A-Za-z0-9_-]+)`))?.[1];
    expect(token).toBeTruthy();

    // Not a member before joining: nothing to assign.
    expect(await invite("not an address").catch(code)).toBe("evaluation.email_invalid");
    const { userId } = await acceptInvitation(db, {
      tenantId: city.tenantId,
      token: token as string,
      signedInUser: null,
      newAccount: { displayName: "이강원", password: "correct horse battery staple" },
    });
    // No staff record: no conflict with any team.
    expect((await assign(teams[0] as string, userId)).evaluatorRoleAdded).toBe(false);
    expect((await listMyEvaluationTeams_(userId)).map((team) => team.teamId)).toEqual([teams[0]]);
  });

  it("an address that already belongs to a member gets the evaluator role instead of an invitation", async () => {
    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: city.tenantId } });
    const result = await inCity((tx) =>
      inviteEvaluator(tx, {
        tenant,
        actorUserId: city.actorUserId,
        email: "evaluator-park@gangneung.example.kr",
        locale: "ko",
        appUrl: APP_URL,
        requestId: "req-invite",
      }),
    );
    expect(result).toEqual({ invited: false, userId: people.park, evaluatorRoleAdded: true });
    expect(
      await inCity((tx) =>
        tx.invitation.count({
          where: { tenantId: city.tenantId, email: "evaluator-park@gangneung.example.kr" },
        }),
      ),
    ).toBe(0);
  });
});

describe("scoring a team", () => {
  // Gangneung's rubric: training and activities computed from the program's records, results by evaluators.
  it("shows the evaluator the team, its members and the whole rubric, marking which criteria they score", async () => {
    const view = await inCity((tx) =>
      getTeamEvaluation(tx, {
        tenantId: city.tenantId,
        evaluatorUserId: people.kim,
        teamId: teams[0] as string,
      }),
    );
    expect(view.team.members.length).toBeGreaterThan(1);
    expect(view.team.members.map((member) => member.department)).toContain(people.department);
    expect(view.criteria.map((criterion) => [criterion.key, criterion.source, criterion.scaleMax])).toEqual([
      ["training", "computed", 10],
      ["activities", "computed", 10],
      ["results", "evaluators", 10],
    ]);
    expect(view.evaluation).toEqual({ status: "draft", submittedAt: null, reopenedAt: null, entries: {} });
  });

  it("a score of 11 on a 10-point criterion is refused and nothing is stored", async () => {
    const team = teams[0] as string;
    await save(people.kim, team, { results: { score: 6, comment: "첫인상" } });
    const error = await save(people.kim, team, {
      results: { score: 11, comment: "고쳐 씀" },
    }).catch((e) => e);
    expect(refusal(error)).toEqual({
      code: "evaluation.score_out_of_scale",
      params: { max: 10 },
      fields: [{ path: "scores.results", message: "evaluations.error.scoreOutOfScale", params: { max: 10 } }],
    });
    expect((await stored(people.kim, team)).entries).toEqual({ results: { score: 6, comment: "첫인상" } });
  });

  it("a NUL byte in a comment, or a score on a computed criterion, is refused by field and nothing is stored", async () => {
    const team = teams[0] as string;
    const error = await save(people.kim, team, {
      training: { score: 9 },
      results: { score: 7, comment: "좋음\u0000" },
    }).catch((e) => e);
    expect(refusal(error)).toMatchObject({
      code: "evaluation.comment_control_characters",
      fields: [{ path: "comments.results" }, { path: "scores.training" }],
    });
    const tooLong = await save(people.kim, team, { results: { comment: "가".repeat(2001) } }).catch(code);
    expect(tooLong).toBe("evaluation.comment_too_long");
    expect((await stored(people.kim, team)).entries).toEqual({ results: { score: 6, comment: "첫인상" } });
  });

  it("a draft can be revised, a submitted evaluation cannot", async () => {
    const team = teams[0] as string;
    const revised = await save(people.kim, team, {
      results: { score: 8, comment: "  성과가 뚜렷함\r\n확산 가능 " },
    });
    expect(revised.entries).toEqual({ results: { score: 8, comment: "성과가 뚜렷함\n확산 가능" } });
    // A score alone keeps the comment.
    expect((await save(people.kim, team, { results: { score: 9 } })).entries.results).toEqual({
      score: 9,
      comment: "성과가 뚜렷함\n확산 가능",
    });
    expect(await submit(people.kim, team)).toEqual({ submittedAt: now });
    expect(await save(people.kim, team, { results: { score: 2 } }).catch(code)).toBe(
      "evaluation.already_submitted",
    );
    expect(await submit(people.kim, team).catch(code)).toBe("evaluation.already_submitted");
    const evaluation = await stored(people.kim, team);
    expect(evaluation).toMatchObject({ status: "submitted", submittedAt: now });
    expect(evaluation.entries.results?.score).toBe(9);
    const { id } = await inCity((tx) =>
      tx.evaluation.findFirstOrThrow({
        where: { tenantId: city.tenantId, assignment: { teamId: team, evaluatorUserId: people.kim } },
      }),
    );
    expect(await auditRows("evaluation.submit", id)).toEqual([
      { actorUserId: people.kim, before: null, after: { teamId: team, scores: { results: 9 } } },
    ]);
  });

  it("a submission needs a score on every criterion the evaluators score: the missing one is named and nothing is stored", async () => {
    const team = teams[1] as string;
    const error = await submit(people.kim, team, { results: { comment: "점수는 나중에" } }).catch((e) => e);
    expect(refusal(error)).toMatchObject({
      code: "evaluation.score_missing",
      fields: [{ path: "scores.results" }],
    });
    expect(await stored(people.kim, team)).toMatchObject({ status: "draft", entries: {} });
  });
});

describe("what an evaluator sees", () => {
  it("an evaluator sees only assigned teams; any other team is not found, not forbidden", async () => {
    const mine = await listMyEvaluationTeams_(people.kim);
    const byTeam = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(mine.map((team) => [team.teamId, team.status, team.scored]).sort(byTeam)).toEqual(
      [
        [teams[0], "submitted", 1],
        [teams[1], "draft", 0],
      ].sort(byTeam),
    );
    // In team number order.
    expect(mine.map((team) => team.teamNumber)).toEqual(
      mine.map((team) => team.teamNumber).sort((x, y) => x - y),
    );
    expect(await listMyEvaluationTeams_(people.colleague)).toEqual([]);
    const other = teams[2] as string;
    for (const attempt of [
      () =>
        inCity((tx) =>
          getTeamEvaluation(tx, { tenantId: city.tenantId, evaluatorUserId: people.kim, teamId: other }),
        ),
      () => save(people.kim, other, { results: { score: 5 } }),
      () => submit(people.kim, other, { results: { score: 5 } }),
      // Another evaluator's team, which exists and is evaluated.
      () => save(people.park, teams[0] as string, { results: { score: 5 } }),
    ])
      expect(await attempt().catch(code)).toBe("evaluation.not_found");
  });
});

describe("the coordinator reopening and unassigning", () => {
  it("reopens a submitted evaluation, audited with before and after; the evaluator revises and submits again", async () => {
    const team = teams[0] as string;
    const assignment = await assignmentOf(team, people.kim);
    const reopen = () =>
      inCity((tx) =>
        reopenEvaluation(tx, {
          ...city,
          assignmentId: assignment?.id as string,
          now: new Date("2025-11-21T01:00:00Z"),
        }),
      );
    await reopen();
    const evaluation = await stored(people.kim, team);
    expect(evaluation).toMatchObject({
      status: "draft",
      submittedAt: now,
      entries: { results: { score: 9 } },
    });
    const { id } = await inCity((tx) =>
      tx.evaluation.findFirstOrThrow({ where: { tenantId: city.tenantId, assignmentId: assignment?.id } }),
    );
    expect(await auditRows("evaluation.reopen", id)).toEqual([
      {
        actorUserId: city.actorUserId,
        before: {
          status: "submitted",
          submittedAt: now.toISOString(),
          evaluatorUserId: people.kim,
          teamId: team,
          scores: { results: 9 },
        },
        after: { status: "draft", reopenedAt: "2025-11-21T01:00:00.000Z" },
      },
    ]);
    expect(await reopen().catch(code)).toBe("evaluation.not_submitted");
    await save(people.kim, team, { results: { score: 7 } });
    await submit(people.kim, team);
    expect((await stored(people.kim, team)).entries.results?.score).toBe(7);
  });

  it("unassigns an evaluator with only a draft (the draft goes too), never one who submitted", async () => {
    const unassign = async (teamId: string) => {
      const assignment = await assignmentOf(teamId, people.kim);
      return inCity((tx) => unassignEvaluator(tx, { ...city, assignmentId: assignment?.id as string }));
    };
    expect(await unassign(teams[0] as string).catch(code)).toBe("evaluation.has_submission");
    await save(people.kim, teams[1] as string, { results: { score: 4, comment: "중간" } });
    await unassign(teams[1] as string);
    expect(await assignmentOf(teams[1] as string, people.kim)).toBeNull();
    expect((await listMyEvaluationTeams_(people.kim)).map((team) => team.teamId)).toEqual([teams[0]]);
    const leftovers = await inCity((tx) =>
      tx.evaluationScore.count({ where: { tenantId: city.tenantId, comment: "중간" } }),
    );
    expect(leftovers).toBe(0);
  });
});

describe("another tenant", () => {
  it("another tenant cannot read or write evaluations", async () => {
    const asYongin = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(yongin, work);
    expect(await listMyEvaluationTeams_(people.kim, yongin)).toEqual([]);
    expect(
      await asYongin((tx) =>
        getTeamEvaluation(tx, { tenantId: yongin, evaluatorUserId: people.kim, teamId: teams[0] as string }),
      ).catch(code),
    ).toBe("evaluation.not_found");
    expect(
      await asYongin((tx) =>
        saveEvaluationDraft(tx, {
          tenantId: yongin,
          evaluatorUserId: people.kim,
          teamId: teams[0] as string,
          entries: { results: { score: 1 } },
          now,
        }),
      ).catch(code),
    ).toBe("evaluation.not_found");
    // Even asked for Gangneung's rows by tenant id, Yongin's transaction sees and changes none.
    const seen = await asYongin(async (tx) => ({
      evaluations: await tx.evaluation.count({ where: { tenantId: city.tenantId } }),
      scores: (
        await tx.evaluationScore.updateMany({ where: { tenantId: city.tenantId }, data: { score: 0 } })
      ).count,
    }));
    expect(seen).toEqual({ evaluations: 0, scores: 0 });
    expect((await stored(people.kim, teams[0] as string)).entries.results?.score).toBe(7);
  });
});

describe("a template without the department rule", () => {
  it("lets a colleague of a team member evaluate the team, but never a member", async () => {
    const version = await inCity(async (tx) => {
      const cohort = await tx.cohort.findFirstOrThrow({
        where: { tenantId: city.tenantId, id: city.cohortId },
        select: { templateVersion: { select: { id: true, definition: true } } },
      });
      return cohort.templateVersion;
    });
    const definition = version.definition as { evaluation?: Record<string, unknown> };
    await inCity((tx) =>
      tx.programTemplateVersion.update({
        where: { id: version.id },
        data: {
          definition: {
            ...definition,
            evaluation: { ...definition.evaluation, conflictSameDepartment: false },
          },
        },
      }),
    );
    expect(await assign(teams[0] as string, people.member).catch(code)).toBe("evaluation.conflict_member");
    const { assignmentId } = await assign(teams[0] as string, people.colleague);
    expect(await assignmentOf(teams[0] as string, people.colleague)).toEqual({ id: assignmentId });
  });
});

describe("the coordinator's view of the cohort's evaluation", () => {
  it("lists every team with its evaluators and their progress, and only submitted scores for scoring", async () => {
    const view = await inCity((tx) => getCohortEvaluations(tx, city));
    expect(view.teams.map((team) => team.number)).toEqual(view.teams.map((_, index) => index + 1));
    const first = view.teams.find((team) => team.id === teams[0]);
    const evaluators = [...(first?.evaluators ?? [])].sort((a, b) => a.email.localeCompare(b.email));
    expect(evaluators.map(({ email, outside, status }) => ({ email, outside, status }))).toEqual([
      { email: "evaluator-colleague@gangneung.example.kr", outside: false, status: "draft" },
      { email: "evaluator-kim@gangneung.example.kr", outside: false, status: "submitted" },
      { email: "trainer.lee@gangwon-institute.example.kr", outside: true, status: "draft" },
    ]);
    expect(view.teams.filter((team) => team.id !== teams[0]).flatMap((team) => team.evaluators)).toEqual([]);
    expect(view.submittedScores).toEqual([
      { evaluatorId: people.kim, teamId: teams[0], criterionKey: "results", score: 7 },
    ]);
    expect(view.rubric.scored).toEqual([{ key: "results", scaleMax: 10 }]);
    expect(
      await db
        .withTenant(yongin, (tx) => getCohortEvaluations(tx, { tenantId: yongin, cohortId: city.cohortId }))
        .catch(code),
    ).toBe("cohort.not_found");
  });
});

describe("at the same moment", () => {
  it("two submissions of one evaluation: one is taken, the other refused, and it is audited once", async () => {
    const team = teams[2] as string;
    await assign(team, people.park);
    const outcomes = await Promise.allSettled([
      submit(people.park, team, { results: { score: 3 } }),
      submit(people.park, team, { results: { score: 4 } }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(code((refused as PromiseRejectedResult).reason)).toBe("evaluation.already_submitted");
    const { id } = await inCity((tx) =>
      tx.evaluation.findFirstOrThrow({
        where: { tenantId: city.tenantId, assignment: { teamId: team, evaluatorUserId: people.park } },
      }),
    );
    const audits = await auditRows("evaluation.submit", id);
    expect(audits).toHaveLength(1);
    // The score stored is the one the audit says was submitted.
    const submitted = audits[0]?.after as { scores: { results: number } } | undefined;
    expect((await stored(people.park, team)).entries.results?.score).toBe(submitted?.scores.results);
    expect([3, 4]).toContain(submitted?.scores.results);
  });
});
