import { type Database, recordAudit } from "@mentoring/db";
import { AppError, isValidSlug } from "@mentoring/domain";
import type { Locale } from "@mentoring/i18n";
import { createInvitation } from "../records/invitation";

export const TRIAL_DAYS = 30;

/**
 * Approves an application: the tenant is created on a trial, the contact person is invited as its
 * tenant admin (mail through the worker), and both are recorded in the new tenant's audit log. Refused
 * when the slug is not valid or taken, or the application was already reviewed.
 */
export async function approveApplication(
  db: Database,
  input: {
    applicationId: string;
    slug: string;
    operatorId: string;
    locale: Locale;
    appUrl: string;
    requestId: string;
  },
): Promise<{ organisation: string; email: string }> {
  const { applicationId, slug, operatorId, locale, appUrl, requestId } = input;
  if (!isValidSlug(slug)) throw new AppError("onboarding.invalid_slug");
  const { tenant, application } = await db.platform.$transaction(async (tx) => {
    const application = await tx.tenantApplication.findUnique({ where: { id: applicationId } });
    if (application?.status !== "pending") throw new AppError("onboarding.already_reviewed");
    if (await tx.tenant.findUnique({ where: { slug } })) throw new AppError("onboarding.slug_taken");
    const tenant = await tx.tenant.create({
      data: {
        slug,
        name: application.organisationName,
        kind: application.kind,
        region: application.region,
        status: "trial",
        trialEndsAt: new Date(Date.now() + TRIAL_DAYS * 24 * 3600_000),
        businessRegistrationNumber: application.businessRegistrationNumber,
      },
    });
    await tx.tenantApplication.update({
      where: { id: application.id },
      data: {
        status: "approved",
        reviewedAt: new Date(),
        reviewedByUserId: operatorId,
        createdTenantId: tenant.id,
      },
    });
    return { tenant, application };
  });
  // The tenant exists once the platform transaction commits; its own rows are written in it from then on.
  await db.withTenant(tenant.id, async (tx) => {
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId: operatorId,
      action: "tenant.create",
      entityType: "tenant",
      entityId: tenant.id,
      after: { slug, name: tenant.name, kind: tenant.kind, region: tenant.region, status: tenant.status },
      requestId,
    });
    await createInvitation(tx, {
      tenant,
      actorUserId: operatorId,
      email: application.contactEmail.toLowerCase(),
      roles: ["tenant_admin"],
      locale,
      appUrl,
      requestId,
    });
  });
  return { organisation: tenant.name, email: application.contactEmail };
}
