import { parseWithZod } from "@conform-to/zod";
import { AppError, builtinTemplate, templateDefinitionSchema } from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { templateFieldName } from "../presenters/template-editor.server";
import { i18n } from "./i18n.server";
import { translateRefusal } from "./route-builder.server";
import {
  definitionFromForm,
  templateForm,
  templateFormValues,
  typedWeightSum,
  withFormPaths,
} from "./template-form";

let ko: TFunction;
let en: TFunction;

// The app's own translators, as its loaders and actions get them.
beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

/** A part of the form's values as the browser posts it: conform's names ("rubric[0].name.ko"), empty fields left out. */
function formFields(value: unknown, prefix: string): Record<string, string> {
  if (Array.isArray(value))
    return Object.assign({}, ...value.map((item, index) => formFields(item, `${prefix}[${index}]`)));
  if (typeof value === "object" && value !== null)
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, inner]) => formFields(inner, `${prefix}.${key}`)),
    );
  return value === "" || value === undefined ? {} : { [prefix]: String(value) };
}

/**
 * The Gangneung template's editor as posted, with some fields changed as a coordinator typed them (a
 * field given as null is left out, as a removed row or an unticked box is).
 */
function postedForm(
  fields: Record<string, string | string[] | null>,
  lists: { rubric?: unknown[]; awards?: unknown[] } = {},
) {
  const definition = builtinTemplate("reverse_mentoring");
  const values = templateFormValues(definition);
  const data = new FormData();
  const base: Record<string, string> = {
    kind: definition.kind,
    name: definition.name,
    description: definition.description,
    "teamShape.mentors.min": "3",
    "teamShape.mentors.max": "3",
    "teamShape.mentees.min": "1",
    "teamShape.mentees.max": "1",
    "roles.mentor.quota": "30",
    "roles.mentor.eligibility.grade.min": "8",
    "roles.mentor.eligibility.grade.max": "9",
    "roles.mentor.eligibility.yearsOfService.max": "5",
    "roles.mentee.quota": "10",
    "roles.mentee.eligibility.positionTitles.include": "국장, 과장",
    "certificate.title": definition.certificate.title,
    "certificate.body": definition.certificate.body,
    "certificate.signerTitle": definition.certificate.signerTitle,
    ...Object.fromEntries(
      Object.entries(definition.phases).map(([field, days]) => [`phases.${field}`, String(days)]),
    ),
    ...formFields(lists.rubric ?? values.rubric, "rubric"),
    ...formFields(values.evaluation, "evaluation"),
    ...formFields(lists.awards ?? values.awards, "awards"),
  };
  for (const [name, value] of Object.entries({ ...base, ...fields })) {
    if (value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  // As the route builder reads a post: conform's parse of the form's own schema.
  const submission = parseWithZod(data, { schema: templateForm });
  if (submission.status !== "success") throw new Error("the template form refused a post");
  return { form: submission.value, definition: definitionFromForm(submission.value, definition) };
}

/** The definition the posted editor describes. */
const posted = (...args: Parameters<typeof postedForm>) => postedForm(...args).definition;

describe("the template form", () => {
  it("reads back the definition it was filled from", () => {
    const definition = builtinTemplate("reverse_mentoring");
    expect(templateDefinitionSchema.parse(posted({}))).toEqual(definition);
  });

  it("opens with the definition's values, position titles as typed", () => {
    const values = templateFormValues(builtinTemplate("reverse_mentoring"));
    expect(values.teamShape.mentors).toEqual({ min: "3", max: "3" });
    expect(values.roles.mentor.eligibility.grade).toEqual({ min: "8", max: "9" });
    expect(values.roles.mentor.eligibility.yearsOfService).toEqual({ min: "", max: "5" });
    expect(values.roles.mentee.eligibility.positionTitles.include).toBe("국장, 과장");
    expect(values.phases.orientation).toBe("30");
  });

  it("reads empty bounds as no rule, department choices as ids and typed titles as a list", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({
        "roles.mentor.eligibility.grade.min": "",
        "roles.mentor.eligibility.grade.max": " ",
        "roles.mentor.eligibility.departments.exclude": ["dept-a", "dept-b"],
        "roles.mentee.eligibility.positionTitles.include": "국장，과장 、 실장, ",
      }),
    );
    expect(parsed.roles.mentor.eligibility).toEqual({
      yearsOfService: { max: 5 },
      departments: { exclude: ["dept-a", "dept-b"] },
    });
    expect(parsed.roles.mentee.eligibility).toEqual({
      positionTitles: { include: ["국장", "과장", "실장"] },
    });
  });

  it("reads one department chosen as a list of one", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({ "roles.mentee.eligibility.departments.include": "dept-a" }),
    );
    expect(parsed.roles.mentee.eligibility.departments).toEqual({ include: ["dept-a"] });
  });

  it("reads only decimal numbers: a hexadecimal or an infinity is no number", () => {
    for (const typed of ["0x10", "Infinity", "1_000"]) {
      const result = templateDefinitionSchema.safeParse(posted({ "rubric[0].scaleMax": typed }));
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
        ["rubric.0.scaleMax", "invalid_type"],
      ]);
    }
    expect(
      templateDefinitionSchema.parse(posted({ "evaluation.disagreementSpread": "1.5e1" })).evaluation
        .disagreementSpread,
    ).toBe(15);
  });

  it("passes what is not a number on as NaN, for the definition's schema to name", () => {
    const result = templateDefinitionSchema.safeParse(posted({ "roles.mentor.quota": "서른" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["roles.mentor.quota"]);
  });
});

