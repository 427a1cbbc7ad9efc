import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import {
  questionSchema,
  questionSetSchema,
  type TemplateDefinitionInput,
  templateDefinitionSchema,
} from "./program-template";

/** Gangneung's definition as an author would submit it, with `change` applied. */
function reverseWith(change: (definition: TemplateDefinitionInput) => void): unknown {
  const definition = structuredClone(builtinTemplate("reverse_mentoring")) as TemplateDefinitionInput;
  change(definition);
  return definition;
}

const issuesOf = (input: unknown) => {
  const result = templateDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues;
};
const pathsOf = (input: unknown) => issuesOf(input).map((issue) => issue.path.join("."));

describe("templateDefinitionSchema", () => {
  it("applies defaults to what an author leaves out", () => {
    const { questionSets, assignments, rubric, awards, description, matching, ...core } =
      builtinTemplate("reverse_mentoring");
    const parsed = templateDefinitionSchema.parse(core);
    expect(parsed.description).toBe("");
    expect(parsed.questionSets).toEqual([]);
    expect(parsed.assignments).toEqual([]);
    expect(parsed.rubric).toEqual([]);
    expect(parsed.awards).toEqual([]);
    expect(parsed.matching.criteria).toEqual([]);
  });

  it("refuses a team shape with no mentors, naming teamShape.mentors.min", () => {
    expect(pathsOf(reverseWith((d) => (d.teamShape.mentors.min = 0)))).toEqual(["teamShape.mentors.min"]);
  });

  it("refuses a team shape whose minimum is above its maximum, naming teamShape.mentees.max", () => {
    expect(
      pathsOf(
        reverseWith((d) => {
          d.teamShape.mentees = { min: 2, max: 1 };
        }),
      ),
    ).toEqual(["teamShape.mentees.max"]);
  });

  it("refuses phases out of order, naming the phase and the one it must follow", () => {
    const issues = issuesOf(reverseWith((d) => (d.phases.orientation = 10)));
    expect(issues).toEqual([
      expect.objectContaining({
        path: ["phases", "orientation"],
        params: { code: "date_before", before: "recruitmentEnd" },
      }),
    ]);
  });

  it("refuses a negative offset and one more than three years away", () => {
    expect(pathsOf(reverseWith((d) => (d.phases.recruitmentEnd = -1)))).toContain("phases.recruitmentEnd");
    expect(pathsOf(reverseWith((d) => (d.phases.close = 1096)))).toContain("phases.close");
  });

  it("refuses a quota below one, a blank name and a blank certificate title", () => {
    expect(pathsOf(reverseWith((d) => (d.roles.mentee.quota = 0)))).toEqual(["roles.mentee.quota"]);
    expect(pathsOf(reverseWith((d) => (d.name = "   ")))).toEqual(["name"]);
    expect(pathsOf(reverseWith((d) => (d.certificate.title = "")))).toEqual(["certificate.title"]);
  });

  it("refuses an eligibility rule it does not know instead of admitting everyone", () => {
    const input = reverseWith((d) => {
      (d.roles.mentor.eligibility as Record<string, unknown>).grades = { min: 8 };
    });
    expect(issuesOf(input)).toEqual([
      expect.objectContaining({ path: ["roles", "mentor", "eligibility"], code: "unrecognized_keys" }),
    ]);
  });

  it("refuses two question sets with the same key", () => {
    const input = reverseWith((d) => {
      const [first] = d.questionSets ?? [];
      if (first) d.questionSets?.push(structuredClone(first));
    });
    expect(pathsOf(input)).toEqual(["questionSets"]);
  });

  it("refuses an unknown program kind", () => {
    expect(pathsOf(reverseWith((d) => ((d as { kind: string }).kind = "peer")))).toEqual(["kind"]);
  });
});

