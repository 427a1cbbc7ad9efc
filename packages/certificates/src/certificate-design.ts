import { calendarDateParts } from "@mentoring/domain";
import { z } from "zod";
import type { CertificateContent } from "./certificate-content";
import { certificateText, signerSchema } from "./certificate-content";

/**
 * How a tenant's certificates look and read (later part of a program template): the title, a body with
 * placeholders, the labels of the two sides, optional logo and seal images, and the signer. Parsing
 * gives one message per field that a form can show beside it.
 */

export const certificatePlaceholders = [
  "mentorNames",
  "menteeNames",
  "cohort",
  "program",
  "date",
  "tenant",
  /** An award certificate's award and prize (empty on a pairing certificate). */
  "award",
  "prize",
] as const;
export type CertificatePlaceholder = (typeof certificatePlaceholders)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const MAX_IMAGE_SIDE = 4000;

/** "png" or "jpeg" by the file's signature, with its pixel size when the header gives it cheaply (PNG). */
export function imageKind(bytes: Uint8Array): "png" | "jpeg" | null {
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return null;
}

const imageSchema = (field: string) =>
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, {
      message: `${field} must be the bytes of a PNG or JPEG image`,
    })
    .refine((bytes) => imageKind(bytes) !== null, `${field} must be a PNG or JPEG image`)
    .refine(
      (bytes) => bytes.length <= MAX_IMAGE_BYTES,
      `${field} must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
    )
    .refine((bytes) => {
      if (imageKind(bytes) !== "png") return true;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const [width, height] = [view.getUint32(16), view.getUint32(20)];
      return width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE;
    }, `${field} must be at most ${MAX_IMAGE_SIDE} pixels wide and high`);

const bodySchema = z
  .string({ required_error: "body is required", invalid_type_error: "body must be text" })
  .transform((text) => text.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "body must not be empty")
      .max(600, "body must be at most 600 characters")
      .refine((text) => !/[^\P{Cc}\n]/u.test(text), "body must not contain control characters")
      .superRefine((text, context) => {
        const unknown = [...text.matchAll(PLACEHOLDER)]
          .map((match) => match[1] as string)
          .filter((name) => !(certificatePlaceholders as readonly string[]).includes(name));
        if (unknown.length > 0)
          context.addIssue({
            code: z.ZodIssueCode.custom,
            message: `body has unknown placeholders ${unknown.map((name) => `{${name}}`).join(", ")}; use ${certificatePlaceholders.map((name) => `{${name}}`).join(", ")}`,
          });
        else if (/[{}]/.test(text.replace(PLACEHOLDER, "")))
          context.addIssue({
            code: z.ZodIssueCode.custom,
            message: "body has a brace that opens or closes no placeholder",
          });
      }),
  );

export const DEFAULT_TITLE = "결연증서";
export const DEFAULT_BODY =
  "위 사람들은 {tenant} {program} {cohort}에 멘토와 멘티로 결연하여 서로 배우고 성장하는 관계를 맺었기에 이 증서를 드립니다.";

export const certificateDesignSchema = z
  .object({
    title: certificateText("title", 20).default(DEFAULT_TITLE),
    body: bodySchema.default(DEFAULT_BODY),
    /** How the two sides are named on the page (reverse mentoring: 멘토 are the juniors). */
    mentorLabel: certificateText("mentor label", 10).default("멘토"),
    menteeLabel: certificateText("mentee label", 10).default("멘티"),
    logo: imageSchema("logo").nullish(),
    seal: imageSchema("seal").nullish(),
    signer: signerSchema,
  })
  .strict();

export type CertificateDesignInput = z.input<typeof certificateDesignSchema>;
export type CertificateDesign = z.output<typeof certificateDesignSchema>;

/** The title of an award certificate when its award names none. */
export const DEFAULT_AWARD_TITLE = "표창장";
/**
 * The wording of an award certificate (표창장): the team's members are named above it. "{award}에" and
 * "부상:" need no particle that depends on the word before them.
 */
export const AWARD_BODY =
  "위 팀은 {tenant} {program} {cohort}에서 성실하고 창의적인 활동으로 타의 모범이 되었기에 {award}에 선정하여 이 상장을 드립니다.\n부상: {prize}";

/** "2025년 12월 19일". */
export function koreanDate(date: CertificateContent["date"]): string {
  const { year, month, day } = calendarDateParts(date);
  return `${year}년 ${month}월 ${day}일`;
}

/** The value each placeholder stands for on one certificate. */
export function placeholderValues(content: CertificateContent): Record<CertificatePlaceholder, string> {
  return {
    mentorNames: content.mentors.join(", "),
    menteeNames: content.mentees.join(", "),
    cohort: content.cohort,
    program: content.program,
    date: koreanDate(content.date),
    tenant: content.tenant.name,
    award: content.award?.name ?? "",
    prize: content.award?.prize ?? "",
  };
}

/**
 * The body with its placeholders filled in from the certificate's content. A cohort named after its
 * program ("신규 공직자 멘토링 1기") already says the program, so "{program} {cohort}" says it once.
 */
export function fillBody(body: string, content: CertificateContent): string {
  const values = placeholderValues(content);
  const once = content.cohort.startsWith(content.program)
    ? body.replaceAll("{program} {cohort}", "{cohort}")
    : body;
  return once.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as CertificatePlaceholder] : whole,
  );
}
