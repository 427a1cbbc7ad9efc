import type { TenantDb } from "@mentoring/db";
import type { FileStorage } from "@mentoring/storage";

/**
 * Removes the tenant's uploads that were never attached (the form they were chosen for was never saved)
 * and were uploaded before `olderThan`: their rows, then their files and thumbnails. Returns how many.
 */
export async function removeAbandonedUploads(
  tx: TenantDb,
  input: { tenantId: string; storage: FileStorage; olderThan: Date },
): Promise<number> {
  const { tenantId, storage, olderThan } = input;
  const abandoned = await tx.attachment.findMany({
    where: { tenantId, submissionId: null, activityId: null, uploadedAt: { lt: olderThan } },
    select: { id: true, storageKey: true, thumbnailKey: true },
  });
  if (abandoned.length === 0) return 0;
  await tx.attachment.deleteMany({
    where: { tenantId, id: { in: abandoned.map((file) => file.id) }, submissionId: null, activityId: null },
  });
  await Promise.all(
    abandoned.flatMap((file) => [
      storage.delete(file.storageKey),
      ...(file.thumbnailKey ? [storage.delete(file.thumbnailKey)] : []),
    ]),
  );
  return abandoned.length;
}
