import type { Database } from "@mentoring/db";
import {
  assignmentReminder,
  DEFAULT_ASSIGNMENT_REMINDER_DAYS,
  notificationSettingsOf,
  reminderWindow,
} from "@mentoring/domain";
import { cohortMembers, isForItem } from "../records/cohort-members";
import { forEachTenant } from "../records/each-tenant";
import { notify, titleIn } from "../records/notify";

export interface AssignmentReminderRun {
  tenants: number;
  /** Assignments someone was told about in this run. */
  items: number;
  notified: number;
  mails: number;
}

/**
 * The daily assignment reminder over every tenant in use: in each cohort under way, the members of a team
 * that has not handed in an assignment are told, in the app and by mail, from as many days before its due
 * date as the cohort's template version says (three unless it says otherwise; never once its due moment
 * has passed) and, once it passed, that it is late (for three days after, not
 * for old assignments). Once per person, assignment, due moment and kind: running it twice, or every day,
 * tells no one twice; a due moment moved later is announced anew. Each tenant in its own transaction.
 */
export async function remindAssignments(
  db: Database,
  input: { now: Date; appUrl: string },
): Promise<AssignmentReminderRun> {
  const { now, appUrl } = input;
  const { from, until } = reminderWindow(now);
  const tenants = await db.platform.tenant.findMany({
    where: { status: { in: ["trial", "active"] } },
    select: { id: true, slug: true, timeZone: true, locale: true },
    orderBy: { createdAt: "asc" },
  });
  const run: AssignmentReminderRun = { tenants: tenants.length, items: 0, notified: 0, mails: 0 };
  await forEachTenant(tenants, async (tenant) => {
    await db.withTenant(tenant.id, async (tx) => {
      const items = await tx.calendarItem.findMany({
        where: {
          tenantId: tenant.id,
          kind: "assignment",
          dueAt: { gt: from, lte: until },
          cohort: { status: "active" },
        },
        orderBy: { dueAt: "asc" },
        select: {
          id: true,
          cohortId: true,
          teamId: true,
          audience: true,
          title: true,
          titleEn: true,
          dueAt: true,
          cohort: { select: { title: true } },
          submissions: { where: { tenantId: tenant.id }, select: { teamId: true } },
        },
      });
      // How many days ahead each cohort's template reminds: one read of the cohorts' template versions.
      const cohorts =
        items.length === 0
          ? []
          : await tx.cohort.findMany({
              where: { tenantId: tenant.id, id: { in: [...new Set(items.map((item) => item.cohortId))] } },
              select: { id: true, templateVersion: { select: { definition: true } } },
            });
      const daysBefore = new Map(
        cohorts.map((cohort) => [
          cohort.id,
          notificationSettingsOf(cohort.templateVersion.definition).assignmentReminderDays,
        ]),
      );
      const due = items.flatMap((item) => {
        const reminder = assignmentReminder(item.dueAt as Date, now, {
          daysBefore: daysBefore.get(item.cohortId) ?? DEFAULT_ASSIGNMENT_REMINDER_DAYS,
          timeZone: tenant.timeZone,
        });
        return reminder ? [{ item, reminder }] : [];
      });
      // Everyone the assignments could be for, read once for the tenant.
      const members = await cohortMembers(
        tx,
        tenant.id,
        due.map(({ item }) => item.cohortId),
      );
      for (const { item, reminder } of due) {
        const dueAt = item.dueAt as Date;
        const handedIn = new Set(item.submissions.map((submission) => submission.teamId));
        const people = members.filter((person) => isForItem(item, person) && !handedIn.has(person.teamId));
        const kind = reminder === "due_soon" ? "assignment_due_soon" : "assignment_late";
        const told = await notify(tx, {
          tenantId: tenant.id,
          tenant,
          kind,
          subject: `item:${item.id}@${dueAt.toISOString()}`,
          path: "/assignments",
          appUrl,
          recipients: people,
          params: () => ({
            cohortTitle: item.cohort.title,
            title: item.title,
            titleEn: item.titleEn,
            dueAt: dueAt.toISOString(),
          }),
          mail: (person, locale, link) => ({
            kind,
            name: person.name,
            cohortTitle: item.cohort.title,
            title: titleIn(locale, item),
            dueAt,
            timeZone: tenant.timeZone,
            link,
          }),
        });
        if (told.notified > 0) run.items++;
        run.notified += told.notified;
        run.mails += told.mails;
      }
    });
  });
  return run;
}
