import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type CalendarDate, daysBetween } from "@mentoring/domain";
import { dateColumn, dayOf, loadCohort } from "../records/cohort-record";
import { notify } from "../records/notify";
import { teamRecipients } from "../records/notify-recipients";
import { tenantFacts } from "../records/survey-mail";

/**
 * Sends a friendly nudge, in the app and by mail through the outbox (notify()), to every member of the chosen teams of the cohort:
 * how long the team has logged nothing, and the way to log an activity. A team nudged today is not nudged
 * again. Audited with the teams and the number of mails.
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
  const { tenantId, cohortId, today, actorUserId, requestId } = input;
  if (input.teamIds.length === 0) throw new AppError("activity.no_team_chosen");
  const { cohort, schedule } = await loadCohort(tx, tenantId, cohortId);
  const tenant = await tenantFacts(tx, tenantId);
  const chosen = await tx.team.findMany({
    where: { tenantId, cohortId, id: { in: input.teamIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } },
    select: {
      id: true,
      number: true,
      nudgedOn: true,
      activities: {
        where: { tenantId },
        orderBy: { happenedOn: "desc" },
        take: 1,
        select: { happenedOn: true },
      },
    },
  });
  // None of the cohort's teams: nothing was chosen that could be nudged.
  if (chosen.length === 0) throw new AppError("activity.no_team_chosen");
  const teams = chosen.filter((team) => team.nudgedOn === null || dayOf(team.nudgedOn) < today);
  const silentDaysOf = new Map(
    teams.map((team) => {
      const last = team.activities[0] ? dayOf(team.activities[0].happenedOn) : schedule.activitiesStart;
      return [team.id, Math.max(1, daysBetween(last, today))];
    }),
  );
  const members =
    teams.length === 0
      ? []
      : await teamRecipients(tx, tenantId, { cohortId, teamIds: [...silentDaysOf.keys()] });
  const { mails } = await notify(tx, {
    tenantId,
    tenant,
    kind: "team_nudge",
    // Once a day at most, whoever presses or runs it.
    subject: (member) => `team:${member.teamId}@${today}`,
    path: "/activities",
    appUrl: input.appUrl,
    recipients: members,
    params: (member) => ({
      cohortTitle: cohort.title,
      teamNumber: member.teamNumber,
      days: silentDaysOf.get(member.teamId) ?? 1,
    }),
    mail: (member, _locale, link) => ({
      kind: "team_nudge",
      name: member.name,
      cohortTitle: cohort.title,
      teamNumber: member.teamNumber,
      silentDays: silentDaysOf.get(member.teamId) ?? 1,
      link,
    }),
  });
  if (teams.length > 0) {
    await tx.team.updateMany({
      where: { tenantId, id: { in: teams.map((team) => team.id) } },
      data: { nudgedOn: dateColumn(today) },
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "team.nudge",
      entityType: "cohort",
      entityId: cohortId,
      after: { teams: teams.map((team) => team.number), mails },
      requestId,
    });
  }
  return { teams: teams.length, mails };
}
