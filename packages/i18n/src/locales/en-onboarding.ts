import type { koOnboarding } from "./ko-onboarding";

export const enOnboarding: typeof koOnboarding = {};
