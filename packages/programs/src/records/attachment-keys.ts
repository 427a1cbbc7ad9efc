/** Where an attachment and its thumbnail are kept in the storage: under the tenant, by the attachment's id. */
export function attachmentKeys(tenantId: string, attachmentId: string) {
  return {
    file: `${tenantId}/attachments/${attachmentId}`,
    thumbnail: `${tenantId}/attachments/${attachmentId}.thumbnail.jpg`,
  };
}

/** The storage folder resumable uploads stream into until they finish (the tus store's own folder). */
export const UPLOADS_IN_PROGRESS = "uploads-in-progress";