/** What the editor shows beside each field when saveTemplate refuses the posted definition (the route builder words it). */
function shown(fields: Record<string, string | string[] | null>, t: TFunction = ko) {
  const result = templateDefinitionSchema.safeParse(posted(fields));
  if (result.success) return {};
  // As the route answers: under the names of the form's fields.
  const refusal = withFormPaths(AppError.invalid(result.error), postedForm(fields).form);
  const { fieldErrors } = translateRefusal(refusal, t, templateFieldName);
  return Object.fromEntries(Object.entries(fieldErrors).map(([path, [message]]) => [path, message]));
}

describe("the template editor's messages", () => {
  it("name the field of a team with no mentors", () => {
    expect(shown({ "teamShape.mentors.min": "0" })).toEqual({
      "teamShape.mentors.min": "멘토 수 최솟값: 1 이상이어야 합니다",
    });
  });

  it("name it in English too", () => {
    expect(shown({ "teamShape.mentors.min": "0" }, en)).toEqual({
      "teamShape.mentors.min": "Mentors per team, minimum: must be at least 1",
    });
  });

  it("name the maximum that is below its minimum", () => {
    expect(shown({ "teamShape.mentees.min": "2" })).toEqual({
      "teamShape.mentees.max": "멘티 수 최댓값: 최솟값보다 작을 수 없습니다",
    });
  });

  it("name phases out of order and the phase they must follow", () => {
    expect(shown({ "phases.orientation": "10" })).toEqual({
      "phases.orientation": "오리엔테이션: 모집 마감일보다 앞설 수 없습니다",
    });
  });

  it("name the role in its eligibility fields", () => {
    expect(
      shown({
        "roles.mentor.eligibility.grade.min": "9",
        "roles.mentor.eligibility.grade.max": "8",
        "roles.mentee.quota": "",
        "roles.mentee.eligibility.hireDate.from": "2025-02-30",
        "roles.mentee.eligibility.birthYear.min": "천구백",
      }),
    ).toEqual({
      "roles.mentor.eligibility.grade.min": "멘토 직급 최솟값(급): 최댓값보다 클 수 없습니다",
      "roles.mentee.quota": "멘티 모집 인원: 입력하세요",
      "roles.mentee.eligibility.hireDate.from": "멘티 임용일 시작: 올바른 날짜(YYYY-MM-DD)를 입력하세요",
      "roles.mentee.eligibility.birthYear.min": "멘티 출생연도 최솟값: 숫자를 입력하세요",
    });
  });

  it("say which fields are too long or not whole numbers", () => {
    expect(shown({ "certificate.title": "결".repeat(41), "roles.mentor.quota": "2.5" })).toEqual({
      "roles.mentor.quota": "멘토 모집 인원: 정수를 입력하세요",
      "certificate.title": "결연증서 제목: 40자 이하로 입력하세요",
    });
  });

  it("refuse an unknown kind as a choice from the list", () => {
    expect(shown({ kind: "peer" })).toEqual({ kind: "프로그램 유형: 목록에서 고르세요" });
  });
});

