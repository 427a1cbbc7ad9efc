import type { TenantDb } from "@mentoring/db";
import { ATTACHMENT_COUNT_LIMITS, type AttachmentKind } from "@mentoring/domain";
import { fieldError } from "./field-error";

/**
 * Attaches the member's waiting uploads `fileIds` to a submission or an activity, and takes `removeIds` off
 * it: only files the member uploaded and has not attached yet, only `kinds`, at most the owner's count.
 * Returns the storage keys of the files taken off, to delete once the change is committed.
 */
export async function attachFiles(
  tx: TenantDb,
  input: {
    tenantId: string;
    owner: { submissionId: string } | { activityId: string };
    fileIds: string[];
    removeIds?: string[];
    kinds: readonly AttachmentKind[];
    actorUserId: string;
  },
): Promise<{ attached: number; removedKeys: string[]; total: number }> {
  const { tenantId, owner, actorUserId } = input;
  const fileIds = [...new Set(input.fileIds)];
  const removeIds = [...new Set(input.removeIds ?? [])];
  const waiting = fileIds.length
    ? await tx.attachment.findMany({
        where: {
          tenantId,
          id: { in: fileIds },
          submissionId: null,
          activityId: null,
          uploadedByUserId: actorUserId,
        },
        select: { id: true, kind: true },
      })
    : [];
  if (waiting.length !== fileIds.length) throw fieldError("attachment.not_found", "files");
  if (waiting.some((file) => !input.kinds.includes(file.kind)))
    throw fieldError("attachment.not_a_photo", "files");
  const removed = removeIds.length
    ? await tx.attachment.findMany({
        where: { tenantId, id: { in: removeIds }, ...owner },
        select: { id: true, storageKey: true, thumbnailKey: true },
      })
    : [];
  const already = await tx.attachment.count({ where: { tenantId, ...owner } });
  const total = already - removed.length + waiting.length;
  const max = "submissionId" in owner ? ATTACHMENT_COUNT_LIMITS.submission : ATTACHMENT_COUNT_LIMITS.activity;
  if (total > max) throw fieldError("attachment.too_many", "files", { max });
  if (removed.length)
    await tx.attachment.deleteMany({ where: { tenantId, id: { in: removed.map((file) => file.id) } } });
  if (waiting.length)
    await tx.attachment.updateMany({ where: { tenantId, id: { in: fileIds } }, data: { ...owner } });
  return {
    attached: waiting.length,
    total,
    removedKeys: removed.flatMap((file) => [
      file.storageKey,
      ...(file.thumbnailKey ? [file.thumbnailKey] : []),
    ]),
  };
}
