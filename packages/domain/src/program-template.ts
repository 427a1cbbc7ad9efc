import { z } from "zod";
import { calendarDate } from "./calendar-date";
import {
  type ScheduleOffsets,
  scheduleFields,
  scheduleFromOffsets,
  scheduleProblems,
} from "./cohort-schedule";
import { eligibilityRuleSchema } from "./eligibility";
import { localizedTextSchema } from "./localized-text";
import { calendarEntrySchema } from "./program-calendar";
import { evaluationSettingsSchema, rubricSchema } from "./rubric";
import { teamShapeSchema } from "./team-shape";
import { templateKeySchema } from "./template-key";
import { notificationSettingsSchema } from "./template-notifications";

export const programKinds = ["standard", "reverse", "cross_department", "board"] as const;
export type ProgramKind = (typeof programKinds)[number];

export const applicationRoles = ["mentor", "mentee"] as const;
export type ApplicationRole = (typeof applicationRoles)[number];

/** A key inside a template (template-key.ts). */
const keySchema = templateKeySchema;

export const questionTypes = ["likert", "single", "multiple", "ranked", "short_text", "long_text"] as const;
export type QuestionType = (typeof questionTypes)[number];

const optionSchema = z.object({ key: keySchema, label: localizedTextSchema }).strict();

export const questionSchema = z
  .object({
    key: keySchema,
    type: z.enum(questionTypes),
    prompt: localizedTextSchema,
    required: z.boolean().default(true),
    /** single, multiple, ranked: the choices. */
    options: z.array(optionSchema).max(30).default([]),
    /** multiple: how many may be picked at most; ranked: how many must be ranked. */
    pick: z.number().int().min(1).max(30).optional(),
    /** likert items of a diagnostic: the dimension they score. */
    dimension: keySchema.optional(),
    /** likert: "strongly agree" means less of the dimension (scored 6 − answer). */
    reversed: z.boolean().default(false),
  })
  .strict()
  .superRefine((question, context) => {
    const needsOptions = ["single", "multiple", "ranked"].includes(question.type);
    if (needsOptions && question.options.length < 2) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["options"],
        message: "a choice question needs at least two options",
        params: { code: "options_too_few" },
      });
    }
    if (new Set(question.options.map((o) => o.key)).size !== question.options.length) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["options"],
        message: "option keys must be unique",
        params: { code: "duplicate_key" },
      });
    }
    if (question.pick !== undefined && question.pick > question.options.length) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["pick"],
        message: "cannot pick more options than there are",
        params: { code: "pick_above_options" },
      });
    }
    if (question.dimension !== undefined && question.type !== "likert") {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["dimension"],
        message: "only likert items score a dimension",
        params: { code: "dimension_not_likert" },
      });
    }
  });

export type Question = z.infer<typeof questionSchema>;

export const surveyPhases = ["pre", "post"] as const;
export type SurveyPhase = (typeof surveyPhases)[number];

/**
 * A pre-survey or a scored diagnostic instrument. A diagnostic declares dimensions and tags likert items
 * with them; given at both phases, the change per person and team can be measured.
 */
export const questionSetSchema = z
  .object({
    key: keySchema,
    title: localizedTextSchema,
    phases: z.array(z.enum(surveyPhases)).min(1).max(2),
    /** Who answers it. */
    roles: z.array(z.enum(applicationRoles)).min(1).max(2),
    dimensions: z
      .array(z.object({ key: keySchema, label: localizedTextSchema }).strict())
      .max(20)
      .default([]),
    questions: z.array(questionSchema).min(1).max(100),
  })
  .strict()
  .superRefine((set, context) => {
    const keys = set.questions.map((q) => q.key);
    if (new Set(keys).size !== keys.length) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["questions"],
        message: "question keys must be unique",
        params: { code: "duplicate_key" },
      });
    }
    const dimensions = new Set(set.dimensions.map((d) => d.key));
    if (dimensions.size !== set.dimensions.length) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["dimensions"],
        message: "dimension keys must be unique",
        params: { code: "duplicate_key" },
      });
    }
    set.questions.forEach((question, index) => {
      if (question.dimension !== undefined && !dimensions.has(question.dimension)) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["questions", index, "dimension"],
          message: "unknown dimension",
          params: { code: "unknown_dimension" },
        });
      }
    });
  });

export type QuestionSet = z.infer<typeof questionSetSchema>;

/**
 * When each phase happens, in days after recruitment opens (day 0). A cohort turns these into dates when it
 * is created; the coordinator may then move each date.
 */
