import type { MatchingProblem, Participant, TeamShape } from "./problem";
import { compileScoring, type Scoring } from "./scoring";

/** Why a mentor and a mentee may not share a team. */
export type PairRule =
  | "forbidden"
  | "same_department"
  | "direct_supervisor"
  | "grade_gap"
  /** Their departments are not one of the problem's department pairs. */
  | "department_pair";

/**
 * A problem ready to solve: excluded people set aside, people indexed per role (mentor i, mentee j),
 * criteria compiled and hard pair rules as a function.
 */
export interface Instance {
  shape: TeamShape;
  mentors: readonly Participant[];
  mentees: readonly Participant[];
  excluded: readonly Participant[];
  scoring: Scoring;
  /** The first rule the pair breaks, or null when it may share a team. */
  brokenRule(mentor: number, mentee: number): PairRule | null;
  allowed(mentor: number, mentee: number): boolean;
  /**
   * Department code per mentor (−1 for none) when the mentors of a team must come from different
   * departments; null when that rule is off.
   */
  mentorDepartments: Int32Array | null;
  /** Whether `mentor` may join a team whose mentors are `mentors` (the different-departments rule). */
  mentorMayJoin(mentors: readonly number[], mentor: number): boolean;
  pinned: readonly { mentor: number; mentee: number }[];
}

export function buildInstance(problem: MatchingProblem): Instance {
  const excludedIds = new Set(problem.constraints.excluded);
  const active = problem.participants.filter((person) => !excludedIds.has(person.id));
  const mentors = active.filter((person) => person.role === "mentor");
  const mentees = active.filter((person) => person.role === "mentee");
  const M = mentors.length;
  const mentorIndex = new Map(mentors.map((person, index) => [person.id, index]));
  const menteeIndex = new Map(mentees.map((person, index) => [person.id, index]));
  const { constraints } = problem;

  const forbidden = new Set<number>();
  for (const pair of constraints.forbidden) {
    const m = mentorIndex.get(pair.mentorId);
    const e = menteeIndex.get(pair.menteeId);
    if (m !== undefined && e !== undefined) forbidden.add(e * M + m);
  }
  const pinned: { mentor: number; mentee: number }[] = [];
  const seen = new Set<number>();
  for (const pair of constraints.pinned) {
    const m = mentorIndex.get(pair.mentorId);
    const e = menteeIndex.get(pair.menteeId);
    if (m === undefined || e === undefined || seen.has(e * M + m)) continue;
    seen.add(e * M + m);
    pinned.push({ mentor: m, mentee: e });
  }

  const differentDepartment = constraints.differentDepartment;
  const supervisors = constraints.noDirectSupervisor;
  const gradeMin = constraints.gradeGap?.min ?? Number.NEGATIVE_INFINITY;
  const gradeMax = constraints.gradeGap?.max ?? Number.POSITIVE_INFINITY;
  const checkGrades = constraints.gradeGap !== undefined;

  const brokenRule = (m: number, e: number): PairRule | null => {
    if (forbidden.has(e * M + m)) return "forbidden";
    const mentor = mentors[m] as Participant;
    const mentee = mentees[e] as Participant;
    // An unknown department or grade cannot break a rule: the directory decides, not a guess.
    if (differentDepartment && mentor.department !== undefined && mentor.department === mentee.department)
      return "same_department";
    if (
      pairedOnly &&
      !pairedDepartments.has(pairKey(mentorDepartment[m] as number, menteeDepartment[e] as number))
    )
      return "department_pair";
    if (supervisors && (mentor.supervisorId === mentee.id || mentee.supervisorId === mentor.id))
      return "direct_supervisor";
    if (checkGrades && mentor.grade !== undefined && mentee.grade !== undefined) {
      const gap = mentee.grade - mentor.grade;
      if (gap < gradeMin || gap > gradeMax) return "grade_gap";
    }
    return null;
  };

  // The same rules on codes and flags, for the hot loops that test millions of pairs.
  const departmentCodes = new Map<string, number>();
  const departmentOf = (person: Participant) => {
    if (person.department === undefined) return -1;
    let code = departmentCodes.get(person.department);
    if (code === undefined) {
      code = departmentCodes.size;
      departmentCodes.set(person.department, code);
    }
    return code;
  };
  const mentorDepartment = Int32Array.from(mentors, departmentOf);
  const menteeDepartment = Int32Array.from(mentees, departmentOf);
  // Department pairs by code, both orders; a department only a pair names gets a code nobody has.
  const pairedOnly = constraints.departmentPairs.length > 0;
  const pairKey = (a: number, b: number) => (a < 0 || b < 0 ? -1 : a * 0x100000 + b);
  const pairedDepartments = new Set<number>();
  for (const [first, second] of constraints.departmentPairs) {
    const a = departmentOf({ department: first } as Participant);
    const b = departmentOf({ department: second } as Participant);
    if (a === b) continue;
    pairedDepartments.add(pairKey(a, b));
    pairedDepartments.add(pairKey(b, a));
  }
  const anySupervisor =
    supervisors && [...mentors, ...mentees].some((person) => person.supervisorId !== undefined);
  const slowChecks = forbidden.size > 0 || anySupervisor || checkGrades;
  const allowed = (m: number, e: number) => {
    if (
      pairedOnly &&
      !pairedDepartments.has(pairKey(mentorDepartment[m] as number, menteeDepartment[e] as number))
    )
      return false;
    if (differentDepartment) {
      const department = mentorDepartment[m] as number;
      if (department >= 0 && department === menteeDepartment[e]) return false;
    }
    return slowChecks ? brokenRule(m, e) === null : true;
  };

  const mentorDepartments = constraints.mentorsFromDifferentDepartments ? mentorDepartment : null;
  const mentorMayJoin = (list: readonly number[], mentor: number) => {
    if (!mentorDepartments) return true;
    const department = mentorDepartments[mentor] as number;
    if (department < 0) return true;
    for (const other of list) if (other !== mentor && mentorDepartments[other] === department) return false;
    return true;
  };

  return {
    shape: problem.teamShape,
    mentors,
    mentees,
    excluded: problem.participants.filter((person) => excludedIds.has(person.id)),
    scoring: compileScoring(problem.criteria, mentors, mentees),
    brokenRule,
    allowed,
    mentorDepartments,
    mentorMayJoin,
    pinned,
  };
}
