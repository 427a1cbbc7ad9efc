import { MAX_UPLOAD_BYTES } from "@mentoring/directory";
import { ATTACHMENT_MAX_BYTES } from "@mentoring/domain";
import { brandingKinds, MAX_BRANDING_BYTES } from "@mentoring/tenants";

/**
 * How large a request body each kind of endpoint takes, enforced as the body streams in: the
 * Content-Length header alone lets any chunked body through, and a form is read whole by whoever reads
 * it first (the CSRF check). Every action declares its kind through the route builder or its guard
 * (guard.server.ts), which wrap the request before anything reads it; test/request-body.test.ts fails
 * for an action without one.
 */

const KiB = 1024;
const MiB = 1024 * KiB;
/** Multipart boundaries, part headers and the form's other fields around the files. */
const MULTIPART_FRAMING = 64 * KiB;

export const bodyLimits = {
  /** A page's form of fields (sign-in, settings, answers to a survey). */
  form: 1 * MiB,
  /** The staff directory's upload form: one file as large as a directory import takes. */
  directoryUpload: MAX_UPLOAD_BYTES + MULTIPART_FRAMING,
  /** The settings form that uploads the organisation's images, every one at once. */
  brandingImages: brandingKinds.length * MAX_BRANDING_BYTES + MULTIPART_FRAMING,
  /** The import API: the body is the directory file itself. */
  directoryFile: MAX_UPLOAD_BYTES,
  /**
   * A part of a resumable upload of a team's file (a tus PATCH, or a creation carrying the first bytes):
   * at most the largest file taken, a video. What one upload may hold in all (its kind's limit) is checked
   * from its declared Upload-Length before a byte is stored, and the store holds it to that length.
   */
  attachmentUpload: ATTACHMENT_MAX_BYTES.video,
  /** A Stripe event (a subscription or an invoice, its lists cut to a page by Stripe). */
  stripeEvent: 1 * MiB,
  /** An endpoint that reads no body (it serves GET only). */
  none: 0,
} as const;

export type BodyKind = keyof typeof bodyLimits;

/** A body read beyond its endpoint's limit: reading stopped there. */
export class RequestBodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = "RequestBodyTooLarge";
  }
}

/** The body's declared length beyond `limit`: refused before a byte is read. */
export function declaresMoreThan(request: Request, limit: number): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && !(Number(declared) <= limit);
}

/**
 * The request with its body limited to `limit` bytes: whoever reads it gets RequestBodyTooLarge at the
 * first chunk beyond, and nothing further is pulled from the connection. The source is left as it is
 * rather than cancelled: cancelling it would destroy the socket before the refusal is sent.
 */
export function limitedRequest(request: Request, limit: number): Request {
  const source = request.body;
  if (!source) return request;
  const reader = source.getReader();
  let read = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        read += value.byteLength;
        if (read > limit) {
          reader.releaseLock();
          controller.error(new RequestBodyTooLarge(limit));
          return;
        }
        controller.enqueue(value);
      },
      cancel() {
        reader.releaseLock();
      },
    },
    // Pull only when the reader asks: nothing is buffered ahead of it.
    { highWaterMark: 0 },
  );
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}

/** Media types a page's form arrives in (what a browser's form sends, and Remix's own submissions). */
const formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

export function isFormPost(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  return formTypes.includes(type);
}
