import type { Database } from "@mentoring/db";
import type { FileStorage } from "@mentoring/storage";
import { type BrandingKeys, type BrandingKind, brandingColumn } from "../records/branding-image";
import { type BrandingLog, removeReplacedFiles, saveBrandingKeys } from "../records/branding-keys";

/** Removes the tenant's logo or seal: the row is cleared (and audited), then the file is deleted. */
export async function removeBranding(
  db: Database,
  input: {
    tenantId: string;
    actorUserId: string;
    kind: BrandingKind;
    requestId: string;
    storage: FileStorage;
    log?: BrandingLog;
  },
): Promise<void> {
  const { tenantId, actorUserId, kind, requestId, storage, log } = input;
  const next: Partial<BrandingKeys> = { [brandingColumn[kind]]: null };
  const before = await saveBrandingKeys(db, { tenantId, actorUserId, requestId, next, skipUnchanged: true });
  await removeReplacedFiles(storage, before, next, log);
}
