import { useTranslation } from "react-i18next";
import type { CohortAwardsPage } from "../presenters/cohort-awards.server";
import { DataTable } from "./data-table";

type Decision = CohortAwardsPage["decision"];
type Grant = NonNullable<Decision>["grants"][number];

/** Where a cohort's award decision stands: its status, who proposed and decided it, and a return's comment. */
export function AwardDecisionStatus({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <div className="card" data-testid="award-status" data-status={decision?.status ?? "none"}>
      <p>
        <strong>{t(`awards.status.${decision?.status ?? "none"}`)}</strong>
      </p>
      {decision?.proposedBy && decision.proposedAt ? (
        <p>{t("awards.decision.proposedBy", { name: decision.proposedBy, when: decision.proposedAt })}</p>
      ) : null}
      {decision?.decidedBy && decision.decidedAt ? (
        <p>{t("awards.decision.decidedBy", { name: decision.decidedBy, when: decision.decidedAt })}</p>
      ) : null}
      {decision?.status === "returned" && decision.comment ? (
        <p role="note" data-testid="award-comment" className="pre-line">
          {t("awards.decision.returnComment", { comment: decision.comment })}
        </p>
      ) : null}
    </div>
  );
}

/** The winning teams by award, with their members and, once approved, their certificate's serial. */
export function AwardGrantsTable({ grants }: { grants: Grant[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("awards.page.grantsCaption")}
      rows={grants}
      rowKey={(grant) => grant.teamId}
      empty={t("awards.page.none")}
      columns={[
        { key: "award", header: t("awards.page.award"), cell: (grant) => grant.name },
        {
          key: "team",
          header: t("awards.page.grants"),
          cell: (grant) => t("awards.page.team", { number: grant.teamNumber }),
        },
        { key: "members", header: t("awards.page.members"), cell: (grant) => grant.members.join(", ") },
        { key: "prize", header: t("awards.page.prize"), cell: (grant) => grant.prize },
        {
          key: "certificate",
          header: t("awards.page.certificate"),
          cell: (grant) =>
            grant.certificate ? (
              grant.certificate.ready ? (
                <a href={`/verify/${grant.certificate.serial}`} className="serial">
                  {t("awards.page.certificateReady", { serial: grant.certificate.serial })}
                </a>
              ) : (
                t("awards.page.certificatePending")
              )
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
