import { recordAudit, type TenantDb } from "@mentoring/db";
import { brandColorProblem } from "@mentoring/domain";
import { supportedLocales } from "@mentoring/i18n";
import { z } from "zod";

const timeZones = new Set(Intl.supportedValuesOf("timeZone"));

/**
 * The settings form, for the page and the action alike; messages are i18n keys. A field left empty comes
 * as absent (conform), hence the required messages on the type too.
 */
export const tenantSettingsForm = z.object({
  name: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(100),
  nameEn: z.string().trim().max(100).optional(),
  brandColor: z
    .string()
    .trim()
    .optional()
    .superRefine((color, context) => {
      const problem = color ? brandColorProblem(color) : null;
      if (problem)
        context.addIssue({
          code: "custom",
          message: problem === "format" ? "settings.colorFormat" : "settings.colorContrast",
        });
    }),
  locale: z.enum(supportedLocales),
  timeZone: z.string().refine((zone) => timeZones.has(zone), "settings.invalidTimeZone"),
});

export type TenantSettingsInput = z.output<typeof tenantSettingsForm>;

/** Saves the tenant's profile (names, colour, language, time zone) and records before and after. */
export async function updateTenantSettings(
  tx: TenantDb,
  input: { tenantId: string; actorUserId: string; form: TenantSettingsInput; requestId: string },
): Promise<void> {
  const { tenantId, actorUserId, form, requestId } = input;
  const next = {
    name: form.name,
    nameEn: form.nameEn || null,
    brandColor: form.brandColor || null,
    locale: form.locale,
    timeZone: form.timeZone,
  };
  // tenants is a platform table, reachable in the tenant's transaction: the change and its audit row commit together.
  const before = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { name: true, nameEn: true, brandColor: true, locale: true, timeZone: true },
  });
  await tx.tenant.update({ where: { id: tenantId }, data: next });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "tenant.settings.update",
    entityType: "tenant",
    entityId: tenantId,
    before,
    after: next,
    requestId,
  });
}
