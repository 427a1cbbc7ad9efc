export { checkResetLink } from "./check-reset-link";
export { RESET_LINK_MINUTES, requestPasswordReset } from "./request-password-reset";
export { resetPassword } from "./reset-password";
