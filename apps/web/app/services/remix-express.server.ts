import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";

/**
 * A page rendered whole (entry.server.tsx) travels beside its Response, whose body stays empty: a body
 * handed to `new Response` becomes a web stream that is read back chunk by chunk into the socket, a
 * twentieth of a small page's CPU for bytes that were already one buffer. A symbol from the global
 * registry, since the build and the server are bundled apart.
 */
const WHOLE_DOCUMENT = Symbol.for("mentoring.wholeDocument");

type WithDocument = Response & { [WHOLE_DOCUMENT]?: Buffer };

/** An empty Response carrying `document`, sent as the answer's body by the Express handler below. */
export function wholeDocumentResponse(document: Buffer, init: ResponseInit): Response {
  const response: WithDocument = new Response(null, init);
  response[WHOLE_DOCUMENT] = document;
  return response;
}

/** What a client receives as the body of `response`: its whole document, or what its body holds. */
export async function sentBody(response: Response): Promise<Buffer> {
  return (response as WithDocument)[WHOLE_DOCUMENT] ?? Buffer.from(await response.arrayBuffer());
}

/** Remix's request handler (`createRequestHandler` of @remix-run/node, bound to the build). */
export type RemixHandler = (request: Request, context: AppLoadContext) => Promise<Response>;

/**
 * Express → Remix → Express, as @remix-run/express does, and sending a whole document's bytes at once.
 * Errors go to Express's error handling.
 */
export function expressHandler(
  handle: RemixHandler,
  loadContext: (request: ExpressRequest, response: ExpressResponse) => AppLoadContext,
) {
  return async (request: ExpressRequest, response: ExpressResponse, next: NextFunction) => {
    try {
      const answer = await handle(fetchRequestOf(request, response), loadContext(request, response));
      await send(answer, response);
    } catch (error) {
      next(error);
    }
  };
}

function fetchRequestOf(request: ExpressRequest, response: ExpressResponse): Request {
  // The host as the client asked for it: Express's `hostname` believes X-Forwarded-Host only from the
  // trusted proxies; the port is not part of it.
  const port = portOf(request.get("x-forwarded-host")) ?? portOf(request.get("host"));
  const url = `${request.protocol}://${request.hostname}${port ? `:${port}` : ""}${request.originalUrl}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  // Loaders and actions still running when the client goes away are told to stop.
  const controller = new AbortController();
  let answered = false;
  response.on("finish", () => {
    answered = true;
  });
  response.on("close", () => {
    if (!answered) controller.abort();
  });
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(url, {
    method: request.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(request), duplex: "half" } : {}),
  } as RequestInit);
}

function portOf(host: string | undefined): number | undefined {
  const port = Number(host?.split(":")[1]);
  return Number.isSafeInteger(port) && port > 0 ? port : undefined;
}

async function send(answer: Response, response: ExpressResponse): Promise<void> {
  response.statusMessage = answer.statusText;
  response.status(answer.status);
  for (const [name, value] of answer.headers) response.append(name, value);
  const document = (answer as WithDocument)[WHOLE_DOCUMENT];
  if (document) {
    response.end(document);
    return;
  }
  if (/text\/event-stream/i.test(answer.headers.get("content-type") ?? "")) response.flushHeaders();
  if (answer.body) await writeReadableStreamToWritable(answer.body, response);
  else response.end();
}
