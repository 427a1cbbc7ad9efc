import type { TenantDb } from "@mentoring/db";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { InvalidEmailAddressError, queueEmail } from "@mentoring/mail";
import { tenantFacts } from "./survey-mail";

const roleWords = {
  ko: { mentor: "멘토", mentee: "멘티" },
  en: { mentor: "mentor", mentee: "mentee" },
} as const;

/**
 * Tells every member of the cohort's published teams, by mail through the outbox (in the publishing
 * transaction), which team they are in, with whom, and what comes next (the ceremony when it is set).
 * In each person's language, else the tenant's. A directory address that is not one is skipped.
 */
export async function mailPublishedTeams(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; cohortTitle: string; appUrl: string },
): Promise<number> {
  const { tenantId, cohortId } = input;
  const tenant = await tenantFacts(tx, tenantId);
  const [teams, ceremony] = await Promise.all([
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: {
        number: true,
        members: {
          where: { tenantId },
          orderBy: { role: "asc" },
          select: {
            role: true,
            application: {
              select: {
                staffMemberId: true,
                staffMember: {
                  select: {
                    name: true,
                    email: true,
                    positionTitle: true,
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
    }),
    tx.ceremony.findFirst({ where: { tenantId, cohortId }, select: { startsAt: true, place: true } }),
  ]);
  const link = new URL(`/${tenant.slug}/team`, input.appUrl).toString();
  let sent = 0;
  for (const team of teams) {
    for (const member of team.members) {
      const person = member.application.staffMember;
      if (!person.email) continue;
      const wanted = person.memberships[0]?.user.locale ?? tenant.locale;
      const locale: Locale = (supportedLocales as readonly string[]).includes(wanted)
        ? (wanted as Locale)
        : defaultLocale;
      const teammates = team.members
        .filter((other) => other !== member)
        .map((other) => `${other.application.staffMember.name} (${roleWords[locale][other.role]})`);
      if (teammates.length === 0) continue;
      try {
        await queueEmail(tx, {
          to: person.email,
          locale,
          message: {
            kind: "team_published",
            name: person.name,
            tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
            cohortTitle: input.cohortTitle,
            teamNumber: team.number,
            role: member.role,
            teammates,
            ...(ceremony && { ceremony: { startsAt: ceremony.startsAt, place: ceremony.place } }),
            timeZone: tenant.timeZone,
            link,
          },
        });
      } catch (error) {
        if (error instanceof InvalidEmailAddressError) continue;
        throw error;
      }
      sent++;
    }
  }
  return sent;
}
