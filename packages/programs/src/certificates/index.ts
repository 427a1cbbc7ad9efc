/*
 * The pairing ceremony and the certificates of a cohort: one certificate per published team (a mentor with
 * their mentees, or 3 mentors with a mentee), prepared, signed, rendered by the worker, revoked, and checked
 * in public by serial. Rules for fields and designs: records/ceremony-fields.ts, records/certificate-content.ts.
 */
export type {
  CertificateBatchStatus,
  CertificateBatchView,
  CertificateRow,
} from "../records/certificate-batch-view";
export { countBatchesToSign } from "./count-batches-to-sign";
export { generateCertificateBatch } from "./generate-certificate-batch";
export { type CeremonyView, getCeremony } from "./get-ceremony";
export { getCertificateArchive } from "./get-certificate-archive";
export { getCertificateBatch } from "./get-certificate-batch";
export { getCertificateDownload } from "./get-certificate-download";
export { getCohortCertificates } from "./get-cohort-certificates";
export { listBatchesForSigning } from "./list-batches-for-signing";
export { listCertificateBatches } from "./list-certificate-batches";
export { listMyCeremonies, type MyCeremony } from "./list-my-ceremonies";
export { listMyCertificates } from "./list-my-certificates";
export { prepareCertificateBatch } from "./prepare-certificate-batch";
export { recordAttendance } from "./record-attendance";
export { retryCertificateBatch } from "./retry-certificate-batch";
export { revokeCertificate } from "./revoke-certificate";
export { saveCeremony } from "./save-ceremony";
export { signCertificateBatch } from "./sign-certificate-batch";
export { type Verification, verifySerial } from "./verify-serial";
