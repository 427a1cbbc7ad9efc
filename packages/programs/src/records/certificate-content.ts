import {
  AWARD_BODY,
  type CertificateContent,
  type CertificateDesign,
  certificateContentSchema,
  certificateDesignSchema,
  DEFAULT_AWARD_TITLE,
} from "@mentoring/certificates";
import type { Prisma } from "@mentoring/db";
import type { TemplateDefinition } from "@mentoring/domain";

/*
 * What a certificate states and how it is drawn: the draft content, the template's certificate section as
 * the renderer's design, stored content read back, and the file names it is downloaded under.
 */

/** The statements of a certificate before it is signed (issuedAt comes at signing). */
export const draftContentSchema = certificateContentSchema.omit({ issuedAt: true });
export type DraftContent = Omit<CertificateContent, "issuedAt">;

/** The template's placeholders, as the certificate package names them. */
const PLACEHOLDER_NAMES: Record<string, string> = {
  mentors: "mentorNames",
  mentees: "menteeNames",
};

export function templateBody(body: string): string {
  return body.replace(/\{([^{}]*)\}/g, (whole, name: string) =>
    name in PLACEHOLDER_NAMES ? `{${PLACEHOLDER_NAMES[name]}}` : whole,
  );
}

/**
 * The renderer's design from the template version's certificate section, the batch's signer and the
 * tenant's logo and seal (their bytes from storage, when the tenant has them).
 */
export function designOf(
  definition: TemplateDefinition,
  signer: { name: string; title: string },
  images: { logo?: Uint8Array | null; seal?: Uint8Array | null } = {},
): CertificateDesign {
  const parsed = certificateDesignSchema.safeParse({
    title: definition.certificate.title,
    body: templateBody(definition.certificate.body),
    signer,
    logo: images.logo ?? null,
    seal: images.seal ?? null,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`the template's certificate design is not valid: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/**
 * The renderer's design of an award certificate (표창장): the award wording (AWARD_BODY) with the template's
 * labels of the two sides, the batch's signer and the tenant's images. The title printed is each
 * certificate's own (its award's certificate title, in the signed content).
 */
export function awardDesignOf(
  definition: TemplateDefinition,
  signer: { name: string; title: string },
  images: { logo?: Uint8Array | null; seal?: Uint8Array | null } = {},
): CertificateDesign {
  return certificateDesignSchema.parse({
    title: definition.awards[0]?.certificateTitle ?? DEFAULT_AWARD_TITLE,
    body: AWARD_BODY,
    signer,
    logo: images.logo ?? null,
    seal: images.seal ?? null,
  });
}

export const json = (value: unknown) => value as Prisma.InputJsonValue;

/** A string field of stored content, or "" when the stored JSON is not what it should be. */
export function textAt(value: unknown, ...path: string[]): string {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return "";
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" ? current : "";
}

export function namesAt(value: unknown, key: string): string[] {
  if (typeof value !== "object" || value === null) return [];
  const names = (value as Record<string, unknown>)[key];
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [];
}

const UNSAFE_IN_FILE_NAMES = /[\p{Cc}\\/:*?"<>|]/gu;

export function safeFileName(name: string): string {
  return name.replace(UNSAFE_IN_FILE_NAMES, "").trim() || "certificate";
}
