import type { ApplicantFilter, ApplicantRow, NominationResult } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";
import { failuresInWords, type Phrase } from "./recruiting.server";

/** The applicant rows as the coordinator's list shows them: times in the tenant's time zone. */
export function presentApplicantRows(rows: ApplicantRow[], locale: string, timeZone: string) {
  return rows.map((row) => ({
    ...row,
    consentAt: row.consentAt ? formatDateTime(row.consentAt, locale, timeZone) : null,
    submittedAt: formatDateTime(row.submittedAt, locale, timeZone),
  }));
}

export type NominationView = NominationResult & { reasons?: Phrase[] };

/** What became of each employee number put forward, with the reasons of those found ineligible. */
export function presentNominations(results: NominationResult[]): NominationView[] {
  return results.map((result) =>
    result.outcome === "refused" ? { ...result, reasons: failuresInWords(result.failures) } : result,
  );
}

/** The filter as a query string, so that the export links download what the list shows. */
export function filterQuery(filter: ApplicantFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return params.toString();
}