export const phaseOffsetsSchema = z
  .object(
    Object.fromEntries(
      scheduleFields
        .filter((field) => field !== "recruitmentStart")
        .map((field) => [field, z.number().int().min(0).max(1095)]),
    ) as Record<keyof ScheduleOffsets, z.ZodNumber>,
  )
  .strict();

export type PhaseOffsets = ScheduleOffsets;

/**
 * What matching scores pairs and teams on, in the engine's criterion format (packages/matching) but naming
 * the template's own questions and dimensions as "<set>.<question>" and "<set>.<dimension>". Kept as one
 * permissive object here (domain cannot import the engine); the fields each kind needs are checked with
 * the definition, and the engine's own schema validates the problem built from it.
 */
export const matchingCriterionKinds = [
  "answer",
  "interest_overlap",
  "attribute",
  "grade_gap",
  "years_gap",
  "diagnostic_complement",
  "mentee_preference",
  "team_diversity",
] as const;
export type MatchingCriterionKind = (typeof matchingCriterionKinds)[number];

const setKeyReference = z.string().regex(/^[a-z][a-z0-9_]{0,39}\.[a-z][a-z0-9_]{0,39}$/, {
  message: "a question set key and a key inside it, as set.key",
});

export const templateCriterionSchema = z
  .object({
    kind: z.enum(matchingCriterionKinds),
    /** Points for a perfect value (each criterion scores 0 to 1, times its weight). */
    weight: z.number().min(0).max(1000),
    /** A name of its own, when two criteria would otherwise share one (see templateCriterionId). */
    id: z.string().trim().min(1).max(100).optional(),
    /** answer, interest_overlap: "<set>.<question>". */
    question: setKeyReference.optional(),
    /** diagnostic_complement: "<set>.<dimension>". */
    dimension: setKeyReference.optional(),
    /** answer: alike answers score 1 (similar) or opposite ones (complementary). */
    mode: z.enum(["similar", "complementary"]).optional(),
    /** attribute (department, office, position), team_diversity (also grade). */
    attribute: z.enum(["department", "office", "position", "grade"]).optional(),
    /** attribute: whether mentor and mentee should share it or not. */
    prefer: z.enum(["same", "different"]).optional(),
    /** team_diversity: among whom in a team. */
    among: z.enum(["mentors", "mentees"]).optional(),
    /** grade_gap, years_gap: the gap that scores 1, and the distance from it at which the value is 0. */
    ideal: z.number().finite().min(-60).max(60).optional(),
    range: z.number().finite().positive().max(60).optional(),
  })
  .strict();

export type TemplateCriterion = z.infer<typeof templateCriterionSchema>;

/** The fields each criterion kind needs (and the only ones an editor shows for it). */
export const criterionFields: Record<MatchingCriterionKind, (keyof TemplateCriterion)[]> = {
  answer: ["question", "mode"],
  interest_overlap: ["question"],
  attribute: ["attribute", "prefer"],
  grade_gap: ["ideal", "range"],
  years_gap: ["ideal", "range"],
  diagnostic_complement: ["dimension"],
  mentee_preference: [],
  team_diversity: ["attribute", "among"],
};

/**
 * The name a criterion's points are reported under: its `id`, or its kind and subject, as the engine's
 * `criterionId` names the criterion built from it ("answer:pre_survey.communication_style").
 */
export function templateCriterionId(criterion: TemplateCriterion): string {
  if (criterion.id) return criterion.id;
  switch (criterion.kind) {
    case "answer":
      return `answer:${criterion.question}`;
    case "attribute":
      return `attribute:${criterion.attribute}`;
    case "diagnostic_complement":
      return `diagnostic_complement:${criterion.dimension}`;
    case "team_diversity":
      return `team_diversity:${criterion.among}:${criterion.attribute}`;
    default:
      return criterion.kind;
  }
}

/** Levels of the department tree (city → bureau 실/국 → division 과 → team 팀) departments are compared at. */
export const departmentLevels = ["team", "division", "bureau"] as const;
export type DepartmentLevel = (typeof departmentLevels)[number];

/** Two departments, by code at the template's department level, whose people are matched across. */
const departmentPairSchema = z
  .object({ first: z.string().trim().min(1).max(100), second: z.string().trim().min(1).max(100) })
  .strict();

