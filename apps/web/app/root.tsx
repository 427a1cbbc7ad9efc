import type { LinksFunction } from "@remix-run/node";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage, errorStatus, errorTitle } from "./components/error-page";
import { documentTitle } from "./components/page-title";
import { csrfToken } from "./services/csrf.server";
import { publicLoader } from "./services/route-builder.server";
import stylesheet from "./styles/app.css?url";

// No favicon file yet: an empty data icon keeps browsers from asking for /favicon.ico.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "data:," },
];

export const loader = publicLoader({}, async ({ request, services, locale, requestId, nonce }) => {
  const csrf = await csrfToken(request, services.config.SESSION_SECRET);
  return data(
    { locale, csrf: csrf.token, nonce, requestId },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
});

export type RootData = {
  locale: string;
  csrf: string;
  nonce: string;
  requestId: string;
};

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<RootData>("root");
  const locale = root?.locale ?? "ko";
  const { i18n, t } = useTranslation();
  const matches = useMatches();
  // null, not undefined, in the layout of a page drawn without an error.
  const error = useRouteError();
  const title = documentTitle(matches, t, error == null ? undefined : errorTitle(errorStatus(error)));
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        {children}
        <ScrollRestoration nonce={root?.nonce} />
        <Scripts nonce={root?.nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = errorStatus(error);
  // The route builder's translated message: when to try again (429), what is wrong with the address (400).
  const detail =
    isRouteErrorResponse(error) &&
    (status === 429 || status === 400) &&
    typeof error.data === "string" &&
    error.data
      ? error.data
      : undefined;
  return <ErrorPage status={status} detail={detail} />;
}
