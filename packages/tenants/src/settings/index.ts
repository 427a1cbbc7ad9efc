export {
  addCertificateSigner,
  type CertificateSignerInput,
  certificateSignerForm,
} from "./add-certificate-signer";
export { getTenantSettings } from "./get-tenant-settings";
export { removeCertificateSigner } from "./remove-certificate-signer";
export { type TenantSettingsInput, tenantSettingsForm, updateTenantSettings } from "./update-tenant-settings";
