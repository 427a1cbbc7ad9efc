import { randomUUID } from "node:crypto";
import type { Database } from "../src/database";

/**
 * One row per tenant in each tenant table that the seed leaves empty, so the isolation check has
 * something to protect. A new tenant table the seed does not fill needs a line here: the check says so.
 */
export async function addIsolationFixtures(db: Database, tenantId: string): Promise<void> {
  await db.withTenant(tenantId, async (tx) => {
    const directoryImport = await tx.directoryImport.create({
      data: {
        tenantId,
        fileName: "directory.csv",
        format: "csv",
        encoding: "utf-8",
        status: "ready",
        totalRows: 1,
      },
    });
    await tx.directoryImportRow.create({
      data: {
        tenantId,
        importId: directoryImport.id,
        rowNumber: 2,
        data: { employeeNumber: "X-1" },
        action: "new",
      },
    });
    await tx.ssoConfig.create({
      data: { tenantId, issuer: "https://idp.example.kr", clientId: "mentoring", clientSecretEncrypted: "x" },
    });
    await tx.apiToken.create({
      data: { tenantId, name: "HR system", tokenHash: randomUUID(), scopes: ["staff.import"] },
    });
  });
}
