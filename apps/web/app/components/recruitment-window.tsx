import type { RecruitmentWindow } from "@mentoring/domain";
import { useTranslation } from "react-i18next";

/**
 * Said where the apply button would be when today, on the organisation's calendar, is outside the cohort's
 * days of recruitment: the day applications open, or the day they closed. Nothing while they are open.
 */
export function RecruitmentWindowNote({ window }: { window: RecruitmentWindow }) {
  const { t } = useTranslation();
  if (window.state === "open") return null;
  return (
    <p className="recruitment-window" data-testid="recruitment-window">
      {window.state === "not_yet_open"
        ? t("recruitment.announcement.opensOn", { date: window.opensOn })
        : t("recruitment.announcement.closedOn", { date: window.closedOn })}
    </p>
  );
}
