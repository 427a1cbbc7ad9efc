import type { Database } from "@mentoring/db";
import { cohortCast, gangneungSeed, type SeedStaffMember, seededCohorts } from "@mentoring/db/seed";
import { baseURL } from "../support";
import { createCohortFor, type TestCohort } from "./cohorts";
import { createTenant, seededPerson, type TenantAccount, type TestTenant } from "./tenants";

const seed = gangneungSeed();
const seeded = seededCohorts.gangneung?.[0];
if (!seeded) throw new Error("Gangneung has no seeded cohort");
const cast = cohortCast(seed, seeded);
const [first, second, third] = cast.mentors;
const manager = cast.mentees[0];
if (!first || !second || !third || !manager) throw new Error("Gangneung's 2nd cohort has too few applicants");

/**
 * The people of a Gangneung team of the program year: the coordinating department's team leader as
 * coordinator, three juniors of the 2nd cohort and a manager, and a colleague outside the program.
 */
export const gangneungTeam = {
  seed,
  coordinator: seededPerson(
    seed,
    (person) => person.departmentCode === "general-affairs" && person.positionTitle === "팀장",
  ),
  juniors: [first, second, third] as const,
  manager,
  colleague: seededPerson(
    seed,
    (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
  ),
};

/**
 * The first `juniors` juniors and `managers` managers who applied to Gangneung's 2nd cohort (the seed's),
 * and both together as `members`: the people a test's cohort is made of.
 */
export function gangneungCast(counts: { juniors: number; managers: number }) {
  const juniors = cast.mentors.slice(0, counts.juniors);
  const managers = cast.mentees.slice(0, counts.managers);
  if (juniors.length < counts.juniors || managers.length < counts.managers)
    throw new Error("Gangneung's 2nd cohort has too few applicants");
  return { juniors, managers, members: [...juniors, ...managers] };
}

/**
 * Active staff of Gangneung outside the cohort and outside every member's department, none of `except`:
 * free of the template's conflict rule for every team, so they can evaluate any of them.
 */
export function gangneungOutsiders(
  members: readonly SeedStaffMember[],
  except: readonly SeedStaffMember[],
): SeedStaffMember[] {
  const taken = new Set([...members, ...except].map((person) => person.employeeNumber));
  const departments = new Set(members.map((person) => person.departmentCode));
  return seed.staff.filter(
    (person) => person.active && !taken.has(person.employeeNumber) && !departments.has(person.departmentCode),
  );
}

export interface GangneungCityPlan {
  /** Who applies as mentors (juniors) and mentees (managers); the worker forms the teams. */
  juniors: readonly SeedStaffMember[];
  managers: readonly SeedStaffMember[];
  /** Sign-in accounts beside the coordinator's (participants, evaluators, an executive). */
  accounts: TenantAccount[];
  /** The cohort's override of its schedule, as a coordinator would name it ("과제 시험 기수"). */
  reason: string;
  /** The coordinator (default: the coordinating department's team leader). */
  coordinator?: SeedStaffMember;
}

/**
 * A city of its own with Gangneung's directory (the cohort's members and the account holders) and a
 * reverse mentoring cohort whose teams are recruited, matched by the worker and published through the use
 * cases. The coordinator has an account and acts for every move.
 */
export async function gangneungCity(
  db: Database,
  plan: GangneungCityPlan,
): Promise<{ city: TestTenant; cohort: TestCohort; coordinatorUserId: string }> {
  const coordinator = plan.coordinator ?? gangneungTeam.coordinator;
  const members = new Set([...plan.juniors, ...plan.managers].map((person) => person.employeeNumber));
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }, ...plan.accounts],
    staff: (person) => members.has(person.employeeNumber),
  });
  const coordinatorUserId = city.userId(coordinator);
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seeded?.recruitmentStart as string,
    phase: "published",
    applicants: [
      ...plan.juniors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...plan.managers.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: plan.reason,
    actorUserId: coordinatorUserId,
    appUrl: baseURL(),
  });
  return { city, cohort, coordinatorUserId };
}

/**
 * A city of its own with Gangneung's directory and one published team of 3 juniors + 1 manager
 * (reverse mentoring): `gangneungTeam`'s people. The coordinator has an account; so do `accounts`
 * (e.g. juniors as participants).
 */
export function oneTeamCity(
  db: Database,
  { accounts, reason }: { accounts: TenantAccount[]; reason: string },
): Promise<{ city: TestTenant; cohort: TestCohort; coordinatorUserId: string }> {
  const { juniors, manager } = gangneungTeam;
  return gangneungCity(db, { juniors, managers: [manager], accounts, reason });
}
