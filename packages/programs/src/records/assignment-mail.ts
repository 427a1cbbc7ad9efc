import type { TenantDb } from "@mentoring/db";
import { expectedAt } from "./attendance-item";
import { notify, titleIn } from "./notify";
import { tenantFacts } from "./survey-mail";

/**
 * Tells the people an assignment is for that it is set, when the coordinator adds it to the calendar of a
 * cohort whose teams are published (or turns an item into an assignment), and its due moment is ahead;
 * in the app and by mail, once per person and assignment. Assignments planned before the teams exist are
 * not announced one by one: the participants find them on their assignments page, and each team without
 * a submission is reminded three days before it is due.
 */
export async function announceAssignment(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortTitle: string;
    item: {
      id: string;
      cohortId: string;
      kind: string;
      title: string;
      titleEn: string | null;
      dueAt: Date | null;
      audience: "all" | "mentors" | "mentees";
      teamId: string | null;
    };
    /** The item's kind before this change; null for a new item. */
    kindBefore: string | null;
    now: Date;
    appUrl: string;
  },
): Promise<number> {
  const { tenantId, item, cohortTitle } = input;
  const dueAt = item.dueAt;
  if (item.kind !== "assignment" || input.kindBefore === "assignment") return 0;
  if (!dueAt || dueAt <= input.now) return 0;
  const people = await expectedAt(tx, tenantId, item);
  if (people.length === 0) return 0;
  const tenant = await tenantFacts(tx, tenantId);
  const { notified } = await notify(tx, {
    tenantId,
    tenant,
    kind: "assignment_set",
    subject: `item:${item.id}`,
    path: "/assignments",
    appUrl: input.appUrl,
    recipients: people,
    params: () => ({ cohortTitle, title: item.title, titleEn: item.titleEn, dueAt: dueAt.toISOString() }),
    mail: (person, locale, link) => ({
      kind: "assignment_set",
      name: person.name,
      cohortTitle,
      title: titleIn(locale, item),
      dueAt,
      timeZone: tenant.timeZone,
      link,
    }),
  });
  return notified;
}
