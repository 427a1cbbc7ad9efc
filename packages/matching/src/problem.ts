import { z } from "zod";

/** The largest team side accepted: cities run shapes up to 8:1 and 1:7; beyond 20 is a typing slip. */
export const TEAM_SIDE_LIMIT = 20;

const id = z.string().min(1).max(200);
const finite = z.number().finite();

/** An answer to one survey question: a number on a scale, one option, or several options. */
const answerSchema = z.union([finite, z.string().max(500), z.array(z.string().max(500)).max(100)]);

export const participantSchema = z
  .object({
    id,
    role: z.enum(["mentor", "mentee"]),
    department: z.string().max(200).optional(),
    grade: z.number().int().min(1).max(9).optional(),
    yearsOfService: z.number().min(0).max(60).optional(),
    position: z.string().max(200).optional(),
    office: z.string().max(200).optional(),
    /** Id of this person's direct supervisor, when known (a participant or not). */
    supervisorId: id.optional(),
    /** Pre-survey answers by question id. */
    answers: z.record(z.string(), answerSchema).optional(),
    /** Diagnostic test scores by dimension (e.g. `digital`). */
    diagnostics: z.record(z.string(), finite).optional(),
    interests: z.array(z.string().max(200)).max(100).optional(),
    /** A mentee's mentors in order of preference (ids); read by the `mentee_preference` criterion. */
    preferences: z.array(id).max(100).optional(),
  })
  .strict();

const sideSchema = z
  .object({
    min: z.number().int().min(1).max(TEAM_SIDE_LIMIT),
    max: z.number().int().min(1).max(TEAM_SIDE_LIMIT),
  })
  .strict()
  .refine((side) => side.min <= side.max, { message: "min must not be greater than max", path: ["max"] });

/** Mentors and mentees per team, each side with bounds: standard `{1,1}:{1,2}`, reverse `{3,3}:{1,1}`. */
export const teamShapeSchema = z.object({ mentors: sideSchema, mentees: sideSchema }).strict();

const weight = z.number().min(0).max(1000);
const scaleSchema = z
  .object({ min: finite, max: finite })
  .strict()
  .refine((scale) => scale.max > scale.min, { message: "max must be greater than min", path: ["max"] });
const criterionBase = { id: z.string().min(1).max(100).optional(), weight };

/** What a pair or a team scores on: each criterion gives a value in [0, 1], multiplied by its weight. */
export const criterionSchema = z.discriminatedUnion("kind", [
  z
    .object({
      ...criterionBase,
      kind: z.literal("answer"),
      question: z.string().min(1),
      /** `similar`: alike answers score 1; `complementary`: opposite answers score 1. */
      mode: z.enum(["similar", "complementary"]),
      /** Range of a numeric question; taken from the answers when absent. */
      scale: scaleSchema.optional(),
    })
    .strict(),
  z.object({ ...criterionBase, kind: z.literal("interest_overlap") }).strict(),
  z
    .object({
      ...criterionBase,
      kind: z.literal("attribute"),
      attribute: z.enum(["department", "office", "position"]),
      prefer: z.enum(["same", "different"]),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      /** Mentee's grade minus mentor's grade (grade 1 is the most senior): 1 when it equals `ideal`. */
      kind: z.literal("grade_gap"),
      ideal: finite,
      /** Distance from `ideal` at which the value falls to 0. */
      range: finite.positive(),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      /** Mentor's years of service minus mentee's: 1 when it equals `ideal`. */
      kind: z.literal("years_gap"),
      ideal: finite,
      range: finite.positive(),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      /** Mentor strong where the mentee is weak: (mentor − mentee) / scale width, clamped to [0, 1]. */
      kind: z.literal("diagnostic_complement"),
      dimension: z.string().min(1),
      scale: scaleSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      /** The mentee's first choice scores 1, the last of n listed 1/n, an unlisted mentor 0. */
      kind: z.literal("mentee_preference"),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      /** Inside a team, the share of pairs of `among` people whose attribute differs. */
      kind: z.literal("team_diversity"),
      attribute: z.enum(["department", "office", "position", "grade"]),
      among: z.enum(["mentors", "mentees"]),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      /** Compatibility scores from an outside assessment; pairs not listed score `missing`. */
      kind: z.literal("pair_scores"),
      scale: scaleSchema.default({ min: 0, max: 100 }),
      missing: finite.default(0),
      scores: z.array(z.object({ mentorId: id, menteeId: id, score: finite }).strict()).max(1_000_000),
    })
    .strict(),
]);

