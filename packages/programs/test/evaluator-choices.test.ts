// What the coordinator chooses from when assigning evaluators, against the real PostgreSQL as the app role
// (RLS on): Gangneung's latest cohort with its teams published, an outside trainer invited by e-mail.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteEvaluator, listEvaluatorChoices } from "../src/evaluations";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

const now = new Date();
let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };

const choices = (tenantId = city.tenantId, cohortId = city.cohortId) =>
  db.withTenant(tenantId, (tx) => listEvaluatorChoices(tx, { tenantId, cohortId, now }));

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  await publishTeams(db, city.tenantId, city.cohortId);
}, 120_000);

afterAll(() => database?.drop());

describe("listEvaluatorChoices", () => {
  it("gives every team in number order with each member's department, as the conflict rule reads them", async () => {
    const { teams } = await choices();
    const stored = await db.withTenant(city.tenantId, (tx) =>
      tx.teamMember.findMany({
        where: { tenantId: city.tenantId, cohortId: city.cohortId },
        select: {
          team: { select: { number: true } },
          application: { select: { staffMember: { select: { name: true, department: true } } } },
        },
      }),
    );
    expect(teams.map((team) => team.number)).toEqual(
      [...new Set(stored.map((row) => row.team.number))].sort((a, b) => a - b),
    );
    // Gangneung's reverse mentoring: three juniors and a manager per team, juniors first.
    expect(teams.every((team) => team.members.length === 4)).toBe(true);
    expect(teams[0]?.members.map((member) => member.role)).toEqual(["mentor", "mentor", "mentor", "mentee"]);
    const listed = teams.flatMap((team) =>
      team.members.map((member) => `${team.number} ${member.name} ${member.department}`),
    );
    expect(listed.sort()).toEqual(
      stored
        .map(
          (row) =>
            `${row.team.number} ${row.application.staffMember.name} ${row.application.staffMember.department.name}`,
        )
        .sort(),
    );
  });

  it("lists the tenant's members with their departments, and an invited trainer as pending until they join", async () => {
    const before = await choices();
    const coordinator = before.members.find((member) => member.userId === city.actorUserId);
    expect(coordinator?.department).toEqual(expect.any(String));
    expect(before.pendingInvitations.some((invitation) => invitation.email.startsWith("trainer.choi@"))).toBe(
      false,
    );
    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: city.tenantId } });
    await db.withTenant(city.tenantId, (tx) =>
      inviteEvaluator(tx, {
        tenant,
        actorUserId: city.actorUserId,
        email: "trainer.choi@gangwon-institute.example.kr",
        locale: "ko",
        appUrl: "http://127.0.0.1:39998",
        requestId: "req-invite",
      }),
    );
    const after = await choices();
    expect(after.pendingInvitations.map((invitation) => invitation.email)).toContain(
      "trainer.choi@gangwon-institute.example.kr",
    );
    // Not yet a member: nothing to assign until the invitation is accepted.
    expect(after.members.some((member) => member.email === "trainer.choi@gangwon-institute.example.kr")).toBe(
      false,
    );
  });

  it("finds no cohort of another tenant", async () => {
    const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
    const refused = await choices(yongin).catch((error: unknown) => error);
    expect(isAppError(refused) ? refused.code : refused).toBe("cohort.not_found");
  });
});
