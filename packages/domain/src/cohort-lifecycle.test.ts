import { describe, expect, it } from "vitest";
import { type CalendarDate, calendarDate } from "./calendar-date";
import {
  acceptsApplications,
  allowsWithdrawal,
  type CohortStatus,
  cohortStatuses,
  dueTransition,
  nextStatus,
  postSurveyCompletionLow,
  type TransitionFacts,
  transitionAllowed,
  transitionProblems,
} from "./cohort-lifecycle";
import { type CohortSchedule, scheduleFromOffsets } from "./cohort-schedule";

// Gangneung's reverse mentoring 2nd cohort: recruitment 2025-01-22 to 02-10, orientation and matching
// 02-21, ceremony 02-28, activities 03-01 to 09-30, evaluation 10-01 to 10-15, close 10-31.
const schedule: CohortSchedule = scheduleFromOffsets(calendarDate("2025-01-22"), {
  recruitmentEnd: 19,
  orientation: 30,
  matching: 30,
  ceremony: 37,
  activitiesStart: 38,
  activitiesEnd: 251,
  evaluationStart: 252,
  evaluationEnd: 266,
  close: 282,
});

function facts(today: string, overrides: Partial<Omit<TransitionFacts, "today">> = {}): TransitionFacts {
  return {
    today: calendarDate(today),
    accepted: { mentor: 30, mentee: 10 },
    openPreSurveys: 0,
    publishedTeams: 10,
    postSurveys: { submitted: 40, expected: 40 },
    ...overrides,
  };
}

const codes = (from: CohortStatus, to: CohortStatus, given: TransitionFacts) =>
  transitionProblems(from, to, schedule, given).map((problem) => problem.code);

describe("the order of a cohort's statuses", () => {
  it("goes draft, recruiting, orientation, matching, active, evaluation, closed, one step at a time", () => {
    const walked: CohortStatus[] = ["draft"];
    for (let status = nextStatus("draft"); status !== null; status = nextStatus(status)) walked.push(status);
    expect(walked).toEqual([...cohortStatuses]);
  });

  it("has nothing after closed", () => {
    expect(nextStatus("closed")).toBeNull();
  });
});

describe("transitionProblems", () => {
  it("lets recruitment open before its start date: announcing it is the coordinator's call", () => {
    expect(transitionProblems("draft", "recruiting", schedule, facts("2025-01-02"))).toEqual([]);
  });

  it("refuses a closed cohort any move, and no one may override that", () => {
    for (const to of cohortStatuses) {
      expect(transitionProblems("closed", to, schedule, facts("2026-01-01"))).toEqual([
        { code: "transition.closed", overridable: false, params: {} },
      ]);
    }
  });

  it("refuses skipping a status or going back, naming both statuses", () => {
    expect(transitionProblems("draft", "orientation", schedule, facts("2025-03-01"))).toEqual([
      { code: "transition.not_next", overridable: false, params: { from: "draft", to: "orientation" } },
    ]);
    expect(codes("matching", "orientation", facts("2025-03-01"))).toEqual(["transition.not_next"]);
    expect(codes("recruiting", "recruiting", facts("2025-03-01"))).toEqual(["transition.not_next"]);
  });

  it("calls a move before its phase's date too early, an overridable problem naming the date", () => {
    expect(transitionProblems("recruiting", "orientation", schedule, facts("2025-02-20"))).toEqual([
      { code: "transition.too_early", overridable: true, params: { date: "2025-02-21" } },
    ]);
    expect(transitionProblems("recruiting", "orientation", schedule, facts("2025-02-21"))).toEqual([]);
  });

  it("judges each phase by its own start date", () => {
    expect(codes("orientation", "matching", facts("2025-02-20"))).toEqual(["transition.too_early"]);
    expect(codes("matching", "active", facts("2025-02-28"))).toEqual(["transition.too_early"]);
    expect(codes("matching", "active", facts("2025-03-01"))).toEqual([]);
    expect(codes("active", "evaluation", facts("2025-09-30"))).toEqual(["transition.too_early"]);
    expect(codes("active", "evaluation", facts("2025-10-01"))).toEqual([]);
    expect(codes("evaluation", "closed", facts("2025-10-30"))).toEqual(["transition.too_early"]);
    expect(codes("evaluation", "closed", facts("2025-10-31"))).toEqual([]);
  });

  it("refuses orientation without an accepted applicant in each role, whatever the override", () => {
    const problems = transitionProblems(
      "recruiting",
      "orientation",
      schedule,
      facts("2025-02-21", { accepted: { mentor: 0, mentee: 10 } }),
    );
    expect(problems).toEqual([
      { code: "transition.no_accepted", overridable: false, params: { role: "mentor" } },
    ]);
    expect(transitionAllowed(problems, true)).toBe(false);
    expect(
      transitionProblems(
        "recruiting",
        "orientation",
        schedule,
        facts("2025-02-21", { accepted: { mentor: 0, mentee: 0 } }),
      ).map((problem) => problem.params.role),
    ).toEqual(["mentor", "mentee"]);
  });

  it("holds matching while pre-surveys are open, overridable, with how many are open", () => {
    expect(
      transitionProblems("orientation", "matching", schedule, facts("2025-02-21", { openPreSurveys: 2 })),
    ).toEqual([{ code: "transition.surveys_open", overridable: true, params: { count: 2 } }]);
  });

  it("refuses activities without published teams, whatever the override", () => {
    const problems = transitionProblems(
      "matching",
      "active",
      schedule,
      facts("2025-03-01", { publishedTeams: 0 }),
    );
    expect(problems).toEqual([{ code: "transition.no_teams", overridable: false, params: {} }]);
  });

  it("asks before closing while the post-survey stands under 80%, with the figures, and lets an override close", () => {
    const problems = transitionProblems(
      "evaluation",
      "closed",
      schedule,
      facts("2025-10-31", { postSurveys: { submitted: 1, expected: 40 } }),
    );
    expect(problems).toEqual([
      {
        code: "transition.post_surveys_incomplete",
        overridable: true,
        params: { submitted: 1, expected: 40, percent: 2, threshold: 80 },
      },
    ]);
    expect(transitionAllowed(problems, false)).toBe(false);
    expect(transitionAllowed(problems, true)).toBe(true);
  });

  it("closes without asking once the post-survey reaches 80%", () => {
    expect(
      codes("evaluation", "closed", facts("2025-10-31", { postSurveys: { submitted: 32, expected: 40 } })),
    ).toEqual([]);
  });

  it("does not ask about the post-survey on any other move", () => {
    expect(
      codes("active", "evaluation", facts("2025-10-01", { postSurveys: { submitted: 0, expected: 40 } })),
    ).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(
      codes("recruiting", "orientation", facts("2025-02-01", { accepted: { mentor: 0, mentee: 3 } })),
    ).toEqual(["transition.too_early", "transition.no_accepted"]);
  });
});

