import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import { fieldIssueOf } from "./errors";
import { templateDefinitionSchema } from "./program-template";
import { evaluationSettingsSchema, rubricCriterionSchema, rubricSchema } from "./rubric";

const criterion = (key: string, weight: number, extra: Record<string, unknown> = {}) => ({
  key,
  name: { ko: key },
  weight,
  scaleMax: 10,
  ...extra,
});

const issuesOf = (schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }) => {
  return (input: unknown) => {
    const result = schema.safeParse(input) as
      | { success: true }
      | {
          success: false;
          error: { issues: { path: (string | number)[]; params?: unknown; code: string }[] };
        };
    return result.success ? [] : result.error.issues;
  };
};
const rubricIssues = issuesOf(rubricSchema);
const criterionIssues = issuesOf(rubricCriterionSchema);

/** Gangneung's definition as it was stored before the rubric had sources, levels and evaluation settings. */
function storedBeforeRubricSources() {
  const { evaluation, rubric, awards, ...rest } = structuredClone(builtinTemplate("reverse_mentoring"));
  return {
    ...rest,
    rubric: [
      {
        key: "training",
        name: { ko: "정기 교육 참여", en: "Regular training attendance" },
        weight: 40,
        scaleMax: 10,
      },
      {
        key: "activities",
        name: { ko: "수시 활동 참여", en: "Ad-hoc activities" },
        weight: 30,
        scaleMax: 10,
      },
      { key: "results", name: { ko: "활동 성과", en: "Results" }, weight: 30, scaleMax: 10 },
    ],
    awards: [
      {
        name: { ko: "최우수", en: "Grand prize" },
        teams: 1,
        prize: { ko: "표창 및 선진지 견학", en: "Commendation and study trip" },
      },
    ],
  };
}

describe("a definition stored before rubric sources", () => {
  it("still parses, its criteria unchanged and scored by evaluators", () => {
    const stored = storedBeforeRubricSources();
    const parsed = templateDefinitionSchema.parse(structuredClone(stored));
    expect(parsed.rubric).toEqual(stored.rubric.map((c) => ({ ...c, source: { kind: "evaluators" } })));
    expect(parsed.rubric.every((c) => c.levels === undefined && c.description === undefined)).toBe(true);
  });

  it("takes the default evaluation settings and a 표창장 as its awards' certificate", () => {
    const parsed = templateDefinitionSchema.parse(storedBeforeRubricSources());
    expect(parsed.evaluation).toEqual({
      conflictSameDepartment: true,
      normalisation: "z_score",
      disagreementSpread: 20,
    });
    expect(parsed.awards[0]?.certificateTitle).toBe("표창장");
  });

  it("parses to the same definition again, so re-saving it changes nothing", () => {
    const once = templateDefinitionSchema.parse(storedBeforeRubricSources());
    expect(templateDefinitionSchema.parse(structuredClone(once))).toEqual(once);
  });
});

describe("rubricSchema weights", () => {
  it("accepts no criteria at all: a template without evaluation", () => {
    expect(rubricSchema.parse([])).toEqual([]);
  });

  it("refuses weights adding up to 90, on the rubric itself, with the sum", () => {
    const issues = issuesOf(templateDefinitionSchema)({
      ...builtinTemplate("reverse_mentoring"),
      rubric: [criterion("a", 50), criterion("b", 40)],
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: ["rubric"], params: { code: "weights_sum", sum: 90 } }),
    ]);
  });

  it("refuses a weight of 101, naming the criterion's weight and the sum", () => {
    const issues = rubricIssues([criterion("a", 101)]);
    expect(issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["0.weight", "too_big"],
      ["", "custom"],
    ]);
  });

  it("accepts every rubric whose weights add up to exactly 100", () => {
    const weights = fc
      .array(fc.integer({ min: 1, max: 99 }), { minLength: 0, maxLength: 18 })
      .map((cuts) => [...new Set(cuts)].sort((a, b) => a - b))
      .map((cuts) =>
        [...cuts, 100].map((cut, index) => cut - (index === 0 ? 0 : (cuts[index - 1] as number))),
      );
    fc.assert(
      fc.property(weights, (parts) => {
        const rubric = parts.map((weight, index) => criterion(`c${index}`, weight));
        expect(rubricSchema.safeParse(rubric).success).toBe(true);
      }),
    );
  });

  it("refuses every non-empty rubric whose weights add up to anything but 100", () => {
    const weights = fc
      .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 20 })
      .filter((parts) => parts.reduce((a, b) => a + b, 0) !== 100);
    fc.assert(
      fc.property(weights, (parts) => {
        const sum = parts.reduce((a, b) => a + b, 0);
        const issues = rubricIssues(parts.map((weight, index) => criterion(`c${index}`, weight)));
        expect(issues).toContainEqual(
          expect.objectContaining({ path: [], params: { code: "weights_sum", sum } }),
        );
      }),
    );
  });

  it("refuses two criteria with one key, naming the second", () => {
    const issues = rubricIssues([criterion("same", 50), criterion("same", 50)]);
    expect(issues).toEqual([
      expect.objectContaining({ path: [1, "key"], params: { code: "duplicate_key" } }),
    ]);
  });

  it("words the weights refusal with the sum, for the page to show", () => {
    const [issue] = issuesOf(templateDefinitionSchema)({
      ...builtinTemplate("new_official_mentoring"),
      rubric: [criterion("a", 60), criterion("b", 60)],
    });
    expect(fieldIssueOf(issue as never)).toEqual({
      path: "rubric",
      message: "programs.issue.weightsSum",
      params: { sum: 120 },
    });
  });
});

