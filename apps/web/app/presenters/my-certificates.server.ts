import type { CertificateRow, MyCeremony } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";
import { presentCertificateRow } from "./certificate-batch.server";

/** A participant's ceremonies and certificates, their times worded in the tenant's time zone. */
export function presentMyCertificates(
  page: {
    ceremonies: MyCeremony[];
    certificates: (CertificateRow & { cohortTitle: string; award: { title: string; name: string } | null })[];
  },
  locale: string,
  timeZone: string,
) {
  return {
    ceremonies: page.ceremonies.map(({ startsAt, ...ceremony }) => ({
      ...ceremony,
      when: formatDateTime(startsAt, locale, timeZone, { dateStyle: "long", timeStyle: "short" }),
    })),
    certificates: page.certificates.map((row) => presentCertificateRow(row, locale, timeZone)),
  };
}
