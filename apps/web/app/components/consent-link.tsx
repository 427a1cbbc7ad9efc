import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The way to withdraw consent for a cohort (동의 철회): a link to the page that explains what happens before
 * anything is done, from the recruiting page, the team page and "내 정보".
 */
export function ConsentWithdrawalLink({ cohortId, cohortTitle }: { cohortId: string; cohortTitle: string }) {
  const { t } = useTranslation();
  const { tenant } = useParams();
  return (
    <Link
      to={`/${tenant}/my-data/consent/${cohortId}`}
      aria-label={t("myData.consent.withdrawFor", { cohort: cohortTitle })}
    >
      {t("myData.consent.withdraw")}
    </Link>
  );
}
