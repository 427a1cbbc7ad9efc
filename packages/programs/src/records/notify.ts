import { randomUUID } from "node:crypto";
import type { NotificationKind, Prisma, TenantDb } from "@mentoring/db";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { type EmailMessage, isEmailAddress, queueEmails } from "@mentoring/mail";

/** A moment as the notice keeps it: an ISO instant, shown in the tenant's time zone when read. */
type Instant = string;
/** A title kept in both languages (the English one when the coordinator wrote one). */
type Titled = { cohortTitle: string; title: string; titleEn: string | null };

/**
 * What each kind of notice keeps to be worded when it is read, in the reader's language: values, never
 * message text. The web's notification list words them (app/services/notice-text.server.ts).
 */
export interface NoticeParams {
  team_published: { cohortTitle: string; teamNumber: number; role: "mentor" | "mentee" };
  ceremony_scheduled: { cohortTitle: string; startsAt: Instant; place: string; changed: boolean };
  certificate_issued: { cohortTitle: string; teamNumber: number };
  assignment_set: Titled & { dueAt: Instant };
  assignment_due_soon: Titled & { dueAt: Instant };
  assignment_late: Titled & { dueAt: Instant };
  revision_requested: Titled;
  submission_featured: Titled;
  event_tomorrow: Titled & { startsAt: Instant; place: string };
  team_nudge: { cohortTitle: string; teamNumber: number; days: number };
  /** The award's name and prize as the decision copied them from the template (Korean). */
  award_granted: { cohortTitle: string; teamNumber: number; award: string; prize: string };
  /** To coordinators: who withdrew their consent, and the team they left (null: they were in none). */
  consent_withdrawn: { cohortTitle: string; name: string; teamNumber: number | null };
  /** To the person who asked: the directory field (its code) and whether it was corrected. */
  correction_resolved: { field: string; outcome: "applied" | "declined" };
  /** To a junior board proposal's proposers: what became of it (the reply is read on the board's page). */
  board_proposal_updated: { cohortTitle: string; title: string; status: "reviewed" | "adopted" | "declined" };
}

/** A person to tell: one of the tenant's staff, with their address and their account's language. */
export interface NoticeRecipient {
  staffMemberId: string;
  name: string;
  email: string | null;
  /** Their account's language; null for someone without an account (the tenant's is used). */
  locale: string | null;
}

export interface NoticeInput<K extends NotificationKind, R extends NoticeRecipient> {
  tenantId: string;
  /** The tenant's address part and language ("gangneung", "ko"). */
  tenant: { slug: string; locale: string };
  kind: K;
  /**
   * What the notice is about, so that telling the same person the same thing again is no new notice:
   * "item:<id>@<due>", "team:<id>". Two notices of a kind differ in their subject.
   */
  subject: string | ((recipient: R) => string);
  /** Where it leads, under the tenant's address: "/team". */
  path: string;
  /** The web address mails link to (APP_URL). */
  appUrl: string;
  recipients: readonly R[];
  params: (recipient: R) => NoticeParams[K];
  /** The mail, worded in `locale`, linking to `link` (absolute). */
  mail: (recipient: R, locale: Locale, link: string) => EmailMessage;
}

export interface NoticeRun {
  /** People told for the first time about this subject (in the app, by mail, or recorded as neither). */
  notified: number;
  /** Mails queued through the outbox. */
  mails: number;
}

const localeOf = (wanted: string): Locale =>
  (supportedLocales as readonly string[]).includes(wanted) ? (wanted as Locale) : defaultLocale;

/**
 * The one way the program tells people something, inside the caller's transaction: for each recipient a
 * notification row (shown in the app unless they switched this kind off there) and, unless they switched
 * it off for mail, a mail through the outbox in their language. The row is unique per person, kind and
 * subject and inserted with ON CONFLICT DO NOTHING: a job that runs twice, a use case repeated, or two at
 * once, tell each person once; a person already told gets no second mail. Both happen if and only if the
 * caller's transaction commits. A person without a usable address is told in the app alone.
 */
export async function notify<K extends NotificationKind, R extends NoticeRecipient>(
  tx: TenantDb,
  input: NoticeInput<K, R>,
): Promise<NoticeRun> {
  const { tenantId, kind } = input;
  const seen = new Set<string>();
  const recipients = input.recipients.filter((recipient) => {
    if (seen.has(recipient.staffMemberId)) return false;
    seen.add(recipient.staffMemberId);
    return true;
  });
  if (recipients.length === 0) return { notified: 0, mails: 0 };
  // Raw SQL with arrays: Prisma's `in` with hundreds of ids, and its createManyAndReturn, cost more than
  // the rest of a batch (apps/worker/bench/results.md).
  const choices = new Map(
    (
      await tx.$queryRaw<{ staffMemberId: string; email: boolean; inApp: boolean }[]>`
        select staff_member_id::text as "staffMemberId", email, in_app as "inApp"
        from notification_preferences
        where tenant_id = ${tenantId}::uuid and kind = ${kind}::notification_kind
          and staff_member_id = any(${[...seen]}::uuid[])`
    ).map((choice) => [choice.staffMemberId, choice]),
  );
  const link = `/${input.tenant.slug}${input.path}`;
  const planned = recipients.map((recipient) => {
    const choice = choices.get(recipient.staffMemberId);
    const byMail = (choice?.email ?? true) && recipient.email !== null && isEmailAddress(recipient.email);
    return {
      recipient,
      row: {
        id: randomUUID(),
        tenantId,
        staffMemberId: recipient.staffMemberId,
        kind,
        subject: typeof input.subject === "function" ? input.subject(recipient) : input.subject,
        params: input.params(recipient) as unknown as Prisma.InputJsonValue,
        link,
        inApp: choice?.inApp ?? true,
        emailId: byMail ? randomUUID() : null,
      },
    };
  });
  const rows = planned.map((notice) => notice.row);
  // One insert; a person already told about this subject is skipped (the unique key), and gets no mail.
  const created = new Set(
    (
      await tx.$queryRaw<{ id: string }[]>`
        insert into notifications (id, tenant_id, staff_member_id, kind, subject, params, link, in_app, email_id)
        select row.id, ${tenantId}::uuid, row.staff_member_id, ${kind}::notification_kind, row.subject,
          row.params::jsonb, ${link}, row.in_app, row.email_id
        from unnest(
          ${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.staffMemberId)}::uuid[],
          ${rows.map((row) => row.subject)}::text[], ${rows.map((row) => JSON.stringify(row.params))}::text[],
          ${rows.map((row) => row.inApp)}::boolean[], ${rows.map((row) => row.emailId)}::uuid[]
        ) as row (id, staff_member_id, subject, params, in_app, email_id)
        on conflict (tenant_id, staff_member_id, kind, subject) do nothing
        returning id::text as id`
    ).map((row) => row.id),
  );
  const url = new URL(link, input.appUrl).toString();
  // Composed all at once and written with one statement (rows and outbox jobs), in the same transaction.
  const queued = await queueEmails(
    tx,
    planned.flatMap(({ recipient, row }) => {
      if (!created.has(row.id) || row.emailId === null || recipient.email === null) return [];
      const locale = localeOf(recipient.locale ?? input.tenant.locale);
      return [{ id: row.emailId, to: recipient.email, locale, message: input.mail(recipient, locale, url) }];
    }),
  );
  const mails = queued.length;
  return { notified: created.size, mails };
}

/** A title in the reader's language: the English one for English readers when there is one. */
export const titleIn = (locale: Locale, item: { title: string; titleEn: string | null }) =>
  locale === "en" && item.titleEn ? item.titleEn : item.title;
