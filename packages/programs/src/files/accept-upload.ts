import { buffer } from "node:stream/consumers";
import type { TenantDb } from "@mentoring/db";
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentKind,
  attachmentName,
  kindTakes,
  uploadRefusal,
} from "@mentoring/domain";
import { detectMediaType, type FileStorage, photoThumbnail, SNIFF_BYTES } from "@mentoring/storage";
import { attachmentKeys } from "../records/attachment-keys";
import { fieldError } from "../records/field-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "20 MB", "2 GB": a limit as people read it, the same in every language. */
const readableLimit = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;

/**
 * Takes a file that finished uploading (streamed whole into `sourceKey` of the storage, never held in
 * memory) as the member's attachment of `kind`, waiting to be attached to their team's work: checks its
 * name and size again, tells its type from its first bytes (an .exe named .mp4 is refused), moves it to the
 * tenant's folder and makes a photo's thumbnail. A refused file is removed: nothing of it is kept. The
 * refusal names the field `files`.
 */
export async function acceptUpload(
  tx: TenantDb,
  input: {
    tenantId: string;
    storage: FileStorage;
    /** The upload's id, kept as the attachment's. */
    uploadId: string;
    sourceKey: string;
    kind: string;
    name: string;
    actorUserId: string;
    now: Date;
  },
): Promise<{ attachmentId: string; kind: AttachmentKind; mediaType: string; size: number }> {
  const { tenantId, storage, uploadId, sourceKey, actorUserId, now } = input;
  const refuse = async (error: Error) => {
    await storage.delete(sourceKey);
    return error;
  };
  if (!UUID.test(uploadId)) throw await refuse(fieldError("attachment.not_found", "files"));
  const stored = await storage.stat(sourceKey);
  if (!stored) throw fieldError("attachment.not_found", "files");
  const refusal = uploadRefusal({ kind: input.kind, name: input.name, size: stored.size });
  if (refusal) {
    const limit = ATTACHMENT_MAX_BYTES[input.kind as AttachmentKind] ?? 0;
    throw await refuse(fieldError(refusal, "files", { limit: readableLimit(limit) }));
  }
  const kind = input.kind as AttachmentKind;
  const head = await storage.stream(sourceKey, { start: 0, end: Math.min(stored.size, SNIFF_BYTES) - 1 });
  const mediaType = head ? await detectMediaType(await buffer(head)) : null;
  if (!kindTakes(kind, mediaType)) throw await refuse(fieldError("attachment.type_refused", "files"));

  const keys = attachmentKeys(tenantId, uploadId);
  await storage.move(sourceKey, keys.file);
  let thumbnailKey: string | null = null;
  if (kind === "photo") {
    const photo = await storage.stream(keys.file);
    const thumbnail = photo ? await photoThumbnail(photo) : null;
    if (thumbnail) {
      await storage.put(keys.thumbnail, thumbnail);
      thumbnailKey = keys.thumbnail;
    }
  }
  try {
    await tx.attachment.create({
      data: {
        id: uploadId,
        tenantId,
        kind,
        originalName: attachmentName(input.name),
        mediaType: mediaType as string,
        size: BigInt(stored.size),
        storageKey: keys.file,
        thumbnailKey,
        uploadedByUserId: actorUserId,
        uploadedAt: now,
      },
    });
  } catch (error) {
    await Promise.all([storage.delete(keys.file), storage.delete(keys.thumbnail)]);
    throw error;
  }
  return { attachmentId: uploadId, kind, mediaType: mediaType as string, size: stored.size };
}
