import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { AppError, builtinTemplate, type DepartmentLevel, DepartmentTree } from "@mentoring/domain";
import { hardRuleViolations, solveMatching } from "@mentoring/matching";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCohort } from "../src/records/cohort-record";
import { buildMatchingProblem } from "../src/records/matching-problem";
import { seedPrograms } from "../src/seed";
import { copyBuiltinTemplate, saveTemplate } from "../src/templates";
import { seededCohortOf } from "./certificates-support";

// Gangneung's seeded reverse cohort (30 juniors, 10 managers) moved into four divisions and matched as a
// cross-department program; Yongin's seeded first cohort (14 mentors, 24 new officials) matched as the
// group and 2:1 built-ins.

let database: SeededTestDatabase;
let db: Database;
let gangneung: { tenantId: string; cohortId: string; actorUserId: string };
let yongin: { tenantId: string; cohortId: string; actorUserId: string };

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  gangneung = await seededCohortOf(db, "gangneung", "latest");
  yongin = await seededCohortOf(db, "yongin", "first");
});

afterAll(() => database?.drop());

/** Four divisions of Gangneung's tree (depth 2), their ids and codes. */
async function fourDivisions() {
  const { tenantId } = gangneung;
  const departments = await db.withTenant(gangneung.tenantId, (tx) =>
    tx.department.findMany({ where: { tenantId }, select: { id: true, parentId: true, code: true } }),
  );
  const tree = new DepartmentTree(departments);
  const divisions = departments
    .filter((department) => tree.depthOf(department.id) === 2)
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, 4);
  expect(divisions).toHaveLength(4);
  const [a, b, c, d] = divisions;
  if (!a || !b || !c || !d) throw new Error("Gangneung's tree has fewer than four divisions");
  return { divisions: [a, b, c, d] as const };
}