/** How the cohort's teams are formed: criteria to score them, and the hard rules beyond the team shape. */
export const matchingSectionSchema = z
  .object({
    criteria: z.array(templateCriterionSchema).max(30).default([]),
    /** A mentor and a mentee of one team never come from the same department. */
    differentDepartment: z.boolean().default(false),
    /**
     * The level of the department tree at which departments are compared (differentDepartment,
     * mentorsFromDifferentDepartments): a person's own team, or the division or bureau above it.
     */
    departmentLevel: z.enum(departmentLevels).default("team"),
    /** The mentors of one team all come from different departments (compared at departmentLevel). */
    mentorsFromDifferentDepartments: z.boolean().default(false),
    /** A staff member is never in a team with their direct supervisor. */
    noDirectSupervisor: z.boolean().default(true),
    /** Bounds on a mentee's grade minus their mentor's (grade 1 is the most senior). */
    gradeGap: z
      .object({
        min: z.number().int().min(-8).max(8).optional(),
        max: z.number().int().min(-8).max(8).optional(),
      })
      .strict()
      .refine((gap) => gap.min === undefined || gap.max === undefined || gap.min <= gap.max, {
        message: "min must not be greater than max",
        path: ["max"],
        params: { code: "min_above_max" },
      })
      .optional(),
    /** Mentees' wishes for mentors count (the mentee_preference criterion); off unless a city asks. */
    menteePreferences: z.boolean().default(false),
    /**
     * Cross-department programs only: the department pairs (codes at departmentLevel, either order) whose
     * people work together; a mentor and a mentee share a team only if their departments form one of them.
     * Empty: no such rule. saveTemplate checks the codes against the tenant's departments at the level.
     */
    departmentPairs: z.array(departmentPairSchema).max(100).default([]),
  })
  .strict();

export type MatchingSection = z.infer<typeof matchingSectionSchema>;
export type DepartmentPair = z.infer<typeof departmentPairSchema>;

/** Problems of the department pairs: one department twice, a pair named twice, pairs outside their kind. */
function departmentPairProblems(matching: MatchingSection, kind: ProgramKind): CriterionIssue[] {
  const problems: CriterionIssue[] = [];
  if (matching.departmentPairs.length > 0 && kind !== "cross_department") {
    problems.push({
      path: ["matching", "departmentPairs"],
      message: "department pairs belong to cross-department programs",
      code: "pairs_kind",
    });
    return problems;
  }
  const seen = new Set<string>();
  matching.departmentPairs.forEach((pair, index) => {
    if (pair.first === pair.second) {
      problems.push({
        path: ["matching", "departmentPairs", index, "second"],
        message: "a pair names two different departments",
        code: "same_department",
      });
      return;
    }
    const key = [pair.first, pair.second].sort().join("\u0000");
    if (seen.has(key))
      problems.push({
        path: ["matching", "departmentPairs", index, "second"],
        message: "this pair is named twice",
        code: "duplicate_pair",
      });
    seen.add(key);
  });
  return problems;
}

type CriterionIssue = { path: (string | number)[]; message: string; code: string };

/** Problems of the matching section against the definition's question sets (pre-phase sets only). */
function matchingSectionProblems(
  matching: MatchingSection,
  questionSets: readonly QuestionSet[],
): CriterionIssue[] {
  const problems: CriterionIssue[] = [];
  const preSets = questionSets.filter((set) => set.phases.includes("pre"));
  const lookup = (reference: string) => {
    const [setKey, key] = reference.split(".") as [string, string];
    const set = preSets.find((candidate) => candidate.key === setKey);
    return {
      question: set?.questions.find((question) => question.key === key),
      dimension: set?.dimensions.find((dimension) => dimension.key === key),
    };
  };
  const names = new Set<string>();
  let interestQuestion: string | undefined;
  matching.criteria.forEach((criterion, index) => {
    const at = (field: string) => ["matching", "criteria", index, field];
    for (const field of criterionFields[criterion.kind])
      if (criterion[field] === undefined)
        problems.push({ path: at(field), message: `${criterion.kind} needs ${field}`, code: "required" });
    if (criterion.question !== undefined && ["answer", "interest_overlap"].includes(criterion.kind)) {
      const { question } = lookup(criterion.question);
      if (!question)
        problems.push({
          path: at("question"),
          message: "no question of a pre-phase set has this key",
          code: "unknown_question",
        });
      else if (
        criterion.kind === "interest_overlap"
          ? !["multiple", "ranked"].includes(question.type)
          : question.type === "long_text"
      )
        problems.push({
          path: at("question"),
          message: `a ${question.type} question cannot be compared this way`,
          code: "question_type",
        });
    }
    if (criterion.kind === "interest_overlap" && criterion.question !== undefined) {
      if (interestQuestion !== undefined && interestQuestion !== criterion.question)
        problems.push({
          path: at("question"),
          message: "interests come from one question only",
          code: "interests_twice",
        });
      interestQuestion ??= criterion.question;
    }
    if (criterion.kind === "diagnostic_complement" && criterion.dimension !== undefined) {
      if (!lookup(criterion.dimension).dimension)
        problems.push({
          path: at("dimension"),
          message: "no dimension of a pre-phase set has this key",
          code: "unknown_dimension",
        });
    }
    if (criterion.kind === "attribute" && criterion.attribute === "grade")
      problems.push({
        path: at("attribute"),
        message: "compare grades with grade_gap",
        code: "invalid_attribute",
      });
    if (criterion.kind === "mentee_preference" && !matching.menteePreferences)
      problems.push({
        path: at("kind"),
        message: "mentees' preferences are off",
        code: "preferences_off",
      });
    const name = templateCriterionId(criterion);
    if (names.has(name))
      problems.push({
        path: at("id"),
        message: `two criteria are both named "${name}"`,
        code: "duplicate_key",
      });
    names.add(name);
  });
  return problems;
}

