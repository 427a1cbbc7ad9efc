import type { TenantDb } from "@mentoring/db";
import type { AttachmentKind } from "@mentoring/domain";

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  name: string;
  mediaType: string;
  size: number;
  hasThumbnail: boolean;
}

/**
 * The files of submissions and activities the page already may show (its own use case found them), by
 * owner id, in the order uploaded. Never the storage keys: a page links to the tenant-checked file route.
 */
export async function listAttachments(
  tx: TenantDb,
  input: { tenantId: string; submissionIds?: string[]; activityIds?: string[] },
): Promise<Map<string, AttachmentView[]>> {
  const { tenantId } = input;
  const submissionIds = input.submissionIds ?? [];
  const activityIds = input.activityIds ?? [];
  const byOwner = new Map<string, AttachmentView[]>();
  if (submissionIds.length === 0 && activityIds.length === 0) return byOwner;
  const files = await tx.attachment.findMany({
    where: {
      tenantId,
      OR: [
        ...(submissionIds.length ? [{ submissionId: { in: submissionIds } }] : []),
        ...(activityIds.length ? [{ activityId: { in: activityIds } }] : []),
      ],
    },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      originalName: true,
      mediaType: true,
      size: true,
      thumbnailKey: true,
      submissionId: true,
      activityId: true,
    },
  });
  for (const file of files) {
    const owner = (file.submissionId ?? file.activityId) as string;
    const list = byOwner.get(owner) ?? [];
    list.push({
      id: file.id,
      kind: file.kind,
      name: file.originalName,
      mediaType: file.mediaType,
      size: Number(file.size),
      hasThumbnail: file.thumbnailKey !== null,
    });
    byOwner.set(owner, list);
  }
  return byOwner;
}
