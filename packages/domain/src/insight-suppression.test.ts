import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CohortFigures,
  roundInsightValue,
  type SuppressedFigure,
  suppressTenantFigures,
} from "./insight-suppression";
import { type LinearForm, LinearKnowledge } from "./linear-knowledge";

/**
 * The analyst's side, written here apart from the module: what an analyst can set up from one tenant's
 * published rows. Unknowns are the cohort's true counts (mentors, mentees, participants, teams) and the
 * tenant's totals; facts are every shown value and people count, the relations anyone knows (mentors +
 * mentees = participants; with one team shape a:b for every team, mentors = a × teams and b × mentors =
 * a × mentees; the tenant's totals are the sums over its cohorts), and the tenant's totals as shown.
 */
function analystFacts(
  cohorts: readonly CohortFigures[],
  published: ReturnType<typeof suppressTenantFigures>,
) {
  const facts: LinearForm[] = [];
  const u = (cohort: string, name: string) => `${cohort}.${name}`;
  for (const cohort of cohorts) {
    facts.push({ [u(cohort.key, "mentor")]: 1, [u(cohort.key, "mentee")]: 1, [u(cohort.key, "total")]: -1 });
    if (cohort.uniformShape) {
      const { mentors: a, mentees: b } = cohort.uniformShape;
      facts.push({ [u(cohort.key, "mentor")]: 1, [u(cohort.key, "teams")]: -a });
      facts.push({ [u(cohort.key, "mentor")]: b, [u(cohort.key, "mentee")]: -a });
    }
  }
  for (const name of ["mentor", "mentee", "total", "teams"]) {
    facts.push({ [u("tenant", name)]: -1, ...Object.fromEntries(cohorts.map((c) => [u(c.key, name), 1])) });
  }
  const shown = (row: SuppressedFigure) => {
    if (row.suppressed) return;
    const owner = row.cohort ?? "tenant";
    if (row.metric === "participants") facts.push({ [u(owner, row.dimension || "total")]: 1 });
    if (row.metric === "teams") facts.push({ [u(owner, "teams")]: 1 });
    // A shown people count equal to the participants tells them, whatever the figure.
    const cohort = cohorts.find((c) => c.key === row.cohort);
    const participants = cohort ? cohort.participants.mentor + cohort.participants.mentee : null;
    const aboutParticipants =
      row.metric === "teams" ||
      (row.metric !== "participants" &&
        cohort?.figures.find((f) => f.metric === row.metric && f.dimension === row.dimension)?.people ===
          "participants");
    if (aboutParticipants && participants !== null) facts.push({ [u(owner, "total")]: 1 });
  };
  for (const row of [...published.figures, ...published.totals]) shown(row);
  const knowledge = new LinearKnowledge();
  for (const fact of facts) knowledge.know(fact);
  return { facts, knowledge, unknown: u };
}

const apply = (form: LinearForm, values: Record<string, number>) =>
  Object.entries(form).reduce((sum, [name, coefficient]) => sum + coefficient * (values[name] ?? 0), 0);

/** Gangneung's reverse mentoring: 30 juniors mentor 10 managers, 10 teams of 3:1. */
const gangneung: CohortFigures = {
  key: "gangneung-2026",
  participants: { mentor: 30, mentee: 10 },
  teams: 10,
  uniformShape: { mentors: 3, mentees: 1 },
  figures: [
    { metric: "completion_rate", dimension: "", value: 0.975, people: "participants" },
    { metric: "attendance_rate", dimension: "", value: 0.8123, people: "participants" },
    { metric: "diagnostic_change", dimension: "digital.skills", value: 0.4567, people: 36 },
    { metric: "satisfaction", dimension: "", value: 4.236, people: 33 },
  ],
};
/** Yongin's standard mentoring: 14 mentors, 24 new officials, teams of 1:1 and 1:2. */
const yongin: CohortFigures = {
  key: "yongin-2026",
  participants: { mentor: 14, mentee: 24 },
  teams: 14,
  uniformShape: null,
  figures: [
    { metric: "completion_rate", dimension: "", value: 1, people: "participants" },
    { metric: "meetings_per_team_month", dimension: "", value: 2.25, people: "participants" },
  ],
};
/** A small second cohort of the same city: 4 mentors with 12 mentees, teams of 1:3. */
const smallMentors: CohortFigures = {
  key: "yongin-2026-2",
  participants: { mentor: 4, mentee: 12 },
  teams: 4,
  uniformShape: { mentors: 1, mentees: 3 },
  figures: [{ metric: "completion_rate", dimension: "", value: 0.9375, people: "participants" }],
};
/** A pilot of 4 people: 2 teams of 1:1. */
const pilot: CohortFigures = {
  key: "pilot-2026",
  participants: { mentor: 2, mentee: 2 },
  teams: 2,
  uniformShape: { mentors: 1, mentees: 1 },
  figures: [{ metric: "satisfaction", dimension: "", value: 4.5, people: 4 }],
};

