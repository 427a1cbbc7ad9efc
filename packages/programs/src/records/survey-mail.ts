import type { TenantDb } from "@mentoring/db";
import { type CalendarDate, localize, type QuestionSet } from "@mentoring/domain";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { InvalidEmailAddressError, queueEmail } from "@mentoring/mail";
import { dateColumn } from "./cohort-record";
import type { Participant } from "./survey-participants";

/* Mail to a round's participants: the invitation when it opens and the reminders after. */

export interface TenantFacts {
  slug: string;
  name: string;
  nameEn: string | null;
  locale: string;
  timeZone: string;
}

export async function tenantFacts(tx: TenantDb, tenantId: string): Promise<TenantFacts> {
  return tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { slug: true, name: true, nameEn: true, locale: true, timeZone: true },
  });
}

/** Each person's language for mail: their account's choice, else the tenant's. */
async function mailLocales(tx: TenantDb, tenantId: string, staffMemberIds: string[]) {
  const memberships = await tx.membership.findMany({
    where: { tenantId, staffMemberId: { in: staffMemberIds } },
    select: { staffMemberId: true, user: { select: { locale: true } } },
  });
  return new Map(memberships.map((m) => [m.staffMemberId, m.user.locale]));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2025년 2월 28일", "February 28, 2025": a calendar day, whatever the server's time zone. */
export function formatCalendarDay(day: CalendarDate, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    // One formatter per language for the process: building one costs far more than using it.
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    dayFormats.set(locale, format);
  }
  return format.format(dateColumn(day));
}

export async function mailParticipants(
  tx: TenantDb,
  input: {
    kind: "survey_invitation" | "survey_reminder";
    tenantId: string;
    tenant: TenantFacts;
    cohortTitle: string;
    set: QuestionSet;
    roundId: string;
    closesOn: CalendarDate;
    appUrl: string;
    recipients: Participant[];
  },
): Promise<number> {
  const { tenant } = input;
  const locales = await mailLocales(
    tx,
    input.tenantId,
    input.recipients.map((p) => p.staffMemberId),
  );
  const link = new URL(`/${tenant.slug}/surveys/${input.roundId}`, input.appUrl).toString();
  let sent = 0;
  for (const person of input.recipients) {
    if (!person.email) continue;
    const wanted = locales.get(person.staffMemberId) ?? tenant.locale;
    const locale: Locale = (supportedLocales as readonly string[]).includes(wanted)
      ? (wanted as Locale)
      : defaultLocale;
    try {
      await queueEmail(tx, {
        to: person.email,
        locale,
        message: {
          kind: input.kind,
          name: person.name,
          tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
          cohortTitle: input.cohortTitle,
          surveyTitle: localize(input.set.title, locale),
          closesOn: formatCalendarDay(input.closesOn, locale),
          link,
        },
      });
    } catch (error) {
      // A directory address that is not one (checked before anything is written): that person is skipped.
      if (error instanceof InvalidEmailAddressError) continue;
      throw error;
    }
    sent++;
  }
  return sent;
}
