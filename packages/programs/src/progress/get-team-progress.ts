import type { TenantDb } from "@mentoring/db";
import {
  addDays,
  attendanceRate,
  type CalendarDate,
  isTeamAtRisk,
  notificationSettingsOf,
} from "@mentoring/domain";
import { dateColumn, dayOf, loadCohort } from "../records/cohort-record";

/**
 * The coordinator's running dashboard of a cohort, per team: meetings and activities (all, last 30 days,
 * minutes, the last day), assignments due so far handed in on time, late or missing, the attendance rate
 * at trainings and events, and whether the team is at risk (silent for as many days as the cohort's
 * template says before it nudges, 21 unless it says otherwise). Never what a team wrote:
 * no topic, note or submission text is read.
 */
export async function getTeamProgress(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; today: CalendarDate; now: Date },
) {
  const { tenantId, cohortId, today, now } = input;
  const { cohort, schedule } = await loadCohort(tx, tenantId, cohortId);
  const since = dateColumn(addDays(today, -29));
  const [version, teams, all, recent, assignments, attendance] = await Promise.all([
    tx.programTemplateVersion.findFirst({
      where: { tenantId, cohorts: { some: { tenantId, id: cohortId } } },
      select: { definition: true },
    }),
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: { id: true, number: true, members: { where: { tenantId }, select: { applicationId: true } } },
    }),
    tx.activity.groupBy({
      by: ["teamId", "kind"],
      where: { tenantId, cohortId },
      _count: { _all: true },
      _sum: { minutes: true },
      _max: { happenedOn: true },
    }),
    tx.activity.groupBy({
      by: ["teamId"],
      where: { tenantId, cohortId, happenedOn: { gte: since } },
      _count: { _all: true },
    }),
    tx.calendarItem.findMany({
      where: { tenantId, cohortId, kind: "assignment", dueAt: { lte: now } },
      select: { teamId: true, submissions: { where: { tenantId }, select: { teamId: true, late: true } } },
    }),
    tx.attendance.findMany({
      where: { tenantId, item: { tenantId, cohortId } },
      select: { applicationId: true, present: true },
    }),
  ]);
  const teamOf = new Map(
    teams.flatMap((team) => team.members.map((member) => [member.applicationId, team.id])),
  );
  const activitiesStart = dateColumn(schedule.activitiesStart);
  const todayColumn = dateColumn(today);
  const { silentTeamDays } = notificationSettingsOf(version?.definition);
  return {
    cohort: { id: cohort.id, title: cohort.title },
    teams: teams.map((team) => {
      const mine = all.filter((row) => row.teamId === team.id);
      const count = (kind: "meeting" | "team_activity") =>
        mine.find((row) => row.kind === kind)?._count._all ?? 0;
      const last = mine
        .map((row) => row._max.happenedOn)
        .filter((day): day is Date => day !== null)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      const due = assignments.filter((item) => item.teamId === null || item.teamId === team.id);
      const handedIn = due.map((item) =>
        item.submissions.find((submission) => submission.teamId === team.id),
      );
      const marked = attendance.filter((row) => teamOf.get(row.applicationId) === team.id);
      const present = marked.filter((row) => row.present).length;
      return {
        teamId: team.id,
        teamNumber: team.number,
        meetings: count("meeting"),
        teamActivities: count("team_activity"),
        minutes: mine.reduce((sum, row) => sum + (row._sum.minutes ?? 0), 0),
        last30Days: recent.find((row) => row.teamId === team.id)?._count._all ?? 0,
        lastOn: last ? dayOf(last) : null,
        submissions: {
          due: due.length,
          onTime: handedIn.filter((submission) => submission && !submission.late).length,
          late: handedIn.filter((submission) => submission?.late).length,
          missing: handedIn.filter((submission) => !submission).length,
        },
        attendanceRate: attendanceRate(present, marked.length),
        atRisk: isTeamAtRisk({
          lastActivityOn: last ?? null,
          activitiesStart,
          today: todayColumn,
          silentDays: silentTeamDays,
        }),
      };
    }),
  };
}

export type TeamProgress = Awaited<ReturnType<typeof getTeamProgress>>;
