export {
  addCertificateSigner,
  type CertificateSignerInput,
  certificateSignerForm,
} from "./add-certificate-signer";
export { getRetentionPeriods } from "./get-retention-periods";
export { getTenantSettings } from "./get-tenant-settings";
export { removeCertificateSigner } from "./remove-certificate-signer";
export {
  type InsightsSharingInput,
  insightsSharingForm,
  updateInsightsSharing,
} from "./update-insights-sharing";
export { updateRetentionPeriods } from "./update-retention-periods";
export { type TenantSettingsInput, tenantSettingsForm, updateTenantSettings } from "./update-tenant-settings";
