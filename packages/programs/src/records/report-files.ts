/** Where a report's files are stored: by the hash of their data, so equal data finds the same files. */
export function reportFileKeys(input: {
  tenantId: string;
  cohortId: string;
  dataHash: string;
  locale: string;
}) {
  const base = `tenants/${input.tenantId}/reports/${input.cohortId}/${input.dataHash}-${input.locale}`;
  return { pdfKey: `${base}.pdf`, xlsxKey: `${base}.xlsx` };
}
