import {
  buildDirectory,
  edgeCaseSlot,
  type SeedEdgeCase,
  type SeedTenant,
  type StaffSlot,
} from "./directory";
import {
  departmentsOf,
  leadershipSlots,
  type OrganisationPlan,
  officerSlots,
  roundRobin,
} from "./organisation";
import { createRandom } from "./seeded-random";

/**
 * Yongin Special City (용인특례시), standard mentoring 2025: 14 officials with a few years of service mentor
 * 24 officials newly appointed in early 2025.
 *
 * Rules the directory is built for (the program's own rules live in its template):
 * - mentee: active 주무관 of grade 8 or 9 hired in 2025, on or before YONGIN_AS_OF;
 * - mentor: active 주무관 of grade 7 or 8 with 3 to 10 completed years of service at YONGIN_AS_OF.
 */
export const YONGIN_AS_OF = "2025-03-15";

const SIZE = 260;

const PLAN: OrganisationPlan = {
  root: { code: "city", name: "용인특례시" },
  executives: [
    { positionTitle: "부시장", grade: 2, years: [30, 34] },
    { positionTitle: "부시장", grade: 3, years: [28, 32] },
  ],
  bureaus: [
    {
      code: "planning-office",
      name: "기획조정실",
      headTitle: "실장",
      headGrade: 3,
      divisions: [
        { code: "policy-planning", name: "정책기획과", teams: 3 },
        { code: "budget", name: "기획예산과", teams: 3 },
        { code: "digital-policy", name: "디지털정책과", teams: 3 },
      ],
    },
    {
      code: "administration-bureau",
      name: "자치행정국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "general-affairs", name: "총무과", teams: 3 },
        { code: "personnel", name: "인사과", teams: 3 },
        { code: "local-administration", name: "자치행정과", teams: 2 },
        { code: "tax", name: "세정과", teams: 3 },
        { code: "accounting", name: "회계과", teams: 2 },
      ],
    },
    {
      code: "economy-environment-bureau",
      name: "경제환경국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "jobs-economy", name: "일자리경제과", teams: 3 },
        { code: "semiconductor-industry", name: "반도체산업과", teams: 3 },
        { code: "environment-policy", name: "환경정책과", teams: 2 },
        { code: "climate-energy", name: "기후에너지과", teams: 2 },
      ],
    },
    {
      code: "welfare-women-bureau",
      name: "복지여성국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "social-welfare", name: "사회복지과", teams: 3 },
        { code: "women-family", name: "여성가족과", teams: 2 },
        { code: "senior-welfare", name: "노인복지과", teams: 2 },
        { code: "childcare", name: "아동보육과", teams: 2 },
      ],
    },
    {
      code: "urban-housing-bureau",
      name: "도시주택국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "urban-planning", name: "도시계획과", teams: 3 },
        { code: "architecture", name: "건축과", teams: 3 },
        { code: "housing", name: "주택과", teams: 2 },
      ],
    },
    {
      code: "transport-construction-bureau",
      name: "교통건설국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "roads", name: "도로과", teams: 3 },
        { code: "transport-policy", name: "교통정책과", teams: 2 },
        { code: "public-transport", name: "대중교통과", teams: 2 },
      ],
    },
    {
      code: "culture-tourism-bureau",
      name: "문화체육관광국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "culture-arts", name: "문화예술과", teams: 2 },
        { code: "tourism", name: "관광과", teams: 2 },
        { code: "sports", name: "체육진흥과", teams: 2 },
      ],
    },
  ],
};

/** Rows on either side of the mentor and mentee rules above; employee numbers are fixed so tests can name them. */
export const YONGIN_EDGE_CASES = {
  mentorAtThreeYears: {
    employeeNumber: "Y2022-0901",
    departmentCode: "tax",
    positionTitle: "주무관",
    grade: 7,
    hireDate: "2022-03-15",
    active: true,
    role: "mentor",
    eligible: true,
    reason: "exactly 3 completed years on the as-of date",
  },
  mentorAtTenYears: {
    employeeNumber: "Y2015-0902",
    departmentCode: "roads",
    positionTitle: "주무관",
    grade: 7,
    hireDate: "2015-03-13",
    active: true,
    role: "mentor",
    eligible: true,
    reason: "10 completed years, the upper bound",
  },
  mentorOneDayShort: {
    employeeNumber: "Y2022-0903",
    departmentCode: "social-welfare",
    positionTitle: "주무관",
    grade: 8,
    hireDate: "2022-03-16",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "2 completed years: one day short of 3",
  },
  mentorElevenYears: {
    employeeNumber: "Y2014-0904",
    departmentCode: "urban-planning",
    positionTitle: "주무관",
    grade: 7,
    hireDate: "2014-03-03",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "11 completed years, over the limit",
  },
  grade6EightYears: {
    employeeNumber: "Y2017-0905",
    departmentCode: "budget",
    positionTitle: "주무관",
    grade: 6,
    hireDate: "2017-01-02",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "grade 6 is above the mentor grades",
  },
  grade9FourYears: {
    employeeNumber: "Y2020-0906",
    departmentCode: "general-affairs",
    positionTitle: "주무관",
    grade: 9,
    hireDate: "2020-07-01",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "grade 9 is below the mentor grades",
  },
  candidateOnLeave: {
    employeeNumber: "Y2019-0907",
    departmentCode: "women-family",
    positionTitle: "주무관",
    grade: 8,
    hireDate: "2019-07-01",
    active: false,
    role: "mentor",
    eligible: false,
    reason: "on leave (inactive), otherwise a candidate",
  },
  veteranOfficer: {
    employeeNumber: "Y1997-0908",
    departmentCode: "accounting",
    positionTitle: "주무관",
    grade: 6,
    hireDate: "1997-01-02",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "28 completed years of service",
  },
  menteeDayBeforeAsOf: {
    employeeNumber: "Y2025-0909",
    departmentCode: "digital-policy",
    positionTitle: "주무관",
    grade: 9,
    hireDate: "2025-03-14",
    active: true,
    role: "mentee",
    eligible: true,
    reason: "appointed the day before the as-of date",
  },
  menteeHiredLastYear: {
    employeeNumber: "Y2024-0910",
    departmentCode: "housing",
    positionTitle: "주무관",
    grade: 9,
    hireDate: "2024-12-30",
    active: true,
    role: "mentee",
    eligible: false,
    reason: "appointed in 2024, not in 2025",
  },
} as const satisfies Record<string, SeedEdgeCase>;

