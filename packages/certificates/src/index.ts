export {
  type BulkProgress,
  CertificateBatchError,
  defaultEntryName,
  designFingerprint,
  type GenerateCertificatesOptions,
  type GenerateCertificatesResult,
  type GeneratedCertificate,
  generateCertificates,
} from "./bulk-generate";
export { type CanonicalValue, canonicalBytes, canonicalJson } from "./canonical-json";
export {
  type CertificateContent,
  type CertificateContentInput,
  CONTENT_FORMAT,
  canonicalContent,
  certificateContentSchema,
  serialSchema,
} from "./certificate-content";
export {
  AWARD_BODY,
  type CertificateDesign,
  type CertificateDesignInput,
  type CertificatePlaceholder,
  certificateDesignSchema,
  certificatePlaceholders,
  DEFAULT_AWARD_TITLE,
  DEFAULT_BODY,
  DEFAULT_TITLE,
  fillBody,
  koreanDate,
} from "./certificate-design";
export { type KoreanFonts, koreanFontFiles, koreanFonts } from "./korean-font";
export { qrImageDataUrl } from "./qr-image";
export {
  type CertificateRenderer,
  createCertificateRenderer,
  RENDERER_VERSION,
  type SignedCertificate,
} from "./render-pdf";
export {
  newSerial,
  parseSerial,
  SERIAL_LENGTH,
  type Serial,
  type SerialParse,
  verificationUrl,
} from "./serial";
export {
  type CertificateStatus,
  certificateStatus,
  generateSigningKey,
  openSigningKey,
  SigningKeyError,
  signCertificate,
  type TenantSigningKey,
  type Verification,
  verifyCertificate,
} from "./signing";
