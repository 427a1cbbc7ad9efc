import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  DepartmentTree,
  type MatchingAttributeValue,
  matchingAttributes,
  type QuestionSet,
  type SurveyAnswers,
  type TemplateCriterion,
  type TemplateDefinition,
  yearsOfService,
} from "@mentoring/domain";
import {
  type Criterion,
  criterionSchema,
  type MatchingProblemInput,
  type Participant,
  parseMatchingProblem,
} from "@mentoring/matching";
import { type CohortRecord, dayOf } from "./cohort-record";

/** Same input, same teams: every run of a cohort solves with this seed. */
export const MATCHING_SEED = 1;
/** The engine proves optimality for a city's cohort in well under a second; this bounds odd cases. */
export const MATCHING_TIME_LIMIT_MS = 60_000;

/** Pins, forbids and exclusions a coordinator set on an earlier run, carried into the next one. */
export interface CarriedRules {
  pinned: { mentorId: string; menteeId: string }[];
  forbidden: { mentorId: string; menteeId: string }[];
  excluded: string[];
}

/** Where a template reference ("<set>.<key>") points among the definition's question sets. */
function questionOf(questionSets: readonly QuestionSet[], reference: string) {
  const [setKey, key] = reference.split(".");
  return questionSets.find((set) => set.key === setKey)?.questions.find((question) => question.key === key);
}

/**
 * The engine's criterion for a template's criterion: the same fields, references kept as the names of the
 * participants' answers and diagnostics, with the scale the template knows (likert 1-5, diagnostics 0-100).
 * Refused (400) when the engine does not accept it.
 */
export function engineCriterion(criterion: TemplateCriterion, definition: TemplateDefinition): Criterion {
  const named = { weight: criterion.weight, ...(criterion.id !== undefined && { id: criterion.id }) };
  let candidate: unknown;
  switch (criterion.kind) {
    case "answer": {
      const question = criterion.question
        ? questionOf(definition.questionSets, criterion.question)
        : undefined;
      candidate = {
        ...named,
        kind: "answer",
        question: criterion.question,
        mode: criterion.mode,
        ...(question?.type === "likert" && { scale: { min: 1, max: 5 } }),
      };
      break;
    }
    case "interest_overlap":
    case "mentee_preference":
      candidate = { ...named, kind: criterion.kind };
      break;
    case "attribute":
      candidate = { ...named, kind: "attribute", attribute: criterion.attribute, prefer: criterion.prefer };
      break;
    case "grade_gap":
    case "years_gap":
      candidate = { ...named, kind: criterion.kind, ideal: criterion.ideal, range: criterion.range };
      break;
    case "diagnostic_complement":
      candidate = {
        ...named,
        kind: "diagnostic_complement",
        dimension: criterion.dimension,
        scale: { min: 0, max: 100 },
      };
      break;
    case "team_diversity":
      candidate = {
        ...named,
        kind: "team_diversity",
        attribute: criterion.attribute,
        among: criterion.among,
      };
      break;
  }
  const parsed = criterionSchema.safeParse(candidate);
  if (!parsed.success) throw new AppError("matching.invalid_criteria", { criterion: criterion.kind });
  return parsed.data;
}

/** What each criterion reads from a participant's answers, so the snapshot holds that and nothing more. */
function readKeys(criteria: readonly TemplateCriterion[]) {
  return {
    answers: [...new Set(criteria.filter((c) => c.kind === "answer").flatMap((c) => c.question ?? []))],
    diagnostics: [
      ...new Set(
        criteria.filter((c) => c.kind === "diagnostic_complement").flatMap((c) => c.dimension ?? []),
      ),
    ],
    interests: criteria.find((c) => c.kind === "interest_overlap")?.question,
  };
}

const pick = <T>(
  attributes: Record<string, MatchingAttributeValue>,
  keys: readonly string[],
  keep: (value: MatchingAttributeValue) => value is T & MatchingAttributeValue,
): Record<string, T> | undefined => {
  const picked: Record<string, T> = {};
  for (const key of keys) {
    const value = attributes[key];
    if (value !== undefined && keep(value)) picked[key] = value;
  }
  return Object.keys(picked).length > 0 ? picked : undefined;
};

const isNumber = (value: MatchingAttributeValue): value is number => typeof value === "number";
const isAnswer = (value: MatchingAttributeValue): value is number | string | string[] =>
  typeof value !== "string" || value.length <= 500;

/**
 * The cohort's matching problem as the engine reads it: every accepted application is a participant (its
 * id the application id) with the code of the department they count as at the template's department
 * level (their own team, or the division or bureau above it: every department rule and criterion compares
 * at that level), their direct supervisor when the supervisor takes part too (as the supervisor's
 * application id: the engine only compares it with participants, so the snapshot keeps no one else),
 * grade, position and years of service at the cohort's matching date, and what the template's criteria
 * read from the submitted pre-phase responses; the template's shape, criteria and rules; the carried
 * pins, forbids and exclusions of people still taking part; a fixed seed and a time limit.
 */
