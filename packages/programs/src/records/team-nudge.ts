import { recordAudit, type TenantDb } from "@mentoring/db";
import type { CalendarDate } from "@mentoring/domain";
import { dateColumn } from "./cohort-record";
import { notify } from "./notify";
import { teamRecipients } from "./notify-recipients";
import type { TenantFacts } from "./survey-mail";

/** A team to nudge: its number and how many days it has logged nothing. */
export interface SilentTeam {
  id: string;
  number: number;
  silentDays: number;
}

/**
 * Nudges the given teams of one cohort (already judged silent and not nudged today): every member is told
 * in the app and by mail through the outbox (notify(), once per team and day), the teams are marked nudged
 * today with one update, and the nudge is audited with the teams and the number of mails.
 */
export async function nudgeSilentTeamsOf(
  tx: TenantDb,
  input: {
    tenantId: string;
    tenant: Pick<TenantFacts, "slug" | "locale">;
    cohort: { id: string; title: string };
    teams: readonly SilentTeam[];
    today: CalendarDate;
    actorUserId: string | null;
    appUrl: string;
    requestId?: string;
  },
): Promise<{ teams: number; mails: number }> {
  const { tenantId, cohort, teams, today } = input;
  if (teams.length === 0) return { teams: 0, mails: 0 };
  const silentDaysOf = new Map(teams.map((team) => [team.id, team.silentDays]));
  const members = await teamRecipients(tx, tenantId, {
    cohortId: cohort.id,
    teamIds: [...silentDaysOf.keys()],
  });
  const { mails } = await notify(tx, {
    tenantId,
    tenant: input.tenant,
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
  await tx.team.updateMany({
    where: { tenantId, id: { in: [...silentDaysOf.keys()] } },
    data: { nudgedOn: dateColumn(today) },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "team.nudge",
    entityType: "cohort",
    entityId: cohort.id,
    after: { teams: teams.map((team) => team.number), mails },
    requestId: input.requestId,
  });
  return { teams: teams.length, mails };
}

/** Each team's last logged activity day, with one grouped read (teams that logged nothing are absent). */
export async function lastActivityOn(
  tx: TenantDb,
  tenantId: string,
  teamIds: readonly string[],
): Promise<Map<string, Date>> {
  if (teamIds.length === 0) return new Map();
  const rows = await tx.activity.groupBy({
    by: ["teamId"],
    where: { tenantId, teamId: { in: [...teamIds] } },
    _max: { happenedOn: true },
  });
  return new Map(
    rows.flatMap((row) => (row._max.happenedOn ? [[row.teamId, row._max.happenedOn] as const] : [])),
  );
}
