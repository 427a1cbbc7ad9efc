import type { TenantDb } from "@mentoring/db";
import { countActiveStaff } from "../count-active-staff";
import { getDirectoryImportLimits } from "./get-directory-import-limits";

/** The directory page: how many people the directory holds, and the latest imports. */
export async function getDirectoryOverview(tx: TenantDb, { tenantId }: { tenantId: string }) {
  const [activeStaff, imports, limits] = await Promise.all([
    countActiveStaff(tx, { tenantId }),
    tx.directoryImport.findMany({
      where: { tenantId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        fileName: true,
        status: true,
        full: true,
        totalRows: true,
        createdAt: true,
        appliedAt: true,
      },
    }),
    getDirectoryImportLimits(tx, { tenantId }),
  ]);
  return { activeStaff, imports, limits };
}

export type DirectoryOverview = Awaited<ReturnType<typeof getDirectoryOverview>>;
