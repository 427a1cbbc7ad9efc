import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type CalendarDate, daysBetween } from "@mentoring/domain";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { InvalidEmailAddressError, queueEmail } from "@mentoring/mail";
import { dateColumn, dayOf, loadCohort } from "../records/cohort-record";
import { tenantFacts } from "../records/survey-mail";

/**
 * Sends a friendly nudge, by mail through the outbox, to every member of the chosen teams of the cohort:
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
      members: {
        where: { tenantId },
        select: {
          application: {
            select: {
              staffMember: {
                select: {
                  name: true,
                  email: true,
                  memberships: {
                    where: { tenantId },
                    take: 1,
                    select: { user: { select: { locale: true } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  // None of the cohort's teams: nothing was chosen that could be nudged.
  if (chosen.length === 0) throw new AppError("activity.no_team_chosen");
  const teams = chosen.filter((team) => team.nudgedOn === null || dayOf(team.nudgedOn) < today);
  const link = new URL(`/${tenant.slug}/activities`, input.appUrl).toString();
  let mails = 0;
  for (const team of teams) {
    const last = team.activities[0] ? dayOf(team.activities[0].happenedOn) : schedule.activitiesStart;
    const silentDays = Math.max(1, daysBetween(last, today));
    for (const { application } of team.members) {
      const person = application.staffMember;
      if (!person.email) continue;
      const wanted = person.memberships[0]?.user.locale ?? tenant.locale;
      const locale: Locale = (supportedLocales as readonly string[]).includes(wanted)
        ? (wanted as Locale)
        : defaultLocale;
      try {
        await queueEmail(tx, {
          to: person.email,
          locale,
          message: {
            kind: "team_nudge",
            name: person.name,
            cohortTitle: cohort.title,
            teamNumber: team.number,
            silentDays,
            link,
          },
        });
        mails++;
      } catch (error) {
        if (!(error instanceof InvalidEmailAddressError)) throw error;
      }
    }
  }
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
