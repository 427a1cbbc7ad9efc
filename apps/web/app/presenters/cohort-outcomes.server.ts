import {
  type CohortDifference,
  displayCohortDifference,
  displayLikertSummary,
  displayPairedChange,
  localize,
  type PairedChange,
} from "@mentoring/domain";
import type { CohortOutcomesView } from "@mentoring/programs";
import { formatNumber } from "../services/format.server";

/** A change as the page words it: numbers rounded once (domain display helpers), then formatted. */
function presentChange(change: PairedChange, locale: string) {
  const shown = displayPairedChange(change);
  const signed = (value: number) => formatNumber(value, locale, { signDisplay: "exceptZero" });
  return {
    n: change.n,
    nText: formatNumber(change.n, locale),
    mean: shown.mean === null ? null : signed(shown.mean),
    interval: shown.interval && { low: signed(shown.interval.low), high: signed(shown.interval.high) },
    direction: change.direction,
    verdict: change.verdict,
  };
}

function presentDifference(difference: CohortDifference, locale: string) {
  const shown = displayCohortDifference(difference);
  const signed = (value: number | null) =>
    value === null ? null : formatNumber(value, locale, { signDisplay: "exceptZero" });
  return {
    earlier: { mean: signed(shown.earlier.mean), n: difference.earlier.n },
    later: { mean: signed(shown.later.mean), n: difference.later.n },
    difference: signed(shown.difference),
    interval: shown.interval && { low: signed(shown.interval.low), high: signed(shown.interval.high) },
    direction: difference.direction,
    verdict: difference.verdict,
  };
}

/**
 * A cohort's outcomes as its page shows them: template texts in the reader's language, every figure
 * rounded for display and formatted for the locale. Names and scores per person only `withPeople` (the
 * coordinator): an executive gets the cohort's and teams' figures, never a person's.
 */
export function presentCohortOutcomes(
  view: CohortOutcomesView,
  locale: string,
  { withPeople }: { withPeople: boolean },
) {
  const score = (value: number | undefined) =>
    value === undefined ? null : formatNumber(value, locale, { maximumFractionDigits: 1 });
  const dimensions = view.dimensions.map((dimension) => ({
    key: dimension.key,
    label: localize(dimension.label, locale),
    cohort: presentChange(dimension.cohort, locale),
  }));
  return {
    cohort: { id: view.cohort.id, title: view.cohort.title },
    dimensions,
    teams: view.teams.map((team) => ({
      teamId: team.teamId,
      number: team.number,
      name: team.name,
      members: formatNumber(team.members, locale),
      changes: Object.fromEntries(
        view.dimensions.map(({ key }) => {
          const change = team.change[key];
          return [key, change ? presentChange(change, locale) : null];
        }),
      ),
    })),
    people: withPeople
      ? view.people.map((person) => ({
          applicationId: person.applicationId,
          name: person.name,
          department: person.department,
          role: person.role,
          teamNumber: person.teamNumber,
          scores: Object.fromEntries(
            view.dimensions.map(({ key }) => {
              const change = person.change[key];
              return [
                key,
                {
                  pre: score(person.pre[key]),
                  post: score(person.post[key]),
                  change:
                    change === undefined
                      ? null
                      : formatNumber(change, locale, { signDisplay: "exceptZero", maximumFractionDigits: 1 }),
                },
              ];
            }),
          ),
        }))
      : null,
    peopleCount: view.people.length,
    satisfaction: view.satisfaction.map((set) => ({
      key: set.questionSetKey,
      title: localize(set.title, locale),
      respondents: set.respondents,
      questions: set.questions.map((question) => {
        const shown = displayLikertSummary(question.summary);
        const [one = 0, two = 0, three = 0, four = 0, five = 0] = shown.counts;
        return {
          key: question.key,
          prompt: localize(question.prompt, locale),
          n: formatNumber(shown.n, locale),
          mean: shown.mean === null ? null : formatNumber(shown.mean, locale),
          agree:
            shown.agreePercent === null
              ? null
              : formatNumber(shown.agreePercent / 100, locale, {
                  style: "percent",
                  maximumFractionDigits: 1,
                }),
          counts: {
            one: formatNumber(one, locale),
            two: formatNumber(two, locale),
            three: formatNumber(three, locale),
            four: formatNumber(four, locale),
            five: formatNumber(five, locale),
          },
        };
      }),
    })),
    previous: view.previous && {
      earlierTitle: view.previous.cohort.title,
      laterTitle: view.cohort.title,
      rows: dimensions.flatMap((dimension) => {
        const difference = view.previous?.dimensions[dimension.key];
        return difference
          ? [{ key: dimension.key, label: dimension.label, ...presentDifference(difference, locale) }]
          : [];
      }),
    },
  };
}