describe("the names of the template's fields", () => {
  it("name an item of a list by its list, and a part the form does not edit by those parts", () => {
    expect(templateFieldName("roles.mentee.eligibility.positionTitles.include.0", ko)).toBe(
      "멘티 신청 대상 직위(쉼표로 구분)",
    );
    expect(templateFieldName("questionSets.0.questions", ko)).toBe("설문·과제");
    expect(templateFieldName("", ko)).toBe("설문·과제");
  });

  it("name the rubric's and the awards' fields by their number, in the form's names and the definition's", () => {
    // A control character in a criterion's name is refused by the route builder under the form's name.
    expect(templateFieldName("rubric[0].name.ko", ko)).toBe("평가 기준 1 이름(한국어)");
    expect(templateFieldName("rubric.1.source.kind", ko)).toBe("평가 기준 2 점수 출처");
    expect(templateFieldName("rubric[2].levels[0].label.en", en)).toBe(
      "Criterion 3 level 1 descriptor (English)",
    );
    expect(templateFieldName("awards[1].prize.ko", ko)).toBe("상 2 부상(한국어)");
    expect(templateFieldName("evaluation.disagreementSpread", ko)).toBe("평가 불일치 기준(점)");
    expect(templateFieldName("rubric", ko)).toBe("평가 기준");
  });
});

describe("the template form's rubric, evaluation and awards", () => {
  it("opens with each criterion's source as one choice and its levels as rows", () => {
    const { rubric, evaluation, awards } = templateFormValues(builtinTemplate("reverse_mentoring"));
    expect(rubric?.map((criterion) => [criterion.key, criterion.weight, criterion.source])).toEqual([
      ["training", "30", { kind: "attendance_rate", target: "" }],
      ["activities", "30", { kind: "activities_logged", target: "1" }],
      ["results", "40", { kind: "evaluators", target: "" }],
    ]);
    expect(rubric?.[2]?.levels?.map((level) => level.score)).toEqual(["0", "5", "10"]);
    expect(rubric?.[1]?.levels).toEqual([]);
    expect(evaluation).toEqual({
      conflictSameDepartment: "on",
      normalisation: "z_score",
      disagreementSpread: "20",
    });
    expect(awards?.map((award) => [award.name.ko, award.teams, award.certificateTitle])).toEqual([
      ["최우수", "1", "표창장"],
      ["우수", "2", "표창장"],
    ]);
  });

  it("reads the weights as typed: 30/30/40 becomes 40/20/40", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({ "rubric[0].weight": "40", "rubric[1].weight": "20" }),
    );
    expect(parsed.rubric.map((criterion) => criterion.weight)).toEqual([40, 20, 40]);
    // Everything else of the criteria as it was.
    const before = builtinTemplate("reverse_mentoring").rubric;
    expect(parsed.rubric.map(({ weight: _, ...rest }) => rest)).toEqual(
      before.map(({ weight: _, ...rest }) => rest),
    );
  });

  it("adds a criterion computed from a metric with its target, without English or a description", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({
        "rubric[2].weight": "20",
        "rubric[3].key": "meetings",
        "rubric[3].name.ko": "정기 만남",
        "rubric[3].weight": "20",
        "rubric[3].scaleMax": "5",
        "rubric[3].source.kind": "meeting_frequency",
        "rubric[3].source.target": "2",
      }),
    );
    expect(parsed.rubric[3]).toEqual({
      key: "meetings",
      name: { ko: "정기 만남" },
      weight: 20,
      scaleMax: 5,
      source: { kind: "computed", metric: "meeting_frequency", target: 2 },
    });
  });

  it("removes and reorders criteria as the rows are posted", () => {
    const values = templateFormValues(builtinTemplate("reverse_mentoring")).rubric ?? [];
    const [training, activities, results] = values;
    const parsed = templateDefinitionSchema.parse(
      posted({}, { rubric: [results, { ...training, weight: "60" }] }),
    );
    expect(parsed.rubric.map((criterion) => [criterion.key, criterion.weight])).toEqual([
      ["results", 40],
      ["training", 60],
    ]);
    expect(activities?.key).toBe("activities");
  });

  it("reads an unticked conflict rule as off, and the normalisation and threshold as chosen", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({
        "evaluation.conflictSameDepartment": null,
        "evaluation.normalisation": "none",
        "evaluation.disagreementSpread": "12.5",
      }),
    );
    expect(parsed.evaluation).toEqual({
      conflictSameDepartment: false,
      normalisation: "none",
      disagreementSpread: 12.5,
    });
  });

  it("adds and removes award categories", () => {
    const [grand] = templateFormValues(builtinTemplate("reverse_mentoring")).awards ?? [];
    const encouragement = {
      name: { ko: "장려", en: "" },
      teams: "2",
      prize: { ko: "상품권", en: "" },
      certificateTitle: "상장",
    };
    const parsed = templateDefinitionSchema.parse(posted({}, { awards: [grand, encouragement] }));
    expect(parsed.awards).toEqual([
      builtinTemplate("reverse_mentoring").awards[0],
      { name: { ko: "장려" }, teams: 2, prize: { ko: "상품권" }, certificateTitle: "상장" },
    ]);
  });

  it("adds up the weights as typed, counting what is not a number as nothing", () => {
    expect(typedWeightSum(["30", "30", "40"])).toBe(100);
    expect(typedWeightSum(["40", " 20 ", "41"])).toBe(101);
    expect(typedWeightSum(["40", "", undefined, "스물"])).toBe(40);
  });
});

