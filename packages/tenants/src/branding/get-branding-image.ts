import type { Database } from "@mentoring/db";
import type { FileStorage } from "@mentoring/storage";
import {
  type BrandingKind,
  brandingColumn,
  brandingContentType,
  isBrandingKeyOf,
} from "../records/branding-image";

/** The stored image of the tenant's logo or seal, or null when there is none. */
export async function getBrandingImage(
  db: Database,
  input: { tenantId: string; kind: BrandingKind; storage: FileStorage },
): Promise<{ bytes: Buffer; contentType: string } | null> {
  const { tenantId, kind, storage } = input;
  const row = await db.platform.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { logoKey: true, sealKey: true },
  });
  const key = row[brandingColumn[kind]];
  if (!key || !isBrandingKeyOf(tenantId, key)) return null;
  const bytes = await storage.get(key);
  return bytes ? { bytes, contentType: brandingContentType(key) } : null;
}
