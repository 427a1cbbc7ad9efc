import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { DepartmentTree } from "@mentoring/domain";
import {
  hardRuleViolations,
  type MatchingProblemInput,
  type MatchingResult,
  solveMatching,
} from "@mentoring/matching";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCohort } from "../src/records/cohort-record";
import { buildMatchingProblem } from "../src/records/matching-problem";
import { seedPrograms } from "../src/seed";

// Gangneung's reverse mentoring as seeded (30 juniors, 10 managers), its teams formed from the problem the
// cohort's template and directory give: departments compared at bureau level, supervisors kept apart.
// The seeded cohort runs on the 2025 rules (team level); the built-in's bureau rules are set here.

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
let cohortId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  cohortId = (
    await db.withTenant(tenantId, (tx) =>
      tx.cohort.findFirstOrThrow({ where: { tenantId, title: "거꾸로 멘토링 2기" } }),
    )
  ).id;
});

afterAll(() => database?.drop());

/** The cohort's matching problem, its template's matching section changed by `change`. */
const problemOf = (
  change: (matching: Awaited<ReturnType<typeof loadCohort>>["definition"]["matching"]) => void = () => {},
) =>
  db.withTenant(tenantId, async (tx) => {
    const record = await loadCohort(tx, tenantId, cohortId);
    change(record.definition.matching);
    return buildMatchingProblem(tx, tenantId, record);
  });

/** The accepted applications with their people's departments and grades, mentors and mentees. */
const applicants = () =>
  db.withTenant(tenantId, async (tx) => {
    const applications = await tx.application.findMany({
      where: { tenantId, cohortId, status: "accepted" },
      orderBy: { id: "asc" },
      select: {
        id: true,
        role: true,
        staffMemberId: true,
        staffMember: { select: { departmentId: true, positionTitle: true } },
      },
    });
    const departments = await tx.department.findMany({
      where: { tenantId },
      select: { id: true, parentId: true, code: true },
    });
    return { applications, departments };
  });

type Matching = Awaited<ReturnType<typeof loadCohort>>["definition"]["matching"];

/** The built-in's rules since issue 18: bureaus compared, a team's three juniors from three of them. */
const bureauRules = (matching: Matching) => {
  matching.departmentLevel = "bureau";
  matching.mentorsFromDifferentDepartments = true;
};

/**
 * The seeded cast comes from two of Gangneung's five bureaus. Moves the people so that teams of a manager
 * and three juniors of three other bureaus can be formed: the 국장 stays in her bureau, the other managers
 * go round the bureaus' divisions, and the juniors after each manager to divisions of the next three
 * bureaus round, some into the 국장's own.
 */
async function spreadOverBureaus() {
  const { applications, departments } = await applicants();
  const tree = new DepartmentTree(departments);
  const director = applications.find(
    (a) => a.role === "mentee" && tree.depthOf(a.staffMember.departmentId) === 1,
  ) as (typeof applications)[number];
  const bureaus = [
    director.staffMember.departmentId,
    ...departments
      .filter((d) => tree.depthOf(d.id) === 1 && d.id !== director.staffMember.departmentId)
      .map((d) => d.id),
  ];
  const divisionsOf = (bureau: string) => departments.filter((d) => d.parentId === bureau).map((d) => d.id);
  const managers = [director, ...applications.filter((a) => a.role === "mentee" && a !== director)];
  const juniors = applications.filter((a) => a.role === "mentor");
  const moves: [string, string][] = [];
  managers.forEach((manager, team) => {
    const bureau = team % bureaus.length;
    if (manager !== director) {
      const divisions = divisionsOf(bureaus[bureau] as string);
      moves.push([manager.staffMemberId, divisions[team % divisions.length] as string]);
    }
    for (let k = 0; k < 3; k++) {
      const junior = juniors[team * 3 + k] as (typeof juniors)[number];
      const divisions = divisionsOf(bureaus[(bureau + 1 + k) % bureaus.length] as string);
      moves.push([junior.staffMemberId, divisions[(team + k) % divisions.length] as string]);
    }
  });
  await db.withTenant(tenantId, async (tx) => {
    for (const [id, departmentId] of moves) {
      await tx.staffMember.updateMany({ where: { tenantId, id }, data: { departmentId } });
    }
  });
}

const teamsOf = (result: MatchingResult) =>
  result.teams.map((team) => ({ mentors: team.mentorIds, mentees: team.menteeIds }));

