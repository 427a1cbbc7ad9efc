import { recordAudit } from "@mentoring/db";
import { brandColorProblem } from "@mentoring/domain";
import { supportedLocales } from "@mentoring/i18n";
import { z } from "zod";
import type { TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

const timeZones = new Set(Intl.supportedValuesOf("timeZone"));

/** The settings form; messages are i18n keys. */
export const settingsForm = z.object({
  name: z.string().trim().min(1, "form.required").max(100),
  nameEn: z.string().trim().max(100).optional(),
  brandColor: z
    .string()
    .trim()
    .superRefine((color, context) => {
      const problem = color === "" ? null : brandColorProblem(color);
      if (problem)
        context.addIssue({
          code: "custom",
          message: problem === "format" ? "settings.colorFormat" : "settings.colorContrast",
        });
    }),
  locale: z.enum(supportedLocales),
  timeZone: z.string().refine((zone) => timeZones.has(zone), "settings.invalidTimeZone"),
});

export const signerForm = z.object({
  name: z.string().trim().min(1, "form.required").max(50),
  title: z.string().trim().min(1, "form.required").max(50),
});

type Tenant = TenantAccess["tenant"];

/** Saves the tenant's profile and records before and after. */
export async function updateSettings(
  services: Services,
  {
    tenant,
    actorUserId,
    form,
    requestId,
  }: { tenant: Tenant; actorUserId: string; form: z.output<typeof settingsForm>; requestId: string },
) {
  const next = {
    name: form.name,
    nameEn: form.nameEn || null,
    brandColor: form.brandColor || null,
    locale: form.locale,
    timeZone: form.timeZone,
  };
  // The change and its audit row commit together (tenants is a platform table, reachable in any transaction).
  await services.db.withTenant(tenant.id, async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({
      where: { id: tenant.id },
      select: { name: true, nameEn: true, brandColor: true, locale: true, timeZone: true },
    });
    await tx.tenant.update({ where: { id: tenant.id }, data: next });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId,
      action: "tenant.settings.update",
      entityType: "tenant",
      entityId: tenant.id,
      before,
      after: next,
      requestId,
    });
  });
}

export async function addSigner(
  services: Services,
  {
    tenant,
    actorUserId,
    form,
    requestId,
  }: { tenant: Tenant; actorUserId: string; form: z.output<typeof signerForm>; requestId: string },
) {
  await services.db.withTenant(tenant.id, async (tx) => {
    const position = await tx.certificateSigner.count({ where: { tenantId: tenant.id } });
    const signer = await tx.certificateSigner.create({ data: { tenantId: tenant.id, ...form, position } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId,
      action: "certificate_signer.create",
      entityType: "certificate_signer",
      entityId: signer.id,
      after: form,
      requestId,
    });
  });
}

export async function removeSigner(
  services: Services,
  {
    tenant,
    actorUserId,
    signerId,
    requestId,
  }: { tenant: Tenant; actorUserId: string; signerId: string; requestId: string },
) {
  await services.db.withTenant(tenant.id, async (tx) => {
    const signer = await tx.certificateSigner.findFirst({ where: { id: signerId, tenantId: tenant.id } });
    if (!signer) return;
    await tx.certificateSigner.delete({ where: { id: signer.id } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId,
      action: "certificate_signer.delete",
      entityType: "certificate_signer",
      entityId: signer.id,
      before: { name: signer.name, title: signer.title },
      requestId,
    });
  });
}
