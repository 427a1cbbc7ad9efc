import type { Database } from "@mentoring/db";

export type AnalystStatus = "invited" | "active" | "disabled";

export interface AnalystRow {
  id: string;
  name: string;
  email: string;
  agency: string | null;
  createdAt: Date;
  /** invited: no password set yet; active: can sign in; disabled: by the operator. */
  status: AnalystStatus;
}

/** Every national insights analyst's account, the newest first. */
export async function listAnalysts(db: Database): Promise<AnalystRow[]> {
  const rows = await db.platform.user.findMany({
    where: { platformRole: "insights_analyst" },
    orderBy: [{ createdAt: "desc" }, { email: "asc" }],
    select: {
      id: true,
      displayName: true,
      email: true,
      agency: true,
      createdAt: true,
      disabledAt: true,
      passwordHash: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.displayName,
    email: row.email,
    agency: row.agency,
    createdAt: row.createdAt,
    status: row.disabledAt ? "disabled" : row.passwordHash ? "active" : "invited",
  }));
}
