// A local SMTP server for `npm run demo`: listens where SMTP_URL points and prints every mail the worker
// sends (recipient, subject, text with its links), so a reset or invitation link can be followed from
// the terminal. Run: node --import tsx scripts/dev-mail-sink.ts   (Ctrl-C stops it)
import { config } from "@mentoring/config";
import { startMailSink } from "@mentoring/mail/testing";

const smtpUrl = new URL(config().SMTP_URL);
if (smtpUrl.protocol !== "smtp:") {
  console.error(
    `The mail sink speaks plain SMTP only; SMTP_URL is ${smtpUrl.protocol}//. Use smtp://127.0.0.1:1025.`,
  );
  process.exit(1);
}
const host = smtpUrl.hostname.replace(/^\[(.*)\]$/, "$1");
const port = Number(smtpUrl.port || 25);

const sink = await startMailSink({
  host,
  port,
  onMail(mail) {
    const rule = "─".repeat(72);
    console.log(
      [
        rule,
        `To:      ${mail.envelope.to.join(", ") || mail.to}`,
        `Subject: ${mail.subject}`,
        `Date:    ${mail.receivedAt.toISOString()}`,
        "",
        mail.text.trimEnd(),
        rule,
        "",
      ].join("\n"),
    );
  },
}).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} on ${host} is taken: another mail sink or SMTP server runs there. Stop it, or set SMTP_URL.`
      : `The mail sink could not start: ${error.message}`,
  );
  process.exit(1);
});
console.log(`Mail sink listening at ${sink.url}: every mail the worker sends is printed here.`);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    void sink.close().then(() => process.exit(0));
  });
