import type { AddressInfo } from "node:net";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * The one SMTP peer of the codebase for tests and local runs: a real SMTP server that accepts every
 * mail, decodes it (headers, UTF-8 subjects, quoted-printable or base64 bodies) and keeps it in memory.
 * Plain SMTP on a loopback address, no TLS, no authentication required.
 */

export interface ReceivedMail {
  /** The envelope: MAIL FROM and RCPT TO, as the client gave them. */
  envelope: { from: string | null; to: string[] };
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  receivedAt: Date;
}

export interface MailSink {
  readonly host: string;
  readonly port: number;
  /** `smtp://host:port`, ready for SMTP_URL. */
  readonly url: string;
  /** Every mail received so far, oldest first. */
  readonly mails: readonly ReceivedMail[];
  /** Stops listening; open connections are closed within a second. */
  close(): Promise<void>;
}

const addressText = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((address) => address.text).join(", ");

/** Starts listening; `port` 0 (the default) picks a free port, which `sink.port` then tells. */
export async function startMailSink(
  options: { port?: number; host?: string; onMail?: (mail: ReceivedMail) => void } = {},
): Promise<MailSink> {
  const { port = 0, host = "127.0.0.1", onMail } = options;
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1_000,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const mail: ReceivedMail = {
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
            },
            messageId: parsed.messageId ?? null,
            from: addressText(parsed.from),
            to: addressText(parsed.to),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            receivedAt: new Date(),
          };
          mails.push(mail);
          onMail?.(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on("error", () => {
    // Connection-level errors (a client hanging up mid-session) are the client's problem, not the sink's.
  });
  const listening = await new Promise<AddressInfo>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => {
      server.server.off("error", reject);
      resolve(server.server.address() as AddressInfo);
    });
  });
  return {
    host,
    port: listening.port,
    url: `smtp://${host.includes(":") ? `[${host}]` : host}:${listening.port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
