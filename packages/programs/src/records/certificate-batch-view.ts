import type { Prisma, TenantDb } from "@mentoring/db";
import { type WorkFailureCode, workFailureCodes } from "@mentoring/domain";
import { namesAt, textAt } from "./certificate-content";

/* A certificate batch and its certificates as the pages show them: the lists, the one batch, signing. */

export type CertificateBatchStatus = "draft" | "generating" | "ready" | "failed";

export interface CertificateRow {
  id: string;
  serial: string;
  /** Null for a revoked certificate whose team was replaced by a later publication. */
  teamNumber: number | null;
  mentors: string[];
  mentees: string[];
  /** The date printed on it, "YYYY-MM-DD". */
  date: string;
  signed: boolean;
  fileReady: boolean;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export interface CertificateBatchView {
  id: string;
  /** Pairing certificates (결연증서), or an approved award decision's award certificates (표창장). */
  kind: "pairing" | "award";
  cohortId: string;
  cohortTitle: string;
  status: CertificateBatchStatus;
  progress: number;
  signerName: string;
  signerTitle: string;
  signedAt: Date | null;
  signedByName: string | null;
  archiveReady: boolean;
  /** Why it failed, for the page to say in words (job_failed | stalled), or null. */
  failureCode: WorkFailureCode | null;
  certificates: CertificateRow[];
}

export const certificateRowSelect = {
  id: true,
  serial: true,
  content: true,
  signature: true,
  fileKey: true,
  revokedAt: true,
  revokedReason: true,
  team: { select: { number: true } },
} satisfies Prisma.CertificateSelect;

type CertificateRecord = Prisma.CertificateGetPayload<{ select: typeof certificateRowSelect }>;

export function rowOf(certificate: CertificateRecord): CertificateRow {
  return {
    id: certificate.id,
    serial: certificate.serial,
    teamNumber: certificate.team?.number ?? null,
    mentors: namesAt(certificate.content, "mentors"),
    mentees: namesAt(certificate.content, "mentees"),
    date: textAt(certificate.content, "date"),
    signed: certificate.signature !== null,
    fileReady: certificate.fileKey !== null,
    revokedAt: certificate.revokedAt,
    revokedReason: certificate.revokedReason,
  };
}

export const batchSelect = {
  id: true,
  kind: true,
  cohortId: true,
  status: true,
  progress: true,
  signerName: true,
  signerTitle: true,
  signedAt: true,
  signedByUserId: true,
  archiveKey: true,
  failureCode: true,
  createdAt: true,
  cohort: { select: { title: true } },
  certificates: { select: certificateRowSelect },
} satisfies Prisma.CertificateBatchSelect;

type BatchRecord = Prisma.CertificateBatchGetPayload<{ select: typeof batchSelect }>;

export async function batchViews(
  tx: TenantDb,
  tenantId: string,
  batches: BatchRecord[],
): Promise<CertificateBatchView[]> {
  const signerIds = [
    ...new Set(batches.flatMap((batch) => (batch.signedByUserId ? [batch.signedByUserId] : []))),
  ];
  const users =
    signerIds.length === 0
      ? []
      : await tx.membership.findMany({
          where: { tenantId, userId: { in: signerIds } },
          select: { userId: true, user: { select: { displayName: true } } },
        });
  const nameOf = new Map(users.map((member) => [member.userId, member.user.displayName]));
  return batches.map((batch) => ({
    id: batch.id,
    kind: batch.kind,
    cohortId: batch.cohortId,
    cohortTitle: batch.cohort.title,
    status: batch.status,
    progress: batch.progress,
    signerName: batch.signerName,
    signerTitle: batch.signerTitle,
    signedAt: batch.signedAt,
    signedByName: batch.signedByUserId ? (nameOf.get(batch.signedByUserId) ?? null) : null,
    archiveReady: batch.status === "ready" && batch.archiveKey !== null,
    failureCode: workFailureCodeOf(batch.failureCode),
    certificates: batch.certificates
      .map(rowOf)
      .sort(
        (a, b) =>
          (a.teamNumber ?? Number.POSITIVE_INFINITY) - (b.teamNumber ?? Number.POSITIVE_INFINITY) ||
          (a.serial < b.serial ? -1 : 1),
      ),
  }));
}

/** The stored failure code, when it is one the pages word (the column's CHECK allows only those). */
export function workFailureCodeOf(code: string | null): WorkFailureCode | null {
  return workFailureCodes.find((known) => known === code) ?? null;
}
