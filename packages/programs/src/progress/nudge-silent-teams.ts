import type { Database } from "@mentoring/db";
import {
  addDays,
  daysBetween,
  isTeamAtRisk,
  MIN_SILENT_TEAM_DAYS,
  notificationSettingsOf,
} from "@mentoring/domain";
import { dateColumn, dayOf, tenantToday } from "../records/cohort-record";
import { forEachTenant } from "../records/each-tenant";
import { lastActivityOn, nudgeSilentTeamsOf } from "../records/team-nudge";

export interface NudgeRun {
  tenants: number;
  teams: number;
  mails: number;
}

/**
 * The daily nudge over every tenant in use: in each cohort whose activities are under way, a team that has
 * logged nothing for as many days as the cohort's template version says (21 unless it says otherwise), or
 * since activities began, is nudged once, and again only after as many silent days more. Each tenant on
 * its own calendar and in its own transaction; running it twice on a day has
 * the effect of running it once. Per tenant: one read of its cohorts and their teams due, one grouped read
 * of those teams' last activities, and per cohort with silent teams one read of their members and the
 * batch written by notify().
 */
export async function nudgeSilentTeams(
  db: Database,
  input: { now: Date; appUrl: string },
): Promise<NudgeRun> {
  const { now, appUrl } = input;
  const tenants = await db.platform.tenant.findMany({
    where: { status: { in: ["trial", "active"] } },
    select: { id: true, slug: true, locale: true, timeZone: true },
    orderBy: { createdAt: "asc" },
  });
  const run: NudgeRun = { tenants: tenants.length, teams: 0, mails: 0 };
  await forEachTenant(tenants, async (tenant) => {
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
          title: true,
          activitiesStart: true,
          templateVersion: { select: { definition: true } },
          // Teams not nudged within the shortest silence any template may set; each cohort's own is applied below.
          teams: {
            where: {
              tenantId: tenant.id,
              OR: [
                { nudgedOn: null },
                { nudgedOn: { lte: dateColumn(addDays(today, -MIN_SILENT_TEAM_DAYS)) } },
              ],
            },
            select: { id: true, number: true, nudgedOn: true },
          },
        },
      });
      const lastOn = await lastActivityOn(
        tx,
        tenant.id,
        cohorts.flatMap((cohort) => cohort.teams.map((team) => team.id)),
      );
      for (const cohort of cohorts) {
        const activitiesStart = dayOf(cohort.activitiesStart);
        const { silentTeamDays } = notificationSettingsOf(cohort.templateVersion.definition);
        const silent = cohort.teams.flatMap((team) => {
          // Nudged again only after another silent period of this cohort's length.
          if (team.nudgedOn && daysBetween(dayOf(team.nudgedOn), today) < silentTeamDays) return [];
          const last = lastOn.get(team.id) ?? null;
          const atRisk = isTeamAtRisk({
            lastActivityOn: last,
            activitiesStart: dateColumn(activitiesStart),
            today: todayColumn,
            silentDays: silentTeamDays,
          });
          if (!atRisk) return [];
          const since = last ? dayOf(last) : activitiesStart;
          return [{ id: team.id, number: team.number, silentDays: Math.max(1, daysBetween(since, today)) }];
        });
        if (silent.length === 0) continue;
        const nudged = await nudgeSilentTeamsOf(tx, {
          tenantId: tenant.id,
          tenant,
          cohort,
          teams: silent,
          today,
          actorUserId: null,
          appUrl,
        });
        run.teams += nudged.teams;
        run.mails += nudged.mails;
      }
    });
  });
  return run;
}
