import type { Database } from "@mentoring/db";
import { AppError, type RetentionPeriods, retentionPeriodsOf } from "@mentoring/domain";

export interface PrivacyPolicy {
  tenant: { slug: string; name: string; nameEn: string | null; timeZone: string };
  periods: RetentionPeriods;
  /** The members holding privacy_officer: their name, department and contact where the directory has them. */
  officers: { name: string; department: string | null; email: string | null; phone: string | null }[];
  /** When the policy last changed: the later of the organisation's settings and its officers' roles. */
  updatedAt: Date;
}

/**
 * An organisation's privacy policy (개인정보 처리방침), public: what it is generated from. The organisation
 * is found by its address; one that is not there (or has only applied) is not found. Its privacy officers
 * are read in its own row-level-security context.
 */
export async function getPrivacyPolicy(db: Database, input: { slug: string }): Promise<PrivacyPolicy> {
  const tenant = await db.platform.tenant.findUnique({
    where: { slug: input.slug },
    select: {
      id: true,
      slug: true,
      name: true,
      nameEn: true,
      timeZone: true,
      status: true,
      retentionMonths: true,
      updatedAt: true,
    },
  });
  if (!tenant || tenant.status === "applied") throw new AppError("retention.policy_not_found");
  const officers = await db.withTenant(tenant.id, (tx) =>
    tx.membership.findMany({
      where: { tenantId: tenant.id, roles: { has: "privacy_officer" } },
      orderBy: { createdAt: "asc" },
      select: {
        updatedAt: true,
        user: { select: { displayName: true, email: true } },
        staffMember: {
          select: { name: true, email: true, phone: true, department: { select: { name: true } } },
        },
      },
    }),
  );
  const updatedAt = new Date(
    Math.max(tenant.updatedAt.getTime(), ...officers.map((officer) => officer.updatedAt.getTime())),
  );
  return {
    tenant: { slug: tenant.slug, name: tenant.name, nameEn: tenant.nameEn, timeZone: tenant.timeZone },
    periods: retentionPeriodsOf(tenant.retentionMonths),
    officers: officers.map(({ user, staffMember }) => ({
      name: staffMember?.name ?? user.displayName,
      department: staffMember?.department.name ?? null,
      email: staffMember?.email ?? user.email,
      phone: staffMember?.phone ?? null,
    })),
    updatedAt,
  };
}
