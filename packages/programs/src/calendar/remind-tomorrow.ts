import type { Database } from "@mentoring/db";
import { addDays, localize, startOfDayIn } from "@mentoring/domain";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { InvalidEmailAddressError, queueEmail } from "@mentoring/mail";
import { expectedAt } from "../records/attendance-item";
import { tenantToday } from "../records/cohort-record";

export interface TomorrowRun {
  tenants: number;
  items: number;
  mails: number;
}

/**
 * The daily reminder over every tenant in use: everyone a training, event or mentoring day of tomorrow
 * (on the tenant's calendar) is for gets a mail the day before, once per item (`reminded_at`), in their
 * language. Running it twice on a day mails no one twice; an item moved to tomorrow after its reminder
 * is not announced again.
 */
export async function remindTomorrow(
  db: Database,
  input: { now: Date; appUrl: string },
): Promise<TomorrowRun> {
  const { now, appUrl } = input;
  const tenants = await db.platform.tenant.findMany({
    where: { status: { in: ["trial", "active"] } },
    select: { id: true, slug: true, timeZone: true, locale: true },
    orderBy: { createdAt: "asc" },
  });
  const run: TomorrowRun = { tenants: tenants.length, items: 0, mails: 0 };
  for (const tenant of tenants) {
    const tomorrow = addDays(tenantToday(tenant.timeZone, now), 1);
    const from = startOfDayIn(tomorrow, tenant.timeZone);
    const until = startOfDayIn(addDays(tomorrow, 1), tenant.timeZone);
    await db.withTenant(tenant.id, async (tx) => {
      const items = await tx.calendarItem.findMany({
        where: {
          tenantId: tenant.id,
          kind: { not: "assignment" },
          remindedAt: null,
          startsAt: { gte: from, lt: until },
          cohort: { status: "active" },
        },
        select: {
          id: true,
          cohortId: true,
          teamId: true,
          audience: true,
          title: true,
          titleEn: true,
          place: true,
          startsAt: true,
          cohort: { select: { title: true } },
        },
      });
      for (const item of items) {
        for (const person of await expectedAt(tx, tenant.id, item)) {
          if (!person.email) continue;
          const wanted = person.locale ?? tenant.locale;
          const locale: Locale = (supportedLocales as readonly string[]).includes(wanted)
            ? (wanted as Locale)
            : defaultLocale;
          try {
            await queueEmail(tx, {
              to: person.email,
              locale,
              message: {
                kind: "event_tomorrow",
                name: person.name,
                cohortTitle: item.cohort.title,
                title: localize({ ko: item.title, en: item.titleEn ?? undefined }, locale),
                startsAt: item.startsAt as Date,
                place: item.place,
                timeZone: tenant.timeZone,
                link: new URL(`/${tenant.slug}/my-calendar`, appUrl).toString(),
              },
            });
            run.mails++;
          } catch (error) {
            if (!(error instanceof InvalidEmailAddressError)) throw error;
          }
        }
        await tx.calendarItem.update({ where: { id: item.id }, data: { remindedAt: now } });
        run.items++;
      }
    });
  }
  return run;
}
