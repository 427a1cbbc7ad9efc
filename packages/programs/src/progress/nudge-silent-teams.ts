import type { Database } from "@mentoring/db";
import { addDays, isTeamAtRisk, SILENT_DAYS_AT_RISK } from "@mentoring/domain";
import { dateColumn, dayOf, tenantToday } from "../records/cohort-record";
import { nudgeTeams } from "./nudge-teams";

export interface NudgeRun {
  tenants: number;
  teams: number;
  mails: number;
}

/**
 * The daily nudge over every tenant in use: in each cohort whose activities are under way, a team that has
 * logged nothing for 21 days (or since activities began) is nudged once, and again only after another 21
 * silent days. Each tenant on its own calendar and in its own transaction; running it twice on a day has
 * the effect of running it once.
 */
export async function nudgeSilentTeams(
  db: Database,
  input: { now: Date; appUrl: string },
): Promise<NudgeRun> {
  const { now, appUrl } = input;
  const tenants = await db.platform.tenant.findMany({
    where: { status: { in: ["trial", "active"] } },
    select: { id: true, timeZone: true },
    orderBy: { createdAt: "asc" },
  });
  const run: NudgeRun = { tenants: tenants.length, teams: 0, mails: 0 };
  for (const tenant of tenants) {
    const today = tenantToday(tenant.timeZone, now);
    const todayColumn = dateColumn(today);
    await db.withTenant(tenant.id, async (tx) => {
      const cohorts = await tx.cohort.findMany({
        where: {
          tenantId: tenant.id,
          status: "active",
          activitiesStart: { lte: todayColumn },
          activitiesEnd: { gte: todayColumn },
        },
        select: {
          id: true,
          activitiesStart: true,
          teams: {
            where: {
              tenantId: tenant.id,
              OR: [
                { nudgedOn: null },
                { nudgedOn: { lte: dateColumn(addDays(today, -SILENT_DAYS_AT_RISK)) } },
              ],
            },
            select: {
              id: true,
              activities: { orderBy: { happenedOn: "desc" }, take: 1, select: { happenedOn: true } },
            },
          },
        },
      });
      for (const cohort of cohorts) {
        const silent = cohort.teams.filter((team) =>
          isTeamAtRisk({
            lastActivityOn: team.activities[0]?.happenedOn ?? null,
            activitiesStart: dateColumn(dayOf(cohort.activitiesStart)),
            today: todayColumn,
          }),
        );
        if (silent.length === 0) continue;
        const nudged = await nudgeTeams(tx, {
          tenantId: tenant.id,
          cohortId: cohort.id,
          teamIds: silent.map((team) => team.id),
          today,
          actorUserId: null,
          appUrl,
        });
        run.teams += nudged.teams;
        run.mails += nudged.mails;
      }
    });
  }
  return run;
}