const pairSchema = z.object({ mentorId: id, menteeId: id }).strict();

export const constraintsSchema = z
  .object({
    /** Mentor and mentee in one team must come from different departments. */
    differentDepartment: z.boolean().default(false),
    /**
     * The mentors of one team all come from different departments (a mentor without a department goes with
     * anyone). Matters only for shapes with several mentors per team.
     */
    mentorsFromDifferentDepartments: z.boolean().default(false),
    /** No one is in a team with their direct supervisor (on by default). */
    noDirectSupervisor: z.boolean().default(true),
    /** Bounds on mentee's grade minus mentor's grade for every pair in a team. */
    gradeGap: z
      .object({ min: z.number().int().optional(), max: z.number().int().optional() })
      .strict()
      .optional(),
    /** Pairs that must end in one team. */
    pinned: z.array(pairSchema).default([]),
    /** Pairs that must never share a team. */
    forbidden: z.array(pairSchema).default([]),
    /** Participants left out of this run. */
    excluded: z.array(id).default([]),
    /**
     * When not empty, a mentor and a mentee share a team only if their departments form one of these pairs
     * (either order); someone without a department forms none. One rule per department pair instead of a
     * forbidden list that grows with the square of the cohort.
     */
    departmentPairs: z
      .array(z.tuple([z.string().min(1).max(200), z.string().min(1).max(200)]))
      .max(10_000)
      .default([]),
  })
  .strict();

export const solverSettingsSchema = z
  .object({
    /** Seed for the local search's move order; the same seed and input give the same result. */
    seed: z.number().int().default(1),
    /** Stop and return the best answer found after this many milliseconds. */
    timeLimitMs: z.number().int().positive().max(3_600_000).default(60_000),
    /**
     * Candidate partners kept per person before the exact flow runs; the pricing step adds any other pair
     * that could improve the answer, so this changes speed, not the result. Candidates are ranked against
     * the partner's average pair, which makes a few enough: at 10,000 people 8 did less work than 12 (a
     * smaller network for every search) and needed no more pricing rounds.
     */
    candidatesPerPerson: z.number().int().min(1).max(1000).default(8),
    /**
     * Stop refining the bound once the proven gap is at most this; 0 asks for a proof of optimality
     * however long it takes (within the time limit). When absent: 0 up to two million mentor–mentee pairs
     * (about 2,500 people), 0.0005 (0.05%) above.
     */
    gapTolerance: z.number().min(0).max(0.1).optional(),
  })
  .strict();

