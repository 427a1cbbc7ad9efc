import { type CertificateContentInput, certificateStatus, parseSerial } from "@mentoring/certificates";
import { type Database, findCertificateSerialTenant } from "@mentoring/db";
import { namesAt, textAt } from "../records/certificate-content";

/** What the public check shows: only what the certificate itself states, and its status. */
export type Verification =
  | { status: "not_found" }
  | {
      /**
       * retained: a genuine certificate whose people's names were destroyed at the end of its cohort's
       * retention period (retention-steps.ts); what it still states cannot be checked against the
       * signature any more, only found in the issuer's records.
       */
      status: "valid" | "invalid" | "revoked" | "retained";
      serial: string;
      issuer: string;
      program: string;
      cohort: string;
      mentors: string[];
      mentees: string[];
      date: string;
      signer: { name: string; title: string };
      /** An award certificate's award (its title, name and prize); absent on a pairing certificate. */
      award?: { title: string; name: string; prize: string };
      revokedAt: Date | null;
    };

/**
 * The public check of a serial (no session): finds the tenant through the serial lookup, then
 * the certificate inside that tenant, and verifies its signature with the tenant's public key. Anything
 * that is not a signed certificate answers not_found; nothing but the certificate's own statements and
 * its status is returned.
 */
export async function verifySerial(db: Database, { serial }: { serial: string }): Promise<Verification> {
  const notFound: Verification = { status: "not_found" };
  if (typeof serial !== "string" || serial.length > 100) return notFound;
  const parsed = parseSerial(serial);
  if (!parsed.ok) return notFound;
  const tenantId = await findCertificateSerialTenant(db.platform, parsed.serial);
  if (!tenantId) return notFound;
  const found = await db.withTenant(tenantId, async (tx) => {
    const certificate = await tx.certificate.findFirst({
      where: { tenantId, serial: parsed.serial, signature: { not: null } },
      select: { serial: true, content: true, signature: true, keyId: true, revokedAt: true },
    });
    if (!certificate?.signature || !certificate.keyId) return null;
    const key = await tx.signingKey.findFirst({
      where: { tenantId, keyId: certificate.keyId },
      select: { publicKey: true },
    });
    return { ...certificate, signature: certificate.signature, publicKey: key?.publicKey ?? "" };
  });
  if (!found) return notFound;
  const { content } = found;
  const genuine = textAt(content, "serial") === found.serial && textAt(content, "tenant", "id") === tenantId;
  const destroyed = (content as { destroyed?: unknown } | null)?.destroyed === true;
  const status = !genuine
    ? "invalid"
    : destroyed
      ? found.revokedAt
        ? "revoked"
        : "retained"
      : certificateStatus({
          content: content as CertificateContentInput,
          signature: found.signature,
          publicKey: found.publicKey,
          revokedAt: found.revokedAt,
        });
  return {
    status,
    serial: found.serial,
    issuer: textAt(content, "tenant", "name"),
    program: textAt(content, "program"),
    cohort: textAt(content, "cohort"),
    mentors: namesAt(content, "mentors"),
    mentees: namesAt(content, "mentees"),
    date: textAt(content, "date"),
    signer: { name: textAt(content, "signer", "name"), title: textAt(content, "signer", "title") },
    ...(textAt(content, "award", "name") && {
      award: {
        title: textAt(content, "award", "title"),
        name: textAt(content, "award", "name"),
        prize: textAt(content, "award", "prize"),
      },
    }),
    revokedAt: status === "revoked" ? found.revokedAt : null,
  };
}
