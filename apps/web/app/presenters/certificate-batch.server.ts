import type { CertificateBatchView, CertificateRow } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

/*
 * A certificate batch as the coordinator's and the executive's pages show it: its times worded on the
 * server in the tenant's time zone.
 */

export function presentCertificateRow<Row extends CertificateRow>(
  row: Row,
  locale: string,
  timeZone: string,
) {
  return { ...row, revokedAt: row.revokedAt ? formatDateTime(row.revokedAt, locale, timeZone) : null };
}

export function presentCertificateBatch(batch: CertificateBatchView, locale: string, timeZone: string) {
  return {
    ...batch,
    signedAt: batch.signedAt ? formatDateTime(batch.signedAt, locale, timeZone) : null,
    certificates: batch.certificates.map((row) => presentCertificateRow(row, locale, timeZone)),
  };
}

export type CertificateBatchPage = ReturnType<typeof presentCertificateBatch>;
