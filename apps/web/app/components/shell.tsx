import type { MessageKey } from "@mentoring/i18n";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf-input";
import { LanguageSwitch } from "./language-switch";
import { useMenuLinks } from "./menu-links";

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: MessageKey;
}

/** The way to a person's notifications, with how many are unread. */
export interface Bell {
  to: string;
  unread: number;
}

/**
 * The page frame: a header with the organisation's name, the notifications bell (for a member on the staff),
 * the navigation the user's roles allow, the language switch and sign-out; then the main landmark the skip
 * link jumps to.
 */
export function Shell({
  title,
  homeTo,
  nav = [],
  userName,
  brandColor,
  bell,
  privacyPolicyTo,
  children,
}: {
  /** The notifications link and its unread count; none for who receives no notifications. */
  bell?: Bell | null;
  /** The organisation's colour for the header (checked for contrast when saved). */
  brandColor?: string | null;
  title: string;
  homeTo: string;
  nav?: NavItem[];
  userName?: string;
  /** The organisation's privacy policy (처리방침), linked from the footer of its pages. */
  privacyPolicyTo?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { follow, current } = useMenuLinks();
  return (
    <>
      {brandColor && /^#[0-9a-fA-F]{6}$/.test(brandColor) ? (
        // A stylesheet, not inline style: the CSP allows only this site's stylesheets.
        <link rel="stylesheet" href={`/brand.css?color=${brandColor.slice(1).toLowerCase()}`} />
      ) : null}
      <header className="site-header">
        <div className="site-header__top">
          <a href={homeTo} onClick={follow} data-discover="true" className="site-header__title">
            {title}
          </a>
          <div className="site-header__tools">
            {bell ? (
              <a
                href={bell.to}
                onClick={follow}
                data-discover="true"
                className={bell.unread > 0 ? "bell bell--unread" : "bell"}
                // The count is said in words, not by a coloured dot: "알림 3건 읽지 않음".
                aria-label={
                  bell.unread > 0
                    ? t("notifications.bell", { count: bell.unread })
                    : t("notifications.bellNone")
                }
                data-testid="bell"
              >
                <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
                  <path
                    fill="currentColor"
                    d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
                  />
                </svg>
                <span aria-hidden="true">{t("notifications.title")}</span>
                {bell.unread > 0 ? (
                  <span className="bell__count" aria-hidden="true">
                    {bell.unread > 99 ? "99+" : bell.unread}
                  </span>
                ) : null}
              </a>
            ) : null}
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
                  <a href={item.to} onClick={follow} data-discover="true" aria-current={current(item.to)}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {privacyPolicyTo ? (
        <footer className="site-footer">
          <a href={privacyPolicyTo} onClick={follow} data-discover="true">
            {t("retention.footer.privacyPolicy")}
          </a>
        </footer>
      ) : null}
    </>
  );
}
