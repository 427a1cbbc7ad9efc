import {
  addDays,
  addYears,
  calendarDate,
  calendarDateParts,
  dayOfWeek,
  yearsOfService,
} from "@mentoring/domain";
import { createNameSource } from "./korean-names";
import { createRandom, type Random } from "./seeded-random";

export interface SeedDepartment {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface SeedStaffMember {
  /** Unique within the tenant: tenant letter, hire year, sequence, e.g. "Y2025-0001". */
  employeeNumber: string;
  /** Fictional Korean full name, e.g. 김민준. */
  name: string;
  departmentCode: string;
  /** 1-9; null for non-graded posts (연구사, 지도사, 전문경력관). */
  grade: number | null;
  positionTitle: string;
  /** "YYYY-MM-DD", never after the tenant's as-of date. */
  hireDate: string;
  birthYear: number | null;
  /** ASCII, unique within the tenant. */
  email: string;
  /** Fictional, "010-0000-xxxx". */
  phone: string | null;
  active: boolean;
  /** The direct supervisor's employee number (supervisorsOf); absent or null for no one. */
  supervisorEmployeeNumber?: string | null;
}

export type TenantKind = "metropolitan_government" | "basic_government" | "public_institution";

export interface SeedTenant {
  slug: string;
  name: string;
  nameEn: string;
  kind: TenantKind;
  /** e.g. "경기도", "강원특별자치도". */
  region: string;
  departments: SeedDepartment[];
  staff: SeedStaffMember[];
}

/** Completed years of service at the as-of date, as an inclusive range. */
export type ServiceYears = readonly [min: number, max: number];

/** One person to generate. What is not fixed here is drawn from the tenant's seeded random source. */
export interface StaffSlot {
  departmentCode: string;
  positionTitle: string;
  grade: number | null;
  /** A fixed hire date, or the completed years of service at the as-of date to draw a weekday hire date from. */
  hire: { date: string } | { years: ServiceYears };
  /** Fixed employee number (for rows that tests refer to); otherwise one is assigned. */
  employeeNumber?: string;
  /** Age range on the hire date; defaults to 22-31. */
  entryAge?: readonly [min: number, max: number];
  /** false leaves the birth year unrecorded. */
  birthYearKnown?: boolean;
  /** Defaults to true; false for someone on leave. */
  active?: boolean;
}

/** A row placed on purpose at an eligibility boundary, so that rule tests have cases on both sides of it. */
export interface SeedEdgeCase {
  employeeNumber: string;
  departmentCode: string;
  positionTitle: string;
  grade: number | null;
  hireDate: string;
  active: boolean;
  /** The side of the program the row tests: applying as mentor or as mentee. */
  role: "mentor" | "mentee";
  /** Whether the row meets the program's published rule (see the tenant module) at the tenant's as-of date. */
  eligible: boolean;
  reason: string;
}

export interface DirectorySpec {
  slug: string;
  name: string;
  nameEn: string;
  kind: TenantKind;
  region: string;
  /** Reference date: every hire date is on or before it, and service years are counted up to it. */
  asOf: string;
  /** One ASCII letter or more, prefixed to employee numbers. */
  employeeNumberPrefix: string;
  emailDomain: string;
  /** Phone numbers run 010-0000-(offset+1), 010-0000-(offset+2), ... */
  phoneOffset: number;
  departments: readonly SeedDepartment[];
  slots: readonly StaffSlot[];
}

const DEFAULT_ENTRY_AGE = [22, 31] as const;
/** Nobody in the directory is older than this on the as-of date (the retirement age is 60). */
const OLDEST_AGE = 59;
const YOUNGEST_ENTRY_AGE = 18;
const SHARE_WITHOUT_PHONE = 0.04;

const RANK_OF_TITLE: Readonly<Record<string, number>> = { 부시장: 0, 실장: 1, 국장: 2, 과장: 3, 팀장: 4 };
const UNRANKED = 5;

/**
 * Builds a tenant directory from a spec. Pure: the same spec gives the same directory, using a random
 * source seeded by the tenant slug, never the clock or Math.random. Throws on an inconsistent spec
 * (unknown department, hire date after the as-of date, duplicate employee number ...).
 */
export function buildDirectory(spec: DirectorySpec): SeedTenant {
  const departmentOrder = checkDepartments(spec.departments);
  const random = createRandom(`seed-directory:${spec.slug}`);
  const nextName = createNameSource(random);
  const asOfYear = calendarDateParts(calendarDate(spec.asOf)).year;
  const employeeNumbers = new Set(
    spec.slots.flatMap((slot) => (slot.employeeNumber ? [slot.employeeNumber] : [])),
  );
  const emails = new Set<string>();
  let sequence = 0;

  const staff = spec.slots.map((slot, index): SeedStaffMember => {
    const where = `${spec.slug} slot ${index} (${slot.positionTitle} in ${slot.departmentCode})`;
    if (!departmentOrder.has(slot.departmentCode)) throw new Error(`${where}: unknown department`);
    if (slot.grade !== null && !(Number.isInteger(slot.grade) && slot.grade >= 1 && slot.grade <= 9)) {
      throw new Error(`${where}: grade must be 1-9 or null`);
    }

    const hireDate = "date" in slot.hire ? slot.hire.date : drawHireDate(random, spec.asOf, slot.hire.years);
    if (hireDate > spec.asOf) throw new Error(`${where}: hired after the as-of date`);
    const hireYear = calendarDateParts(calendarDate(hireDate)).year;

    const [minEntryAge, maxEntryAge] = slot.entryAge ?? DEFAULT_ENTRY_AGE;
    const oldestEntryAge = Math.min(maxEntryAge, hireYear - (asOfYear - OLDEST_AGE));
    if (oldestEntryAge < Math.max(minEntryAge, YOUNGEST_ENTRY_AGE)) {
      throw new Error(`${where}: no plausible birth year for a hire in ${hireYear}`);
    }
    const birthYear = hireYear - random.int(minEntryAge, oldestEntryAge);

    let employeeNumber = slot.employeeNumber;
    if (employeeNumber === undefined) {
      do {
        sequence += 1;
        employeeNumber = `${spec.employeeNumberPrefix}${hireYear}-${String(sequence).padStart(4, "0")}`;
      } while (employeeNumbers.has(employeeNumber));
      employeeNumbers.add(employeeNumber);
    }

    const person = nextName(birthYear);
    const localPart = `${person.givenNameRoman}.${person.surname.roman}`;
    let email = `${localPart}@${spec.emailDomain}`;
    for (let suffix = 2; emails.has(email); suffix += 1) email = `${localPart}${suffix}@${spec.emailDomain}`;
    emails.add(email);

    const hasPhone = random.next() >= SHARE_WITHOUT_PHONE;
    return {
      employeeNumber,
      name: person.name,
      departmentCode: slot.departmentCode,
      grade: slot.grade,
      positionTitle: slot.positionTitle,
      hireDate,
      birthYear: slot.birthYearKnown === false ? null : birthYear,
      email,
      phone: hasPhone ? `010-0000-${String(spec.phoneOffset + index + 1).padStart(4, "0")}` : null,
      active: slot.active ?? true,
    };
  });

  if (new Set(staff.map((member) => member.employeeNumber)).size !== staff.length) {
    throw new Error(`${spec.slug}: duplicate employee numbers`);
  }

  staff.sort(
    (a, b) =>
      (departmentOrder.get(a.departmentCode) ?? 0) - (departmentOrder.get(b.departmentCode) ?? 0) ||
      (RANK_OF_TITLE[a.positionTitle] ?? UNRANKED) - (RANK_OF_TITLE[b.positionTitle] ?? UNRANKED) ||
      (a.grade ?? 10) - (b.grade ?? 10) ||
      compareText(a.hireDate, b.hireDate) ||
      compareText(a.employeeNumber, b.employeeNumber),
  );

  const supervisors = supervisorsOf(spec.departments, staff);
  for (const member of staff)
    member.supervisorEmployeeNumber = supervisors.get(member.employeeNumber) ?? null;

  return {
    slug: spec.slug,
    name: spec.name,
    nameEn: spec.nameEn,
    kind: spec.kind,
    region: spec.region,
    departments: spec.departments.map((department) => ({ ...department })),
    staff,
  };
}

const BUREAU_HEADS = new Set(["실장", "국장"]);

/**
 * Who reports to whom, from positions, as a city hall's chart has it: a division's 과장 to the head of the
 * bureau above (실장, 국장), its 팀장 to the 과장, and everyone else in a division to one of its 팀장 in
 * turn (the seed has no team departments), or to the 과장 or the bureau head where there is none. Bureau
 * heads and executives report to no one here. Only active people supervise. By employee number.
 */
export function supervisorsOf(
  departments: readonly SeedDepartment[],
  staff: readonly SeedStaffMember[],
): Map<string, string> {
  const parentOf = new Map(departments.map((department) => [department.code, department.parentCode]));
  const active = (title: (positionTitle: string) => boolean, code: string | null | undefined) =>
    staff.filter((member) => member.active && member.departmentCode === code && title(member.positionTitle));
  const headOf = (code: string | null | undefined) =>
    active((title) => BUREAU_HEADS.has(title), code)[0] ?? active((title) => title === "과장", code)[0];
  const supervisors = new Map<string, string>();
  const officersSeen = new Map<string, number>();
  for (const member of staff) {
    const code = member.departmentCode;
    let supervisor: SeedStaffMember | undefined;
    if (BUREAU_HEADS.has(member.positionTitle) || member.positionTitle === "부시장") supervisor = undefined;
    else if (member.positionTitle === "과장") supervisor = headOf(parentOf.get(code));
    else if (member.positionTitle === "팀장")
      supervisor = active((title) => title === "과장", code)[0] ?? headOf(parentOf.get(code));
    else {
      const leaders = active((title) => title === "팀장", code);
      const seen = officersSeen.get(code) ?? 0;
      officersSeen.set(code, seen + 1);
      supervisor = leaders[seen % Math.max(leaders.length, 1)] ?? headOf(code);
    }
    if (supervisor && supervisor !== member)
      supervisors.set(member.employeeNumber, supervisor.employeeNumber);
  }
  return supervisors;
}

/** The slot that creates an edge-case row exactly as described. */
export function edgeCaseSlot(edgeCase: SeedEdgeCase): StaffSlot {
  return {
    departmentCode: edgeCase.departmentCode,
    positionTitle: edgeCase.positionTitle,
    grade: edgeCase.grade,
    hire: { date: edgeCase.hireDate },
    employeeNumber: edgeCase.employeeNumber,
    active: edgeCase.active,
  };
}

/**
 * A weekday hire date with exactly `years` completed years of service at `asOf`, for some `years` in the
 * range. The date is drawn at least two days inside the one-year window, so moving a weekend back to
 * Friday never leaves the window.
 */
function drawHireDate(random: Random, asOf: string, [min, max]: ServiceYears): string {
  const years = random.int(min, max);
  const at = calendarDate(asOf);
  let date = addDays(addYears(at, -years), -random.int(2, 362));
  const weekday = dayOfWeek(date);
  if (weekday === 6) date = addDays(date, -1);
  if (weekday === 7) date = addDays(date, -2);
  const service = yearsOfService(date, at);
  if (!service.ok || service.years !== years) throw new Error(`hire date ${date} is outside its window`);
  return date;
}

/** Checks that codes are unique and ASCII and the tree is sound; returns each code's position in tree order. */
function checkDepartments(departments: readonly SeedDepartment[]): Map<string, number> {
  const byCode = new Map<string, SeedDepartment>();
  for (const department of departments) {
    if (!/^[a-z0-9-]+$/.test(department.code))
      throw new Error(`department code ${department.code} is not ASCII`);
    if (byCode.has(department.code)) throw new Error(`duplicate department code ${department.code}`);
    byCode.set(department.code, department);
  }
  const order = new Map<string, number>();
  departments.forEach((department, index) => {
    const seen = new Set<string>();
    let current: SeedDepartment | undefined = department;
    while (current?.parentCode != null) {
      if (seen.has(current.code)) throw new Error(`department ${department.code} is in a cycle`);
      seen.add(current.code);
      current = byCode.get(current.parentCode);
      if (!current) throw new Error(`department ${department.code} has an unknown ancestor`);
    }
    order.set(department.code, index);
  });
  return order;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
