import type { TenantDb } from "@mentoring/db";

/** For the executive's home: how many prepared batches of certificates wait for a signature. */
export async function countBatchesToSign(tx: TenantDb, input: { tenantId: string }): Promise<number> {
  const { tenantId } = input;
  return tx.certificateBatch.count({
    where: { tenantId, status: "draft", certificates: { some: { tenantId } } },
  });
}
