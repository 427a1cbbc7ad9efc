import type { TenantDb } from "@mentoring/db";
import { AppError, type CalendarDate, daysBetween } from "@mentoring/domain";
import { dayOf } from "../records/cohort-record";
import { tenantFacts } from "../records/survey-mail";
import { lastActivityOn, nudgeSilentTeamsOf } from "../records/team-nudge";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sends a friendly nudge, in the app and by mail through the outbox (notify()), to every member of the
 * chosen teams of the cohort: how long the team has logged nothing, and the way to log an activity. A team
 * nudged today is not nudged again. Audited with the teams and the number of mails.
 */
export async function nudgeTeams(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    teamIds: string[];
    today: CalendarDate;
    actorUserId: string | null;
    appUrl: string;
    requestId?: string;
  },
): Promise<{ teams: number; mails: number }> {
  const { tenantId, cohortId, today } = input;
  if (input.teamIds.length === 0) throw new AppError("activity.no_team_chosen");
  // The cohort's title and the day its activities began: no need for its template.
  const cohort = await tx.cohort.findFirst({
    where: { tenantId, id: cohortId },
    select: { id: true, title: true, activitiesStart: true },
  });
  if (!cohort) throw new AppError("cohort.not_found");
  const chosen = await tx.team.findMany({
    where: { tenantId, cohortId, id: { in: input.teamIds.filter((id) => UUID.test(id)) } },
    select: { id: true, number: true, nudgedOn: true },
  });
  // None of the cohort's teams: nothing was chosen that could be nudged.
  if (chosen.length === 0) throw new AppError("activity.no_team_chosen");
  const teams = chosen.filter((team) => team.nudgedOn === null || dayOf(team.nudgedOn) < today);
  const [tenant, lastOn] = await Promise.all([
    tenantFacts(tx, tenantId),
    lastActivityOn(
      tx,
      tenantId,
      teams.map((team) => team.id),
    ),
  ]);
  const activitiesStart = dayOf(cohort.activitiesStart);
  return nudgeSilentTeamsOf(tx, {
    tenantId,
    tenant,
    cohort,
    teams: teams.map((team) => {
      const last = lastOn.get(team.id);
      return {
        id: team.id,
        number: team.number,
        silentDays: Math.max(1, daysBetween(last ? dayOf(last) : activitiesStart, today)),
      };
    }),
    today,
    actorUserId: input.actorUserId,
    appUrl: input.appUrl,
    requestId: input.requestId,
  });
}
