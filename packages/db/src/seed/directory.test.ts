import { afterEach, describe, expect, it, vi } from "vitest";
import {
  GANGNEUNG_AS_OF,
  GANGNEUNG_EDGE_CASES,
  gangneungSeed,
  romanizeHangul,
  type SeedEdgeCase,
  type SeedStaffMember,
  type SeedTenant,
  YONGIN_AS_OF,
  YONGIN_EDGE_CASES,
  yonginSeed,
} from "./index";

/** Whole years from hire to asOf; a year counts once its anniversary is reached. */
function completedYears(hireDate: string, asOf: string): number {
  const [hireYear, hireMonth, hireDay] = hireDate.split("-").map(Number) as [number, number, number];
  const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
  const anniversaryReached = month > hireMonth || (month === hireMonth && day >= hireDay);
  return year - hireYear - (anniversaryReached ? 0 : 1);
}

const yongin = yonginSeed();
const gangneung = gangneungSeed();

const isYonginNewOfficial = (member: SeedStaffMember) =>
  member.active &&
  member.positionTitle === "주무관" &&
  (member.grade === 8 || member.grade === 9) &&
  member.hireDate >= "2025-01-01" &&
  member.hireDate <= YONGIN_AS_OF;

const isYonginMentorCandidate = (member: SeedStaffMember) => {
  const years = completedYears(member.hireDate, YONGIN_AS_OF);
  return (
    member.active &&
    member.positionTitle === "주무관" &&
    (member.grade === 7 || member.grade === 8) &&
    years >= 3 &&
    years <= 10
  );
};

const isGangneungJunior = (member: SeedStaffMember) =>
  member.active &&
  (member.grade === 8 || member.grade === 9) &&
  completedYears(member.hireDate, GANGNEUNG_AS_OF) <= 5;

const isGangneungManager = (member: SeedStaffMember) =>
  member.active && (member.positionTitle === "국장" || member.positionTitle === "과장");

const tenants: [string, () => SeedTenant, SeedTenant, string, string][] = [
  ["yongin", yonginSeed, yongin, YONGIN_AS_OF, "yongin.example.kr"],
  ["gangneung", gangneungSeed, gangneung, GANGNEUNG_AS_OF, "gangneung.example.kr"],
];

