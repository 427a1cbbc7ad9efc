import { useTranslation } from "react-i18next";
import type { Column } from "./data-table";

/** What lists of certificates show of one: its team's people and its serial, its team and date when known. */
interface CertificateRow {
  mentors: string[];
  mentees: string[];
  serial: string;
  /** Null for a revoked certificate whose team a later publication replaced. */
  teamNumber?: number | null;
  date?: string;
}

/**
 * The columns that lists of certificates share (a cohort's batch, the signer's review, a person's own),
 * worded alike everywhere. Each page puts them in its own order beside columns of its own.
 */
export function useCertificateColumns<Row extends CertificateRow>() {
  const { t } = useTranslation();
  return {
    team: {
      key: "team",
      header: t("certificates.table.team"),
      cell: (row) =>
        row.teamNumber == null ? "—" : t("certificates.attendance.teamNumber", { number: row.teamNumber }),
    },
    mentors: {
      key: "mentors",
      header: t("certificates.table.mentors"),
      cell: (row) => row.mentors.join(", "),
    },
    mentees: {
      key: "mentees",
      header: t("certificates.table.mentees"),
      cell: (row) => row.mentees.join(", "),
    },
    date: { key: "date", header: t("certificates.table.date"), cell: (row) => row.date },
    serial: {
      key: "serial",
      header: t("certificates.table.serial"),
      className: "serial",
      cell: (row) => row.serial,
    },
  } satisfies Record<string, Column<Row>>;
}
