import { parseWithZod } from "@conform-to/zod";
import { AppError, builtinTemplate, localize, templateDefinitionSchema } from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { templateMatchingFieldName } from "../presenters/template-matching.server";
import { i18n } from "./i18n.server";
import { translateRefusal } from "./route-builder.server";
import { withFormPaths } from "./template-form";
import {
  definitionFromMatchingForm,
  matchingForm,
  matchingFormValues,
  subjectChoices,
  typedRules,
  weightShares,
} from "./template-matching-form";

let ko: TFunction;

beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
});

function formFields(value: unknown, prefix: string): Record<string, string> {
  if (Array.isArray(value))
    return Object.assign({}, ...value.map((item, index) => formFields(item, `${prefix}[${index}]`)));
  if (typeof value === "object" && value !== null)
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, inner]) => formFields(inner, prefix ? `${prefix}.${key}` : key)),
    );
  return value === "" || value === undefined ? {} : { [prefix]: String(value) };
}

/** Gangneung's matching page as posted, with fields changed (null: left out, as an unticked box). */
function posted(fields: Record<string, string | null> = {}) {
  const definition = builtinTemplate("reverse_mentoring");
  const data = new FormData();
  for (const [name, value] of Object.entries({
    ...formFields(matchingFormValues(definition), ""),
    ...fields,
  })) {
    if (value !== null) data.append(name, value);
  }
  const submission = parseWithZod(data, { schema: matchingForm });
  if (submission.status !== "success") throw new Error("the matching form refused a post");
  return definitionFromMatchingForm(submission.value, definition);
}

/** The messages of a refused definition, by the form's field names, in Korean. */
function refusedFields(definition: unknown) {
  const result = templateDefinitionSchema.safeParse(definition);
  if (result.success) throw new Error("the definition was accepted");
  return translateRefusal(withFormPaths(AppError.invalid(result.error)), ko, templateMatchingFieldName)
    .fieldErrors;
}

describe("the matching criteria and rules form", () => {
  it("reads back the definition it was filled from", () => {
    const definition = builtinTemplate("reverse_mentoring");
    expect(templateDefinitionSchema.parse(posted())).toEqual(definition);
    expect(matchingFormValues(definition).matching).toMatchObject({
      differentDepartment: "on",
      departmentLevel: "bureau",
      mentorsFromDifferentDepartments: "on",
      noDirectSupervisor: "on",
      menteePreferences: undefined,
    });
  });

  it("sends only the fields a criterion's kind needs, numbers as numbers", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({
        "matching.criteria[4].kind": "grade_gap",
        "matching.criteria[4].weight": "2.5",
        "matching.criteria[4].ideal": "-4",
        "matching.criteria[4].range": "3",
        // Left over from another kind chosen before: not this kind's.
        "matching.criteria[4].question": "pre_survey.interests",
        "matching.criteria[4].attribute": "office",
      }),
    );
    expect(parsed.matching.criteria[4]).toEqual({ kind: "grade_gap", weight: 2.5, ideal: -4, range: 3 });
  });

  it("sets the rules: the department level, the mentors' rule, the supervisor rule unticked and the grade gap", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({
        "matching.departmentLevel": "division",
        "matching.mentorsFromDifferentDepartments": null,
        "matching.noDirectSupervisor": null,
        "matching.gradeGap.min": "-6",
        "matching.gradeGap.max": "-2",
      }),
    );
    expect(parsed.matching).toMatchObject({
      differentDepartment: true,
      departmentLevel: "division",
      mentorsFromDifferentDepartments: false,
      noDirectSupervisor: false,
      gradeGap: { min: -6, max: -2 },
    });
  });

  it("refuses a weight that is no number and a level not on the list, at their fields", () => {
    expect(
      refusedFields(posted({ "matching.criteria[0].weight": "abc", "matching.departmentLevel": "city" })),
    ).toEqual({
      "matching.criteria[0].weight": ["기준 1 가중치: 숫자를 입력하세요"],
      "matching.departmentLevel": ["부서를 비교하는 단위: 목록에서 고르세요"],
    });
  });

  it("refuses a question no pre-survey has, and one whose type cannot be compared that way", () => {
    expect(
      refusedFields(
        posted({
          "matching.criteria[1].question": "pre_survey.nothing",
          "matching.criteria[2].question": "pre_survey.expectations",
        }),
      ),
    ).toEqual({
      "matching.criteria[1].question": ["기준 2 질문: 사전 설문에 이런 질문이 없습니다."],
      "matching.criteria[2].question": ["기준 3 질문: 이 질문은 이 방법으로 비교할 수 없습니다."],
    });
  });

  it("refuses a criterion without what its kind needs, and mentees' wishes while they are off", () => {
    expect(
      refusedFields(
        posted({
          "matching.criteria[4].kind": "attribute",
          "matching.criteria[4].weight": "1",
          "matching.criteria[5].kind": "mentee_preference",
          "matching.criteria[5].weight": "1",
        }),
      ),
    ).toEqual({
      "matching.criteria[4].attribute": ["기준 5 직원 정보: 이 종류의 기준에는 꼭 정해야 합니다."],
      "matching.criteria[4].prefer": ["기준 5 선호: 이 종류의 기준에는 꼭 정해야 합니다."],
      "matching.criteria[5].kind": ["기준 6 종류: 멘티의 희망을 반영하려면 규칙에서 먼저 켜세요."],
    });
  });

  it("offers the pre-survey questions that fit each kind and the diagnostics' dimensions", () => {
    const definition = builtinTemplate("reverse_mentoring");
    const choices = subjectChoices(definition.questionSets, (text) => localize(text, "ko"));
    expect(choices.interest.map((choice) => choice.value)).toContain("pre_survey.interests");
    expect(choices.interest.map((choice) => choice.value)).not.toContain("pre_survey.communication_style");
    expect(choices.answer.map((choice) => choice.value)).toContain("pre_survey.communication_style");
    expect(choices.answer.map((choice) => choice.value)).not.toContain("pre_survey.expectations");
    expect(choices.dimension.map((choice) => choice.value)).toEqual([
      "digital_diagnostic.digital_literacy",
      "digital_diagnostic.openness",
    ]);
  });

  it("shows each weight's share of the total, counting what is not a number as nothing", () => {
    expect(weightShares(["3", "2", "abc", "5"])).toEqual([30, 20, 0, 50]);
    expect(weightShares(["", "0"])).toEqual([0, 0]);
  });

  it("reads the rules as typed for the sentences, a level not on the list as the team", () => {
    expect(typedRules({ departmentLevel: "city", gradeGap: { min: "1.5", max: "3" } })).toEqual({
      differentDepartment: false,
      departmentLevel: "team",
      mentorsFromDifferentDepartments: false,
      noDirectSupervisor: false,
      gradeGap: { min: undefined, max: 3 },
      menteePreferences: false,
      departmentPairs: [],
    });
  });
});