const row = (
  result: ReturnType<typeof suppressTenantFigures>,
  cohort: string,
  metric: string,
  dimension = "",
) => result.figures.find((f) => f.cohort === cohort && f.metric === metric && f.dimension === dimension);

describe("suppressTenantFigures", () => {
  it("shows a cohort of 40 whole: counts exact, rates to 0.1 point, means to 0.01", () => {
    const result = suppressTenantFigures([gangneung]);
    expect(result.figures.every((figure) => !figure.suppressed)).toBe(true);
    expect(row(result, gangneung.key, "participants", "mentor")).toMatchObject({
      value: 30,
      peopleCount: 30,
    });
    expect(row(result, gangneung.key, "teams")).toMatchObject({ value: 10, peopleCount: 40 });
    expect(row(result, gangneung.key, "attendance_rate")).toMatchObject({ value: 0.812, peopleCount: 40 });
    expect(row(result, gangneung.key, "diagnostic_change", "digital.skills")).toMatchObject({
      value: 0.46,
      peopleCount: 36,
    });
    expect(result.totals.every((total) => !total.suppressed)).toBe(true);
  });

  it("a cohort cell with 4 participants is not shown, and no combination of shown cells and totals for that tenant recovers it", () => {
    const cohorts = [yongin, smallMentors, gangneung];
    const result = suppressTenantFigures(cohorts);
    const cell = row(result, smallMentors.key, "participants", "mentor");
    expect(cell).toMatchObject({ suppressed: true, value: null, peopleCount: null, reason: "small_cell" });

    const { facts, knowledge, unknown } = analystFacts(cohorts, result);
    const target = unknown(smallMentors.key, "mentor");
    expect(knowledge.determinesUnknown(target)).toBe(false);
    // The proof without trusting the elimination: a change of the true counts that keeps every fact the
    // analyst has and moves the 4.
    const direction = knowledge.hiddenDirection(target) ?? {};
    expect(direction[target]).not.toBe(0);
    for (const fact of facts) expect(apply(fact, direction)).toBe(0);
  });

  it("the same check fails when only the small cell itself is hidden: the mentees and the total give it", () => {
    const cohorts = [yongin, smallMentors, gangneung];
    const result = suppressTenantFigures(cohorts);
    const exact = (figure: SuppressedFigure) => {
      const cohort = cohorts.find((c) => c.key === figure.cohort) as CohortFigures;
      const { mentor, mentee } = cohort.participants;
      if (figure.metric === "teams") return cohort.teams;
      return figure.dimension === "mentor"
        ? mentor
        : figure.dimension === "mentee"
          ? mentee
          : mentor + mentee;
    };
    // Undo the complementary suppression: every cell hidden only to protect others shown as it is.
    const leaky = {
      figures: result.figures.map((figure) =>
        figure.reason === "complementary"
          ? { ...figure, suppressed: false, reason: null, value: exact(figure), peopleCount: exact(figure) }
          : figure,
      ),
      totals: result.totals,
    };
    expect(leaky.figures.filter((figure) => figure.suppressed)).toHaveLength(1);
    const { knowledge, unknown } = analystFacts(cohorts, leaky);
    expect(knowledge.determinesUnknown(unknown(smallMentors.key, "mentor"))).toBe(true);
  });

  it("with one team shape for every team, the teams and the participants would give the roles: they go too", () => {
    const result = suppressTenantFigures([smallMentors, gangneung]);
    for (const [metric, dimension] of [
      ["participants", "mentor"],
      ["participants", "mentee"],
      ["participants", ""],
      ["teams", ""],
      ["completion_rate", ""],
    ] as const) {
      expect(row(result, smallMentors.key, metric, dimension)?.suppressed).toBe(true);
    }
  });

  it("a cohort of fewer than 5 shows nothing, and the tenant's totals do not give it back", () => {
    const cohorts = [yongin, gangneung, pilot];
    const result = suppressTenantFigures(cohorts);
    expect(result.figures.filter((f) => f.cohort === pilot.key).every((f) => f.reason === "small_cell")).toBe(
      true,
    );
    const { knowledge, unknown } = analystFacts(cohorts, result);
    for (const name of ["mentor", "mentee", "total", "teams"]) {
      expect(knowledge.determinesUnknown(unknown(pilot.key, name))).toBe(false);
    }
  });

  it("a rate about 3 respondents is hidden, the cohort's other figures stay", () => {
    const cohort: CohortFigures = {
      ...gangneung,
      figures: [
        ...gangneung.figures,
        { metric: "diagnostic_change", dimension: "digital.trust", value: 1.2, people: 3 },
      ],
    };
    const result = suppressTenantFigures([cohort]);
    expect(row(result, cohort.key, "diagnostic_change", "digital.trust")).toMatchObject({
      suppressed: true,
      reason: "small_cell",
    });
    expect(result.figures.filter((f) => f.suppressed)).toHaveLength(1);
  });

  it("no suppressed cell of any tenant can be recovered (random tenants of 1-5 cohorts)", () => {
    const cohortArb = (key: string) =>
      fc
        .record({
          mentor: fc.integer({ min: 0, max: 40 }),
          mentee: fc.integer({ min: 0, max: 40 }),
          shape: fc.option(
            fc.record({ mentors: fc.integer({ min: 1, max: 3 }), mentees: fc.integer({ min: 1, max: 3 }) }),
          ),
          teams: fc.integer({ min: 1, max: 20 }),
          respondents: fc.integer({ min: 0, max: 40 }),
        })
        .map(({ mentor, mentee, shape, teams, respondents }): CohortFigures => {
          const uniform = shape && { k: Math.max(1, Math.floor(mentor / shape.mentors)) };
          const roles =
            uniform && shape
              ? { mentor: uniform.k * shape.mentors, mentee: uniform.k * shape.mentees }
              : { mentor, mentee };
          return {
            key,
            participants: roles,
            teams: uniform ? uniform.k : teams,
            uniformShape: shape ?? null,
            figures: [
              { metric: "completion_rate", dimension: "", value: 0.9, people: "participants" },
              { metric: "satisfaction", dimension: "", value: 4, people: respondents },
            ],
          };
        });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => cohortArb(`c${i}`)))),
        (cohorts) => {
          const result = suppressTenantFigures(cohorts);
          const { knowledge, unknown } = analystFacts(cohorts, result);
          for (const figure of result.figures) {
            if (!figure.suppressed || (figure.metric !== "participants" && figure.metric !== "teams"))
              continue;
            const name = figure.metric === "teams" ? "teams" : figure.dimension || "total";
            expect(knowledge.determinesUnknown(unknown(figure.cohort as string, name))).toBe(false);
          }
          for (const figure of result.figures) {
            if (figure.peopleCount !== null) expect(figure.peopleCount).toBeGreaterThanOrEqual(5);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("roundInsightValue", () => {
  it("rounds rates to 0.1 percentage point and means to 0.01, keeps counts whole", () => {
    expect(roundInsightValue("rate", 0.97534)).toBe(0.975);
    expect(roundInsightValue("mean", 4.2361)).toBe(4.24);
    expect(roundInsightValue("count", 12)).toBe(12);
  });
});

describe("suppressTenantFigures without cohorts", () => {
  it("an organisation with no cohort to publish has nothing shown, not even its totals", () => {
    const result = suppressTenantFigures([]);
    expect(result.figures).toEqual([]);
    expect(result.totals.every((total) => total.suppressed)).toBe(true);
  });
});
