export { isLoopbackUrl, type MatchBy, matchByValues } from "../records/sso-config";
export { type EnabledSso, findEnabledSso } from "./find-enabled-sso";
export { getSsoSettings, type SsoSettingsView } from "./get-sso-settings";
export { joinNominationBySso } from "./join-nomination-by-sso";
export { matchSsoMember, type SsoClaims, type SsoRefusal } from "./match-sso-member";
export {
  type SsoProviderCheck,
  type SsoSettingsInput,
  saveSsoSettings,
  ssoSettingsForm,
} from "./save-sso-settings";
