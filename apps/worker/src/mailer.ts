import { createTransport } from "nodemailer";

export interface OutgoingMail {
  /** The outgoing_emails id: it becomes the Message-ID, so a mail sent twice is recognisably the same. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** What handlers need to send mail; tests that never send any can pass a two-method object. */
export interface Mailer {
  /** Resolves once the SMTP server has accepted the mail; rejects with the server's or the socket's error. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The Message-ID of an outgoing_emails row. */
export const messageIdOf = (emailId: string) => `<${emailId}@mentoring.local>`;

/**
 * SMTP from `SMTP_URL` (smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS from the
 * start; credentials in the URL). One connection per mail, no pool: mail is rare, and a connection that
 * died between mails is never reused. Timeouts keep a silent server from holding a job for long, and one
 * mail never takes longer than `deadlineMs` in all (a server trickling bytes defeats the per-step socket
 * timeout): the send-email job counts on that when it decides that an attempt which marked a mail
 * "sending" two minutes ago is dead.
 */
export function createSmtpMailer({
  url,
  from,
  deadlineMs = 60_000,
}: {
  url: string;
  from: string;
  deadlineMs?: number;
}): Mailer {
  const transport = createTransport(
    {
      url,
      pool: false,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      dnsTimeout: 10_000,
    },
    { from },
  );
  return {
    async send({ id, to, subject, text, html }) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              Object.assign(new Error(`the SMTP exchange took longer than ${deadlineMs} ms`), {
                code: "ETIMEDOUT",
              }),
            ),
          deadlineMs,
        );
      });
      const sending = transport.sendMail({
        to,
        subject,
        text,
        ...(html === null ? {} : { html }),
        messageId: messageIdOf(id),
        // Keeps out-of-office replies and auto-forwards away from a no-reply address (RFC 3834).
        headers: { "Auto-Submitted": "auto-generated" },
      });
      sending.catch(() => {});
      try {
        await Promise.race([sending, deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transport.close(),
  };
}