export const matchingProblemSchema = z
  .object({
    participants: z.array(participantSchema).max(100_000),
    teamShape: teamShapeSchema,
    criteria: z.array(criterionSchema).max(100).default([]),
    constraints: constraintsSchema.default({}),
    settings: solverSettingsSchema.default({}),
  })
  .strict()
  .superRefine((problem, ctx) => {
    const roles = new Map<string, "mentor" | "mentee">();
    problem.participants.forEach((participant, index) => {
      if (roles.has(participant.id))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["participants", index, "id"],
          message: `duplicate participant id "${participant.id}"`,
        });
      roles.set(participant.id, participant.role);
    });
    const excluded = new Set(problem.constraints.excluded);
    const checkPairs = (field: "pinned" | "forbidden") =>
      problem.constraints[field].forEach((pair, index) => {
        for (const [key, role] of [
          ["mentorId", "mentor"],
          ["menteeId", "mentee"],
        ] as const) {
          const found = roles.get(pair[key]);
          if (found !== role)
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ["constraints", field, index, key],
              message: found
                ? `"${pair[key]}" is a ${found}, not a ${role}`
                : `no participant has id "${pair[key]}"`,
            });
          else if (field === "pinned" && excluded.has(pair[key]))
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ["constraints", field, index, key],
              message: `"${pair[key]}" is both pinned and excluded`,
            });
        }
      });
    checkPairs("pinned");
    checkPairs("forbidden");
    if (problem.constraints.mentorsFromDifferentDepartments) checkPinnedDepartments(problem, ctx);
    problem.constraints.excluded.forEach((excludedId, index) => {
      if (!roles.has(excludedId))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["constraints", "excluded", index],
          message: `no participant has id "${excludedId}"`,
        });
    });
    const criterionIds = new Set<string>();
    problem.criteria.forEach((criterion, index) => {
      const key = criterionId(criterion);
      if (criterionIds.has(key))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["criteria", index, "id"],
          message: `two criteria are both named "${key}": give one an id`,
        });
      criterionIds.add(key);
    });
  });

/**
 * Pins chain (a mentee pinned to two mentors puts all three in one team): a pin that would bring a second
 * mentor of one department into such a group is refused at that pin, before anything is solved.
 */
function checkPinnedDepartments(
  problem: {
    participants: { id: string; role: "mentor" | "mentee"; department?: string }[];
    constraints: { pinned: { mentorId: string; menteeId: string }[] };
  },
  ctx: z.RefinementCtx,
) {
  const people = new Map(problem.participants.map((person) => [person.id, person]));
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root)) root = parent.get(root) as string;
    return root;
  };
  /** Per group (by its root), the first mentor seen of each department. */
  const departments = new Map<string, Map<string, string>>();
  problem.constraints.pinned.forEach((pin, index) => {
    const mentor = people.get(pin.mentorId);
    const mentee = people.get(pin.menteeId);
    // Wrong roles or unknown ids are reported by the checks above.
    if (mentor?.role !== "mentor" || mentee?.role !== "mentee") return;
    const a = find(`m:${pin.mentorId}`);
    const b = find(`e:${pin.menteeId}`);
    const merged = new Map(departments.get(a));
    if (mentor.department !== undefined && !merged.has(mentor.department))
      merged.set(mentor.department, mentor.id);
    if (a !== b) {
      for (const [department, mentorId] of departments.get(b) ?? []) {
        const first = merged.get(department);
        if (first !== undefined && first !== mentorId) {
          // The mentor this pin brings in is named last.
          const [earlier, later] = first === pin.mentorId ? [mentorId, first] : [first, mentorId];
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ["constraints", "pinned", index, "mentorId"],
            message: `pins would put mentors "${earlier}" and "${later}", both of department "${department}", in one team; mentorsFromDifferentDepartments keeps them apart`,
          });
          return;
        }
        merged.set(department, mentorId);
      }
      parent.set(b, a);
      departments.delete(b);
    }
    departments.set(a, merged);
  });
}

export type MatchingProblemInput = z.input<typeof matchingProblemSchema>;
export type MatchingProblem = z.output<typeof matchingProblemSchema>;
export type Participant = z.output<typeof participantSchema>;
export type TeamShape = z.output<typeof teamShapeSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type Constraints = z.output<typeof constraintsSchema>;
export type SolverSettings = z.output<typeof solverSettingsSchema>;

/** The name a criterion's points are reported under: its `id`, or its kind and subject. */
export function criterionId(criterion: Criterion): string {
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

/** Validates a problem read from JSON; errors name the field, as `participants[3].role: …`. */
export function parseMatchingProblem(
  json: unknown,
): { ok: true; problem: MatchingProblem } | { ok: false; errors: string[] } {
  const parsed = matchingProblemSchema.safeParse(json);
  if (parsed.success) return { ok: true, problem: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const where = issue.path.reduce<string>(
        (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key),
        "",
      );
      return `${where || "(root)"}: ${issue.message}`;
    }),
  };
}
