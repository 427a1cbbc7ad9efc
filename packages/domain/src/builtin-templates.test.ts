import { describe, expect, it } from "vitest";
import { formsTeams } from "./board-proposal";
import { builtinTemplate, builtinTemplateKeys } from "./builtin-templates";
import { calendarDate } from "./calendar-date";
import { scheduleFromOffsets, scheduleProblems } from "./cohort-schedule";
import { evaluateEligibility } from "./eligibility";
import { templateDefinitionSchema } from "./program-template";
import { describeTeamShape } from "./team-shape";

describe("the built-in templates", () => {
  it.each(builtinTemplateKeys)("%s is a valid definition", (key) => {
    expect(templateDefinitionSchema.safeParse(builtinTemplate(key)).success).toBe(true);
  });

  it("models Yongin's new-official mentoring: standard, one mentor with one or two new officials, 14 and 24", () => {
    const yongin = builtinTemplate("new_official_mentoring");
    expect(yongin.kind).toBe("standard");
    expect(describeTeamShape(yongin.teamShape)).toBe("1:1-2");
    expect([yongin.roles.mentor.quota, yongin.roles.mentee.quota]).toEqual([14, 24]);
  });

  it("models Gangneung's reverse mentoring: three juniors to a manager, 30 and 10", () => {
    const gangneung = builtinTemplate("reverse_mentoring");
    expect(gangneung.kind).toBe("reverse");
    expect(describeTeamShape(gangneung.teamShape)).toBe("3:1");
    expect([gangneung.roles.mentor.quota, gangneung.roles.mentee.quota]).toEqual([30, 10]);
  });

  it("gives Gangneung's 2025 dates from a recruitment opening on 22 January", () => {
    const schedule = scheduleFromOffsets(
      calendarDate("2025-01-22"),
      builtinTemplate("reverse_mentoring").phases,
    );
    expect(schedule.recruitmentEnd).toBe("2025-02-10");
    expect(schedule.orientation).toBe("2025-02-21");
    // Activities March to September.
    expect(schedule.activitiesStart).toBe("2025-03-01");
    expect(schedule.activitiesEnd).toBe("2025-09-30");
    expect(scheduleProblems(schedule)).toEqual([]);
  });

  it("admits Gangneung's juniors and refuses a grade-7 official and a grade-9 official of six years", () => {
    const rule = builtinTemplate("reverse_mentoring").roles.mentor.eligibility;
    const at = calendarDate("2025-01-22");
    const person = (grade: number, hireDate: string) => ({
      grade,
      hireDate: calendarDate(hireDate),
      departmentId: "d",
      positionTitle: "주무관",
      birthYear: 1996,
    });
    expect(evaluateEligibility(rule, person(9, "2022-03-02"), at).eligible).toBe(true);
    expect(evaluateEligibility(rule, person(7, "2022-03-02"), at).failures.map((f) => f.code)).toEqual([
      "grade.below_min",
    ]);
    expect(evaluateEligibility(rule, person(9, "2019-01-02"), at).failures.map((f) => f.code)).toEqual([
      "years_of_service.above_max",
    ]);
  });

  it("takes directors and division heads as Gangneung's mentees", () => {
    const rule = builtinTemplate("reverse_mentoring").roles.mentee.eligibility;
    const manager = (positionTitle: string) => ({
      grade: 5,
      hireDate: calendarDate("2000-03-02"),
      departmentId: "d",
      positionTitle,
      birthYear: 1972,
    });
    const at = calendarDate("2025-01-22");
    expect(evaluateEligibility(rule, manager("과장"), at).eligible).toBe(true);
    expect(evaluateEligibility(rule, manager("국장"), at).eligible).toBe(true);
    expect(evaluateEligibility(rule, manager("팀장"), at).eligible).toBe(false);
  });

  // The mentoring programs: a junior board forms no teams (its own test is below).
  const mentoringKeys = builtinTemplateKeys.filter((key) => formsTeams(builtinTemplate(key).kind));

  it("has a pre-survey and a diagnostic given before and after, for matching and for measuring change", () => {
    for (const key of mentoringKeys) {
      const sets = builtinTemplate(key).questionSets;
      expect(sets.some((set) => set.key === "pre_survey" && set.phases.includes("pre"))).toBe(true);
      const diagnostic = sets.find((set) => set.dimensions.length > 0);
      expect(diagnostic?.phases).toEqual(["pre", "post"]);
    }
  });

  it("asks everyone five satisfaction questions (1-5) after the activities, scoring no dimension", () => {
    for (const key of mentoringKeys) {
      const set = builtinTemplate(key).questionSets.find((candidate) => candidate.key === "satisfaction");
      expect([set?.phases, set?.roles, set?.dimensions]).toEqual([["post"], ["mentor", "mentee"], []]);
      expect(
        set?.questions.map((question) => [question.type, question.dimension, question.required]),
      ).toEqual(Array.from({ length: 5 }, () => ["likert", undefined, true]));
    }
  });

  it("models Gangneung's junior board: members alone, and a monthly proposal meeting with the mayor", () => {
    const board = builtinTemplate("junior_board");
    expect(board.kind).toBe("board");
    expect(board.roles.mentor.eligibility).toEqual({
      grade: { min: 6, max: 9 },
      yearsOfService: { max: 10 },
    });
    const meeting = board.calendar.find((entry) => entry.title.ko === "정책제안 간담회");
    expect(meeting).toMatchObject({ kind: "event", repeat: "monthly", month: 1, attendance: true });
    expect(board.questionSets.flatMap((set) => set.roles)).toEqual(["mentor"]);
    expect([board.rubric, board.awards, board.matching.criteria]).toEqual([[], [], []]);
  });

  it("hands out a fresh copy every time, so a tenant's edits never reach the original", () => {
    const copy = builtinTemplate("reverse_mentoring");
    copy.teamShape.mentors.min = 1;
    copy.name = "바뀐 이름";
    expect(builtinTemplate("reverse_mentoring").teamShape.mentors.min).toBe(3);
    expect(builtinTemplate("reverse_mentoring").name).toBe("거꾸로 멘토링");
  });

  it("forms Gangneung's teams on digital skills, interests and style, three departments, none the manager's", () => {
    const { matching } = builtinTemplate("reverse_mentoring");
    expect(matching.differentDepartment).toBe(true);
    // A bureau director's juniors come from other bureaus, and from three different ones.
    expect(matching.departmentLevel).toBe("bureau");
    expect(matching.mentorsFromDifferentDepartments).toBe(true);
    expect(matching.criteria.map((criterion) => criterion.kind)).toEqual([
      "diagnostic_complement",
      "interest_overlap",
      "answer",
      "team_diversity",
    ]);
  });

  it("forms Yongin's pairs on shared topics, meeting style and years of service, another department preferred", () => {
    const { matching } = builtinTemplate("new_official_mentoring");
    expect(matching.differentDepartment).toBe(false);
    expect(matching.criteria).toContainEqual({
      kind: "attribute",
      attribute: "department",
      prefer: "different",
      weight: 1,
    });
    expect(matching.criteria.map((criterion) => criterion.kind)).toContain("years_gap");
  });

  it("scores Gangneung's teams on training attendance 30, activities 30 and results 40, the last by evaluators", () => {
    const { rubric } = builtinTemplate("reverse_mentoring");
    expect(rubric.map((criterion) => [criterion.key, criterion.weight, criterion.source])).toEqual([
      ["training", 30, { kind: "computed", metric: "attendance_rate" }],
      ["activities", 30, { kind: "computed", metric: "activities_logged", target: 1 }],
      ["results", 40, { kind: "evaluators" }],
    ]);
    expect(rubric[2]?.levels?.map((level) => level.score)).toEqual([0, 5, 10]);
  });

  it("awards Gangneung's best team a commendation and a study trip, and two more a commendation", () => {
    const { awards } = builtinTemplate("reverse_mentoring");
    expect(
      awards.map((award) => [award.name.ko, award.teams, award.prize.ko, award.certificateTitle]),
    ).toEqual([
      ["최우수", 1, "표창 및 국내외 우수사례지 견학", "표창장"],
      ["우수", 2, "표창", "표창장"],
    ]);
  });

  it("scores Yongin's pairs on meetings (two a month) 40, assignments on time 20 and growth 40", () => {
    const { rubric, awards } = builtinTemplate("new_official_mentoring");
    expect(rubric.map((criterion) => [criterion.key, criterion.weight, criterion.source])).toEqual([
      ["meetings", 40, { kind: "computed", metric: "meeting_frequency", target: 2 }],
      ["assignments", 20, { kind: "computed", metric: "assignments_on_time" }],
      ["growth", 40, { kind: "evaluators" }],
    ]);
    expect(awards.map((award) => [award.name.ko, award.teams])).toEqual([["우수 멘토링 팀", 3]]);
  });

  it("evaluates with the department conflict rule and z-scores unless a city changes them", () => {
    for (const key of builtinTemplateKeys)
      expect(builtinTemplate(key).evaluation).toEqual({
        conflictSameDepartment: true,
        normalisation: "z_score",
        disagreementSpread: 20,
      });
  });
});
