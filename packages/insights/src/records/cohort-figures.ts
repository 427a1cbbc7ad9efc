import type { TenantDb } from "@mentoring/db";
import type { CohortFigure, CohortFigures } from "@mentoring/domain";
import { getCohortOutcomes, getCohortResults } from "@mentoring/programs";

/** A cohort's exact figures and what it is compared by, read inside its tenant. */
export interface CohortInsight {
  figures: CohortFigures;
  programKind: string;
  /** The most common shape of its published teams, "mentors:mentees" (e.g. "3:1"). */
  teamShape: string;
  /** The year its activities start in. */
  cohortYear: number;
}

/**
 * One cohort's figures for national insights, as the cohort's own pages count them (nothing re-derived):
 * the evaluation's results (getCohortResults: each published team's members, its facts of attendance,
 * assignments on time, meetings and activities over the activity months elapsed, and its combined
 * evaluation total) and the outcomes page (getCohortOutcomes: the paired pre/post change per diagnostic
 * dimension, the satisfaction survey's likert answers). Plus one count the pages do not show: of the people
 * placed in teams, those whose application still stands (not withdrawn). Exact: suppression and rounding
 * come after (insight-suppression.ts). Only what the figures need leaves this function: no name, no id.
 */
export async function cohortInsightOf(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; programKind: string; activitiesStart: Date; now: Date },
): Promise<CohortInsight> {
  const { tenantId, cohortId, now } = input;
  const [results, outcomes, standing] = await Promise.all([
    getCohortResults(tx, { tenantId, cohortId, now }),
    getCohortOutcomes(tx, { tenantId, cohortId }),
    tx.$queryRaw<{ placed: number; standing: number }[]>`
      select count(*)::int as placed, count(*) filter (where a.status = 'accepted')::int as standing
        from team_members tm
        join applications a on a.tenant_id = tm.tenant_id and a.id = tm.application_id
       where tm.tenant_id = ${tenantId}::uuid and tm.cohort_id = ${cohortId}::uuid`,
  ]);

  const shapes = new Map<string, number>();
  let mentors = 0;
  let mentees = 0;
  for (const team of results.teams) {
    const m = team.members.filter((member) => member.role === "mentor").length;
    const e = team.members.length - m;
    mentors += m;
    mentees += e;
    shapes.set(`${m}:${e}`, (shapes.get(`${m}:${e}`) ?? 0) + 1);
  }
  // The most common shape; a tie goes to the first in "mentors:mentees" order, so equal data gives equal rows.
  const [teamShape] = [...shapes].sort(([a, n], [b, k]) => k - n || (a < b ? -1 : a > b ? 1 : 0))[0] ?? [
    "0:0",
  ];
  const [a, b] = teamShape.split(":").map(Number) as [number, number];
  const teams = results.teams.length;

  const figures: CohortFigure[] = [];
  const about = "participants" as const;
  const placed = standing[0]?.placed ?? 0;
  if (placed > 0) {
    figures.push({
      metric: "completion_rate",
      dimension: "",
      value: (standing[0]?.standing ?? 0) / placed,
      people: about,
    });
  }
  const sum = (pick: (facts: (typeof results.teams)[number]["facts"]) => number) =>
    results.teams.reduce((total, team) => total + pick(team.facts), 0);
  if (teams > 0) {
    const teamMonths = teams * results.activityMonths;
    const meetings = sum((facts) => facts.meetingsLogged);
    figures.push({
      metric: "meetings_per_team_month",
      dimension: "",
      value: meetings / teamMonths,
      people: about,
    });
    figures.push({
      metric: "activities_per_team_month",
      dimension: "",
      value: (sum((facts) => facts.activitiesLogged) - meetings) / teamMonths,
      people: about,
    });
  }
  const expected = sum((facts) => facts.attendance.expected);
  if (expected > 0) {
    figures.push({
      metric: "attendance_rate",
      dimension: "",
      value: sum((facts) => facts.attendance.present) / expected,
      people: about,
    });
  }
  const due = sum((facts) => facts.assignments.total);
  if (due > 0) {
    figures.push({
      metric: "on_time_submission_rate",
      dimension: "",
      value: sum((facts) => facts.assignments.onTime) / due,
      people: about,
    });
  }
  for (const dimension of outcomes.dimensions) {
    const { n, mean } = dimension.cohort;
    if (n > 0 && mean !== null) {
      figures.push({ metric: "diagnostic_change", dimension: dimension.key, value: mean, people: n });
    }
  }
  // Satisfaction: every likert answer of the post satisfaction survey, over those who submitted it.
  const answers = outcomes.satisfaction.flatMap((set) => set.questions.map((question) => question.summary));
  const answered = answers.reduce((total, summary) => total + summary.n, 0);
  const respondents = Math.max(0, ...outcomes.satisfaction.map((set) => set.respondents));
  if (answered > 0 && respondents > 0) {
    const points = answers.reduce((total, summary) => total + (summary.mean ?? 0) * summary.n, 0);
    figures.push({ metric: "satisfaction", dimension: "", value: points / answered, people: respondents });
  }
  // The evaluation's mean total once every team has a complete one (the panel has finished).
  const evaluated = results.teams.filter(
    (team) => team.evaluation.complete && team.evaluations.submitted > 0,
  );
  if (teams > 0 && evaluated.length === teams) {
    const total = evaluated.reduce((all, team) => all + team.evaluation.displayTotal, 0);
    figures.push({ metric: "evaluation_score", dimension: "", value: total / teams, people: about });
  }

  return {
    figures: {
      key: cohortId,
      participants: { mentor: mentors, mentee: mentees },
      teams,
      uniformShape: shapes.size === 1 && a > 0 && b > 0 ? { mentors: a, mentees: b } : null,
      figures,
    },
    programKind: input.programKind,
    teamShape,
    cohortYear: input.activitiesStart.getUTCFullYear(),
  };
}
