import { literalLikeText, type TenantDb } from "@mentoring/db";
import { addDays, calendarDateSchema, startOfDayIn } from "@mentoring/domain";
import { z } from "zod";
import { auditNames } from "../records/audit-names";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The search as the address carries it; every filter optional, and one that does not parse is left out
 * rather than refused, so a hand-edited address still shows the log.
 */
export const auditSearchQuery = z.object({
  /** One action code ("tenant.settings.update"). */
  action: z.string().trim().max(100).optional().catch(undefined),
  /** Part of the acting user's e-mail address. */
  actor: z.string().trim().toLowerCase().max(254).optional().catch(undefined),
  /** First and last day, on the tenant's calendar. */
  from: calendarDateSchema.optional().catch(undefined),
  // The search runs up to the start of the next day, so that day has to exist.
  to: calendarDateSchema
    .refine((date) => date < "9999-12-31")
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditSearch = z.output<typeof auditSearchQuery>;

/**
 * The tenant's audit log, newest first, filtered and one page at a time; each row with its actor's name
 * and e-mail, every action the log holds (for the filter's choices), and the names of the ids the page's
 * rows hold (cohorts, templates, people, certificates), for the page to show words instead of ids.
 */
export async function searchAuditLog(
  tx: TenantDb,
  input: { tenantId: string; timeZone: string; search: AuditSearch },
) {
  const { tenantId, timeZone, search } = input;
  const actorIds = search.actor
    ? (
        await tx.user.findMany({
          where: { email: { contains: literalLikeText(search.actor) } },
          select: { id: true },
        })
      ).map((user) => user.id)
    : undefined;
  const at: { gte?: Date; lt?: Date } = {};
  // Days on the tenant's calendar; the last day ends where the next begins, not always 24 hours later.
  if (search.from) at.gte = startOfDayIn(search.from, timeZone);
  if (search.to) at.lt = startOfDayIn(addDays(search.to, 1), timeZone);
  const where = {
    tenantId,
    ...(search.action ? { action: search.action } : {}),
    ...(actorIds ? { actorUserId: { in: actorIds } } : {}),
    ...(search.from || search.to ? { at } : {}),
  };
  const rows = await tx.auditLog.findMany({
    where,
    orderBy: { at: "desc" },
    skip: (search.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const total = await tx.auditLog.count({ where });
  const actions = await tx.auditLog.findMany({
    where: { tenantId },
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  const actorUserIds = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const actors = await tx.user.findMany({
    where: { id: { in: actorUserIds } },
    select: { id: true, displayName: true, email: true },
  });
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  return {
    actions: actions.map((row) => row.action),
    names: await auditNames(tx, tenantId, rows),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actor: row.actorUserId ? (actorById.get(row.actorUserId) ?? null) : null,
      before: row.before,
      after: row.after,
    })),
  };
}