const roleSettingsSchema = z
  .object({ eligibility: eligibilityRuleSchema, quota: z.number().int().min(1).max(100_000) })
  .strict();

export const templateDefinitionSchema = z
  .object({
    kind: z.enum(programKinds),
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(4000).default(""),
    teamShape: teamShapeSchema,
    roles: z.object({ mentor: roleSettingsSchema, mentee: roleSettingsSchema }).strict(),
    phases: phaseOffsetsSchema,
    questionSets: z.array(questionSetSchema).max(20).default([]),
    /** Program-wide assignments, usually one a month: due `dueDay` of the `month`-th activity month. */
    assignments: z
      .array(
        z
          .object({
            title: localizedTextSchema,
            description: localizedTextSchema.optional(),
            month: z.number().int().min(1).max(36),
            dueDay: z.number().int().min(1).max(28),
          })
          .strict(),
      )
      .max(60)
      .default([]),
    /** Trainings, events and mentoring days, in offsets from the start of activities (program-calendar.ts). */
    calendar: z.array(calendarEntrySchema).max(60).default([]),
    /** Placeholders: {tenant} {program} {cohort} {mentors} {mentees} {date}. */
    certificate: z
      .object({
        title: z.string().trim().min(1).max(40),
        body: z.string().trim().min(1).max(1000),
        signerTitle: z.string().trim().max(40).default(""),
      })
      .strict(),
    /** How teams are scored at the end (rubric.ts): weighted criteria, by evaluators or computed. */
    rubric: rubricSchema.default([]),
    /** Who may score whom and how scores are combined; absent in definitions stored before evaluation. */
    evaluation: evaluationSettingsSchema.default({}),
    /** Award categories, best first: how many teams each, the prize, and the title of its certificate. */
    awards: z
      .array(
        z
          .object({
            name: localizedTextSchema,
            teams: z.number().int().min(1).max(100),
            prize: localizedTextSchema,
            certificateTitle: z.string().trim().min(1).max(40).default("표창장"),
          })
          .strict(),
      )
      .max(10)
      .default([]),
    /** How teams are formed; absent in definitions stored before matching had settings. */
    matching: matchingSectionSchema.default({}),
    /** When reminders and nudges go out; absent in definitions stored before templates could set them. */
    notifications: notificationSettingsSchema.default({}),
  })
  .strict()
  .superRefine((definition, context) => {
    // Offsets follow the same order as dates: check them as a schedule starting on any day.
    const asDates = scheduleFromOffsets(calendarDate("2000-01-01"), definition.phases);
    for (const problem of scheduleProblems(asDates)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["phases", problem.field],
        message: `must not be before ${problem.before}`,
        params: { code: "date_before", before: problem.before },
      });
    }
    const keys = definition.questionSets.map((set) => set.key);
    if (new Set(keys).size !== keys.length) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["questionSets"],
        message: "question set keys must be unique",
        params: { code: "duplicate_key" },
      });
    }
    for (const problem of [
      ...matchingSectionProblems(definition.matching, definition.questionSets),
      ...departmentPairProblems(definition.matching, definition.kind),
    ]) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: problem.path,
        message: problem.message,
        params: { code: problem.code },
      });
    }
  });

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
/** What an author writes (defaults not yet applied). */
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
