import type { Database } from "@mentoring/db";

/** The applications the operator has still to review, oldest first. */
export async function listPendingApplications(db: Database) {
  return db.platform.tenantApplication.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
  });
}
