import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nextFor, localeOf } from "./services/i18n.server";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  context: AppLoadContext,
) {
  const i18next = i18nextFor(await localeOf(request));
  // Bots get the whole page at once; browsers get the shell as soon as it is ready.
  const readyEvent = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18next}>
        <RemixServer context={remixContext} url={request.url} nonce={context.nonce} />
      </I18nextProvider>,
      {
        nonce: context.nonce,
        [readyEvent]() {
          const body = new PassThrough();
          headers.set("Content-Type", "text/html; charset=utf-8");
          addReplyHeaders(headers, context);
          // Pages hold personal data and a CSRF token: no cache, shared or the browser's, keeps them.
          if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers, status: failed ? 500 : status }),
          );
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          failed = true;
          context.services.log.error({ err: error, requestId: context.requestId }, "render failed");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** The data behind a page (client-side navigation and form answers), kept by no cache as the page is not. */
export function handleDataRequest(response: Response, { context }: { context: AppLoadContext }) {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  addReplyHeaders(response.headers, context);
  return response;
}

/** What the route builder asked this answer to carry (Retry-After of a refusal): see services.server.ts. */
function addReplyHeaders(headers: Headers, context: AppLoadContext) {
  context.replyHeaders?.forEach((value, name) => {
    headers.set(name, value);
  });
}
