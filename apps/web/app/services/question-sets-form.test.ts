import { parseWithZod } from "@conform-to/zod";
import {
  AppError,
  builtinTemplate,
  type TemplateDefinition,
  templateDefinitionSchema,
} from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { questionSetsFieldName } from "../presenters/template-questions.server";
import { i18n } from "./i18n.server";
import {
  definitionWithQuestionSets,
  type QuestionSetsForm,
  questionSetsForm,
  questionSetsFormValues,
  withQuestionFormPaths,
} from "./question-sets-form";
import { translateRefusal } from "./route-builder.server";

let ko: TFunction;
let en: TFunction;

// The app's own translators, as its loaders and actions get them.
beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

/** Form values as the browser posts them: conform's names, empty fields and unticked boxes left out. */
function formFields(value: unknown, prefix: string, data: FormData) {
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    for (const item of value) data.append(prefix, item);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) formFields(item, `${prefix}[${index}]`, data);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value))
      formFields(inner, prefix ? `${prefix}.${key}` : key, data);
  } else if (value !== "" && value !== undefined) data.append(prefix, String(value));
}

/** Gangneung's reverse mentoring, whose matching criteria name its pre-survey's questions and a dimension. */
const gangneung = () => builtinTemplate("reverse_mentoring");

/** The question sets editor of `definition` posted after `change` (what the coordinator typed). */
function post(definition: TemplateDefinition, change: (values: QuestionSetsForm) => void = () => {}) {
  const values = structuredClone(questionSetsFormValues(definition));
  change(values);
  const data = new FormData();
  formFields(values, "", data);
  // As the route builder reads a post: conform's parse of the form's own schema.
  const submission = parseWithZod(data, { schema: questionSetsForm });
  if (submission.status !== "success") throw new Error("the question sets form refused a post");
  return definitionWithQuestionSets(submission.value, definition);
}

const sets = (values: QuestionSetsForm) => values.questionSets ?? [];
const questionsOf = (values: QuestionSetsForm, set: number) => sets(values)[set]?.questions ?? [];

/** What the page shows beside each field when saveTemplate refuses the posted definition. */
function shown(
  definition: TemplateDefinition,
  change: (values: QuestionSetsForm) => void,
  t: TFunction = ko,
): Record<string, string> {
  const result = templateDefinitionSchema.safeParse(post(definition, change));
  if (result.success) return {};
  const refusal = withQuestionFormPaths(AppError.invalid(result.error), definition);
  const { fieldErrors } = translateRefusal(refusal, t, questionSetsFieldName);
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([path, messages]) => [path, messages.join(" ")]),
  );
}

describe("the question sets form", () => {
  it("reads back the question sets it was filled from, and keeps the rest of the definition", () => {
    const definition = gangneung();
    expect(templateDefinitionSchema.parse(post(definition))).toEqual(definition);
  });

  it("opens with each question's options, pick, dimension and reversed flag as typed", () => {
    const values = questionSetsFormValues(gangneung());
    const [pre, diagnostic] = sets(values);
    expect(pre?.phases).toEqual(["pre"]);
    expect(pre?.questions?.[0]).toMatchObject({
      key: "interests",
      type: "ranked",
      pick: "3",
      required: "on",
    });
    expect(pre?.questions?.[3]).toMatchObject({ key: "expectations", required: undefined, options: [] });
    expect(diagnostic?.dimensions?.[0]).toEqual({
      key: "digital_literacy",
      label: { ko: "디지털 활용 역량", en: "Digital literacy" },
    });
    expect(diagnostic?.questions?.find((q) => q.key === "dl_help")).toMatchObject({
      dimension: "digital_literacy",
      reversed: "on",
    });
  });

  it("builds a new scored diagnostic from rows typed on the page", () => {
    const blank = { ...gangneung(), questionSets: [], matching: { ...gangneung().matching, criteria: [] } };
    const saved = templateDefinitionSchema.parse(
      post(blank, (values) => {
        values.questionSets = [
          {
            key: " pre ",
            title: { ko: "사전 진단", en: "" },
            phases: ["pre"],
            roles: ["mentee"],
            dimensions: [
              { key: "trust", label: { ko: "신뢰", en: "Trust" } },
              { key: "growth", label: { ko: "성장", en: "" } },
            ],
            questions: [
              {
                key: "t1",
                type: "likert",
                prompt: { ko: "동료를 믿는다" },
                required: "on",
                dimension: "trust",
              },
              {
                key: "t2",
                type: "likert",
                prompt: { ko: "혼자 일하는 편이 낫다" },
                required: "on",
                dimension: "trust",
                reversed: "on",
              },
              {
                key: "style",
                type: "single",
                prompt: { ko: "소통 방식" },
                options: [
                  { key: "talk", label: { ko: "대화" } },
                  { key: "chat", label: { ko: "메신저" } },
                ],
              },
            ],
          },
        ];
      }),
    );
    expect(saved.questionSets).toEqual([
      {
        key: "pre",
        title: { ko: "사전 진단" },
        phases: ["pre"],
        roles: ["mentee"],
        dimensions: [
          { key: "trust", label: { ko: "신뢰", en: "Trust" } },
          { key: "growth", label: { ko: "성장" } },
        ],
        questions: [
          {
            key: "t1",
            type: "likert",
            prompt: { ko: "동료를 믿는다" },
            required: true,
            options: [],
            dimension: "trust",
            reversed: false,
          },
          {
            key: "t2",
            type: "likert",
            prompt: { ko: "혼자 일하는 편이 낫다" },
            required: true,
            options: [],
            dimension: "trust",
            reversed: true,
          },
          {
            key: "style",
            type: "single",
            prompt: { ko: "소통 방식" },
            required: false,
            options: [
              { key: "talk", label: { ko: "대화" } },
              { key: "chat", label: { ko: "메신저" } },
            ],
            reversed: false,
          },
        ],
      },
    ]);
  });

  it("drops the options and pick of a question changed to a type without them, and reversed off likert", () => {
    const parsed = templateDefinitionSchema.parse(
      post(gangneung(), (values) => {
        const question = questionsOf(values, 0)[2];
        if (question) Object.assign(question, { type: "short_text", pick: "2", reversed: "on" });
      }),
    );
    expect(parsed.questionSets[0]?.questions[2]).toEqual({
      key: "available_days",
      type: "short_text",
      prompt: {
        ko: "활동 가능한 요일을 모두 고르세요.",
        en: "Which days can you take part? Pick all that apply.",
      },
      required: true,
      options: [],
      reversed: false,
    });
  });
});

