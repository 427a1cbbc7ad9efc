/** Where an attachment and its thumbnail are kept in the storage: under the tenant, by the attachment's id. */
export function attachmentKeys(tenantId: string, attachmentId: string) {
  return {
    file: `${tenantId}/attachments/${attachmentId}`,
    thumbnail: `${tenantId}/attachments/${attachmentId}.thumbnail.jpg`,
  };
}
