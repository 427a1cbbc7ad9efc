import type { TenantDb } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { enqueue } from "@mentoring/jobs";
import { z } from "zod";
import { composeEmail, type EmailMessage, mailLocale } from "./compose";

/**
 * A transaction that can write the mail and its job: `db.platform.$transaction(async (tx) => …)` or
 * `db.withTenant(tenantId, async (tx) => …)`. A client outside a transaction is refused by the type (it has
 * `$transaction`), since the row and its job must commit or roll back together.
 */
export type EmailWriter = Pick<TenantDb, "outgoingEmail" | "outboxEvent"> & { $transaction?: never };

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
