import { describe, expect, it } from "vitest";
import { builtinTemplate, builtinTemplateKeys } from "./builtin-templates";
import { monthsBeyondActivities, templateActivityMonths } from "./template-activity-span";

const entry = (month: number) => ({ month });

describe("the activity months a template's phases give", () => {
  it("counts the most months activities touch when they start on the first of a month", () => {
    // 212 days: 1 March to 29 September, or 1 February to 1 September at most.
    expect(templateActivityMonths({ activitiesStart: 38, activitiesEnd: 250 })).toBe(8);
    // 181 days: at most 1 February to 1 August, 1 March to 29 August otherwise.
    expect(templateActivityMonths({ activitiesStart: 28, activitiesEnd: 209 })).toBe(7);
    // 27 days stay in the month they start in, even in February.
    expect(templateActivityMonths({ activitiesStart: 10, activitiesEnd: 37 })).toBe(1);
    expect(templateActivityMonths({ activitiesStart: 10, activitiesEnd: 10 })).toBe(1);
    // A year from 1 January reaches the next 1 January.
    expect(templateActivityMonths({ activitiesStart: 0, activitiesEnd: 365 })).toBe(13);
    // 300 days from 1 February end on 28 November.
    expect(templateActivityMonths({ activitiesStart: 0, activitiesEnd: 300 })).toBe(10);
  });

  it("accepts every assignment and calendar item of the built-in templates", () => {
    for (const key of builtinTemplateKeys) {
      const definition = builtinTemplate(key);
      expect(monthsBeyondActivities(definition), key).toEqual([]);
    }
  });

  it("names each assignment and item whose month comes after activities end, with the months there are", () => {
    const problems = monthsBeyondActivities({
      phases: { activitiesStart: 28, activitiesEnd: 150 },
      assignments: [entry(1), entry(5), entry(6)],
      calendar: [entry(12), entry(2)],
    });
    expect(problems).toEqual([
      {
        path: "assignments.2.month",
        message: "templateDesign.issue.beyondActivities",
        params: { months: 5 },
      },
      { path: "calendar.0.month", message: "templateDesign.issue.beyondActivities", params: { months: 5 } },
    ]);
  });
});
