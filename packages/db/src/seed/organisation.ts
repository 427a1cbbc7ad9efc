import type { SeedDepartment, ServiceYears, StaffSlot } from "./directory";
import type { Random } from "./seeded-random";

/**
 * The organisation chart of a city hall as a plan (city → 실/국 → 과, with teams inside each 과), and the
 * staff slots that follow from it: executives, heads of bureaus and divisions, team leaders, and officers.
 */

export interface DivisionPlan {
  code: string;
  /** Ends in 과. */
  name: string;
  /** Number of teams (팀), each led by a grade-6 팀장. */
  teams: number;
}

export interface BureauPlan {
  code: string;
  /** Ends in 실 or 국. */
  name: string;
  headTitle: "실장" | "국장";
  headGrade: number;
  divisions: readonly DivisionPlan[];
}

export interface ExecutivePlan {
  positionTitle: string;
  grade: number;
  years: ServiceYears;
}

export interface OrganisationPlan {
  /** The city itself: the root of the tree, where the executives sit. */
  root: { code: string; name: string };
  executives: readonly ExecutivePlan[];
  bureaus: readonly BureauPlan[];
}

/** Completed years of service typical for each rank. */
export const SERVICE_YEARS = {
  실장: [28, 33],
  국장: [26, 33],
  과장: [20, 30],
  팀장: [14, 26],
  officer: {
    6: [10, 22],
    7: [4, 14],
    8: [2, 6],
    9: [1, 2],
  },
} as const satisfies Record<string, ServiceYears | Record<number, ServiceYears>>;

const LEADER_ENTRY_AGE = [23, 30] as const;
/** How officers (주무관) not placed on purpose are spread over grades 6-9. */
const OFFICER_GRADE_WEIGHTS = [
  [6, 2],
  [7, 4],
  [8, 3],
  [9, 2],
] as const;

export function departmentsOf(plan: OrganisationPlan): SeedDepartment[] {
  return [
    { code: plan.root.code, name: plan.root.name, parentCode: null },
    ...plan.bureaus.flatMap((bureau) => [
      { code: bureau.code, name: bureau.name, parentCode: plan.root.code },
      ...bureau.divisions.map((division) => ({
        code: division.code,
        name: division.name,
        parentCode: bureau.code,
      })),
    ]),
  ];
}

export function divisionsOf(plan: OrganisationPlan): DivisionPlan[] {
  return plan.bureaus.flatMap((bureau) => bureau.divisions);
}

/** Executives, one head per bureau and division, and one 팀장 per team. */
export function leadershipSlots(plan: OrganisationPlan): StaffSlot[] {
  const leader = (departmentCode: string, positionTitle: string, grade: number, years: ServiceYears) => ({
    departmentCode,
    positionTitle,
    grade,
    hire: { years },
    entryAge: LEADER_ENTRY_AGE,
  });
  return [
    ...plan.executives.map((executive) =>
      leader(plan.root.code, executive.positionTitle, executive.grade, executive.years),
    ),
    ...plan.bureaus.flatMap((bureau) => [
      leader(bureau.code, bureau.headTitle, bureau.headGrade, SERVICE_YEARS[bureau.headTitle]),
      ...bureau.divisions.flatMap((division) => [
        leader(division.code, "과장", 5, SERVICE_YEARS.과장),
        ...Array.from({ length: division.teams }, () => leader(division.code, "팀장", 6, SERVICE_YEARS.팀장)),
      ]),
    ]),
  ];
}

/**
 * `count` officers (주무관) of grades 6-9 with the service typical for their grade, placed in divisions in
 * proportion to their number of teams. None of them is hired within the last year.
 */
export function officerSlots(plan: OrganisationPlan, count: number, random: Random): StaffSlot[] {
  const divisionWeights = divisionsOf(plan).map((division) => [division.code, division.teams] as const);
  return Array.from({ length: count }, () => {
    const grade = random.weighted(OFFICER_GRADE_WEIGHTS);
    return {
      departmentCode: random.weighted(divisionWeights),
      positionTitle: "주무관",
      grade,
      hire: { years: SERVICE_YEARS.officer[grade] },
    };
  });
}

/** The division for the `index`-th of a series of rows, going round the divisions from `offset`. */
export function roundRobin(plan: OrganisationPlan, index: number, offset = 0): string {
  const divisions = divisionsOf(plan);
  return (divisions[(offset + index) % divisions.length] as DivisionPlan).code;
}
