export { checkResetLink } from "./check-reset-link";
export { findFirstOrganisation } from "./find-first-organisation";
export { notifyThrottledSignIn, THROTTLE_NOTICE_HOURS } from "./notify-throttled-sign-in";
export { reportThrottledSignIn } from "./report-throttled-sign-in";
export { RESET_LINK_MINUTES, requestPasswordReset } from "./request-password-reset";
export { resetPassword } from "./reset-password";
export { setPreferredLocale } from "./set-preferred-locale";
