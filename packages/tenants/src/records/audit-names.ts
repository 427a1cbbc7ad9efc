import type { Prisma, TenantDb } from "@mentoring/db";

/*
 * Names for the ids audit rows hold, so the audit page can say "신규 공직자 멘토링 1기" or "김하늘" where the
 * row recorded an id. Only what the tenant's own tables can name is resolved; the page leaves out any other
 * id rather than show it.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which table names an id, by the field that holds it in a change. */
const kindOfField: Record<string, IdKind> = {
  cohortId: "cohort",
  templateId: "template",
  staffMemberId: "staff",
  applicationId: "application",
  withApplicationId: "application",
  mentorId: "application",
  menteeId: "application",
};

/** Which table names a row's entity id, by its entity type. */
const kindOfEntity: Record<string, IdKind> = {
  cohort: "cohort",
  program_template: "template",
  application: "application",
  membership: "membership",
  user: "user",
  certificate: "certificate",
};

type IdKind = "cohort" | "template" | "staff" | "application" | "membership" | "user" | "certificate";

interface AuditRowIds {
  entityType: string;
  entityId: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
}

/** Every id under a field `kindOfField` knows, at any depth of a change. */
function collect(value: Prisma.JsonValue, into: Map<IdKind, Set<string>>, field?: string): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, field);
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) collect(inner ?? null, into, key);
  } else if (typeof value === "string" && field && kindOfField[field] && UUID.test(value)) {
    const kind = kindOfField[field] as IdKind;
    into.set(kind, (into.get(kind) ?? new Set()).add(value));
  }
}

/** The names of the ids the rows hold (their changes' known id fields and their entities), by id. */
export async function auditNames(
  tx: TenantDb,
  tenantId: string,
  rows: readonly AuditRowIds[],
): Promise<Record<string, string>> {
  const ids = new Map<IdKind, Set<string>>();
  for (const row of rows) {
    collect(row.before, ids);
    collect(row.after, ids);
    const kind = kindOfEntity[row.entityType];
    if (kind && row.entityId && UUID.test(row.entityId))
      ids.set(kind, (ids.get(kind) ?? new Set()).add(row.entityId));
  }
  const of = (kind: IdKind) => [...(ids.get(kind) ?? [])];
  const [cohorts, templates, staff, applications, memberships, users, certificates] = await Promise.all([
    tx.cohort.findMany({ where: { tenantId, id: { in: of("cohort") } }, select: { id: true, title: true } }),
    tx.programTemplate.findMany({
      where: { tenantId, id: { in: of("template") } },
      select: { id: true, name: true },
    }),
    tx.staffMember.findMany({
      where: { tenantId, id: { in: of("staff") } },
      select: { id: true, name: true },
    }),
    tx.application.findMany({
      where: { tenantId, id: { in: of("application") } },
      select: { id: true, staffMember: { select: { name: true } } },
    }),
    tx.membership.findMany({
      where: { tenantId, id: { in: of("membership") } },
      select: { id: true, user: { select: { displayName: true } } },
    }),
    // Users are platform rows: only the tenant's members are named.
    tx.membership.findMany({
      where: { tenantId, userId: { in: of("user") } },
      select: { userId: true, user: { select: { displayName: true } } },
    }),
    tx.certificate.findMany({
      where: { tenantId, id: { in: of("certificate") } },
      select: { id: true, serial: true },
    }),
  ]);
  return Object.fromEntries([
    ...cohorts.map((row) => [row.id, row.title]),
    ...templates.map((row) => [row.id, row.name]),
    ...staff.map((row) => [row.id, row.name]),
    ...applications.map((row) => [row.id, row.staffMember.name]),
    ...memberships.map((row) => [row.id, row.user.displayName]),
    ...users.map((row) => [row.userId, row.user.displayName]),
    ...certificates.map((row) => [row.id, row.serial]),
  ]);
}
