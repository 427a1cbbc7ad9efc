import { addDays, calendarDateSchema, startOfDayIn } from "@mentoring/domain";
import { z } from "zod";
import type { Services } from "./services.server";

export const AUDIT_PAGE_SIZE = 50;

/** The audit search, from the query string; every field optional. */
export const auditQuery = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().toLowerCase().max(254).optional().catch(undefined),
  from: calendarDateSchema.optional().catch(undefined),
  // The search runs up to the start of the next day, so that day has to exist.
  to: calendarDateSchema
    .refine((date) => date < "9999-12-31")
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** One tenant's audit rows, newest first, filtered; actors resolved to names and e-mails. */
export async function searchAudit(
  services: Services,
  tenant: { id: string; timeZone: string },
  query: z.output<typeof auditQuery>,
) {
  const { db } = services;
  const actorIds = query.actor
    ? (
        await db.platform.user.findMany({ where: { email: { contains: query.actor } }, select: { id: true } })
      ).map((u) => u.id)
    : undefined;
  const at: { gte?: Date; lt?: Date } = {};
  // Days on the tenant's calendar; the last day ends where the next begins, not always 24 hours later.
  if (query.from) at.gte = startOfDayIn(query.from, tenant.timeZone);
  if (query.to) at.lt = startOfDayIn(addDays(query.to, 1), tenant.timeZone);
  const where = {
    tenantId: tenant.id,
    ...(query.action ? { action: query.action } : {}),
    ...(actorIds ? { actorUserId: { in: actorIds } } : {}),
    ...(query.from || query.to ? { at } : {}),
  };
  const { rows, total, actions } = await db.withTenant(tenant.id, async (tx) => ({
    rows: await tx.auditLog.findMany({
      where,
      orderBy: { at: "desc" },
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    total: await tx.auditLog.count({ where }),
    actions: (
      await tx.auditLog.findMany({
        where: { tenantId: tenant.id },
        distinct: ["action"],
        select: { action: true },
        orderBy: { action: "asc" },
      })
    ).map((row) => row.action),
  }));
  const actors = await db.platform.user.findMany({
    where: {
      id: { in: [...new Set(rows.map((row) => row.actorUserId).filter((id): id is string => id !== null))] },
    },
    select: { id: true, displayName: true, email: true },
  });
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  return {
    actions,
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      entity: `${row.entityType}${row.entityId ? ` ${row.entityId.slice(0, 8)}` : ""}`,
      actor: row.actorUserId ? (actorById.get(row.actorUserId) ?? null) : null,
      before: row.before === null ? null : JSON.stringify(row.before, null, 2),
      after: row.after === null ? null : JSON.stringify(row.after, null, 2),
    })),
  };
}
