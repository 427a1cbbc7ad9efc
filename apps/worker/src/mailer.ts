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
 * died between mails is never reused. Timeouts keep a silent server from holding a job for long.
 */
export function createSmtpMailer({ url, from }: { url: string; from: string }): Mailer {
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
      await transport.sendMail({
        to,
        subject,
        text,
        ...(html === null ? {} : { html }),
        messageId: messageIdOf(id),
        // Keeps out-of-office replies and auto-forwards away from a no-reply address (RFC 3834).
        headers: { "Auto-Submitted": "auto-generated" },
      });
    },
    close: () => transport.close(),
  };
}
