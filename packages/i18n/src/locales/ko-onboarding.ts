/** Korean messages of the onboarding screens (part of the "common" namespace, under "onboarding"). */
export const koOnboarding = {};
