import type { ApplicantFilter, ApplicantRow, NominationResult } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";
import { failuresInWords, type Phrase } from "./recruiting.server";

/** The applicant rows as the coordinator's list shows them: times in the tenant's time zone. */
export function presentApplicantRows(rows: ApplicantRow[], locale: string, timeZone: string) {
  // An applicant consents as they apply: the two times are most often one, formatted once.
  const shown = new Map<number, string>();
  const at = (date: Date) => {
    let text = shown.get(date.getTime());
    if (text === undefined) {
      text = formatDateTime(date, locale, timeZone);
      shown.set(date.getTime(), text);
    }
    return text;
  };
  return rows.map((row) => ({
    ...row,
    consentAt: row.consentAt ? at(row.consentAt) : null,
    submittedAt: at(row.submittedAt),
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
