/*
 * Where a page may send someone after signing in or switching language: a path on this site only. An open
 * redirect would hand a signed-in person to anyone's page.
 */

/** Any origin would do: the target is resolved against it, and must stay on it. */
const THIS_SITE = "http://this-site.invalid";

/**
 * The target as a path on this site, or `fallback`. The target is resolved as a URL, as a browser would,
 * and kept only if it stays on this site. Control characters and backslashes are refused outright: URL
 * parsers drop a tab or a newline ("/\t/evil.example" becomes "//evil.example") and read "\" as "/", and a
 * newline in a Location header fails the response.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, THIS_SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== THIS_SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
