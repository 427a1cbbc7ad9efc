export { getPrivacyPolicy, type PrivacyPolicy } from "./get-privacy-policy";
