import { cohortOutcomes, compareCohortChange, likertSummary, type QuestionSet } from "@mentoring/domain";
import type { CohortOutcomesView } from "@mentoring/programs";
import { describe, expect, it } from "vitest";
import { presentCohortOutcomes } from "./cohort-outcomes.server";

const DL = "diagnostic.digital_literacy";
const label = { ko: "디지털 활용 역량", en: "Digital literacy" };
const satisfaction: QuestionSet = {
  key: "satisfaction",
  title: { ko: "만족도 조사", en: "Satisfaction survey" },
  phases: ["post"],
  roles: ["mentor", "mentee"],
  dimensions: [],
  questions: [
    {
      key: "sat_overall",
      type: "likert",
      prompt: { ko: "전반적으로 만족한다.", en: "Overall, I am satisfied." },
      required: true,
      options: [],
      reversed: false,
    },
  ],
};

/** Four people of one team: +25, +25, +25 and +50 (mean 31.25); a fifth answered only before. */
function view(): CohortOutcomesView {
  const scores = [75, 75, 75, 100].map((post, index) => ({
    key: `person-${index}`,
    team: "team-1",
    pre: { [DL]: 50 },
    post: { [DL]: post },
  }));
  const people = [...scores, { key: "person-4", team: null, pre: { [DL]: 62.5 }, post: {} }];
  const outcomes = cohortOutcomes(people, [DL]);
  const cohortChange = outcomes.cohort[DL];
  if (!cohortChange) throw new Error("pairedChange gives every dimension asked for");
  return {
    cohort: { id: "cohort-2", title: "거꾸로 멘토링 2기", number: 2 },
    dimensions: [{ key: DL, questionSetKey: "diagnostic", setTitle: label, label, cohort: cohortChange }],
    teams: [{ teamId: "team-1", number: 1, name: null, members: 4, change: outcomes.teams["team-1"] ?? {} }],
    people: people.map((person, index) => ({
      applicationId: person.key,
      name: `사람 ${index}`,
      department: "총무과",
      role: "mentor",
      teamNumber: person.team ? 1 : null,
      pre: person.pre,
      post: person.post,
      change: outcomes.people[person.key] ?? {},
    })),
    satisfaction: [
      {
        questionSetKey: "satisfaction",
        title: satisfaction.title,
        respondents: 3,
        questions: likertSummary(satisfaction, [
          { sat_overall: 5 },
          { sat_overall: 4 },
          { sat_overall: 2 },
        ]).map((summary) => ({ key: summary.question, prompt: { ko: "전반적으로 만족한다." }, summary })),
      },
    ],
    previous: {
      cohort: { id: "cohort-1", title: "거꾸로 멘토링 1기", number: 1 },
      dimensions: compareCohortChange([{ pre: { [DL]: 50 }, post: { [DL]: 40 } }], scores, [DL]),
    },
  };
}

describe("the outcomes page's figures", () => {
  it("are rounded once, signed and formatted for the reader; a change of nothing reads 0", () => {
    const shown = presentCohortOutcomes(view(), "ko", { withPeople: true });
    expect(shown.dimensions[0]?.cohort).toEqual({
      n: 4,
      nText: "4",
      mean: "+31.3",
      interval: null,
      direction: "up",
      verdict: "too_few",
    });
    expect(shown.people?.map((person) => person.scores[DL])).toEqual([
      { pre: "50", post: "75", change: "+25" },
      { pre: "50", post: "75", change: "+25" },
      { pre: "50", post: "75", change: "+25" },
      { pre: "50", post: "100", change: "+50" },
      { pre: "62.5", post: null, change: null },
    ]);
    expect(shown.satisfaction[0]?.questions[0]).toMatchObject({
      mean: "3.7",
      agree: "66.7%",
      n: "3",
      counts: { one: "0", two: "1", three: "0", four: "1", five: "1" },
    });
    expect(shown.previous?.rows[0]).toMatchObject({
      earlier: { mean: "-10", n: 1 },
      later: { mean: "+31.3", n: 4 },
      difference: "+41.3",
      interval: null,
      verdict: "too_few",
    });
  });

  it("give an executive the cohort's and teams' change but no one's name or scores", () => {
    const shown = presentCohortOutcomes(view(), "ko", { withPeople: false });
    expect(shown.people).toBeNull();
    expect(JSON.stringify(shown)).not.toContain("사람 ");
    expect(shown.peopleCount).toBe(5);
    expect(shown.teams[0]?.changes[DL]?.mean).toBe("+31.3");
  });
});
