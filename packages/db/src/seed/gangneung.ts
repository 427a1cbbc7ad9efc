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
 * Gangneung City (강릉시), reverse mentoring, 2nd cohort (2025): junior officials mentor senior managers.
 * Recruitment ran from 2025-01-22 to 2025-02-10 for 30 juniors and 10 managers.
 *
 * Rules the directory is built for (the program's own rules live in its template):
 * - mentor (junior): active official of grade 8 or 9 with at most 5 completed years of service at
 *   GANGNEUNG_AS_OF;
 * - mentee (manager): active 국장 or 과장.
 */
export const GANGNEUNG_AS_OF = "2025-01-22";

const SIZE = 180;

const PLAN: OrganisationPlan = {
  root: { code: "city", name: "강릉시" },
  executives: [{ positionTitle: "부시장", grade: 3, years: [28, 33] }],
  bureaus: [
    {
      code: "planning-administration-bureau",
      name: "기획행정국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "budget", name: "기획예산과", teams: 3 },
        { code: "general-affairs", name: "총무과", teams: 2 },
        { code: "local-administration", name: "자치행정과", teams: 3 },
        { code: "tax", name: "세무과", teams: 2 },
        { code: "accounting", name: "회계과", teams: 2 },
        { code: "information-communication", name: "정보통신과", teams: 2 },
      ],
    },
    {
      code: "welfare-environment-bureau",
      name: "복지환경국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "social-welfare", name: "사회복지과", teams: 3 },
        { code: "women-youth-family", name: "여성청소년가족과", teams: 2 },
        { code: "senior-disability", name: "노인장애인과", teams: 2 },
        { code: "environment-policy", name: "환경정책과", teams: 2 },
      ],
    },
    {
      code: "tourism-culture-bureau",
      name: "관광문화체육국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "tourism-policy", name: "관광정책과", teams: 3 },
        { code: "culture-arts", name: "문화예술과", teams: 2 },
        { code: "sports", name: "체육과", teams: 2 },
        { code: "olympic-facilities", name: "올림픽시설과", teams: 2 },
      ],
    },
    {
      code: "economy-fisheries-bureau",
      name: "경제농수산국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "jobs-economy", name: "일자리경제과", teams: 2 },
        { code: "agriculture", name: "농정과", teams: 2 },
        { code: "marine-fisheries", name: "해양수산과", teams: 3 },
      ],
    },
    {
      code: "safety-construction-bureau",
      name: "안전건설도시국",
      headTitle: "국장",
      headGrade: 4,
      divisions: [
        { code: "disaster-safety", name: "재난안전과", teams: 2 },
        { code: "urban-planning", name: "도시계획과", teams: 2 },
        { code: "architecture", name: "건축과", teams: 2 },
        { code: "roads", name: "도로과", teams: 2 },
      ],
    },
  ],
};

/** Rows on either side of the junior (mentor) rule above; employee numbers are fixed so tests can name them. */
export const GANGNEUNG_EDGE_CASES = {
  juniorAtFiveYears: {
    employeeNumber: "G2020-0901",
    departmentCode: "tourism-policy",
    positionTitle: "주무관",
    grade: 8,
    hireDate: "2020-01-22",
    active: true,
    role: "mentor",
    eligible: true,
    reason: "exactly 5 completed years on the as-of date",
  },
  juniorOneDayUnderSix: {
    employeeNumber: "G2019-0902",
    departmentCode: "marine-fisheries",
    positionTitle: "주무관",
    grade: 9,
    hireDate: "2019-01-23",
    active: true,
    role: "mentor",
    eligible: true,
    reason: "5 years and 364 days: still 5 completed years",
  },
  juniorHiredOnAsOf: {
    employeeNumber: "G2025-0903",
    departmentCode: "information-communication",
    positionTitle: "주무관",
    grade: 9,
    hireDate: "2025-01-22",
    active: true,
    role: "mentor",
    eligible: true,
    reason: "appointed on the as-of date: 0 completed years",
  },
  grade7ThreeYears: {
    employeeNumber: "G2021-0904",
    departmentCode: "culture-arts",
    positionTitle: "주무관",
    grade: 7,
    hireDate: "2021-07-01",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "3 completed years, but grade 7 is above the junior grades",
  },
  grade9SixYears: {
    employeeNumber: "G2019-0905",
    departmentCode: "social-welfare",
    positionTitle: "주무관",
    grade: 9,
    hireDate: "2019-01-22",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "exactly 6 completed years: just over the limit",
  },
  grade8TwelveYears: {
    employeeNumber: "G2012-0906",
    departmentCode: "roads",
    positionTitle: "주무관",
    grade: 8,
    hireDate: "2012-09-03",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "12 completed years at grade 8",
  },
  juniorOnLeave: {
    employeeNumber: "G2023-0907",
    departmentCode: "tax",
    positionTitle: "주무관",
    grade: 9,
    hireDate: "2023-07-03",
    active: false,
    role: "mentor",
    eligible: false,
    reason: "on leave (inactive), otherwise a junior",
  },
  nonGradedJunior: {
    employeeNumber: "G2022-0908",
    departmentCode: "agriculture",
    positionTitle: "연구사",
    grade: null,
    hireDate: "2022-07-01",
    active: true,
    role: "mentor",
    eligible: false,
    reason: "2 completed years, but a non-graded post (연구사)",
  },
} as const satisfies Record<string, SeedEdgeCase>;

/** Juniors besides the edge cases: grade 9 with 0-2 years, grade 8 with 1-5 years, round the divisions. */
function juniorSlots(): StaffSlot[] {
  const grade9 = Array.from({ length: 16 }, (_, index) => ({
    departmentCode: roundRobin(PLAN, index),
    positionTitle: "주무관",
    grade: 9,
    hire: { years: [0, 2] as const },
  }));
  const grade8 = Array.from({ length: 16 }, (_, index) => ({
    departmentCode: roundRobin(PLAN, index, 16),
    positionTitle: "주무관",
    grade: 8,
    hire: { years: [1, 5] as const },
  }));
  return [...grade9, ...grade8];
}

const NON_GRADED: readonly StaffSlot[] = [
  {
    departmentCode: "marine-fisheries",
    positionTitle: "연구사",
    grade: null,
    hire: { years: [3, 12] },
    entryAge: [26, 34],
  },
  {
    departmentCode: "agriculture",
    positionTitle: "지도사",
    grade: null,
    hire: { years: [5, 15] },
    entryAge: [25, 33],
  },
  {
    departmentCode: "general-affairs",
    positionTitle: "전문경력관",
    grade: null,
    hire: { years: [10, 20] },
    entryAge: [25, 38],
    birthYearKnown: false,
  },
];

/** 강릉시: 5 bureaus, 21 divisions, 180 staff. Deterministic; a new object on every call. */
export function gangneungSeed(): SeedTenant {
  const placed: StaffSlot[] = [
    ...leadershipSlots(PLAN),
    ...juniorSlots(),
    ...NON_GRADED,
    ...Object.values(GANGNEUNG_EDGE_CASES).map((edgeCase) => edgeCaseSlot(edgeCase)),
  ];
  const officers = officerSlots(PLAN, SIZE - placed.length, createRandom("gangneung:officers"));
  return buildDirectory({
    slug: "gangneung",
    name: "강릉시",
    nameEn: "Gangneung City",
    kind: "basic_government",
    region: "강원특별자치도",
    asOf: GANGNEUNG_AS_OF,
    employeeNumberPrefix: "G",
    emailDomain: "gangneung.example.kr",
    phoneOffset: 5000,
    departments: departmentsOf(PLAN),
    slots: [...placed, ...officers],
  });
}
