import type { Database } from "@mentoring/db";
import { cohortCast, gangneungSeed, seededCohorts } from "@mentoring/db/seed";
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
 * A city of its own with Gangneung's directory and one published team of 3 juniors + 1 manager
 * (reverse mentoring), recruited, matched by the worker and published through the use cases. The
 * coordinator has an account; so do `accounts` (e.g. juniors as participants). `reason` names the cohort's
 * override of its schedule, as a coordinator would ("과제 시험 기수").
 */
export async function oneTeamCity(
  db: Database,
  { accounts, reason }: { accounts: TenantAccount[]; reason: string },
): Promise<{ city: TestTenant; cohort: TestCohort; coordinatorUserId: string }> {
  const { coordinator, juniors, manager } = gangneungTeam;
  const members = [...juniors, manager];
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }, ...accounts],
    staff: (person) => members.some((member) => member.employeeNumber === person.employeeNumber),
  });
  const coordinatorUserId = city.userId(coordinator);
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seeded?.recruitmentStart as string,
    phase: "published",
    applicants: [
      ...juniors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      { person: city.staff(manager), role: "mentee" as const },
    ],
    override: reason,
    actorUserId: coordinatorUserId,
    appUrl: baseURL(),
  });
  return { city, cohort, coordinatorUserId };
}
