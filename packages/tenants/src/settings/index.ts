export {
  addCertificateSigner,
  type CertificateSignerInput,
  certificateSignerForm,
} from "./add-certificate-signer";
export { getTenantSettings } from "./get-tenant-settings";
export { removeCertificateSigner } from "./remove-certificate-signer";
export {
  type InsightsSharingInput,
  insightsSharingForm,
  updateInsightsSharing,
} from "./update-insights-sharing";
export { type TenantSettingsInput, tenantSettingsForm, updateTenantSettings } from "./update-tenant-settings";
