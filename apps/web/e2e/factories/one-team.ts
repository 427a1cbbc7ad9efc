import type { Database } from "@mentoring/db";
import { cohortCast, gangneungSeed, type SeedStaffMember, seededCohorts } from "@mentoring/db/seed";
import type { SurveyAnswers } from "@mentoring/domain";
import { submitResponse } from "@mentoring/programs";
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

/** The digital diagnostic's answers: digital literacy (three items and a reversed one) and openness (two). */
const diagnostic = (literacy: number, openness: [number, number]): SurveyAnswers => ({
  dl_ai: literacy,
  dl_sns: literacy,
  dl_video: literacy,
  dl_help: 6 - literacy,
  op_listen: openness[0],
  op_speak: openness[1],
});

/**
 * The surveys of a Gangneung cohort answered, as its people would on the survey page. Before (its rounds
 * open in orientation): everyone answers the digital diagnostic with 3 on every item (50 on both areas).
 * After (open in evaluation): juniors 4 on digital literacy (75), managers 5 (100); on openness the first
 * junior up 12.5, the second down 12.5, the rest unchanged; the managers' satisfaction 5 from the first,
 * 4 from the others (team 4, useful 4, schedule 3, recommend 5).
 */
export async function answerGangneungSurveys(
  db: Database,
  city: TestTenant,
  { cohortId, phase, juniors, managers }: GangneungSurveys,
): Promise<void> {
  const tenantId = city.id;
  const answer = async (questionSetKey: string, person: SeedStaffMember, answers: SurveyAnswers) => {
    const result = await db.withTenant(tenantId, async (tx) => {
      const round = await tx.surveyRound.findFirstOrThrow({
        where: { tenantId, cohortId, questionSetKey, phase },
        select: { id: true },
      });
      return submitResponse(tx, {
        tenantId,
        roundId: round.id,
        staffMemberId: city.staff(person).id,
        answers,
        now: new Date(),
      });
    });
    if (!result.submitted) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  };
  if (phase === "pre") {
    for (const person of [...juniors, ...managers])
      await answer("digital_diagnostic", person, diagnostic(3, [3, 3]));
    return;
  }
  const openness: [number, number][] = [
    [4, 3],
    [2, 3],
  ];
  for (const [index, person] of juniors.entries())
    await answer("digital_diagnostic", person, diagnostic(4, openness[index] ?? [3, 3]));
  for (const person of managers) await answer("digital_diagnostic", person, diagnostic(5, [3, 3]));
  for (const [index, person] of managers.entries())
    await answer("satisfaction", person, {
      sat_overall: index === 0 ? 5 : 4,
      sat_team: 4,
      sat_useful: 4,
      sat_schedule: 3,
      sat_recommend: 5,
    });
}

export interface GangneungSurveys {
  cohortId: string;
  /** Which rounds: the ones before the activities, or after. */
  phase: "pre" | "post";
  juniors: readonly SeedStaffMember[];
  managers: readonly SeedStaffMember[];
}
