import type { TenantDb } from "@mentoring/db";
import { type CorrectableField, correctableFields } from "@mentoring/domain";
import { directoryValues } from "../records/directory-values";

export interface MyData {
  /** Their directory record field by field; null without a staff record. */
  directory: { field: CorrectableField; value: string }[] | null;
  /** Their applications, newest cohort first, with the consent they gave and whether they withdrew it. */
  applications: {
    cohortId: string;
    cohortTitle: string;
    role: "mentor" | "mentee";
    status: "accepted" | "waitlisted" | "withdrawn" | "rejected";
    consentVersion: string | null;
    consentAt: Date | null;
    consentWithdrawnAt: Date | null;
  }[];
  /** Their correction requests, newest first. */
  corrections: {
    id: string;
    field: CorrectableField;
    currentValue: string;
    requestedValue: string;
    status: "pending" | "applied" | "declined";
    declineReason: string | null;
    createdAt: Date;
  }[];
}

/** The "my data" page: the directory record they may ask to correct, their consents, their requests. */
export async function getMyData(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string | null },
): Promise<MyData> {
  const { tenantId, staffMemberId } = input;
  if (!staffMemberId) return { directory: null, applications: [], corrections: [] };
  const values = await directoryValues(tx, tenantId, staffMemberId);
  const applications = await tx.application.findMany({
    where: { tenantId, staffMemberId },
    orderBy: { cohort: { createdAt: "desc" } },
    select: {
      cohortId: true,
      cohort: { select: { title: true } },
      role: true,
      status: true,
      consentVersion: true,
      consentAt: true,
      consentWithdrawnAt: true,
    },
  });
  const corrections = await tx.correctionRequest.findMany({
    where: { tenantId, staffMemberId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      field: true,
      currentValue: true,
      requestedValue: true,
      status: true,
      declineReason: true,
      createdAt: true,
    },
  });
  return {
    directory: correctableFields.map((field) => ({ field, value: values[field] })),
    applications: applications.map(({ cohort, ...application }) => ({
      ...application,
      cohortTitle: cohort.title,
    })),
    corrections: corrections.map((request) => ({ ...request, field: request.field as CorrectableField })),
  };
}
