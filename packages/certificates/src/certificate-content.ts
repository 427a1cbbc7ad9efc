import { calendarDateSchema } from "@mentoring/domain";
import { z } from "zod";
import { canonicalBytes } from "./canonical-json";
import { parseSerial } from "./serial";

/**
 * What a certificate states, and exactly what the tenant's key signs: who (mentors and mentees, in the
 * order printed), in which program and cohort, for which tenant, on which date, signed by whom, under
 * which serial, issued when; for an award certificate (표창장) also which award, with its prize and the
 * certificate's title. The design (wording, images) is presentation and is not signed.
 */

/** Text on a certificate: NFC, trimmed, one line, between 1 and `max` characters. */
export function certificateText(field: string, max: number) {
  return z
    .string({ required_error: `${field} is required`, invalid_type_error: `${field} must be text` })
    .transform((text) => text.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `${field} must not be empty`)
        .max(max, `${field} must be at most ${max} characters`)
        .refine((text) => !/\p{Cc}/u.test(text), `${field} must be one line without control characters`),
    );
}

const personName = (field: string) => certificateText(field, 40);

const names = (field: string) =>
  z
    .array(personName(`each ${field} name`), { required_error: `${field} names are required` })
    .min(1, `at least one ${field} name is required`)
    .max(20, `at most 20 ${field} names fit on one certificate`);

export const serialSchema = z.string({ required_error: "serial is required" }).transform((text, context) => {
  const parsed = parseSerial(text);
  if (!parsed.ok) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        parsed.reason === "checksum"
          ? "serial has a typo (its check symbol does not match)"
          : "serial must be 28 symbols of Crockford base 32 (XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX)",
    });
    return z.NEVER;
  }
  return parsed.serial;
});

/** An instant in ISO 8601 with a zone; kept as the UTC form with milliseconds, one text per instant. */
const instantSchema = z
  .union([z.date(), z.string().datetime({ offset: true, message: "issuedAt must be an ISO 8601 instant" })], {
    errorMap: () => ({ message: "issuedAt must be an ISO 8601 instant or a Date" }),
  })
  .transform((value, context) => {
    const instant = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(instant.getTime())) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: "issuedAt is not a real instant" });
      return z.NEVER;
    }
    return instant.toISOString();
  });

export const signerSchema = z.object(
  {
    name: personName("signer name"),
    title: certificateText("signer title", 40),
  },
  { required_error: "signer is required" },
);

export const certificateContentSchema = z
  .object({
    serial: serialSchema,
    tenant: z.object(
      {
        id: z.string({ required_error: "tenant id is required" }).uuid("tenant id must be a UUID"),
        name: certificateText("tenant name", 60),
      },
      { required_error: "tenant is required" },
    ),
    program: certificateText("program", 80),
    cohort: certificateText("cohort", 60),
    mentors: names("mentor"),
    mentees: names("mentee"),
    /** The day the certificate states, on the tenant's calendar ("YYYY-MM-DD"). */
    date: z
      .string({ required_error: "date is required", invalid_type_error: "date must be text (YYYY-MM-DD)" })
      .pipe(calendarDateSchema),
    signer: signerSchema,
    /** Present on an award certificate alone: a pairing certificate's content (and signature) is as before. */
    award: z
      .object({
        /** The certificate's title ("표창장"), printed instead of the design's. */
        title: certificateText("award certificate title", 20),
        /** The award ("최우수"). */
        name: certificateText("award name", 40),
        /** What comes with it ("표창 및 국내외 우수사례지 견학"). */
        prize: certificateText("award prize", 120),
      })
      .strict()
      .optional(),
    issuedAt: instantSchema,
  })
  .strict();

export type CertificateContentInput = z.input<typeof certificateContentSchema>;
export type CertificateContent = z.output<typeof certificateContentSchema>;

/** Names the kind and version of what is signed, so these bytes can never be mistaken for another message. */
export const CONTENT_FORMAT = "mentoring.certificate/1";

/** The bytes the tenant's key signs: the content's canonical JSON, with its format. */
export function canonicalContent(content: CertificateContent): Buffer {
  return canonicalBytes({ format: CONTENT_FORMAT, ...content });
}
