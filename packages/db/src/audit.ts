import type { AuditAction } from "@mentoring/domain";
import type { TenantDb } from "./database";
import type { Prisma } from "./generated/prisma/client";

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  /** What happened, e.g. "cohort.status.update": one of the actions the audit page words. */
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  requestId?: string;
}

/** Writes an audit row in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(db: TenantDb, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: entry });
}
