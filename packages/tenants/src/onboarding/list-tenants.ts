import type { Database } from "@mentoring/db";

/** Every organisation on the platform, for the operator: names and status only, never its staff data. */
export async function listTenants(db: Database) {
  return db.platform.tenant.findMany({
    select: { id: true, slug: true, name: true, nameEn: true, kind: true, region: true, status: true },
    orderBy: { name: "asc" },
  });
}