describe.each(tenants)("the %s directory", (_slug, generate, tenant, asOf, emailDomain) => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("is the same on every call", () => {
    expect(generate()).toEqual(tenant);
  });

  it("depends on neither the clock nor Math.random", () => {
    vi.useFakeTimers({ now: new Date("2031-07-04T12:00:00Z") });
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect(generate()).toEqual(tenant);
  });

  it("hands out a fresh object each time, so callers may change it", () => {
    const first = generate();
    first.staff.pop();
    (first.departments[0] as { name: string }).name = "changed";
    expect(generate()).toEqual(tenant);
  });

  it("gives every staff member a unique employee number", () => {
    const numbers = tenant.staff.map((member) => member.employeeNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("gives every staff member a unique ASCII email address on the tenant's domain", () => {
    const emails = tenant.staff.map((member) => member.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails)
      expect(email).toMatch(new RegExp(`^[a-z0-9.]+@${emailDomain.replaceAll(".", "\\.")}$`));
  });

  it("has fictional Korean names and 010-0000 phone numbers", () => {
    for (const member of tenant.staff) {
      expect(member.name).toMatch(/^[가-힣]{3}$/);
      if (member.phone !== null) expect(member.phone).toMatch(/^010-0000-\d{4}$/);
    }
  });

  it("places every staff member in a department that exists", () => {
    const codes = new Set(tenant.departments.map((department) => department.code));
    for (const member of tenant.staff) expect(codes, member.employeeNumber).toContain(member.departmentCode);
  });

  it("forms one tree: a single root, and every parent code exists", () => {
    const codes = new Set(tenant.departments.map((department) => department.code));
    expect(codes.size).toBe(tenant.departments.length);
    expect(tenant.departments.filter((department) => department.parentCode === null)).toHaveLength(1);
    for (const department of tenant.departments) {
      if (department.parentCode !== null) expect(codes, department.code).toContain(department.parentCode);
      expect(department.code).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it("has bureaus (실/국) with 15 to 30 divisions (과) under them, each with a 과장", () => {
    const bureaus = new Set(tenant.departments.filter((d) => /[실국]$/.test(d.name)).map((d) => d.code));
    const divisions = tenant.departments.filter((d) => d.name.endsWith("과"));
    expect(divisions.length).toBeGreaterThanOrEqual(15);
    expect(divisions.length).toBeLessThanOrEqual(30);
    for (const division of divisions) {
      expect(bureaus).toContain(division.parentCode);
      const heads = tenant.staff.filter(
        (m) => m.departmentCode === division.code && m.positionTitle === "과장",
      );
      expect(heads.map((head) => head.grade)).toEqual([5]);
    }
  });

  it("hires everyone on a real weekday on or before the as-of date", () => {
    for (const member of tenant.staff) {
      const date = new Date(`${member.hireDate}T00:00:00Z`);
      expect(date.toISOString().slice(0, 10), member.employeeNumber).toBe(member.hireDate);
      expect(member.hireDate <= asOf, member.employeeNumber).toBe(true);
      expect([1, 2, 3, 4, 5], member.employeeNumber).toContain(date.getUTCDay());
    }
  });

  it("has birth years that fit the hire date and the retirement age", () => {
    const asOfYear = Number(asOf.slice(0, 4));
    for (const member of tenant.staff) {
      if (member.birthYear === null) continue;
      const ageAtHire = Number(member.hireDate.slice(0, 4)) - member.birthYear;
      expect(ageAtHire, member.employeeNumber).toBeGreaterThanOrEqual(18);
      expect(ageAtHire, member.employeeNumber).toBeLessThanOrEqual(40);
      expect(asOfYear - member.birthYear, member.employeeNumber).toBeLessThanOrEqual(60);
    }
  });

  it("grades ranks as a city hall does, with a few non-graded posts", () => {
    const expectedGrades: Record<string, number[]> = {
      부시장: [2, 3],
      실장: [3],
      국장: [4],
      과장: [5],
      팀장: [6],
      주무관: [6, 7, 8, 9],
    };
    for (const member of tenant.staff) {
      const grades = expectedGrades[member.positionTitle];
      if (grades) expect(grades, member.employeeNumber).toContain(member.grade);
      else expect(member.grade, `${member.employeeNumber} ${member.positionTitle}`).toBeNull();
    }
    const nonGraded = tenant.staff.filter((member) => member.grade === null);
    expect(nonGraded.length).toBeGreaterThanOrEqual(3);
    expect(nonGraded.length).toBeLessThanOrEqual(8);
    expect(tenant.staff.filter((member) => member.positionTitle === "부시장").length).toBeGreaterThanOrEqual(
      1,
    );
  });
});

describe("the Yongin directory (standard mentoring, 14 mentors : 24 new officials)", () => {
  it("describes 용인특례시 in 경기도 with about 260 staff", () => {
    expect(yongin).toMatchObject({
      slug: "yongin",
      name: "용인특례시",
      nameEn: "Yongin Special City",
      kind: "basic_government",
      region: "경기도",
    });
    expect(yongin.staff.length).toBeGreaterThanOrEqual(240);
    expect(yongin.staff.length).toBeLessThanOrEqual(280);
  });

  it("has at least 24 officials appointed in 2025, at grade 8 or 9, before the as-of date", () => {
    const newOfficials = yongin.staff.filter(isYonginNewOfficial);
    expect(newOfficials.length).toBeGreaterThanOrEqual(24);
    expect(new Set(newOfficials.map((member) => member.departmentCode)).size).toBeGreaterThanOrEqual(10);
  });

  it("has at least 14 mentor candidates: grade 7 or 8 with 3 to 10 years of service", () => {
    expect(yongin.staff.filter(isYonginMentorCandidate).length).toBeGreaterThanOrEqual(14);
  });

  it("has people who are neither: 과장 and veterans with 25+ years, officials hired years ago", () => {
    const heads = yongin.staff.filter((member) => member.positionTitle === "과장");
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.some(isYonginMentorCandidate)).toBe(false);
    const veterans = yongin.staff.filter((member) => completedYears(member.hireDate, YONGIN_AS_OF) >= 25);
    expect(veterans.length).toBeGreaterThan(0);
    expect(veterans.some(isYonginMentorCandidate)).toBe(false);
    const hiredYearsAgo = yongin.staff.filter((member) => completedYears(member.hireDate, YONGIN_AS_OF) >= 2);
    expect(hiredYearsAgo.some(isYonginNewOfficial)).toBe(false);
  });
});

describe("the Gangneung directory (reverse mentoring, 30 juniors + 10 managers)", () => {
  it("describes 강릉시 in 강원특별자치도 with about 180 staff and local departments", () => {
    expect(gangneung).toMatchObject({
      slug: "gangneung",
      name: "강릉시",
      nameEn: "Gangneung City",
      kind: "basic_government",
      region: "강원특별자치도",
    });
    expect(gangneung.staff.length).toBeGreaterThanOrEqual(160);
    expect(gangneung.staff.length).toBeLessThanOrEqual(200);
    const names = gangneung.departments.map((department) => department.name);
    expect(names).toEqual(expect.arrayContaining(["관광정책과", "해양수산과"]));
  });

  it("has at least 30 juniors (grade 8-9, at most 5 completed years) spread over many departments", () => {
    const juniors = gangneung.staff.filter(isGangneungJunior);
    expect(juniors.length).toBeGreaterThanOrEqual(30);
    expect(new Set(juniors.map((member) => member.departmentCode)).size).toBeGreaterThanOrEqual(15);
  });

  it("has at least 10 managers (국장 and 과장)", () => {
    expect(gangneung.staff.filter(isGangneungManager).length).toBeGreaterThanOrEqual(10);
  });

  it("has the near misses: grade 7 with 3 years, grade 9 with 6 years, grade 8 with 12 years", () => {
    const nearMiss = (grade: number, years: number) =>
      gangneung.staff.filter(
        (member) =>
          member.active &&
          member.grade === grade &&
          completedYears(member.hireDate, GANGNEUNG_AS_OF) === years,
      );
    for (const [grade, years] of [
      [7, 3],
      [9, 6],
      [8, 12],
    ] as const) {
      const rows = nearMiss(grade, years);
      expect(rows.length, `grade ${grade} with ${years} years`).toBeGreaterThan(0);
      expect(rows.some(isGangneungJunior)).toBe(false);
    }
  });
});

describe.each([
  ["Yongin", yongin, YONGIN_EDGE_CASES as Record<string, SeedEdgeCase>, YONGIN_AS_OF],
  ["Gangneung", gangneung, GANGNEUNG_EDGE_CASES as Record<string, SeedEdgeCase>, GANGNEUNG_AS_OF],
] as const)("the %s edge cases", (tenantName, tenant, edgeCases, asOf) => {
  const eligible = (member: SeedStaffMember, role: "mentor" | "mentee") => {
    if (tenantName === "Gangneung")
      return role === "mentor" ? isGangneungJunior(member) : isGangneungManager(member);
    return role === "mentor" ? isYonginMentorCandidate(member) : isYonginNewOfficial(member);
  };

  it.each(Object.entries(edgeCases))(
    "%s is a row as described, on the stated side of the rule",
    (_key, edge) => {
      const row = tenant.staff.find((member) => member.employeeNumber === edge.employeeNumber);
      expect(row).toMatchObject({
        departmentCode: edge.departmentCode,
        positionTitle: edge.positionTitle,
        grade: edge.grade,
        hireDate: edge.hireDate,
        active: edge.active,
      });
      expect(eligible(row as SeedStaffMember, edge.role)).toBe(edge.eligible);
      expect(edge.hireDate <= asOf).toBe(true);
    },
  );

  it("covers both sides of the rule", () => {
    const sides = new Set(Object.values(edgeCases).map((edge) => edge.eligible));
    expect(sides).toEqual(new Set([true, false]));
  });
});

describe("romanizeHangul", () => {
  it("writes given names in Revised Romanization, syllable by syllable", () => {
    expect(romanizeHangul("민준")).toBe("minjun");
    expect(romanizeHangul("서연")).toBe("seoyeon");
    expect(romanizeHangul("혜린")).toBe("hyerin");
    expect(romanizeHangul("영희")).toBe("yeonghui");
    expect(romanizeHangul("ab1")).toBe("ab1");
  });
});

describe("supervisors", () => {
  const byNumber = new Map(gangneung.staff.map((member) => [member.employeeNumber, member]));
  const supervisorOf = (member: SeedStaffMember) =>
    member.supervisorEmployeeNumber ? byNumber.get(member.supervisorEmployeeNumber) : undefined;
  const parentOf = new Map(
    gangneung.departments.map((department) => [department.code, department.parentCode]),
  );

  it("has officers report to a 팀장 of their division, 팀장 to its 과장 and 과장 to their bureau's 국장", () => {
    for (const member of gangneung.staff.filter((m) => m.departmentCode !== "city")) {
      const supervisor = supervisorOf(member);
      if (member.positionTitle === "국장") expect(supervisor).toBeUndefined();
      else if (member.positionTitle === "과장") {
        expect(supervisor?.positionTitle).toBe("국장");
        expect(supervisor?.departmentCode).toBe(parentOf.get(member.departmentCode));
      } else if (member.positionTitle === "팀장") {
        expect([supervisor?.positionTitle, supervisor?.departmentCode]).toEqual([
          "과장",
          member.departmentCode,
        ]);
      } else {
        expect([supervisor?.positionTitle, supervisor?.departmentCode]).toEqual([
          "팀장",
          member.departmentCode,
        ]);
      }
      expect(supervisor?.active ?? true).toBe(true);
    }
  });

  it("spreads a division's officers over its team leaders", () => {
    const division = "social-welfare";
    const leaders = gangneung.staff.filter(
      (m) => m.departmentCode === division && m.positionTitle === "팀장",
    );
    const reports = leaders.map(
      (leader) => gangneung.staff.filter((m) => m.supervisorEmployeeNumber === leader.employeeNumber).length,
    );
    expect(leaders.length).toBeGreaterThan(1);
    expect(Math.max(...reports) - Math.min(...reports)).toBeLessThanOrEqual(1);
  });
});
