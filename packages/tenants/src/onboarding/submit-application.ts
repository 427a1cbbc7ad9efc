import type { Database } from "@mentoring/db";
import { koreanRegions, parseBusinessRegistrationNumber } from "@mentoring/domain";
import { z } from "zod";

/** The sign-up form: one schema for the page and the action. Messages are i18n keys. */
export const applicationForm = z.object({
  organisationName: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(100),
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
  contactName: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(100),
  contactEmail: z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .email("form.invalidEmail")
    .toLowerCase(),
  contactPhone: z.string().trim().max(30).optional(),
});

export type ApplicationInput = z.output<typeof applicationForm>;

/** Records an organisation's application, pending the operator's review. */
export async function submitApplication(
  db: Database,
  form: ApplicationInput,
): Promise<{ applicationId: string }> {
  const application = await db.platform.tenantApplication.create({
    data: {
      ...form,
      contactPhone: form.contactPhone || null,
      businessRegistrationNumber: form.businessRegistrationNumber ?? null,
    },
    select: { id: true },
  });
  return { applicationId: application.id };
}
