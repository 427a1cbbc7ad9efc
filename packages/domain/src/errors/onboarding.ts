import type { ErrorTable } from "./error-table";

/** Organisations' applications and the operator's review of them. */
export const onboardingErrors = {
  "onboarding.already_reviewed": { status: 409, message: "onboarding.applications.alreadyReviewed" },
  "onboarding.invalid_slug": { status: 400, message: "onboarding.applications.invalidSlug" },
  "onboarding.slug_taken": { status: 409, message: "onboarding.applications.slugTaken" },
} as const satisfies ErrorTable;
