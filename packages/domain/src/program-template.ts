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
import { teamShapeSchema } from "./team-shape";

export const programKinds = ["standard", "reverse"] as const;
export type ProgramKind = (typeof programKinds)[number];

export const applicationRoles = ["mentor", "mentee"] as const;
export type ApplicationRole = (typeof applicationRoles)[number];

/** A key inside a template: stable across versions, safe in URLs and as a matching attribute name. */
const keySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  message: "lowercase letters, digits and _ only",
});

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
    /** Placeholders: {tenant} {program} {cohort} {mentors} {mentees} {date}. */
    certificate: z
      .object({
        title: z.string().trim().min(1).max(40),
        body: z.string().trim().min(1).max(1000),
        signerTitle: z.string().trim().max(40).default(""),
      })
      .strict(),
    rubric: z
      .array(
        z
          .object({
            key: keySchema,
            name: localizedTextSchema,
            weight: z.number().int().min(1).max(100),
            scaleMax: z.number().int().min(2).max(100),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    awards: z
      .array(
        z
          .object({
            name: localizedTextSchema,
            teams: z.number().int().min(1).max(100),
            prize: localizedTextSchema,
          })
          .strict(),
      )
      .max(10)
      .default([]),
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
  });

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
/** What an author writes (defaults not yet applied). */
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