describe("transitionAllowed", () => {
  const tooEarly = transitionProblems("recruiting", "orientation", schedule, facts("2025-02-20"));
  const hardAndSoft = transitionProblems(
    "recruiting",
    "orientation",
    schedule,
    facts("2025-02-20", { accepted: { mentor: 0, mentee: 1 } }),
  );

  it("allows a move without problems, override or not", () => {
    expect(transitionAllowed([], false)).toBe(true);
    expect(transitionAllowed([], true)).toBe(true);
  });

  it("allows overridable problems only when the coordinator overrides", () => {
    expect(transitionAllowed(tooEarly, false)).toBe(false);
    expect(transitionAllowed(tooEarly, true)).toBe(true);
  });

  it("never allows a hard problem, even alongside overridable ones", () => {
    expect(transitionAllowed(hardAndSoft, true)).toBe(false);
  });
});

describe("dueTransition: dates move a cohort only when they arrive", () => {
  const day = (text: string): CalendarDate => calendarDate(text);

  it("moves a recruiting cohort on its orientation day, not the day before", () => {
    expect(dueTransition("recruiting", schedule, day("2025-02-19"), facts("2025-02-20"))).toBeNull();
    expect(dueTransition("recruiting", schedule, day("2025-02-20"), facts("2025-02-21"))).toBe("orientation");
  });

  it("still moves it when the job missed the day itself (the date arrived since the last check)", () => {
    expect(dueTransition("recruiting", schedule, day("2025-02-15"), facts("2025-02-23"))).toBe("orientation");
  });

  it("leaves a date that had already come when the schedule was last checked or set", () => {
    expect(dueTransition("recruiting", schedule, day("2025-02-21"), facts("2025-02-21"))).toBeNull();
    expect(dueTransition("recruiting", schedule, day("2025-06-01"), facts("2025-06-02"))).toBeNull();
  });

  it("never opens recruitment of a draft by date", () => {
    expect(dueTransition("draft", schedule, day("2025-01-21"), facts("2025-01-22"))).toBeNull();
  });

  it("never moves a closed cohort", () => {
    expect(dueTransition("closed", schedule, day("2025-01-01"), facts("2026-01-01"))).toBeNull();
  });

  it("waits for the coordinator when the move has a problem, even an overridable one", () => {
    expect(
      dueTransition("orientation", schedule, day("2025-02-20"), facts("2025-02-21", { openPreSurveys: 1 })),
    ).toBeNull();
    expect(
      dueTransition(
        "recruiting",
        schedule,
        day("2025-02-20"),
        facts("2025-02-21", { accepted: { mentor: 0, mentee: 0 } }),
      ),
    ).toBeNull();
    expect(
      dueTransition("matching", schedule, day("2025-02-28"), facts("2025-03-01", { publishedTeams: 0 })),
    ).toBeNull();
  });

  it("moves matching to active on the activities' first day once teams are published", () => {
    expect(dueTransition("matching", schedule, day("2025-02-28"), facts("2025-03-01"))).toBe("active");
  });

  it("closes an evaluated cohort on its closing day", () => {
    expect(dueTransition("evaluation", schedule, day("2025-10-30"), facts("2025-10-31"))).toBe("closed");
  });
});

describe("what each status allows", () => {
  it("takes applications only while recruiting", () => {
    expect(cohortStatuses.filter(acceptsApplications)).toEqual(["recruiting"]);
  });

  it("lets applicants withdraw while recruiting and during orientation, not once matching starts", () => {
    expect(cohortStatuses.filter(allowsWithdrawal)).toEqual(["recruiting", "orientation"]);
  });
});

describe("postSurveyCompletionLow", () => {
  it("is low under 80% of the expected answers and not at 80% or more", () => {
    expect(postSurveyCompletionLow({ submitted: 1, expected: 40 })).toBe(true);
    expect(postSurveyCompletionLow({ submitted: 31, expected: 40 })).toBe(true);
    expect(postSurveyCompletionLow({ submitted: 39, expected: 50 })).toBe(true);
    expect(postSurveyCompletionLow({ submitted: 32, expected: 40 })).toBe(false);
    expect(postSurveyCompletionLow({ submitted: 40, expected: 50 })).toBe(false);
    expect(postSurveyCompletionLow({ submitted: 40, expected: 40 })).toBe(false);
  });

  it("is not low when no answers are expected (no post round opened, or no one in it)", () => {
    expect(postSurveyCompletionLow({ submitted: 0, expected: 0 })).toBe(false);
  });
});
