import type { Criterion, MatchingProblemInput, Participant, TeamShape } from "./problem";
import { seededRandom } from "./random";

/**
 * Seeded synthetic programs with the texture of the real ones (departments, grades, years of service,
 * interests, a survey and a digital-literacy diagnostic), for fixtures, examples and the benchmark.
 */
export interface SyntheticOptions {
  seed: number;
  kind: "standard" | "reverse";
  mentors: number;
  mentees: number;
  /** Overrides the kind's usual shape (standard 1:1-2, reverse 3:1). */
  shape?: TeamShape;
  departments?: number;
  differentDepartment?: boolean;
}

const DEPARTMENT_NAMES = [
  "기획예산과",
  "총무과",
  "세정과",
  "회계과",
  "복지정책과",
  "교통정책과",
  "건축과",
  "환경정책과",
  "문화예술과",
  "관광과",
  "도시계획과",
  "일자리정책과",
  "디지털정책과",
  "보건행정과",
  "민원봉사과",
  "공보관",
  "감사관",
  "안전총괄과",
  "청년정책과",
  "농업정책과",
];
const INTERESTS = [
  "운동",
  "독서",
  "영상",
  "음악",
  "요리",
  "여행",
  "사진",
  "AI",
  "SNS",
  "봉사",
  "게임",
  "등산",
];
const OFFICES = ["본청", "제2청사", "보건소", "사업소"];

export function departmentName(index: number): string {
  const base = DEPARTMENT_NAMES[index % DEPARTMENT_NAMES.length] as string;
  const round = Math.floor(index / DEPARTMENT_NAMES.length);
  return round === 0 ? base : `${base}${round + 1}`;
}

export function standardCriteria(): Criterion[] {
  return [
    { kind: "answer", question: "work_style", mode: "similar", weight: 2 },
    { kind: "answer", question: "hobby", mode: "similar", weight: 1 },
    { kind: "interest_overlap", weight: 2 },
    { kind: "grade_gap", ideal: 2, range: 4, weight: 1 },
    { kind: "years_gap", ideal: 6, range: 12, weight: 1 },
    { kind: "attribute", attribute: "office", prefer: "same", weight: 1 },
  ];
}

export function reverseCriteria(): Criterion[] {
  return [
    { kind: "diagnostic_complement", dimension: "digital", scale: { min: 0, max: 100 }, weight: 3 },
    { kind: "interest_overlap", weight: 1 },
    { kind: "answer", question: "work_style", mode: "similar", weight: 1 },
    { kind: "team_diversity", attribute: "department", among: "mentors", weight: 2 },
  ];
}

export function syntheticProblem(options: SyntheticOptions): MatchingProblemInput {
  const random = seededRandom(options.seed);
  const total = options.mentors + options.mentees;
  const departments = options.departments ?? Math.max(6, Math.min(200, Math.round(total / 25)));
  // Department sizes are uneven, as in a city hall: a few large departments, many small ones.
  const department = () => departmentName(Math.floor(departments * random.next() ** 1.6));
  const interests = () => {
    const count = 1 + random.below(4);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(random.pick(INTERESTS));
    return [...chosen];
  };
  const person = (role: "mentor" | "mentee", index: number): Participant => {
    const senior = options.kind === "standard" ? role === "mentor" : role === "mentee";
    const grade = senior
      ? options.kind === "reverse"
        ? 4 + random.below(2)
        : 6 + random.below(2)
      : 8 + random.below(2);
    const yearsOfService = senior ? 8 + random.below(20) : random.below(6);
    const digitalBase = senior ? 35 : 65;
    return {
      id: `${role === "mentor" ? "R" : "E"}${String(index + 1).padStart(5, "0")}`,
      role,
      department: department(),
      grade,
      yearsOfService,
      position: senior && options.kind === "reverse" ? (random.next() < 0.3 ? "국장" : "과장") : "주무관",
      office: random.pick(OFFICES),
      answers: {
        work_style: 1 + random.below(5),
        hobby: random.pick(["outdoor", "indoor", "social", "quiet"]),
      },
      diagnostics: {
        digital: Math.max(0, Math.min(100, Math.round(digitalBase + (random.next() - 0.5) * 50))),
      },
      interests: interests(),
    };
  };
  const participants = [
    ...Array.from({ length: options.mentors }, (_, i) => person("mentor", i)),
    ...Array.from({ length: options.mentees }, (_, i) => person("mentee", i)),
  ];
  const shape: TeamShape =
    options.shape ??
    (options.kind === "standard"
      ? { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 2 } }
      : { mentors: { min: 3, max: 3 }, mentees: { min: 1, max: 1 } });
  return {
    participants,
    teamShape: shape,
    criteria: options.kind === "standard" ? standardCriteria() : reverseCriteria(),
    constraints: { differentDepartment: options.differentDepartment ?? true },
  };
}
