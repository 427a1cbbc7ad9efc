import type { Database } from "@mentoring/db";

/** The organisation a person works in first (the earliest they joined): their home page. Null for none. */
export async function findFirstOrganisation(db: Database, { userId }: { userId: string }) {
  const membership = await db.withUser(userId, (tx) =>
    tx.membership.findFirst({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { tenantId: true },
    }),
  );
  if (!membership) return null;
  return db.platform.tenant.findUnique({ where: { id: membership.tenantId }, select: { slug: true } });
}