describe("a cross-department cohort", () => {
  it("a cross-department cohort's teams only join the named department pairs", async () => {
    const { tenantId, cohortId } = gangneung;
    const [a, b, c, d] = (await fourDivisions()).divisions;
    // Juniors half in A and half in D, managers half in B and half in C; pairs A↔B and D↔C.
    const applications = await db.withTenant(tenantId, async (tx) => {
      const accepted = await tx.application.findMany({
        where: { tenantId, cohortId, status: "accepted" },
        orderBy: { id: "asc" },
        select: { id: true, role: true, staffMemberId: true },
      });
      const mentors = accepted.filter((application) => application.role === "mentor");
      const mentees = accepted.filter((application) => application.role === "mentee");
      expect([mentors.length, mentees.length]).toEqual([30, 10]);
      const place = async (people: typeof accepted, first: string, second: string) => {
        for (const [index, person] of people.entries())
          await tx.staffMember.updateMany({
            where: { tenantId, id: person.staffMemberId },
            data: { departmentId: index < people.length / 2 ? first : second },
          });
      };
      await place(mentors, a.id, d.id);
      await place(mentees, b.id, c.id);
      return accepted;
    });
    // Each application's division code, as placed above.
    const departmentOf = new Map<string, string>();
    for (const [role, first, second] of [
      ["mentor", a.code, d.code],
      ["mentee", b.code, c.code],
    ] as const) {
      const side = applications.filter((application) => application.role === role);
      for (const [index, application] of side.entries())
        departmentOf.set(application.id, index < side.length / 2 ? first : second);
    }

    const problemWith = (pairs: { first: string; second: string }[]) =>
      db.withTenant(tenantId, async (tx) => {
        const record = await loadCohort(tx, tenantId, cohortId);
        record.definition.kind = "cross_department";
        Object.assign(record.definition.matching, {
          departmentLevel: "division",
          differentDepartment: false,
          mentorsFromDifferentDepartments: false,
          noDirectSupervisor: false,
          departmentPairs: pairs,
        });
        return buildMatchingProblem(tx, tenantId, record);
      });

    const problem = await problemWith([
      { first: a.code, second: b.code },
      { first: c.code, second: d.code },
    ]);
    expect(problem.constraints?.departmentPairs).toEqual([
      [a.code, b.code],
      [c.code, d.code],
    ]);
    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(result.teams).toHaveLength(10);
    for (const team of result.teams) {
      const mentee = departmentOf.get(team.menteeIds[0] as string);
      const partner = mentee === b.code ? a.code : d.code;
      expect(team.mentorIds.map((id) => departmentOf.get(id))).toEqual([partner, partner, partner]);
    }

    // Name only A↔B: C's managers have no partner department and are left out, D's juniors too.
    const onlyOne = await problemWith([{ first: b.code, second: a.code }]);
    const narrower = await solveMatching(onlyOne);
    expect(hardRuleViolations(onlyOne, narrower)).toEqual([]);
    expect(narrower.teams).toHaveLength(5);
    const unplacedManagers = narrower.unplaced.filter(
      (person) => departmentOf.get(person.participantId) === c.code,
    );
    expect(unplacedManagers).toHaveLength(5);
    expect(new Set(unplacedManagers.map((person) => person.reason.code))).toEqual(
      new Set(["no_eligible_partner"]),
    );
  });

  it("refuses at the field a pair naming a code that is no division of the tenant, and keeps a pair of divisions", async () => {
    const { tenantId, actorUserId } = gangneung;
    const { divisions } = await fourDivisions();
    const [a, b] = divisions;
    await db.withTenant(tenantId, async (tx) => {
      const { templateId } = await copyBuiltinTemplate(tx, {
        tenantId,
        builtinKey: "cross_department_communication",
        actorUserId,
      });
      const definition = builtinTemplate("cross_department_communication");
      const save = (
        pairs: { first: string; second: string }[],
        departmentLevel: DepartmentLevel = "division",
      ) =>
        saveTemplate(tx, {
          tenantId,
          templateId,
          actorUserId,
          definition: {
            ...definition,
            matching: { ...definition.matching, departmentLevel, departmentPairs: pairs },
          },
        });
      const fieldsOf = (error: unknown) =>
        error instanceof AppError ? error.details.fields?.map((field) => [field.path, field.message]) : error;
      const unknown = "matching.pairIssue.unknownDepartment";
      expect(
        fieldsOf(
          await save([
            { first: a.code, second: b.code },
            { first: a.code, second: "NO-SUCH-DEPT" },
          ]).catch((error: unknown) => error),
        ),
      ).toEqual([["matching.departmentPairs.1.second", unknown]]);
      // Divisions are no departments at bureau level: people there count as their bureau.
      expect(
        fieldsOf(await save([{ first: a.code, second: b.code }], "bureau").catch((error: unknown) => error)),
      ).toEqual([
        ["matching.departmentPairs.0.first", unknown],
        ["matching.departmentPairs.0.second", unknown],
      ]);
      expect((await save([{ first: a.code, second: b.code }])).changed).toBe(true);
    });
  });
});

describe("the group and 2:1 built-ins", () => {
  const runAs = (key: "group_mentoring" | "two_mentor_mentoring") =>
    db.withTenant(yongin.tenantId, async (tx) => {
      const record = await loadCohort(tx, yongin.tenantId, yongin.cohortId);
      const problem = await buildMatchingProblem(tx, yongin.tenantId, {
        ...record,
        definition: builtinTemplate(key),
      });
      return { problem, result: await solveMatching(problem) };
    });

  it("forms Yongin's 24 new officials into groups of one mentor and five to seven mentees", async () => {
    const { problem, result } = await runAs("group_mentoring");
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(result.teams.length).toBeGreaterThanOrEqual(4);
    for (const team of result.teams) {
      expect(team.mentorIds).toHaveLength(1);
      expect(team.menteeIds.length).toBeGreaterThanOrEqual(5);
      expect(team.menteeIds.length).toBeLessThanOrEqual(7);
    }
    expect(result.teams.flatMap((team) => team.menteeIds)).toHaveLength(24);
  });

  it("gives a new official two mentors of different bureaus", async () => {
    const { problem, result } = await runAs("two_mentor_mentoring");
    expect(hardRuleViolations(problem, result)).toEqual([]);
    expect(result.teams.length).toBeGreaterThan(0);
    const bureauOf = new Map(problem.participants.map((person) => [person.id, person.department]));
    for (const team of result.teams) {
      expect([team.mentorIds.length, team.menteeIds.length]).toEqual([2, 1]);
      expect(bureauOf.get(team.mentorIds[0] as string)).not.toBe(bureauOf.get(team.mentorIds[1] as string));
    }
  });
});
