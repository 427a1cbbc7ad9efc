import { useTranslation } from "react-i18next";
import { DataTable } from "./data-table";

export interface RetentionPeriodRow {
  kind: string;
  name: string;
  detail: string;
  start: string;
  period: string;
  action: string;
}

/** The organisation's retention periods, one row per kind of personal data: the policy and the officer's page. */
export function RetentionPeriods({ caption, periods }: { caption: string; periods: RetentionPeriodRow[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      rows={periods}
      rowKey={(row) => row.kind}
      empty={t("retention.page.none")}
      rowProps={(row) => ({ "data-kind": row.kind })}
      columns={[
        {
          key: "kind",
          header: t("retention.page.kindColumn"),
          cell: (row) => (
            <>
              {row.name}
              <span className="field__hint"> {row.detail}</span>
            </>
          ),
        },
        { key: "start", header: t("retention.page.startColumn"), cell: (row) => row.start },
        { key: "period", header: t("retention.page.periodColumn"), cell: (row) => row.period },
        { key: "action", header: t("retention.page.actionColumn"), cell: (row) => row.action },
      ]}
    />
  );
}
