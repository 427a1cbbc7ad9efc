import type { TenantDb } from "@mentoring/db";
import { addDays, type CalendarDate } from "@mentoring/domain";
import { requireCohort } from "../records/certificate-cohort";
import { dateColumn, dayOf } from "../records/cohort-record";

/**
 * The coordinator's view of how often each team meets and acts: counts in the last 30 days and in all,
 * minutes, and the day of its last activity. Never what a team wrote in its notes, nor their topics.
 */
export async function getCohortActivity(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; today: CalendarDate },
) {
  const { tenantId, cohortId, today } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const since = dateColumn(addDays(today, -29));
  const [teams, all, recent] = await Promise.all([
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: { id: true, number: true },
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
  ]);
  return {
    cohort,
    teams: teams.map((team) => {
      const mine = all.filter((row) => row.teamId === team.id);
      const count = (kind: "meeting" | "team_activity") =>
        mine.find((row) => row.kind === kind)?._count._all ?? 0;
      const last = mine
        .map((row) => row._max.happenedOn)
        .filter((day): day is Date => day !== null)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      return {
        teamId: team.id,
        teamNumber: team.number,
        meetings: count("meeting"),
        teamActivities: count("team_activity"),
        minutes: mine.reduce((sum, row) => sum + (row._sum.minutes ?? 0), 0),
        last30Days: recent.find((row) => row.teamId === team.id)?._count._all ?? 0,
        lastOn: last ? dayOf(last) : null,
      };
    }),
  };
}

export type CohortActivity = Awaited<ReturnType<typeof getCohortActivity>>;
