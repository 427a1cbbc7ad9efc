import { UnrecoverableError } from "bullmq";
import type { JobHandler } from "./handler";

interface EmailRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  sent_at: Date | null;
}

type Outcome =
  | { status: "sent" | "already_sent" | "missing" | "no_body" }
  | { status: "failed"; error: Error & { responseCode?: number } };

const errorText = (error: Error & { code?: string }) =>
  (error.code && !error.message.includes(error.code)
    ? `${error.code}: ${error.message}`
    : error.message
  ).slice(0, 2_000);

/**
 * Hands one outgoing_emails row to the SMTP server, at most once in effect:
 * - the row stays locked (FOR UPDATE) while the mail is handed over, so a second run for the same mail
 *   waits and then finds it sent;
 * - once the server accepted it, sent_at is set and the bodies are cleared (they may hold one-time links);
 * - on failure the attempt and the error are recorded on the row and the job fails, to be retried with
 *   backoff; a 5xx answer (no such mailbox, message refused) is final and not retried.
 * The one gap left: the server accepts the mail and the process dies before the commit; the retry then
 * sends it again, with the same Message-ID.
 */
export const sendEmail: JobHandler<"email.send"> = async ({ emailId }, { db, mailer, log }) => {
  const outcome = await db.platform.$transaction(
    async (tx): Promise<Outcome> => {
      const [email] = await tx.$queryRaw<EmailRow[]>`
        select id, to_address, subject, text_body, html_body, sent_at from outgoing_emails
        where id = ${emailId}::uuid
        for update`;
      if (!email) return { status: "missing" };
      if (email.sent_at) return { status: "already_sent" };
      if (email.text_body === null) return { status: "no_body" };
      try {
        await mailer.send({
          id: email.id,
          to: email.to_address,
          subject: email.subject,
          text: email.text_body,
          html: email.html_body,
        });
      } catch (error) {
        await tx.outgoingEmail.update({
          where: { id: emailId },
          data: { attempts: { increment: 1 }, lastError: errorText(error as Error) },
        });
        return { status: "failed", error: error as Error };
      }
      await tx.outgoingEmail.update({
        where: { id: emailId },
        data: {
          sentAt: new Date(),
          attempts: { increment: 1 },
          lastError: null,
          textBody: null,
          htmlBody: null,
        },
      });
      return { status: "sent" };
    },
    // Long enough for the mailer's own timeouts; a mail sent is otherwise sent again on the retry.
    { maxWait: 10_000, timeout: 120_000 },
  );

  switch (outcome.status) {
    case "sent":
      log.info({ emailId }, "e-mail handed to the SMTP server");
      return { sent: true };
    case "already_sent":
      return { skipped: true };
    case "missing":
      // The row is written in the transaction that enqueued the job: it will not appear later.
      throw new UnrecoverableError(`outgoing e-mail ${emailId} does not exist`);
    case "no_body":
      throw new UnrecoverableError(`outgoing e-mail ${emailId} has no body and was never sent`);
    case "failed": {
      const { error } = outcome;
      if (typeof error.responseCode === "number" && error.responseCode >= 500)
        throw new UnrecoverableError(`the SMTP server refused the e-mail for good: ${errorText(error)}`);
      throw error;
    }
  }
};
