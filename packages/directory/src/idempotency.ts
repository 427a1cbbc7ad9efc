import { createHash } from "node:crypto";

/** How long a client's Idempotency-Key stands for its first request; after it the key is free again. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** 1 to 255 visible ASCII characters (RFC 9110's VCHAR): no space, no control character, nothing else. */
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

/** Whether a header value can be an Idempotency-Key. */
export function isValidIdempotencyKey(value: string): boolean {
  return IDEMPOTENCY_KEY.test(value);
}

/** What a keyed import request asked for: a retry must ask for exactly this again. */
export interface ImportRequestShape {
  fileName: string;
  bytes: Uint8Array;
  full: boolean;
  applyWhenValid: boolean;
  createMissingDepartments: boolean;
  deactivateMissing: boolean;
}

/**
 * A SHA-256 (hex) of the file name, the options and the body's own SHA-256. The options count: the same
 * file sent once as a partial and once as a full import under one key is two requests, not a retry.
 */
export function importRequestFingerprint(request: ImportRequestShape): string {
  const body = createHash("sha256").update(request.bytes).digest("hex");
  const shape = [
    request.fileName,
    request.full,
    request.applyWhenValid,
    request.createMissingDepartments,
    request.deactivateMissing,
    body,
  ];
  return createHash("sha256").update(JSON.stringify(shape)).digest("hex");
}
