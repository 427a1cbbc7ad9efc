import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type CalendarDate,
  calendarDateIn,
  calendarDateParts,
  type LocalizedText,
  type PairedChange,
} from "@mentoring/domain";
import { getCohortResults } from "../evaluations/get-cohort-results";
import { getCohortOutcomes } from "../outcomes/get-cohort-outcomes";
import { UUID } from "../records/certificate-cohort";
import { dateColumn, loadCohort } from "../records/cohort-record";
import { expectedAttendanceRows } from "../records/expected-attendance";

/** Present of expected: a share's two counts (expected 0: no rate). */
export interface Share {
  count: number;
  of: number;
}

/** One calendar month of the activity phase ("2026-03"), on the tenant's calendar. */
export interface DashboardMonth {
  month: string;
  /** Activities logged on days of the month, of any kind, and of them meetings (and counselling). */
  activities: number;
  meetings: number;
  /** At the month's sessions whose attendance was taken: team members present, of those expected. */
  attendance: Share;
}

export interface DashboardAssignment {
  itemId: string;
  title: LocalizedText;
  dueAt: Date | null;
  /** Due by `now`: only then is a team without a submission missing it. */
  due: boolean;
  /** Teams it is for (one for a team's own assignment), handed in on time, handed in late. */
  teams: number;
  onTime: number;
  late: number;
}

export interface DashboardSession {
  itemId: string;
  title: LocalizedText;
  kind: string;
  startsAt: Date;
  /** Team members marked present, of those expected (attendance.ts's rule, as the evaluation counts). */
  attendance: Share;
}

export interface DashboardChange {
  key: string;
  setTitle: LocalizedText;
  label: LocalizedText;
  change: PairedChange;
}

export interface DashboardSatisfaction {
  key: string;
  prompt: LocalizedText;
  /** Answers 1-5 given, and their mean; null when nobody answered. */
  n: number;
  mean: number | null;
}

export interface DashboardTeamSpread {
  teamId: string;
  number: number;
  /** Evaluations submitted, of one per assigned evaluator. */
  evaluations: Share;
  /** The combined total as the results show it (0-100). */
  total: number;
  /** The spread of the evaluators' totals of the team; null with fewer than two evaluators. */
  spread: { evaluators: number; range: number; standardDeviation: number } | null;
  disagreement: boolean;
}

export interface CohortDashboard {
  cohort: { id: string; title: string; number: number };
  teams: number;
  /** Every month the activity phase touches, in order. */
  months: DashboardMonth[];
  /** The cohort's assignments by due moment. */
  assignments: DashboardAssignment[];
  /** Sessions (trainings, events, mentoring days) started by `now` whose attendance was taken, in order. */
  sessions: DashboardSession[];
  /** The diagnostic's pre/post change per dimension, over the whole cohort (getCohortOutcomes). */
  changes: DashboardChange[];
  /** The satisfaction survey's likert questions (getCohortOutcomes). */
  satisfaction: DashboardSatisfaction[];
  /** Per team in number order, once at least one evaluation was submitted; null before. */
  evaluation: DashboardTeamSpread[] | null;
  /** The headline figures over the cohort. */
  totals: {
    activities: number;
    meetings: number;
    attendance: Share;
    /** Team × assignment pairs due by `now`, and of them handed in on time. */
    onTime: Share;
    /** Every likert answer of the satisfaction survey: their count and mean. */
    satisfaction: { n: number; mean: number | null };
  };
}

interface MonthRow {
  month: string;
  activities: number;
  meetings: number;
}

interface AssignmentRow {
  itemId: string;
  title: string;
  titleEn: string | null;
  dueAt: Date | null;
  teams: number;
  onTime: number;
  late: number;
}

interface SessionRow {
  itemId: string;
  title: string;
  titleEn: string | null;
  kind: string;
  startsAt: Date;
  present: number;
  expected: number;
}

const text = (ko: string, en: string | null): LocalizedText => (en ? { ko, en } : { ko });

/** "2026-03" of a calendar day. */
function monthOf(day: CalendarDate): string {
  return day.slice(0, 7);
}

