import type { PlatformDb, Prisma } from "@mentoring/db";
import type { PlatformAuditAction } from "@mentoring/domain";

type PlatformAuditWriter = Pick<PlatformDb, "platformAuditLog"> | Prisma.TransactionClient;

/** A row of the platform's own audit log, in the caller's transaction: the change and its record together. */
export async function recordPlatformAudit(
  tx: PlatformAuditWriter,
  entry: {
    actorUserId: string;
    action: PlatformAuditAction;
    entityType: string;
    entityId: string;
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
    requestId: string;
  },
): Promise<void> {
  await tx.platformAuditLog.create({ data: entry });
}