describe("rubricCriterionSchema", () => {
  it("refuses a scale of 1 and of 101, and a fractional weight", () => {
    expect(criterionIssues(criterion("a", 100, { scaleMax: 1 })).map((i) => i.path.join("."))).toEqual([
      "scaleMax",
    ]);
    expect(criterionIssues(criterion("a", 100, { scaleMax: 101 })).map((i) => i.path.join("."))).toEqual([
      "scaleMax",
    ]);
    expect(criterionIssues(criterion("a", 33.5)).map((i) => i.path.join("."))).toEqual(["weight"]);
  });

  it("sorts level descriptors by score", () => {
    const parsed = rubricCriterionSchema.parse(
      criterion("a", 100, {
        levels: [
          { score: 10, label: { ko: "탁월" } },
          { score: 0, label: { ko: "미흡" } },
          { score: 5, label: { ko: "보통" } },
        ],
      }),
    );
    expect(parsed.levels?.map((level) => level.score)).toEqual([0, 5, 10]);
  });

  it("refuses a level above the scale and two levels with one score", () => {
    const issues = criterionIssues(
      criterion("a", 100, {
        levels: [
          { score: 5, label: { ko: "보통" } },
          { score: 11, label: { ko: "넘침" } },
          { score: 5, label: { ko: "또 보통" } },
        ],
      }),
    );
    expect(issues.map((issue) => [issue.path.join("."), (issue.params as { code: string }).code])).toEqual([
      ["levels.1.score", "duplicate_level"],
      ["levels.2.score", "level_above_scale"],
    ]);
  });

  it("refuses a negative or fractional level score", () => {
    const issues = criterionIssues(
      criterion("a", 100, {
        levels: [
          { score: -1, label: { ko: "음수" } },
          { score: 2.5, label: { ko: "소수" } },
        ],
      }),
    );
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["levels.0.score", "levels.1.score"]);
  });

  it("is scored by evaluators unless it says otherwise", () => {
    expect(rubricCriterionSchema.parse(criterion("a", 100)).source).toEqual({ kind: "evaluators" });
  });

  it.each(["activities_logged", "meeting_frequency", "prepost_change"])(
    "requires a target for %s",
    (metric) => {
      const issues = criterionIssues(criterion("a", 100, { source: { kind: "computed", metric } }));
      expect(issues).toEqual([
        expect.objectContaining({ path: ["source", "target"], params: { code: "target_required" } }),
      ]);
      expect(
        rubricCriterionSchema.parse(criterion("a", 100, { source: { kind: "computed", metric, target: 2 } }))
          .source,
      ).toEqual({ kind: "computed", metric, target: 2 });
    },
  );

  it.each(["attendance_rate", "assignments_on_time"])("refuses a target for the rate %s", (metric) => {
    const issues = criterionIssues(criterion("a", 100, { source: { kind: "computed", metric, target: 1 } }));
    expect(issues).toEqual([
      expect.objectContaining({ path: ["source", "target"], params: { code: "target_not_allowed" } }),
    ]);
  });

  it("refuses an unknown metric, a zero target and a target on evaluators' scores", () => {
    expect(
      criterionIssues(criterion("a", 100, { source: { kind: "computed", metric: "likes" } })).map((i) =>
        i.path.join("."),
      ),
    ).toEqual(["source.metric"]);
    expect(
      criterionIssues(
        criterion("a", 100, { source: { kind: "computed", metric: "activities_logged", target: 0 } }),
      ).map((i) => i.path.join(".")),
    ).toEqual(["source.target"]);
    expect(
      criterionIssues(criterion("a", 100, { source: { kind: "evaluators", target: 1 } })).map((i) => i.code),
    ).toEqual(["unrecognized_keys"]);
  });
});

describe("evaluationSettingsSchema", () => {
  it("defaults to the department conflict rule, z-scores and a spread of 20 points", () => {
    expect(evaluationSettingsSchema.parse({})).toEqual({
      conflictSameDepartment: true,
      normalisation: "z_score",
      disagreementSpread: 20,
    });
  });

  it("keeps a city's own choices and refuses a spread beyond the 0-100 total", () => {
    expect(
      evaluationSettingsSchema.parse({
        conflictSameDepartment: false,
        normalisation: "none",
        disagreementSpread: 12.5,
      }),
    ).toEqual({ conflictSameDepartment: false, normalisation: "none", disagreementSpread: 12.5 });
    expect(evaluationSettingsSchema.safeParse({ disagreementSpread: 101 }).success).toBe(false);
    expect(evaluationSettingsSchema.safeParse({ normalisation: "trimmed" }).success).toBe(false);
  });
});

describe("award categories", () => {
  it("refuses a certificate title longer than 40 characters", () => {
    const definition = builtinTemplate("reverse_mentoring");
    const awards = [{ ...definition.awards[0], certificateTitle: "가".repeat(41) }];
    expect(
      issuesOf(templateDefinitionSchema)({ ...definition, awards }).map((issue) => issue.path.join(".")),
    ).toEqual(["awards.0.certificateTitle"]);
  });
});
