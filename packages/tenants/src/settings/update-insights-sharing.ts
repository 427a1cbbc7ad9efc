import { recordAudit, type TenantDb } from "@mentoring/db";
import { z } from "zod";

/**
 * The national insights section of the settings page: opt in or out of sharing aggregated figures, and
 * agree (or stop agreeing) to be named beside them.
 */
export const insightsSharingForm = z.object({
  choice: z.enum(["opt_in", "opt_out", "name", "unname"]),
});

export type InsightsSharingInput = z.output<typeof insightsSharingForm>;

/**
 * Changes what the organisation shares with national insights, with a row in its audit log. Opting in
 * starts sharing unnamed; opting out stops sharing and withdraws any agreement to be named, so the next
 * publication leaves the organisation out. Agreeing to be named needs the organisation to be opted in
 * (otherwise nothing changes). A choice already in force changes nothing and writes no row.
 */
export async function updateInsightsSharing(
  tx: TenantDb,
  input: { tenantId: string; actorUserId: string; form: InsightsSharingInput; requestId: string; now?: Date },
): Promise<{ optedIn: boolean; named: boolean; changed: boolean }> {
  const { tenantId, actorUserId, form, requestId, now = new Date() } = input;
  const before = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { insightsOptedInAt: true, insightsNamed: true },
  });
  const optedIn = before.insightsOptedInAt !== null;
  const next =
    form.choice === "opt_in"
      ? { insightsOptedInAt: before.insightsOptedInAt ?? now, insightsNamed: before.insightsNamed }
      : form.choice === "opt_out"
        ? { insightsOptedInAt: null, insightsNamed: false }
        : { insightsOptedInAt: before.insightsOptedInAt, insightsNamed: optedIn && form.choice === "name" };
  const changed =
    (next.insightsOptedInAt === null) !== (before.insightsOptedInAt === null) ||
    next.insightsNamed !== before.insightsNamed;
  if (changed) {
    await tx.tenant.update({ where: { id: tenantId }, data: next });
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action:
        form.choice === "opt_in"
          ? "tenant.insights.opt_in"
          : form.choice === "opt_out"
            ? "tenant.insights.opt_out"
            : "tenant.insights.naming",
      entityType: "tenant",
      entityId: tenantId,
      before: { optedIn, named: before.insightsNamed },
      after: { optedIn: next.insightsOptedInAt !== null, named: next.insightsNamed },
      requestId,
    });
  }
  return { optedIn: next.insightsOptedInAt !== null, named: next.insightsNamed, changed };
}
