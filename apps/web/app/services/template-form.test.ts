import { parseWithZod } from "@conform-to/zod";
import { AppError, builtinTemplate, templateDefinitionSchema } from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { templateFieldName } from "../presenters/template-editor.server";
import { i18n } from "./i18n.server";
import { translateRefusal } from "./route-builder.server";
import { definitionFromForm, templateForm, templateFormValues } from "./template-form";

let ko: TFunction;
let en: TFunction;

// The app's own translators, as its loaders and actions get them.
beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

/** The Gangneung template's editor as posted, with some fields changed as a coordinator typed them. */
function postedTemplate(fields: Record<string, string | string[]>) {
  const definition = builtinTemplate("reverse_mentoring");
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
  };
  for (const [name, value] of Object.entries({ ...base, ...fields })) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  // As the route builder reads a post: conform's parse of the form's own schema.
  const submission = parseWithZod(data, { schema: templateForm });
  if (submission.status !== "success") throw new Error("the template form refused a post");
  return definitionFromForm(submission.value, definition);
}

describe("the template form", () => {
  it("reads back the definition it was filled from", () => {
    const definition = builtinTemplate("reverse_mentoring");
    expect(templateDefinitionSchema.parse(postedTemplate({}))).toEqual(definition);
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
      postedTemplate({
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
      postedTemplate({ "roles.mentee.eligibility.departments.include": "dept-a" }),
    );
    expect(parsed.roles.mentee.eligibility.departments).toEqual({ include: ["dept-a"] });
  });

  it("passes what is not a number on as NaN, for the definition's schema to name", () => {
    const result = templateDefinitionSchema.safeParse(postedTemplate({ "roles.mentor.quota": "서른" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["roles.mentor.quota"]);
  });
});

/** What the editor shows beside each field when saveTemplate refuses the posted definition (the route builder words it). */
function shown(fields: Record<string, string | string[]>, t: TFunction = ko) {
  const result = templateDefinitionSchema.safeParse(postedTemplate(fields));
  if (result.success) return {};
  const { fieldErrors } = translateRefusal(AppError.invalid(result.error), t, templateFieldName);
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
    expect(templateFieldName("questionSets.0.questions", ko)).toBe("설문·과제·평가 기준·시상");
    expect(templateFieldName("", ko)).toBe("설문·과제·평가 기준·시상");
  });
});
