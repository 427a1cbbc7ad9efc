import type { SubmissionStatus } from "@mentoring/domain";
import { useTranslation } from "react-i18next";

/** A team's work as badges: its status (or "not handed in"), late, featured. */
export function SubmissionBadges({
  submission,
}: {
  submission: { status: SubmissionStatus; late: boolean; featured: boolean } | null;
}) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <span className="badge">{t(`assignments.status.${submission?.status ?? "none"}`)}</span>
      {submission?.late ? <span className="badge badge--hard">{t("assignments.status.late")}</span> : null}
      {submission?.featured ? <span className="badge">{t("assignments.status.featured")}</span> : null}
    </span>
  );
}

/**
 * The web links a team handed in, each opening apart from the app; `nofollow` and no referrer, as
 * addresses anyone in a team typed.
 */
export function SubmissionLinks({ links }: { links: string[] }) {
  if (links.length === 0) return null;
  return (
    <ul>
      {links.map((link) => (
        <li key={link}>
          <a href={link} rel="noopener noreferrer nofollow" target="_blank">
            {link}
          </a>
        </li>
      ))}
    </ul>
  );
}
