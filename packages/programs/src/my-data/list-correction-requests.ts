import type { TenantDb } from "@mentoring/db";
import type { CorrectableField } from "@mentoring/domain";

export interface CorrectionRequestRow {
  id: string;
  name: string;
  employeeNumber: string;
  field: CorrectableField;
  currentValue: string;
  requestedValue: string;
  note: string;
  status: "pending" | "applied" | "declined";
  declineReason: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

/**
 * The tenant admins' list: every waiting request, oldest first (served in turn), and the 50 handled most
 * recently.
 */
export async function listCorrectionRequests(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<{ pending: CorrectionRequestRow[]; resolved: CorrectionRequestRow[] }> {
  const { tenantId } = input;
  const select = {
    id: true,
    field: true,
    currentValue: true,
    requestedValue: true,
    note: true,
    status: true,
    declineReason: true,
    createdAt: true,
    resolvedAt: true,
    staffMember: { select: { name: true, employeeNumber: true } },
  } as const;
  const shape = (
    rows: Awaited<ReturnType<typeof tx.correctionRequest.findMany<{ select: typeof select }>>>,
  ) =>
    rows.map(({ staffMember, ...row }) => ({
      ...row,
      field: row.field as CorrectableField,
      name: staffMember.name,
      employeeNumber: staffMember.employeeNumber,
    }));
  const pending = await tx.correctionRequest.findMany({
    where: { tenantId, status: "pending" },
    orderBy: { createdAt: "asc" },
    select,
  });
  const resolved = await tx.correctionRequest.findMany({
    where: { tenantId, status: { not: "pending" } },
    orderBy: { resolvedAt: "desc" },
    take: 50,
    select,
  });
  return { pending: shape(pending), resolved: shape(resolved) };
}
