import { generateSigningKey } from "@mentoring/certificates";
import type { TenantDb } from "@mentoring/db";

/** The tenant's current signing key, made (and sealed with `encryptionKey`) on first use. */
export async function currentSigningKey(tx: TenantDb, tenantId: string, encryptionKey: string) {
  const stored = await tx.signingKey.findFirst({
    where: { tenantId, retiredAt: null },
    orderBy: { createdAt: "desc" },
    select: { keyId: true, publicKey: true, sealedPrivateKey: true },
  });
  if (stored) return stored;
  const key = generateSigningKey(tenantId, encryptionKey);
  await tx.signingKey.create({ data: { tenantId, ...key } });
  return key;
}
