import { UnrecoverableError } from "bullmq";
import { messageIdOf } from "../mailer";
import type { JobCheckpoint, JobHandler } from "./handler";

interface EmailRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  sent_at: Date | null;
}

/**
 * What an attempt records in its job before and after talking SMTP:
 * - `sending`: it is about to hand the mail over (since `at`); another attempt that finds this before
 *   `staleAfter` leaves the mail alone, one that finds it later presumes that attempt dead and sends again;
 * - `accepted`: the SMTP server accepted the mail; what is left is recording it on the row.
 */
type SendState =
  | { state: "sending"; messageId: string; at: string; staleAfter: string }
  | { state: "accepted"; messageId: string; at: string };

/**
 * How long a "sending" mark holds off other attempts. Longer than the mailer's own deadline for one mail
 * (60 s) plus the writes around it, so a live attempt is never taken for a dead one.
 */
export const SENDING_CLAIM_MS = 120_000;

const errorText = (error: Error & { code?: string }) =>
  (error.code && !error.message.includes(error.code)
    ? `${error.code}: ${error.message}`
    : error.message
  ).slice(0, 2_000);

const stateOf = (checkpoint: JobCheckpoint | undefined): SendState | undefined => {
  const value = checkpoint?.read() as Partial<SendState> | undefined;
  return value?.state === "sending" || value?.state === "accepted" ? (value as SendState) : undefined;
};

/**
 * Hands one outgoing_emails row to the SMTP server, as close to once as SMTP allows (ADR 0004), without
 * holding a database transaction while it talks to the server:
 * 1. a row already marked sent is left alone;
 * 2. the job records "sending" with the Message-ID in its data (job.updateData) before the SMTP exchange;
 *    a retry or a second worker that finds a fresh mark does not send and tries again later, one that finds
 *    a mark older than SENDING_CLAIM_MS sends again with the same Message-ID, so that the receiving server
 *    or mail client can tell it is the same mail;
 * 3. once the server accepted it, the job records "accepted" and then the row is marked sent (sent_at set,
 *    bodies cleared: they may hold one-time links); a retry that finds "accepted" only marks the row;
 * 4. on failure the attempt and the error are recorded on the row, the mark is cleared and the job fails,
 *    to be retried with backoff; a 5xx answer (no such mailbox, message refused) is final.
 * The gap SMTP leaves: a worker that dies after the server accepted the mail and before "accepted" was
 * written is presumed dead after the claim expires, and the mail goes out a second time (same Message-ID).
 */
export function createSendEmail({ clock = () => new Date() } = {}): JobHandler<"email.send"> {
  return async ({ emailId }, { db, mailer, log, checkpoint }) => {
    const [email] = await db.platform.$queryRaw<EmailRow[]>`
      select id, to_address, subject, text_body, html_body, sent_at from outgoing_emails
      where id = ${emailId}::uuid`;
    // The row is written in the transaction that enqueued the job: it will not appear later.
    if (!email) throw new UnrecoverableError(`outgoing e-mail ${emailId} does not exist`);
    if (email.sent_at) return { skipped: true };

    const messageId = messageIdOf(email.id);
    const previous = stateOf(checkpoint);
    if (previous?.state === "accepted") {
      await markSent(db, emailId);
      log.info({ emailId }, "e-mail accepted by the SMTP server on an earlier attempt: recorded as sent");
      return { sent: true };
    }
    if (email.text_body === null)
      throw new UnrecoverableError(`outgoing e-mail ${emailId} has no body and was never sent`);

    const now = clock();
    if (previous?.state === "sending") {
      if (now < new Date(previous.staleAfter))
        // Not an error of this mail: another attempt may be talking to the server right now.
        throw new Error(
          `another attempt started sending this e-mail at ${previous.at} and may still be running; trying again later`,
        );
      log.warn(
        { emailId, messageId, since: previous.at },
        "an earlier attempt died while sending this e-mail: sending it again with the same Message-ID",
      );
    }
    await checkpoint?.write({
      state: "sending",
      messageId,
      at: now.toISOString(),
      staleAfter: new Date(now.getTime() + SENDING_CLAIM_MS).toISOString(),
    } satisfies SendState);

    try {
      await mailer.send({
        id: email.id,
        to: email.to_address,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
      });
    } catch (cause) {
      const error = cause as Error & { responseCode?: number };
      await checkpoint?.write(null);
      await db.platform.outgoingEmail.update({
        where: { id: emailId },
        data: { attempts: { increment: 1 }, lastError: errorText(error) },
      });
      if (typeof error.responseCode === "number" && error.responseCode >= 500)
        throw new UnrecoverableError(`the SMTP server refused the e-mail for good: ${errorText(error)}`);
      throw error;
    }

    await checkpoint?.write({
      state: "accepted",
      messageId,
      at: new Date().toISOString(),
    } satisfies SendState);
    await markSent(db, emailId);
    log.info({ emailId }, "e-mail handed to the SMTP server");
    return { sent: true };
  };
}

/** One statement, no transaction held: the row is sent once, whichever attempt gets here first. */
const markSent = (db: Parameters<JobHandler<"email.send">>[1]["db"], emailId: string) =>
  db.platform.$executeRaw`
    update outgoing_emails
    set sent_at = now(), attempts = attempts + 1, last_error = null, text_body = null, html_body = null
    where id = ${emailId}::uuid and sent_at is null`;

export const sendEmail = createSendEmail();