/** Every month from `start`'s to `end`'s, in order. */
function monthsBetween(start: CalendarDate, end: CalendarDate): string[] {
  const first = calendarDateParts(start);
  const last = calendarDateParts(end);
  const months: string[] = [];
  for (
    let year = first.year, month = first.month;
    year < last.year || (year === last.year && month <= last.month);
  ) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * The cohort's dashboard for its coordinator and the executives, as of `now`: per month of the activity
 * phase the activities and meetings logged and the attendance at that month's sessions; per assignment the
 * teams that handed it in on time or late; per session its attendance; the diagnostic's pre/post change per
 * dimension and the satisfaction means (getCohortOutcomes); and once evaluations were submitted, each team's
 * total and the spread of its evaluators (getCohortResults). Attendance is counted as the evaluation counts
 * it (get-team-facts.ts): team members expected at items that take attendance, started by `now`, whose sheet
 * was taken; someone expected but never marked is absent. Nothing a team wrote is read. Not found for
 * another tenant's cohort.
 */
export async function getCohortDashboard(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; now: Date },
): Promise<CohortDashboard> {
  const { tenantId, cohortId, now } = input;
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  const { cohort, schedule } = await loadCohort(tx, tenantId, cohortId);
  const [tenant, teamCount, months, assignments, sessions, submitted, outcomes] = await Promise.all([
    tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } }),
    tx.team.count({ where: { tenantId, cohortId } }),
    tx.$queryRaw<MonthRow[]>`
      select to_char(happened_on, 'YYYY-MM') as month, count(*)::int as activities,
             count(*) filter (where kind = 'meeting')::int as meetings
        from activities
       where tenant_id = ${tenantId}::uuid and cohort_id = ${cohortId}::uuid
         and happened_on between ${dateColumn(schedule.activitiesStart)}::date
                             and ${dateColumn(schedule.activitiesEnd)}::date
       group by 1`,
    tx.$queryRaw<AssignmentRow[]>`
      select i.id::text as "itemId", i.title, i.title_en as "titleEn", i.due_at as "dueAt",
             (select count(*) from teams t
               where t.tenant_id = i.tenant_id and t.cohort_id = i.cohort_id
                 and (i.team_id is null or t.id = i.team_id))::int as teams,
             count(s.id) filter (where not s.late)::int as "onTime",
             count(s.id) filter (where s.late)::int as late
        from calendar_items i
        left join submissions s on s.tenant_id = i.tenant_id and s.item_id = i.id
       where i.tenant_id = ${tenantId}::uuid and i.cohort_id = ${cohortId}::uuid and i.kind = 'assignment'
       group by i.id
       order by i.due_at nulls last, i.title, i.id`,
    // Who was expected at each session and came (expected-attendance.ts), per session.
    tx.$queryRaw<SessionRow[]>`
      select i.id::text as "itemId", i.title, i.title_en as "titleEn", i.kind::text as kind,
             i.starts_at as "startsAt",
             count(*) filter (where a.present)::int as present, count(*)::int as expected
        ${expectedAttendanceRows({ tenantId, cohortId, now })}
       group by i.id
       order by i.starts_at, i.title, i.id`,
    tx.evaluation.count({
      where: { tenantId, status: "submitted", assignment: { tenantId, cohortId } },
    }),
    getCohortOutcomes(tx, { tenantId, cohortId }),
  ]);
  const results = submitted > 0 ? await getCohortResults(tx, { tenantId, cohortId, now }) : null;

  const sessionRows: DashboardSession[] = sessions.map((row) => ({
    itemId: row.itemId,
    title: text(row.title, row.titleEn),
    kind: row.kind,
    startsAt: row.startsAt,
    attendance: { count: row.present, of: row.expected },
  }));
  const monthRows = monthsBetween(schedule.activitiesStart, schedule.activitiesEnd).map((month) => {
    const logged = months.find((row) => row.month === month);
    const held = sessionRows.filter(
      (session) => monthOf(calendarDateIn(session.startsAt, tenant.timeZone)) === month,
    );
    return {
      month,
      activities: logged?.activities ?? 0,
      meetings: logged?.meetings ?? 0,
      attendance: sum(held.map((session) => session.attendance)),
    };
  });
  const assignmentRows = assignments.map((row) => ({
    itemId: row.itemId,
    title: text(row.title, row.titleEn),
    dueAt: row.dueAt,
    due: row.dueAt !== null && row.dueAt <= now,
    teams: row.teams,
    onTime: row.onTime,
    late: row.late,
  }));
  const satisfaction = outcomes.satisfaction.flatMap((set) =>
    set.questions.map((question) => ({
      key: `${set.questionSetKey}.${question.key}`,
      prompt: question.prompt,
      n: question.summary.n,
      mean: question.summary.mean,
    })),
  );
  const answers = satisfaction.reduce((total, question) => total + question.n, 0);
  const points = satisfaction.reduce((total, question) => total + (question.mean ?? 0) * question.n, 0);
  const dueRows = assignmentRows.filter((row) => row.due);
  return {
    cohort: { id: cohort.id, title: cohort.title, number: cohort.number },
    teams: teamCount,
    months: monthRows,
    assignments: assignmentRows,
    sessions: sessionRows,
    changes: outcomes.dimensions.map((dimension) => ({
      key: dimension.key,
      setTitle: dimension.setTitle,
      label: dimension.label,
      change: dimension.cohort,
    })),
    satisfaction,
    evaluation: results
      ? results.teams.map((team) => ({
          teamId: team.teamId,
          number: team.number,
          evaluations: { count: team.evaluations.submitted, of: team.evaluations.expected },
          total: team.evaluation.displayTotal,
          spread: team.evaluation.spread,
          disagreement: team.evaluation.disagreement,
        }))
      : null,
    totals: {
      activities: monthRows.reduce((total, row) => total + row.activities, 0),
      meetings: monthRows.reduce((total, row) => total + row.meetings, 0),
      attendance: sum(sessionRows.map((session) => session.attendance)),
      onTime: {
        count: dueRows.reduce((total, row) => total + row.onTime, 0),
        of: dueRows.reduce((total, row) => total + row.teams, 0),
      },
      satisfaction: { n: answers, mean: answers === 0 ? null : points / answers },
    },
  };
}

function sum(shares: readonly Share[]): Share {
  return shares.reduce((total, share) => ({ count: total.count + share.count, of: total.of + share.of }), {
    count: 0,
    of: 0,
  });
}
