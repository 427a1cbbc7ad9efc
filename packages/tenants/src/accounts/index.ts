export { checkResetLink } from "./check-reset-link";
export { findFirstOrganisation } from "./find-first-organisation";
export { notifyThrottledSignIn, THROTTLE_NOTICE_HOURS } from "./notify-throttled-sign-in";
export { reportThrottledSignIn } from "./report-throttled-sign-in";
export { requestPasswordReset } from "./request-password-reset";
export { resetPassword } from "./reset-password";
export { RESET_LINK_MINUTES, sendPasswordResetLink } from "./send-password-reset-link";
export { setPreferredLocale } from "./set-preferred-locale";