describe("Gangneung's reverse mentoring compared at bureau level", () => {
  it("a bureau director is never matched with juniors from her own bureau when the rule is at bureau level", async () => {
    await spreadOverBureaus();
    const { applications, departments } = await applicants();
    const tree = new DepartmentTree(departments);
    const codeOf = new Map(departments.map((d) => [d.id, d.code]));
    const bureauOf = (departmentId: string) => codeOf.get(tree.at(departmentId, "bureau"));
    // A 국장 sits in her bureau itself; the juniors of her bureau sit in its divisions.
    const director = applications.find(
      (a) => a.role === "mentee" && tree.depthOf(a.staffMember.departmentId) === 1,
    );
    expect(director?.staffMember.positionTitle).toBe("국장");
    const ownBureau = bureauOf(director?.staffMember.departmentId as string);
    const juniorsOfHerBureau = applications.filter(
      (a) => a.role === "mentor" && bureauOf(a.staffMember.departmentId) === ownBureau,
    );
    expect(juniorsOfHerBureau.length).toBeGreaterThanOrEqual(2);

    // At team level her department (the bureau) differs from each junior's division: nothing keeps them apart.
    const atTeam = await problemOf((matching) => (matching.departmentLevel = "team"));
    const departmentAt = (problem: MatchingProblemInput, id: string) =>
      problem.participants.find((person) => person.id === id)?.department;
    for (const junior of juniorsOfHerBureau) {
      expect(departmentAt(atTeam, junior.id)).not.toBe(departmentAt(atTeam, director?.id as string));
    }

    const problem = await problemOf(bureauRules);
    expect(problem.constraints).toMatchObject({
      differentDepartment: true,
      mentorsFromDifferentDepartments: true,
    });
    for (const junior of juniorsOfHerBureau) {
      expect(departmentAt(problem, junior.id)).toBe(ownBureau);
    }
    const result = await solveMatching(problem);
    expect(result.status).not.toBe("infeasible");
    expect(result.teams).toHaveLength(10);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    const bureauOfApplication = new Map(
      applications.map((a) => [a.id, bureauOf(a.staffMember.departmentId)]),
    );
    for (const team of teamsOf(result)) {
      const mentorBureaus = team.mentors.map((id) => bureauOfApplication.get(id));
      // Three juniors of three bureaus, none the manager's.
      expect(new Set(mentorBureaus).size).toBe(3);
      expect(mentorBureaus).not.toContain(bureauOfApplication.get(team.mentees[0] as string));
    }
    const directorsTeam = teamsOf(result).find((team) => team.mentees.includes(director?.id as string));
    expect(directorsTeam?.mentors.some((id) => juniorsOfHerBureau.some((junior) => junior.id === id))).toBe(
      false,
    );
  });

  it("a supervisor is never in a team with a direct report", async () => {
    const { applications } = await applicants();
    const managers = applications.filter((a) => a.role === "mentee");
    const juniors = applications.filter((a) => a.role === "mentor");
    const manager = managers[0] as (typeof managers)[number];
    // Three juniors report to the first manager; another reports to someone outside the cohort.
    const reports = juniors.slice(0, 3);
    const outsider = await db.withTenant(tenantId, (tx) =>
      tx.staffMember.findFirstOrThrow({
        where: { tenantId, id: { notIn: applications.map((a) => a.staffMemberId) } },
      }),
    );
    await db.withTenant(tenantId, async (tx) => {
      await tx.staffMember.updateMany({
        where: { tenantId, id: { in: reports.map((a) => a.staffMemberId) } },
        data: { supervisorStaffId: manager.staffMemberId },
      });
      await tx.staffMember.updateMany({
        where: { tenantId, id: (juniors[3] as (typeof juniors)[number]).staffMemberId },
        data: { supervisorStaffId: outsider.id },
      });
    });

    const problem = await problemOf();
    const supervisorOf = (id: string) =>
      problem.participants.find((person) => person.id === id)?.supervisorId;
    expect(reports.map((junior) => supervisorOf(junior.id))).toEqual(reports.map(() => manager.id));
    // Someone outside the cohort is no one the engine could place: the snapshot leaves them out.
    expect(supervisorOf((juniors[3] as (typeof juniors)[number]).id)).toBeUndefined();
    expect(problem.constraints?.noDirectSupervisor).toBe(true);

    const result = await solveMatching(problem);
    expect(hardRuleViolations(problem, result)).toEqual([]);
    const managersTeam = teamsOf(result).find((team) => team.mentees.includes(manager.id));
    expect(managersTeam).toBeDefined();
    expect(managersTeam?.mentors.filter((id) => reports.some((junior) => junior.id === id))).toEqual([]);

    // The template may let supervisors and their reports meet: the rule is then off in the problem.
    const allowed = await problemOf((matching) => (matching.noDirectSupervisor = false));
    expect(allowed.constraints?.noDirectSupervisor).toBe(false);
  });
});
