import type { MessageKey } from "@mentoring/i18n";
import { isRouteErrorResponse, Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "../root";

interface ErrorMessage {
  title: MessageKey;
  help: MessageKey;
}

const messages: Record<number, ErrorMessage> = {
  400: { title: "error.badRequest", help: "error.badRequestHelp" },
  403: { title: "error.forbidden", help: "error.forbiddenHelp" },
  404: { title: "error.notFound", help: "error.notFoundHelp" },
  405: { title: "error.methodNotAllowed", help: "error.methodNotAllowedHelp" },
  413: { title: "error.tooLarge", help: "error.tooLargeHelp" },
  415: { title: "error.unsupportedMediaType", help: "error.unsupportedMediaTypeHelp" },
  423: { title: "error.readOnly", help: "billing.banner.readOnly" },
  429: { title: "error.tooManyRequests", help: "error.tooManyRequestsHelp" },
  // The database or its pooler away for a moment (guard.server.ts): nothing the person did.
  503: { title: "error.unavailable", help: "error.unavailableHelp" },
};

/** The status an error answers with: a route's refusal says its own, anything else is a 500. */
export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

/** What the error page says for a status; anything unforeseen is an unexpected error. */
function messageOf(status: number): ErrorMessage {
  return messages[status] ?? { title: "error.unexpected", help: "error.unexpectedHelp" };
}

/** The heading of the error page for a status, which is also the page's title. */
export function errorTitle(status: number): MessageKey {
  return messageOf(status).title;
}

/**
 * A translated error page with the request id, so a report can be matched to the logs. `detail`, already
 * translated by the server (a refusal's message, e.g. when to try again), replaces the general help.
 */
export function ErrorPage({ status, detail }: { status: number; detail?: string }) {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootData>("root");
  const message = messageOf(status);
  return (
    <main id="main" tabIndex={-1} className="error-page">
      <h1>{t(message.title)}</h1>
      <p>{detail ?? t(message.help)}</p>
      {root?.requestId ? (
        <p className="error-page__request">{t("app.requestId", { requestId: root.requestId })}</p>
      ) : null}
      <p>
        <Link to="/">{t("error.goHome")}</Link>
      </p>
    </main>
  );
}
