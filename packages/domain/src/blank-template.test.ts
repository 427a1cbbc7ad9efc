import { describe, expect, it } from "vitest";
import { BLANK_TEMPLATE_QUOTA, blankTemplate } from "./blank-template";
import { calendarDate } from "./calendar-date";
import { scheduleFromOffsets, scheduleProblems } from "./cohort-schedule";
import { evaluateEligibility } from "./eligibility";
import { programKinds, templateDefinitionSchema } from "./program-template";
import { describeTeamShape } from "./team-shape";

describe("a blank template", () => {
  it.each(programKinds)("of kind %s is a valid definition with the name given", (kind) => {
    const definition = blankTemplate({ kind, name: "  새 멘토링  " });
    expect(templateDefinitionSchema.safeParse(definition).success).toBe(true);
    expect(definition.kind).toBe(kind);
    expect(definition.name).toBe("새 멘토링");
  });

  it("pairs one mentor with one mentee, asks nothing, and scores nothing yet", () => {
    const definition = blankTemplate({ kind: "standard", name: "새 멘토링" });
    expect(describeTeamShape(definition.teamShape)).toBe("1:1");
    expect([definition.roles.mentor.quota, definition.roles.mentee.quota]).toEqual([
      BLANK_TEMPLATE_QUOTA,
      BLANK_TEMPLATE_QUOTA,
    ]);
    expect(definition.questionSets).toEqual([]);
    expect(definition.rubric).toEqual([]);
    expect(definition.awards).toEqual([]);
    expect(definition.matching.criteria).toEqual([]);
  });

  it("lets anyone apply for either role", () => {
    const { roles } = blankTemplate({ kind: "standard", name: "새 멘토링" });
    const person = {
      grade: null,
      hireDate: calendarDate("2026-01-02"),
      birthYear: null,
      departmentId: "d",
      positionTitle: "주무관",
    };
    for (const role of [roles.mentor, roles.mentee])
      expect(evaluateEligibility(role.eligibility, person, calendarDate("2026-03-01")).eligible).toBe(true);
  });

  it("gives phases in order and a certificate that names both sides", () => {
    const definition = blankTemplate({ kind: "reverse", name: "새 멘토링" });
    expect(scheduleProblems(scheduleFromOffsets(calendarDate("2027-03-02"), definition.phases))).toEqual([]);
    expect(definition.certificate.body).toContain("{mentors}");
    expect(definition.certificate.body).toContain("{mentees}");
  });

  it("refuses an empty name", () => {
    expect(() => blankTemplate({ kind: "standard", name: " " })).toThrow();
  });
});
