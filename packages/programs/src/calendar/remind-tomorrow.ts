import type { Database } from "@mentoring/db";
import { addDays, startOfDayIn } from "@mentoring/domain";
import { cohortMembers, isForItem } from "../records/cohort-members";
import { tenantToday } from "../records/cohort-record";
import { forEachTenant } from "../records/each-tenant";
import { notify, titleIn } from "../records/notify";

export interface TomorrowRun {
  tenants: number;
  items: number;
  mails: number;
}

/**
 * The daily reminder over every tenant in use: everyone a training, event or mentoring day of tomorrow
 * (on the tenant's calendar) is told the day before, in the app and by mail (notify()), once per item
 * (`reminded_at`, and one notice per person, item and start), in their language. An event that takes
 * sign-ups is announced to those who signed up. Running it twice on a day mails no one twice; an item moved
 * to tomorrow after its reminder is not announced again. Per tenant: one read of tomorrow's items, one of
 * the people they may be for, one of the sign-ups, a batch per item through notify(), one update.
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
  await forEachTenant(tenants, async (tenant) => {
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
          signUp: true,
        },
      });
      if (items.length === 0) return;
      // Everyone the items could be for, and who signed up for those that take sign-ups: two reads.
      const signUpItems = items.filter((item) => item.signUp).map((item) => item.id);
      const members = await cohortMembers(
        tx,
        tenant.id,
        items.map((item) => item.cohortId),
      );
      const signedUp = new Set(
        signUpItems.length === 0
          ? []
          : (
              await tx.eventSignup.findMany({
                where: { tenantId: tenant.id, itemId: { in: signUpItems } },
                select: { itemId: true, applicationId: true },
              })
            ).map((signup) => `${signup.itemId} ${signup.applicationId}`),
      );
      for (const item of items) {
        const startsAt = item.startsAt as Date;
        const { mails } = await notify(tx, {
          tenantId: tenant.id,
          tenant,
          kind: "event_tomorrow",
          subject: `item:${item.id}@${startsAt.toISOString()}`,
          path: "/my-calendar",
          appUrl,
          // An event that takes sign-ups is announced to those who signed up, not to all it was open to.
          recipients: members.filter(
            (member) =>
              isForItem(item, member) && (!item.signUp || signedUp.has(`${item.id} ${member.applicationId}`)),
          ),
          params: () => ({
            cohortTitle: item.cohort.title,
            title: item.title,
            titleEn: item.titleEn,
            startsAt: startsAt.toISOString(),
            place: item.place,
          }),
          mail: (person, locale, link) => ({
            kind: "event_tomorrow",
            name: person.name,
            cohortTitle: item.cohort.title,
            title: titleIn(locale, item),
            startsAt,
            place: item.place,
            timeZone: tenant.timeZone,
            link,
          }),
        });
        run.mails += mails;
        run.items++;
      }
      await tx.calendarItem.updateMany({
        where: { tenantId: tenant.id, id: { in: items.map((item) => item.id) } },
        data: { remindedAt: now },
      });
    });
  });
  return run;
}
