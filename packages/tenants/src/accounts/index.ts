export { checkResetLink } from "./check-reset-link";
export { findFirstOrganisation } from "./find-first-organisation";
export { RESET_LINK_MINUTES, requestPasswordReset } from "./request-password-reset";
export { resetPassword } from "./reset-password";
export { setPreferredLocale } from "./set-preferred-locale";
