/** Where an import's uploaded file waits in storage for the worker: under its tenant, by import id. */
export const uploadKey = (tenantId: string, importId: string) => `${tenantId}/directory-imports/${importId}`;
