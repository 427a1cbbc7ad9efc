import { randomUUID } from "node:crypto";
import type { TenantDb } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { currentRequestId, enqueue, jobDefinitions, parseJobPayload } from "@mentoring/jobs";
import { z } from "zod";
import { composeEmail, type EmailMessage, mailLocale } from "./compose";

/**
 * A transaction that can write the mail and its job: `db.platform.$transaction(async (tx) => …)` or
 * `db.withTenant(tenantId, async (tx) => …)`. A client outside a transaction is refused by the type (it has
 * `$transaction`), since the row and its job must commit or roll back together.
 */
export type EmailWriter = Pick<TenantDb, "outgoingEmail" | "outboxEvent"> & { $transaction?: never };

/** A transaction that can write a batch of mails and their jobs: the same as EmailWriter, with raw SQL. */
export type EmailBatchWriter = EmailWriter & Pick<TenantDb, "$executeRaw">;

export interface QueueEmailInput {
  /** The outgoing_emails row's id, when the caller recorded it beforehand (a notification's mail). */
  id?: string;
  to: string;
  locale: Locale;
  message: EmailMessage;
}

export class InvalidEmailAddressError extends Error {
  readonly code = "invalid_email_address";
  constructor(readonly address: string) {
    super(`not a valid e-mail address: ${JSON.stringify(address)}`);
    this.name = "InvalidEmailAddressError";
  }
}

const emailAddress = z.string().trim().email().max(254);

/** Whether queueEmail takes this as an address (it refuses what this refuses). */
export const isEmailAddress = (value: string) => emailAddress.safeParse(value).success;

/**
 * Composes the mail, stores it in outgoing_emails and enqueues the "email.send" job, in the caller's
 * transaction: the mail goes out if and only if the change that caused it commits. The address is stored
 * lower-cased. Returns the id of the outgoing_emails row.
 *
 * Throws InvalidEmailAddressError for an address that is not one and InvalidEmailMessageError for an
 * incomplete message, before anything is written.
 */
export async function queueEmail(
  tx: EmailWriter,
  { id, to, locale, message }: QueueEmailInput,
): Promise<string> {
  const address = emailAddress.safeParse(to);
  if (!address.success) throw new InvalidEmailAddressError(to);
  const used = mailLocale(locale);
  const { subject, text, html } = composeEmail(message, used);
  const email = await tx.outgoingEmail.create({
    data: {
      ...(id && { id }),
      toAddress: address.data.toLowerCase(),
      kind: message.kind,
      locale: used,
      subject,
      textBody: text,
      htmlBody: html,
    },
    select: { id: true },
  });
  await enqueue(tx, "email.send", { emailId: email.id });
  return email.id;
}

/** A mail checked and worded, as its outgoing_emails row. */
function composedRow({ id, to, locale, message }: QueueEmailInput) {
  const address = emailAddress.safeParse(to);
  if (!address.success) throw new InvalidEmailAddressError(to);
  const used = mailLocale(locale);
  const { subject, text, html } = composeEmail(message, used);
  return {
    id: id ?? randomUUID(),
    toAddress: address.data.toLowerCase(),
    kind: message.kind,
    locale: used,
    subject,
    textBody: text,
    htmlBody: html,
  };
}

/**
 * queueEmail for a batch: every mail is checked and composed first (an invalid address or message throws
 * before anything is written), then their outgoing_emails rows and their "email.send" outbox rows are
 * written by one statement, in the caller's transaction: all of them go out if and only if the change that
 * caused them commits. One statement rather than Prisma's createMany twice: for 400 mails it took a third
 * of the CPU (apps/worker/bench/results.md). Returns the ids of the rows, in the order given.
 */
export async function queueEmails(
  tx: EmailBatchWriter,
  mails: readonly QueueEmailInput[],
): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = mails.map(composedRow);
  const ids = rows.map((row) => row.id);
  // The job carries the row's id alone, as enqueue's payload check wants it.
  for (const id of ids) parseJobPayload("email.send", { emailId: id });
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  // As enqueue does: the request (or job) these mails were written for, to trace it to their jobs.
  const requestId = currentRequestId();
  await tx.$executeRaw`
    with mails as (
      insert into outgoing_emails (id, to_address, kind, locale, subject, text_body, html_body)
      select * from unnest(
        ${ids}::uuid[], ${column("toAddress")}::text[], ${column("kind")}::text[], ${column("locale")}::text[],
        ${column("subject")}::text[], ${column("textBody")}::text[], ${column("htmlBody")}::text[]
      )
      returning id
    )
    insert into outbox_events (queue, job_name, payload, request_id)
    select ${jobDefinitions["email.send"].queue}, 'email.send', jsonb_build_object('emailId', id), ${requestId}::text
    from mails`;
  return ids;
}