/** Appointment days of the 2025 intake (grade 9 open competition); two grade-8 career hires come on 17 Feb. */
const INTAKE_2025 = ["2025-01-02", "2025-02-03", "2025-03-04"] as const;
const NEW_GRADE_9 = 24;
const NEW_GRADE_8 = 2;

function newOfficialSlots(): StaffSlot[] {
  const grade9 = Array.from({ length: NEW_GRADE_9 }, (_, index) => ({
    departmentCode: roundRobin(PLAN, index),
    positionTitle: "주무관",
    grade: 9,
    hire: { date: INTAKE_2025[index % INTAKE_2025.length] as string },
    entryAge: [22, 30] as const,
  }));
  const grade8 = Array.from({ length: NEW_GRADE_8 }, (_, index) => ({
    departmentCode: roundRobin(PLAN, index, 11),
    positionTitle: "주무관",
    grade: 8,
    hire: { date: "2025-02-17" },
    entryAge: [26, 34] as const,
  }));
  return [...grade9, ...grade8];
}

/** Mentor candidates besides the edge cases: grade 7 with 3-10 years, grade 8 with 3-6 years. */
function mentorCandidateSlots(): StaffSlot[] {
  const grade7 = Array.from({ length: 10 }, (_, index) => ({
    departmentCode: roundRobin(PLAN, index, 5),
    positionTitle: "주무관",
    grade: 7,
    hire: { years: [3, 10] as const },
  }));
  const grade8 = Array.from({ length: 6 }, (_, index) => ({
    departmentCode: roundRobin(PLAN, index, 17),
    positionTitle: "주무관",
    grade: 8,
    hire: { years: [3, 6] as const },
  }));
  return [...grade7, ...grade8];
}

const NON_GRADED: readonly StaffSlot[] = [
  {
    departmentCode: "environment-policy",
    positionTitle: "연구사",
    grade: null,
    hire: { years: [3, 12] },
    entryAge: [26, 34],
  },
  {
    departmentCode: "climate-energy",
    positionTitle: "연구사",
    grade: null,
    hire: { years: [2, 8] },
    entryAge: [26, 34],
  },
  {
    departmentCode: "culture-arts",
    positionTitle: "학예연구사",
    grade: null,
    hire: { years: [4, 15] },
    entryAge: [27, 35],
  },
  {
    departmentCode: "general-affairs",
    positionTitle: "전문경력관",
    grade: null,
    hire: { years: [8, 20] },
    entryAge: [25, 38],
    birthYearKnown: false,
  },
  {
    departmentCode: "personnel",
    positionTitle: "전문경력관",
    grade: null,
    hire: { years: [5, 15] },
    entryAge: [25, 38],
  },
];

/** 용인특례시: 7 bureaus, 25 divisions, 260 staff. Deterministic; a new object on every call. */
export function yonginSeed(): SeedTenant {
  const placed: StaffSlot[] = [
    ...leadershipSlots(PLAN),
    ...newOfficialSlots(),
    ...mentorCandidateSlots(),
    ...NON_GRADED,
    ...Object.values(YONGIN_EDGE_CASES).map((edgeCase) => edgeCaseSlot(edgeCase)),
  ];
  const officers = officerSlots(PLAN, SIZE - placed.length, createRandom("yongin:officers"));
  return buildDirectory({
    slug: "yongin",
    name: "용인특례시",
    nameEn: "Yongin Special City",
    kind: "basic_government",
    region: "경기도",
    asOf: YONGIN_AS_OF,
    employeeNumberPrefix: "Y",
    emailDomain: "yongin.example.kr",
    phoneOffset: 1000,
    departments: departmentsOf(PLAN),
    slots: [...placed, ...officers],
  });
}
