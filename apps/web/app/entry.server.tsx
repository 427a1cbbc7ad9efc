import { PassThrough, Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nextFor, localeOf } from "./services/i18n.server";
import { wholeDocumentResponse } from "./services/remix-express.server";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  context: AppLoadContext,
) {
  const i18next = i18nextFor(await localeOf(request));
  // A page whose loaders left nothing pending is whole once its shell is: it is rendered to the end and
  // sent as one buffer, beside its Response (services/remix-express.server.ts). Streamed, React's many
  // small chunks went through a PassThrough and a web stream to one socket write each (about a tenth of a
  // page's CPU). Bots get the whole page at once too; a browser asking for a page with deferred data gets
  // the shell as soon as it is ready.
  const streamed = !isbot(request.headers.get("user-agent")) && hasPendingData(remixContext);

  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    // Cleared once the page is written: a pending timer holds the whole render (its tree, the page's data)
    // for six seconds after the answer, hundreds of renders under load.
    const timer = setTimeout(() => abort(), streamTimeout + 1_000);
    const reply = (): ResponseInit => {
      headers.set("Content-Type", "text/html; charset=utf-8");
      addReplyHeaders(headers, context);
      // Pages hold personal data and a CSRF token: no cache, shared or the browser's, keeps them.
      if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
      return { headers, status: failed ? 500 : status };
    };
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18next}>
        <RemixServer context={remixContext} url={request.url} nonce={context.nonce} />
      </I18nextProvider>,
      {
        nonce: context.nonce,
        onShellReady() {
          if (!streamed) return;
          const body = new PassThrough();
          body.once("end", () => clearTimeout(timer));
          resolve(new Response(createReadableStreamFromReadable(body), reply()));
          pipe(body);
        },
        onAllReady() {
          if (streamed) return;
          pipe(
            documentCollector((document) => {
              clearTimeout(timer);
              headers.set("Content-Length", String(document.length));
              resolve(wholeDocumentResponse(document, reply()));
            }),
          );
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          context.services.log.error({ err: error, requestId: context.requestId }, "render failed");
        },
      },
    );
  });
}

/** Collects a rendered document into one buffer, handed to `done` when React ends it. */
export function documentCollector(done: (document: Buffer<ArrayBuffer>) => void): Writable {
  const chunks: Buffer[] = [];
  return new Writable({
    // React ends a destination that closes: after the document is whole, that second end only made Node
    // build an error (with its stack) for React to ignore, once per page.
    emitClose: false,
    write(chunk: Buffer, _encoding, next) {
      chunks.push(withoutPadding(chunk));
      next();
    },
    final(next) {
      done(Buffer.concat(chunks));
      next();
    },
  });
}

/**
 * React 18's renderer writes its whole 2,048-byte buffer when the next character did not fit at its end,
 * the unused 1-3 bytes included: a page then carried NUL bytes inside a Korean word ("환\0\0영합니다" on
 * the tenant home). Those are dropped. No page text holds a NUL (PostgreSQL refuses it in text, JSON
 * escapes it), so a full buffer's trailing NULs can only be that padding.
 */
function withoutPadding(chunk: Buffer): Buffer {
  if (chunk.length !== 2048) return chunk;
  let end = chunk.length;
  while (end > chunk.length - 3 && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

/** Whether a loader answered with a promise still to settle (single fetch streams those into the page). */
function hasPendingData(remixContext: EntryContext): boolean {
  for (const data of Object.values(remixContext.staticHandlerContext.loaderData ?? {})) {
    if (data === null || typeof data !== "object") continue;
    for (const value of Object.values(data)) if (value instanceof Promise) return true;
  }
  return false;
}

/** The data behind a page (client-side navigation and form answers), kept by no cache as the page is not. */
export function handleDataRequest(response: Response, { context }: { context: AppLoadContext }) {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  addReplyHeaders(response.headers, context);
  return response;
}

/**
 * What the route builder asked this answer to carry (Retry-After of a refusal, the write position of
 * read-your-writes): see services.server.ts. Cookies are added beside those the answer already sets.
 */
function addReplyHeaders(headers: Headers, context: AppLoadContext) {
  context.replyHeaders?.forEach((value, name) => {
    if (name === "set-cookie") headers.append(name, value);
    else headers.set(name, value);
  });
}
