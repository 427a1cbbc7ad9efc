import type { MessageKey } from "@mentoring/i18n";
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface SubNavPage {
  to: string;
  label: MessageKey;
  /** Marked current only on its own address, not on the pages below it. */
  end: boolean;
}

/** A row of links to the pages of one thing (a cohort, a template), the current one marked. */
export function SubNav({ label, pages }: { label: MessageKey; pages: readonly SubNavPage[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t(label)} className="subnav">
      <ul>
        {pages.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end={page.end}>
              {t(page.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
