import type { Database, TenantStatus } from "@mentoring/db";
import { monthlyRevenueKrw } from "@mentoring/domain";

export interface TenantBillingRow {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  status: TenantStatus;
  planCode: string | null;
  subscriptionStatus: string | null;
  currentPeriodEnd: Date | null;
  pastDueSince: Date | null;
  mrrKrw: number;
}

/** Every approved tenant's plan and subscription, with monthly recurring revenue (KRW, VAT excluded). */
export async function billingOverview(
  db: Database,
): Promise<{ tenants: TenantBillingRow[]; totalMrrKrw: number }> {
  const tenants = await db.platform.tenant.findMany({
    where: { status: { not: "applied" } },
    select: {
      id: true,
      slug: true,
      name: true,
      nameEn: true,
      status: true,
      planCode: true,
      subscriptionStatus: true,
      currentPeriodEnd: true,
      pastDueSince: true,
    },
    orderBy: { name: "asc" },
  });
  const rows = tenants.map((tenant) => ({
    ...tenant,
    mrrKrw: monthlyRevenueKrw(tenant.planCode, tenant.subscriptionStatus),
  }));
  return { tenants: rows, totalMrrKrw: rows.reduce((sum, row) => sum + row.mrrKrw, 0) };
}
