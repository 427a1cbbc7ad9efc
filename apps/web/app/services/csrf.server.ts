import { hashToken, newToken, sameToken } from "@mentoring/auth";
import { createCookie } from "@remix-run/node";

/**
 * CSRF protection by a signed double-submit cookie: every form carries the token that is also in a
 * signed, HttpOnly, SameSite=Lax cookie; a post whose two do not match is refused.
 */
export const CSRF_FIELD = "csrf";

function csrfCookie(secret: string) {
  return createCookie("csrf", { path: "/", sameSite: "lax", httpOnly: true, secrets: [secret] });
}

/** The request's token, and the Set-Cookie header to send when the browser had none yet. */
export async function csrfToken(
  request: Request,
  secret: string,
): Promise<{ token: string; setCookie?: string }> {
  const cookie = csrfCookie(secret);
  const existing = await cookie.parse(request.headers.get("cookie"));
  if (typeof existing === "string" && existing.length > 0) return { token: existing };
  const token = newToken();
  return { token, setCookie: await cookie.serialize(token) };
}

/** Whether the form's token is the cookie's; a body that cannot be read as a form throws its error. */
export async function verifyCsrf(request: Request, secret: string): Promise<boolean> {
  const expected = await csrfCookie(secret).parse(request.headers.get("cookie"));
  if (typeof expected !== "string" || expected.length === 0) return false;
  const form = await request.clone().formData();
  const submitted = form.get(CSRF_FIELD);
  // Compare hashes: equal length, so the comparison itself leaks nothing.
  return typeof submitted === "string" && sameToken(hashToken(submitted), hashToken(expected));
}

/** The header a script's request (a resumable upload's) carries the token in, where it posts no form. */
export const CSRF_HEADER = "x-csrf-token";

/** Whether the request's CSRF header holds the cookie's token (for requests whose body is not a form). */
export async function verifyCsrfHeader(request: Request, secret: string): Promise<boolean> {
  const expected = await csrfCookie(secret).parse(request.headers.get("cookie"));
  if (typeof expected !== "string" || expected.length === 0) return false;
  const submitted = request.headers.get(CSRF_HEADER);
  return submitted !== null && sameToken(hashToken(submitted), hashToken(expected));
}
