import type { MessageKey } from "@mentoring/i18n";
import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf-input";
import { LanguageSwitch } from "./language-switch";

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: MessageKey;
}

/**
 * The page frame: a header with the organisation's name, the navigation the user's roles allow, the
 * language switch and sign-out; then the main landmark the skip link jumps to.
 */
export function Shell({
  title,
  homeTo,
  nav = [],
  userName,
  brandColor,
  children,
}: {
  /** The organisation's colour for the header (checked for contrast when saved). */
  brandColor?: string | null;
  title: string;
  homeTo: string;
  nav?: NavItem[];
  userName?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {brandColor && /^#[0-9a-fA-F]{6}$/.test(brandColor) ? (
        // A stylesheet, not inline style: the CSP allows only this site's stylesheets.
        <link rel="stylesheet" href={`/brand.css?color=${brandColor.slice(1).toLowerCase()}`} />
      ) : null}
      <header className="site-header">
        <div className="site-header__top">
          <Link to={homeTo} className="site-header__title">
            {title}
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            {userName ? (
              <Form method="post" action="/sign-out">
                <CsrfInput />
                <span className="site-header__user">{t("app.signedInAs", { name: userName })}</span>{" "}
                <button type="submit">{t("app.signOut")}</button>
              </Form>
            ) : null}
          </div>
        </div>
        {nav.length > 0 ? (
          <nav aria-label={t("app.mainNavigation")}>
            <ul className="site-nav">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
