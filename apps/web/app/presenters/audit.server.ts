import type { searchAuditLog } from "@mentoring/tenants";
import { formatDateTime } from "../services/format.server";

type AuditRows = Awaited<ReturnType<typeof searchAuditLog>>["rows"];

/** Audit rows as the audit page lists them: the time worded, the entity short, changes as indented JSON. */
export function presentAuditRows(rows: AuditRows, locale: string, timeZone: string) {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value, null, 2));
  return rows.map((row) => ({
    id: row.id,
    at: formatDateTime(row.at, locale, timeZone, { dateStyle: "medium", timeStyle: "medium" }),
    action: row.action,
    entity: `${row.entityType}${row.entityId ? ` ${row.entityId.slice(0, 8)}` : ""}`,
    actor: row.actor,
    before: json(row.before),
    after: json(row.after),
  }));
}
