import type { MessageKey } from "@mentoring/i18n";
import { useTranslation } from "react-i18next";
import { useMenuLinks } from "./menu-links";

export interface SubNavPage {
  to: string;
  label: MessageKey;
  /** Marked current only on its own address, not on the pages below it. */
  end: boolean;
}

/** A row of links to the pages of one thing (a cohort, a template), the current one marked. */
export function SubNav({ label, pages }: { label: MessageKey; pages: readonly SubNavPage[] }) {
  const { t } = useTranslation();
  const { follow, current } = useMenuLinks();
  return (
    <nav aria-label={t(label)} className="subnav">
      <ul>
        {pages.map((page) => (
          <li key={page.to}>
            <a href={page.to} onClick={follow} data-discover="true" aria-current={current(page.to, page.end)}>
              {t(page.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