describe("the question sets editor's messages", () => {
  it("refuse a choice question with one option at its options, naming them", () => {
    expect(
      shown(gangneung(), (values) => {
        const question = questionsOf(values, 0)[1];
        if (question) question.options = question.options?.slice(0, 1);
      }),
    ).toEqual({
      "questionSets[0].questions[1].options":
        "설문 1 문항 2 선택지: 선택형 문항에는 선택지가 두 개 이상 있어야 합니다",
    });
  });

  it("say it in English too", () => {
    expect(
      shown(
        gangneung(),
        (values) => {
          const question = questionsOf(values, 0)[1];
          if (question) question.options = [];
        },
        en,
      ),
    ).toEqual({
      "questionSets[0].questions[1].options":
        "Survey 1 question 2 options: a choice question needs at least two options",
    });
  });

  it("refuse keys used twice: a question's, an option's, a set's", () => {
    expect(
      shown(gangneung(), (values) => {
        const [first, second] = questionsOf(values, 1);
        if (first && second) second.key = first.key;
        const options = questionsOf(values, 0)[1]?.options ?? [];
        if (options[0] && options[1]) options[1].key = options[0].key;
        const [pre, , satisfaction] = sets(values);
        if (pre && satisfaction) satisfaction.key = pre.key;
      }),
    ).toEqual({
      questionSets: "설문과 진단 편집: 같은 키가 두 번 쓰였습니다",
      "questionSets[1].questions": "설문 2 문항: 같은 키가 두 번 쓰였습니다",
      "questionSets[0].questions[1].options": "설문 1 문항 2 선택지: 같은 키가 두 번 쓰였습니다",
    });
  });

  it("refuse two dimensions of a set under one key, at its dimensions", () => {
    expect(
      shown(gangneung(), (values) => {
        sets(values)[1]?.dimensions?.push({ key: "openness", label: { ko: "개방성 2" } });
      }),
    ).toEqual({ "questionSets[1].dimensions": "설문 2 진단 영역: 같은 키가 두 번 쓰였습니다" });
  });

  it("refuse a dimension the set does not have, and one on an item that is not likert", () => {
    expect(
      shown(gangneung(), (values) => {
        const diagnostic = questionsOf(values, 1);
        if (diagnostic[0]) diagnostic[0].dimension = "speed";
        if (diagnostic[1]) diagnostic[1].type = "short_text";
      }),
    ).toEqual({
      "questionSets[1].questions[0].dimension": "설문 2 문항 1 채점 영역: 이런 진단 영역이 없습니다.",
      "questionSets[1].questions[1].dimension":
        "설문 2 문항 2 채점 영역: 5점 척도 문항만 진단 영역을 채점합니다",
    });
  });

  it("name each matching criterion that would lose its question or dimension, above the question sets", () => {
    expect(
      shown(gangneung(), (values) => {
        // The interests question and the digital literacy dimension go; the communication style stays.
        const pre = sets(values)[0];
        if (pre) pre.questions = pre.questions?.filter((question) => question.key !== "interests");
        const diagnostic = sets(values)[1];
        if (diagnostic) {
          diagnostic.dimensions = diagnostic.dimensions?.filter((d) => d.key !== "digital_literacy");
          for (const question of diagnostic.questions ?? []) question.dimension = "";
        }
      }),
    ).toEqual({
      matching:
        "매칭 기준과 규칙: 이 변경으로 매칭 기준 1 (diagnostic_complement:digital_diagnostic.digital_literacy), 2 (interest_overlap)의 문항이나 진단 영역이 없어지거나 맞지 않게 됩니다. 그 문항을 그대로 두거나 매칭 기준을 먼저 고치세요",
    });
  });

  it("name a set's missing phases and roles", () => {
    expect(
      shown(gangneung(), (values) => {
        const satisfaction = sets(values)[2];
        if (satisfaction) Object.assign(satisfaction, { phases: [], roles: [] });
      }),
    ).toEqual({
      "questionSets[2].phases": "설문 3 시기: 1개 이상 입력하세요",
      "questionSets[2].roles": "설문 3 대상: 1개 이상 입력하세요",
    });
  });
});