export async function buildMatchingProblem(
  tx: TenantDb,
  tenantId: string,
  record: CohortRecord,
  carried: CarriedRules = { pinned: [], forbidden: [], excluded: [] },
): Promise<MatchingProblemInput> {
  const { cohort, definition, schedule } = record;
  const cohortId = cohort.id;
  const applications = await tx.application.findMany({
    where: { tenantId, cohortId, status: "accepted" },
    orderBy: [{ role: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      staffMemberId: true,
      staffMember: {
        select: {
          grade: true,
          positionTitle: true,
          hireDate: true,
          departmentId: true,
          supervisorStaffId: true,
        },
      },
    },
  });
  const responses = await tx.surveyResponse.findMany({
    where: {
      tenantId,
      submittedAt: { not: null },
      round: { tenantId, cohortId, phase: "pre" },
      application: { tenantId, cohortId, status: "accepted" },
    },
    orderBy: { createdAt: "asc" },
    select: { applicationId: true, answers: true, scores: true, round: { select: { questionSetKey: true } } },
  });
  const responsesOf = new Map<string, { questionSetKey: string; answers: SurveyAnswers; scores: null }[]>();
  for (const response of responses) {
    const list = responsesOf.get(response.applicationId) ?? [];
    list.push({
      questionSetKey: response.round.questionSetKey,
      answers: response.answers as SurveyAnswers,
      // Scores are recomputed from the answers: the same rule as at submission, whatever was stored.
      scores: null,
    });
    responsesOf.set(response.applicationId, list);
  }

  const { matching } = definition;
  const departments = await tx.department.findMany({
    where: { tenantId },
    select: { id: true, parentId: true, code: true },
  });
  const tree = new DepartmentTree(departments);
  const codeOf = new Map(departments.map((department) => [department.id, department.code]));
  const applicationOfStaff = new Map(
    applications.map((application) => [application.staffMemberId, application.id]),
  );
  const criteria = matching.criteria.filter(
    (criterion) => criterion.kind !== "mentee_preference" || matching.menteePreferences,
  );
  const keys = readKeys(criteria);
  const participants: Participant[] = applications.map((application) => {
    const staff = application.staffMember;
    const attributes = matchingAttributes(definition, responsesOf.get(application.id) ?? []);
    const years = yearsOfService(dayOf(staff.hireDate), schedule.matching);
    const interests = keys.interests ? attributes[keys.interests] : undefined;
    const answers = pick(attributes, keys.answers, isAnswer);
    const diagnostics = pick(attributes, keys.diagnostics, isNumber);
    const department = codeOf.get(tree.at(staff.departmentId, matching.departmentLevel));
    const supervisorId = staff.supervisorStaffId && applicationOfStaff.get(staff.supervisorStaffId);
    return {
      id: application.id,
      role: application.role,
      ...(department !== undefined && { department }),
      ...(supervisorId && { supervisorId }),
      ...(staff.grade !== null && staff.grade >= 1 && staff.grade <= 9 && { grade: staff.grade }),
      ...(years.ok && { yearsOfService: Math.min(years.years, 60) }),
      position: staff.positionTitle,
      ...(answers && { answers }),
      ...(diagnostics && { diagnostics }),
      ...(Array.isArray(interests) && { interests }),
    };
  });

  const roleOf = new Map(participants.map((person) => [person.id, person.role]));
  const excluded = carried.excluded.filter((id) => roleOf.has(id));
  const excludedSet = new Set(excluded);
  const present = (pair: { mentorId: string; menteeId: string }) =>
    roleOf.get(pair.mentorId) === "mentor" && roleOf.get(pair.menteeId) === "mentee";
  const problem: MatchingProblemInput = {
    participants,
    teamShape: definition.teamShape,
    criteria: criteria.map((criterion) => engineCriterion(criterion, definition)),
    constraints: {
      differentDepartment: matching.differentDepartment,
      mentorsFromDifferentDepartments: matching.mentorsFromDifferentDepartments,
      noDirectSupervisor: matching.noDirectSupervisor,
      ...(matching.gradeGap && { gradeGap: matching.gradeGap }),
      pinned: carried.pinned.filter(
        (pair) => present(pair) && !excludedSet.has(pair.mentorId) && !excludedSet.has(pair.menteeId),
      ),
      forbidden: carried.forbidden.filter(present),
      excluded,
      // Department codes at the template's level, as participants carry theirs (cross-department only).
      departmentPairs: matching.departmentPairs.map((pair): [string, string] => [pair.first, pair.second]),
    },
    settings: { seed: MATCHING_SEED, timeLimitMs: MATCHING_TIME_LIMIT_MS },
  };
  const parsed = parseMatchingProblem(problem);
  if (!parsed.ok) throw new AppError("matching.invalid_problem", { detail: parsed.errors[0] ?? "" });
  return problem;
}
