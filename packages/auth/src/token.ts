import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe secret (256 bits): session ids, reset and invitation links. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of a token: a leaked table cannot be turned back into working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether an Authorization header carries exactly this bearer token; with no token expected, never. */
export function isBearer(authorization: string | undefined, token: string | undefined): boolean {
  return token !== undefined && authorization !== undefined && sameToken(authorization, `Bearer ${token}`);
}
