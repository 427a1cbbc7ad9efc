import { recordAudit } from "@mentoring/db";
import { isValidSlug, koreanRegions, parseBusinessRegistrationNumber } from "@mentoring/domain";
import type { Locale } from "@mentoring/i18n";
import { z } from "zod";
import { inviteMember } from "./members.server";
import type { Services } from "./services.server";

export const TRIAL_DAYS = 30;

/** The sign-up form: one schema for the page and the action. Messages are i18n keys. */
export const applicationForm = z.object({
  organisationName: z.string().trim().min(1, "form.required").max(100),
  kind: z.enum(["metropolitan_government", "basic_government", "public_institution"]),
  region: z.enum(koreanRegions, { errorMap: () => ({ message: "onboarding.signup.invalidRegion" }) }),
  businessRegistrationNumber: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const parsed = parseBusinessRegistrationNumber(value);
      if (!parsed) context.addIssue({ code: "custom", message: "onboarding.signup.invalidBusinessNumber" });
      return parsed ?? undefined;
    }),
  contactName: z.string().trim().min(1, "form.required").max(100),
  contactEmail: z.string().trim().min(1, "form.required").email("form.invalidEmail").toLowerCase(),
  contactPhone: z.string().trim().max(30).optional(),
});

export async function submitApplication(services: Services, form: z.output<typeof applicationForm>) {
  return services.db.platform.tenantApplication.create({
    data: {
      ...form,
      contactPhone: form.contactPhone || null,
      businessRegistrationNumber: form.businessRegistrationNumber ?? null,
    },
  });
}

export type ReviewResult =
  | { ok: true; organisation: string; email: string }
  | { ok: false; problem: "invalid_slug" | "slug_taken" | "already_reviewed" };

/**
 * Approves an application: the tenant is created on a trial, the contact person is invited as its
 * tenant admin (mail through the worker), and both are recorded in the new tenant's audit log.
 */
export async function approveApplication(
  services: Services,
  {
    applicationId,
    slug,
    operatorId,
    locale,
    requestId,
  }: {
    applicationId: string;
    slug: string;
    operatorId: string;
    locale: Locale;
    requestId: string;
  },
): Promise<ReviewResult> {
  if (!isValidSlug(slug)) return { ok: false, problem: "invalid_slug" };
  const { db } = services;
  const created = await db.platform.$transaction(async (tx) => {
    const application = await tx.tenantApplication.findUnique({ where: { id: applicationId } });
    if (application?.status !== "pending") return "already_reviewed" as const;
    if (await tx.tenant.findUnique({ where: { slug } })) return "slug_taken" as const;
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
  if (typeof created === "string") return { ok: false, problem: created };
  const { tenant, application } = created;
  await db.withTenant(tenant.id, (tx) =>
    recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId: operatorId,
      action: "tenant.create",
      entityType: "tenant",
      entityId: tenant.id,
      after: { slug, name: tenant.name, kind: tenant.kind, region: tenant.region, status: tenant.status },
      requestId,
    }),
  );
  await inviteMember(services, {
    tenant,
    actorUserId: operatorId,
    email: application.contactEmail,
    roles: ["tenant_admin"],
    locale,
    requestId,
  });
  return { ok: true, organisation: tenant.name, email: application.contactEmail };
}

export async function rejectApplication(
  services: Services,
  { applicationId, reason, operatorId }: { applicationId: string; reason: string; operatorId: string },
): Promise<ReviewResult> {
  const updated = await services.db.platform.tenantApplication.updateMany({
    where: { id: applicationId, status: "pending" },
    data: {
      status: "rejected",
      reviewedAt: new Date(),
      reviewedByUserId: operatorId,
      rejectionReason: reason,
    },
  });
  if (updated.count === 0) return { ok: false, problem: "already_reviewed" };
  const application = await services.db.platform.tenantApplication.findUniqueOrThrow({
    where: { id: applicationId },
  });
  return { ok: true, organisation: application.organisationName, email: application.contactEmail };
}
