import { AppError, builtinTemplate, cohortScheduleSchema, templateDefinitionSchema } from "@mentoring/domain";
import { defaultNamespace, formatters, resources } from "@mentoring/i18n";
import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { type FormIssues, formIssues, formIssuesOfFields } from "./form-issues.server";
import { templateFieldName, templateFromForm } from "./programs.server";

let ko: TFunction;
let en: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.use(formatters).init({
    resources,
    lng: "ko",
    fallbackLng: "ko",
    defaultNS: defaultNamespace,
    interpolation: { escapeValue: false },
  });
  ko = instance.getFixedT("ko");
  en = instance.getFixedT("en");
});

/** The editor's form for the Gangneung template, with some fields set as a coordinator typed them. */
function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  const definition = builtinTemplate("reverse_mentoring");
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
  return { data, definition };
}

/** What the page shows beside each field. */
function shown(issues: FormIssues, t: TFunction) {
  return Object.fromEntries(
    Object.entries(issues).map(([field, issue]) => [field, t(issue.key, issue.params)]),
  );
}

function templateIssues(fields: Record<string, string | string[]>, t: TFunction = ko) {
  const { data, definition } = form(fields);
  const result = templateDefinitionSchema.safeParse(templateFromForm(data, definition));
  if (result.success) return {};
  return shown(
    formIssues(result.error, (path) => templateFieldName(t, path)),
    t,
  );
}

describe("the template form", () => {
  it("reads back the definition it was filled from", () => {
    const { data, definition } = form({});
    expect(templateDefinitionSchema.parse(templateFromForm(data, definition))).toEqual(definition);
  });

  it("reads empty bounds as no rule, department choices as ids and typed titles as a list", () => {
    const { data, definition } = form({
      "roles.mentor.eligibility.grade.min": "",
      "roles.mentor.eligibility.grade.max": "",
      "roles.mentor.eligibility.departments.exclude": ["dept-a", "dept-b"],
      "roles.mentee.eligibility.positionTitles.include": "국장，과장 、 실장, ",
    });
    const parsed = templateDefinitionSchema.parse(templateFromForm(data, definition));
    expect(parsed.roles.mentor.eligibility).toEqual({
      yearsOfService: { max: 5 },
      departments: { exclude: ["dept-a", "dept-b"] },
    });
    expect(parsed.roles.mentee.eligibility).toEqual({
      positionTitles: { include: ["국장", "과장", "실장"] },
    });
  });

  it("names the field of a team with no mentors", () => {
    expect(templateIssues({ "teamShape.mentors.min": "0" })).toEqual({
      "teamShape.mentors.min": "멘토 수 최솟값: 1 이상이어야 합니다",
    });
  });

  it("names it in English too", () => {
    expect(templateIssues({ "teamShape.mentors.min": "0" }, en)).toEqual({
      "teamShape.mentors.min": "Mentors per team, minimum: must be at least 1",
    });
  });

  it("names the maximum that is below its minimum", () => {
    expect(templateIssues({ "teamShape.mentees.min": "2" })).toEqual({
      "teamShape.mentees.max": "멘티 수 최댓값: 최솟값보다 작을 수 없습니다",
    });
  });

  it("names phases out of order and the phase they must follow", () => {
    expect(templateIssues({ "phases.orientation": "10" })).toEqual({
      "phases.orientation": "오리엔테이션: 모집 마감일보다 앞설 수 없습니다",
    });
  });

  it("names the role in its eligibility fields", () => {
    expect(
      templateIssues({
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

  it("says which fields are too long or not whole numbers", () => {
    expect(templateIssues({ "certificate.title": "결".repeat(41), "roles.mentor.quota": "2.5" })).toEqual({
      "roles.mentor.quota": "멘토 모집 인원: 정수를 입력하세요",
      "certificate.title": "결연증서 제목: 40자 이하로 입력하세요",
    });
  });

  it("refuses an unknown kind as a choice from the list", () => {
    expect(templateIssues({ kind: "peer" })).toEqual({ kind: "프로그램 유형: 목록에서 고르세요" });
  });
});

describe("the cohort's dates", () => {
  it("names every date refused: one out of order, one missing", () => {
    const dates = {
      recruitmentStart: "2025-01-22",
      recruitmentEnd: "2025-02-10",
      orientation: "2025-02-01",
      matching: "2025-02-21",
      ceremony: "2025-02-28",
      activitiesStart: "2025-03-01",
      activitiesEnd: "2025-09-30",
      evaluationStart: "2025-10-01",
      evaluationEnd: "2025-10-15",
      close: "",
    };
    const result = cohortScheduleSchema.safeParse(dates);
    expect(result.success).toBe(false);
    if (result.success) return;
    const names = (path: string) => (path in dates ? ko(`programs.schedule.${path}`) : null);
    expect(shown(formIssues(result.error, names), ko)).toEqual({
      close: "기수 종료일: 올바른 날짜(YYYY-MM-DD)를 입력하세요",
      orientation: "오리엔테이션: 모집 마감일보다 앞설 수 없습니다",
    });
  });
});

describe("a use case's refusal of invalid input", () => {
  /** What the page shows for the fields of `input.invalid`, as a use case throws it from the same schema. */
  function refused(error: AppError, fieldName: (path: string) => string | null) {
    expect(error.code).toBe("input.invalid");
    return shown(formIssuesOfFields(error.details.fields ?? [], fieldName), ko);
  }

  it.each([
    { "teamShape.mentors.min": "0" },
    { "teamShape.mentees.min": "2", "phases.orientation": "10" },
    {
      "roles.mentor.eligibility.grade.min": "9",
      "roles.mentor.eligibility.grade.max": "8",
      "roles.mentee.eligibility.hireDate.from": "2025-02-30",
    },
    { kind: "peer", "roles.mentee.quota": "", "certificate.title": "결".repeat(41) },
  ] as Record<string, string>[])(
    "words each field of the template as the form's own validation does (%o)",
    (fields) => {
      const { data, definition } = form(fields);
      const result = templateDefinitionSchema.safeParse(templateFromForm(data, definition));
      expect(result.success).toBe(false);
      if (result.success) return;
      const fieldName = (path: string) => templateFieldName(ko, path);
      const fromFields = refused(AppError.invalid(result.error), fieldName);
      expect(Object.keys(fromFields).length).toBeGreaterThan(0);
      expect(fromFields).toEqual(shown(formIssues(result.error, fieldName), ko));
    },
  );

  it("names the date a refused date must not come before", () => {
    const result = cohortScheduleSchema.safeParse({
      recruitmentStart: "2025-01-22",
      recruitmentEnd: "2025-02-10",
      orientation: "2025-02-01",
      matching: "2025-02-21",
      ceremony: "2025-02-28",
      activitiesStart: "2025-03-01",
      activitiesEnd: "2025-09-30",
      evaluationStart: "2025-10-01",
      evaluationEnd: "2025-10-15",
      close: "2025-10-31",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const names = (path: string) => (path === "" ? null : ko(`programs.schedule.${path}`));
    expect(refused(AppError.invalid(result.error), names)).toEqual({
      orientation: "오리엔테이션: 모집 마감일보다 앞설 수 없습니다",
    });
  });
});
