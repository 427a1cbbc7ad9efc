import { type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import type { AuditAction } from "@mentoring/domain";

/** The tenant columns billing reads and writes. */
export const tenantBillingSelect = {
  id: true,
  name: true,
  status: true,
  trialEndsAt: true,
  businessRegistrationNumber: true,
  stripeCustomerId: true,
  stripeSubscriptionId: true,
  planCode: true,
  subscriptionStatus: true,
  subscriptionUpdatedAt: true,
  currentPeriodEnd: true,
  pastDueSince: true,
} as const satisfies Prisma.TenantSelect;

export type TenantBilling = Prisma.TenantGetPayload<{ select: typeof tenantBillingSelect }>;

export type TenantBillingChanges = Partial<Omit<TenantBilling, "id" | "name" | "trialEndsAt">>;

const asJson = (value: unknown): Prisma.InputJsonValue | null =>
  value instanceof Date ? value.toISOString() : (value as Prisma.InputJsonValue | null);

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

export interface Actor {
  /** Null for changes Stripe caused (webhooks, the grace period). */
  actorUserId?: string | null;
  requestId?: string;
}

/**
 * Writes billing changes to a tenant and, when anything a person would care about changed, an audit row
 * with the fields before and after, in the caller's tenant transaction. `subscriptionUpdatedAt` alone is
 * bookkeeping and is not audited. Returns whether an audited field changed.
 */
export async function updateTenantBilling(
  tx: TenantDb,
  before: TenantBilling,
  changes: TenantBillingChanges,
  { actorUserId = null, requestId, action = "billing.subscription.update" }: Actor & { action?: AuditAction },
): Promise<boolean> {
  const changed = (Object.keys(changes) as (keyof TenantBillingChanges)[]).filter(
    (key) => changes[key] !== undefined && !same(changes[key], before[key]),
  );
  if (changed.length === 0) return false;
  await tx.tenant.update({ where: { id: before.id }, data: changes });
  const audited = changed.filter((key) => key !== "subscriptionUpdatedAt");
  if (audited.length === 0) return false;
  await recordAudit(tx, {
    tenantId: before.id,
    actorUserId,
    action,
    entityType: "tenant",
    entityId: before.id,
    before: Object.fromEntries(audited.map((key) => [key, asJson(before[key])])),
    after: Object.fromEntries(audited.map((key) => [key, asJson(changes[key])])),
    ...(requestId && { requestId }),
  });
  return true;
}
