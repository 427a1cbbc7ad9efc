import type { TenantDb } from "@mentoring/db";

/** The settings page: the tenant's profile, the keys of its logo and seal, and its certificate signers. */
export async function getTenantSettings(tx: TenantDb, input: { tenantId: string }) {
  const { tenantId } = input;
  const profile = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: {
      name: true,
      nameEn: true,
      brandColor: true,
      locale: true,
      timeZone: true,
      logoKey: true,
      sealKey: true,
      insightsOptedInAt: true,
      insightsNamed: true,
    },
  });
  const signers = await tx.certificateSigner.findMany({ where: { tenantId }, orderBy: { position: "asc" } });
  return { profile, signers };
}