describe("the rubric editor's messages", () => {
  it("refuse weights adding up to 101 at the rubric, saying what they add up to", () => {
    expect(shown({ "rubric[0].weight": "40", "rubric[1].weight": "21" })).toEqual({
      rubric: "평가 기준: 가중치의 합이 100이어야 합니다 (지금 101)",
    });
    expect(shown({ "rubric[0].weight": "40", "rubric[1].weight": "21" }, en)).toEqual({
      rubric: "Rubric: the weights must add up to 100 (now 101)",
    });
  });

  it("refuse a scale of 0 and a level above the scale beside their fields", () => {
    expect(shown({ "rubric[0].scaleMax": "0", "rubric[2].levels[1].score": "11" })).toEqual({
      "rubric[0].scaleMax": "평가 기준 1 만점: 2 이상이어야 합니다",
      "rubric[2].levels[1].score": "평가 기준 3 단계 2 점수: 단계 점수는 만점보다 클 수 없습니다",
    });
  });

  it("refuse two levels with one score on the row typed last, whatever order the rows are in", () => {
    expect(shown({ "rubric[2].levels[0].score": "10" })).toEqual({
      "rubric[2].levels[2].score": "평가 기준 3 단계 3 점수: 같은 점수의 단계가 두 개 있습니다",
    });
  });

  it("refuse a key used twice, and a new key that is not one", () => {
    expect(shown({ "rubric[1].key": "training" })).toEqual({
      "rubric[1].key": "평가 기준 2 키: 같은 키가 두 번 쓰였습니다",
    });
    expect(shown({ "rubric[1].key": "수시활동" })).toEqual({
      "rubric[1].key": "평가 기준 2 키: 값이 올바르지 않습니다",
    });
  });

  it("ask for a metric's target, a name in Korean and a source from the list", () => {
    expect(
      shown({ "rubric[1].source.target": null, "rubric[2].name.ko": " ", "rubric[0].source.kind": "peers" }),
    ).toEqual({
      "rubric[0].source.kind": "평가 기준 1 점수 출처: 목록에서 고르세요",
      "rubric[1].source.target": "평가 기준 2 목표: 만점 기준(목표)을 입력하세요",
      "rubric[2].name.ko": "평가 기준 3 이름(한국어): 입력하세요",
    });
  });

  it("refuse an award without teams and a normalisation not on the list", () => {
    expect(shown({ "awards[0].teams": "0", "evaluation.normalisation": "trimmed_mean" })).toEqual({
      "evaluation.normalisation": "점수 보정: 목록에서 고르세요",
      "awards[0].teams": "상 1 팀 수: 1 이상이어야 합니다",
    });
  });
});
