import {
  type CertificateContent,
  type CertificateDesign,
  certificateContentSchema,
  certificateDesignSchema,
} from "@mentoring/certificates";
import type { Prisma, TenantDb } from "@mentoring/db";
import type { ApplicationRole, TemplateDefinition } from "@mentoring/domain";
import { ProgramError } from "./errors";

/*
 * Helpers of the certificate service (certificates.ts): who is in a cohort's published teams, how a
 * template's certificate section becomes the renderer's design, and the rules for the ceremony's fields.
 */

export interface TeamOfCohort {
  id: string;
  number: number;
  mentors: { applicationId: string; staffMemberId: string; name: string }[];
  mentees: { applicationId: string; staffMemberId: string; name: string }[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The cohort's published teams with their members' directory names, mentors and mentees each by name. */
export async function teamsOfCohort(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
): Promise<TeamOfCohort[]> {
  const teams = await tx.team.findMany({
    where: { tenantId, cohortId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      members: {
        where: { tenantId },
        select: {
          role: true,
          applicationId: true,
          application: { select: { staffMemberId: true, staffMember: { select: { name: true } } } },
        },
      },
    },
  });
  return teams.map((team) => {
    const people = (role: ApplicationRole) =>
      team.members
        .filter((member) => member.role === role)
        .map((member) => ({
          applicationId: member.applicationId,
          staffMemberId: member.application.staffMemberId,
          name: member.application.staffMember.name,
        }))
        .sort((a, b) => byName(a, b) || (a.applicationId < b.applicationId ? -1 : 1));
    return { id: team.id, number: team.number, mentors: people("mentor"), mentees: people("mentee") };
  });
}

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

export const CEREMONY_LIMITS = { place: 200, programme: 4000, gift: 200 } as const;

/** The ceremony's fields trimmed, or a ProgramError naming the first field that is wrong. */
export function ceremonyFields(input: { startsAt: Date; place: string; programme: string; gift: string }) {
  if (!(input.startsAt instanceof Date) || Number.isNaN(input.startsAt.getTime()))
    throw new ProgramError("certificates.error.startsAtInvalid");
  const place = (input.place ?? "").trim();
  const programme = (input.programme ?? "").trim();
  const gift = (input.gift ?? "").trim();
  if (place.length === 0) throw new ProgramError("certificates.error.placeRequired");
  if (place.length > CEREMONY_LIMITS.place)
    throw new ProgramError("certificates.error.placeTooLong", { max: CEREMONY_LIMITS.place });
  if (programme.length > CEREMONY_LIMITS.programme)
    throw new ProgramError("certificates.error.programmeTooLong", { max: CEREMONY_LIMITS.programme });
  if (gift.length > CEREMONY_LIMITS.gift)
    throw new ProgramError("certificates.error.giftTooLong", { max: CEREMONY_LIMITS.gift });
  return { startsAt: input.startsAt, place, programme, gift };
}

export const REVOCATION_REASON_MAX = 500;

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