describe("questions", () => {
  const prompt = { ko: "질문" };
  const options = (...keys: string[]) => keys.map((key) => ({ key, label: { ko: key } }));

  it("needs at least two options for a choice question", () => {
    const result = questionSchema.safeParse({ key: "q", type: "single", prompt, options: options("a") });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["options"], params: { code: "options_too_few" } }),
    ]);
  });

  it("needs unique option keys", () => {
    const result = questionSchema.safeParse({
      key: "q",
      type: "multiple",
      prompt,
      options: options("a", "a"),
    });
    expect(
      result.error?.issues.map((issue) => (issue as { params?: { code?: string } }).params?.code),
    ).toEqual(["duplicate_key"]);
  });

  it("cannot pick more options than there are", () => {
    const result = questionSchema.safeParse({
      key: "q",
      type: "ranked",
      prompt,
      options: options("a", "b"),
      pick: 3,
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["pick"]]);
  });

  it("scores a dimension only with likert items", () => {
    const result = questionSchema.safeParse({ key: "q", type: "short_text", prompt, dimension: "openness" });
    expect(
      result.error?.issues.map((issue) => (issue as { params?: { code?: string } }).params?.code),
    ).toEqual(["dimension_not_likert"]);
  });

  it("accepts only keys of lowercase letters, digits and _", () => {
    expect(questionSchema.safeParse({ key: "Q-1", type: "likert", prompt }).success).toBe(false);
    expect(questionSchema.safeParse({ key: "q_1", type: "likert", prompt }).success).toBe(true);
  });

  it("refuses a question set with duplicate question keys or an undeclared dimension", () => {
    const set = {
      key: "diagnostic",
      title: { ko: "진단" },
      phases: ["pre", "post"],
      roles: ["mentee"],
      dimensions: [{ key: "belonging", label: { ko: "소속감" } }],
      questions: [
        { key: "a", type: "likert", prompt, dimension: "belonging" },
        { key: "a", type: "likert", prompt, dimension: "confidence" },
      ],
    };
    const result = questionSetSchema.safeParse(set);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "questions",
      "questions.1.dimension",
    ]);
  });

  it("refuses two dimensions of a set under one key", () => {
    const set = {
      key: "diagnostic",
      title: { ko: "진단" },
      phases: ["pre"],
      roles: ["mentee"],
      dimensions: [
        { key: "belonging", label: { ko: "소속감" } },
        { key: "belonging", label: { ko: "자신감" } },
      ],
      questions: [{ key: "a", type: "likert", prompt, dimension: "belonging" }],
    };
    const result = questionSetSchema.safeParse(set);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["dimensions", "dimension keys must be unique"],
    ]);
  });

  it("reads a definition stored before matching had settings with matching's defaults", () => {
    const { matching: _matching, ...stored } = builtinTemplate("reverse_mentoring");
    expect(templateDefinitionSchema.parse(stored).matching).toEqual({
      criteria: [],
      differentDepartment: false,
      departmentLevel: "team",
      departmentPairs: [],
      mentorsFromDifferentDepartments: false,
      noDirectSupervisor: true,
      menteePreferences: false,
    });
  });

  it("reads a matching section stored before department levels: teams, mentors free, supervisors apart", () => {
    const stored = reverseWith((d) => (d.matching = { differentDepartment: true }));
    const { matching } = templateDefinitionSchema.parse(stored);
    expect([
      matching.differentDepartment,
      matching.departmentLevel,
      matching.mentorsFromDifferentDepartments,
      matching.noDirectSupervisor,
    ]).toEqual([true, "team", false, true]);
  });

  it("keeps the department level and the rules an author sets", () => {
    const definition = reverseWith(
      (d) =>
        (d.matching = {
          departmentLevel: "division",
          mentorsFromDifferentDepartments: true,
          noDirectSupervisor: false,
        }),
    );
    const { matching } = templateDefinitionSchema.parse(definition);
    expect([
      matching.departmentLevel,
      matching.mentorsFromDifferentDepartments,
      matching.noDirectSupervisor,
    ]).toEqual(["division", true, false]);
  });

  it("refuses a department level the tree does not have", () => {
    expect(
      pathsOf(reverseWith((d) => (d.matching = { departmentLevel: "city" as unknown as "team" }))),
    ).toEqual(["matching.departmentLevel"]);
  });

  it("refuses a criterion without the fields its kind needs, naming each", () => {
    const paths = pathsOf(
      reverseWith((d) => {
        d.matching = {
          criteria: [
            { kind: "answer", weight: 1 },
            { kind: "years_gap", ideal: 5, weight: 1 },
          ],
        };
      }),
    );
    expect(paths).toEqual([
      "matching.criteria.0.question",
      "matching.criteria.0.mode",
      "matching.criteria.1.range",
    ]);
  });

  it("refuses a criterion naming a question or dimension the pre-phase sets do not have", () => {
    const issues = issuesOf(
      reverseWith((d) => {
        d.matching = {
          criteria: [
            { kind: "answer", question: "pre_survey.favourite_colour", mode: "similar", weight: 1 },
            { kind: "diagnostic_complement", dimension: "digital_diagnostic.typing_speed", weight: 1 },
            { kind: "interest_overlap", question: "pre_survey.communication_style", weight: 1 },
          ],
        };
      }),
    );
    expect(
      issues.map((issue) => [issue.path.join("."), (issue as { params?: { code?: string } }).params?.code]),
    ).toEqual([
      ["matching.criteria.0.question", "unknown_question"],
      ["matching.criteria.1.dimension", "unknown_dimension"],
      ["matching.criteria.2.question", "question_type"],
    ]);
  });

  it("refuses two criteria reported under one name, and mentees' preferences while they are off", () => {
    const paths = pathsOf(
      reverseWith((d) => {
        d.matching = {
          criteria: [
            { kind: "years_gap", ideal: 5, range: 5, weight: 1 },
            { kind: "years_gap", ideal: 2, range: 3, weight: 1 },
            { kind: "mentee_preference", weight: 1 },
          ],
        };
      }),
    );
    expect(paths).toEqual(["matching.criteria.1.id", "matching.criteria.2.kind"]);
  });

  it("refuses a grade gap whose minimum is above its maximum", () => {
    expect(pathsOf(reverseWith((d) => (d.matching = { gradeGap: { min: 3, max: 1 } })))).toEqual([
      "matching.gradeGap.max",
    ]);
  });
});
