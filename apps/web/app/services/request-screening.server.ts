import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { NextFunction, Request, Response } from "express";
import { localeOf, translatorFor } from "./i18n.server";

/**
 * Express middleware of server.ts that answers before Remix is asked: what Remix itself would answer
 * badly, and what must be decided about the connection rather than the request.
 */

/** The methods Remix checks the Origin of (a page's post through a form or fetch). */
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Machine endpoints: their callers authenticate by token or signature, never by cookie, so where a post
 * comes from says nothing about it, and Remix does not check their Origin either.
 */
const machinePaths = /^\/(api|webhooks)\//;

/**
 * Whether Remix would take the post: it aborts one whose Origin is not the host it was sent to (its own
 * defence against cross-site posts) by throwing, which becomes a 500. The same comparison, host taken as
 * Remix takes it (X-Forwarded-Host before Host); the "null" origin of a privacy-preserving browser passes,
 * as there, to be judged by the CSRF token.
 */
function sameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined || origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers["x-forwarded-host"];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || headers.host;
  return host !== undefined && originHost === host;
}

/** A post from another site gets a translated 403 page (Remix would answer 500), before anything reads it. */
export function refuseCrossSitePosts() {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!unsafeMethods.has(request.method) || machinePaths.test(request.path) || sameOrigin(request.headers))
      return next();
    refusalPage(request, response.locals.requestId as string | undefined).then(
      (page) => response.status(403).type("html").send(page),
      next,
    );
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ?? "",
  );

/**
 * The page of a refusal made outside Remix, in the reader's language (the `lng` cookie, then
 * Accept-Language, as every page): what happened, what to do, the request id, the way home. No script or
 * style of its own, so the CSP lets it be.
 */
async function refusalPage(request: Request, requestId: string | undefined): Promise<string> {
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = request.get(name);
    if (value) headers.set(name, value);
  }
  const asked = new globalThis.Request("http://localhost/", { headers });
  const [locale, t] = [await localeOf(asked), await translatorFor(asked)];
  const lines = [
    `<h1>${escapeHtml(t("error.crossOrigin"))}</h1>`,
    `<p>${escapeHtml(t("error.crossOriginHelp"))}</p>`,
    requestId ? `<p>${escapeHtml(t("app.requestId", { requestId }))}</p>` : "",
    `<p><a href="/">${escapeHtml(t("error.goHome"))}</a></p>`,
  ];
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(t("app.name"))}</title></head>`,
    `<body><main id="main">${lines.join("")}</main></body>`,
    "</html>",
  ].join("\n");
}

/** A body was announced and the connection has not delivered all of it yet. */
function bodyStillArriving(request: Request): boolean {
  const length = request.headers["content-length"];
  const announced =
    request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
  return announced && !request.complete;
}

/**
 * An answer given before its request's body was all read (a body refused at its limit, or one the page
 * never needed) closes the connection: kept alive, it would still carry the rest of that body. Node
 * closes it after the answer once the answer says so, lingering (below).
 */
export function closeWhenBodyUnread() {
  return (request: Request, response: Response, next: NextFunction) => {
    const writeHead = response.writeHead;
    response.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
      if (bodyStillArriving(request) && !this.headersSent) {
        this.setHeader("Connection", "close");
        lingerWhenClosing(request.socket);
      }
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}

/** How long a connection closed under a client still sending reads and drops what arrives. */
export const LINGER_MS = 2_000;

/**
 * A lingering close (RFC 9112, 9.6): the answer sent, the server's side of the connection is closed and
 * what the client still sends is read and dropped for a moment before the connection goes. Closed at once
 * with the client's data unread, the server's system resets the connection, and the client's may then
 * throw away the answer it had not yet read: a 413 arrived as "connection reset".
 */
function lingerWhenClosing(socket: Socket) {
  socket.destroySoon = function (this: Socket) {
    this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("close", () => clearTimeout(timer));
    this.resume();
  };
}
