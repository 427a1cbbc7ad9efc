import { displayNumber, displayPairedChange, localize } from "@mentoring/domain";
import type { CohortDashboard } from "@mentoring/programs";
import { formatDateTime, formatMonth, formatNumber } from "../services/format.server";

type Share = CohortDashboard["totals"]["attendance"];

/**
 * A cohort's dashboard as its page shows it: template and calendar texts in the reader's language, every
 * figure rounded once and formatted for the locale, each chart's bar length beside the words that say it.
 * `full` for the coordinator; an executive gets the headline figures and two charts (participation per
 * month and the pre/post change), never an assignment, session or team in detail.
 */
export function presentCohortDashboard(
  view: CohortDashboard,
  locale: string,
  timeZone: string,
  { full }: { full: boolean },
) {
  const count = (value: number) => formatNumber(value, locale);
  const percent = (share: Share) =>
    share.of === 0 ? null : formatNumber(share.count / share.of, locale, { style: "percent" });
  const share = (value: Share) => ({
    rate: value.of === 0 ? null : value.count / value.of,
    percent: percent(value),
    part: count(value.count),
    whole: count(value.of),
  });
  const oneDecimal = (value: number, signed = false) =>
    formatNumber(displayNumber(value), locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      ...(signed ? { signDisplay: "exceptZero" as const } : {}),
    });
  const months = view.months.map((month) => ({
    key: month.month,
    label: formatMonth(new Date(`${month.month}-15T00:00:00Z`), locale, "UTC"),
    activities: month.activities,
    activitiesText: count(month.activities),
    meetingsText: count(month.meetings),
    attendance: share(month.attendance),
  }));
  const changes = view.changes.map((row) => {
    const shown = displayPairedChange(row.change);
    return {
      key: row.key,
      label: localize(row.label, locale),
      mean: shown.mean,
      meanText: shown.mean === null ? null : oneDecimal(shown.mean, true),
      n: count(row.change.n),
      verdict: row.change.verdict,
    };
  });
  const headline = {
    teams: count(view.teams),
    activities: count(view.totals.activities),
    meetings: count(view.totals.meetings),
    attendance: share(view.totals.attendance),
    onTime: share(view.totals.onTime),
    satisfaction: view.totals.satisfaction.mean === null ? null : oneDecimal(view.totals.satisfaction.mean),
    satisfactionAnswers: count(view.totals.satisfaction.n),
  };
  const base = {
    cohort: { id: view.cohort.id, title: view.cohort.title },
    headline,
    months,
    activitiesMax: Math.max(1, ...view.months.map((month) => month.activities)),
    changes,
    // The change's scale: symmetric round the zero line, at least ±10 points of the 0-100 scores.
    changeExtent: Math.max(10, ...changes.map((row) => Math.ceil(Math.abs(row.mean ?? 0) / 10) * 10)),
  };
  if (!full) return { ...base, full: false as const };
  return {
    ...base,
    full: true as const,
    assignments: view.assignments.map((row) => {
      const onTime = { count: row.onTime, of: row.teams };
      return {
        key: row.itemId,
        label: localize(row.title, locale),
        dueAt: row.dueAt ? formatDateTime(row.dueAt, locale, timeZone, { dateStyle: "medium" }) : null,
        due: row.due,
        onTime: share(onTime),
        late: count(row.late),
        missing: row.due ? count(Math.max(0, row.teams - row.onTime - row.late)) : null,
      };
    }),
    sessions: view.sessions.map((row) => ({
      key: row.itemId,
      label: localize(row.title, locale),
      startsAt: formatDateTime(row.startsAt, locale, timeZone, { dateStyle: "medium" }),
      attendance: share(row.attendance),
    })),
    satisfaction: view.satisfaction.map((row) => ({
      key: row.key,
      label: localize(row.prompt, locale),
      mean: row.mean === null ? null : displayNumber(row.mean),
      meanText: row.mean === null ? null : oneDecimal(row.mean),
      n: count(row.n),
    })),
    evaluation:
      view.evaluation?.map((team) => ({
        key: team.teamId,
        number: team.number,
        total: oneDecimal(team.total),
        evaluations: { part: count(team.evaluations.count), whole: count(team.evaluations.of) },
        range: team.spread ? displayNumber(team.spread.range) : null,
        rangeText: team.spread ? oneDecimal(team.spread.range) : null,
        deviation: team.spread ? oneDecimal(team.spread.standardDeviation) : null,
        disagreement: team.disagreement,
      })) ?? null,
    evaluationMax: Math.max(
      10,
      ...(view.evaluation ?? []).map((team) => Math.ceil((team.spread?.range ?? 0) / 10) * 10),
    ),
  };
}

export type CohortDashboardPage = ReturnType<typeof presentCohortDashboard>;
