// After signing in or switching language, people are sent back where they were: only ever to a page of
// this site, whatever the link they followed says.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../app/services/safe-redirect";

/** Where a browser would go from a page of this site when told to go to `location`. */
const landsOn = (location: string) => new URL(location, "https://mentoring.example.kr/somewhere/page");

describe("the redirect after signing in", () => {
  it.each([
    ["a page of this site", "/yongin/programs?tab=open#top", "/yongin/programs?tab=open#top"],
    ["the home page", "/", "/"],
    ["a path with encoded slashes, which stays a path", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps %s", (_, to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    ["another site", "https://evil.example/phish"],
    ["a protocol-relative address", "//evil.example/phish"],
    ["a tab between the slashes", "/\t/evil.example/phish"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a backslash for a slash", "/\\evil.example"],
    ["a newline that would split the header", "/yongin\r\nSet-Cookie: a=b"],
    ["a relative path", "yongin"],
    ["a script", "javascript:alert(1)"],
    ["nothing", undefined],
  ])("refuses %s and goes home instead", (_, to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("never leaves this site, whatever the text", () => {
    const hostile = fc.stringOf(
      fc.constantFrom(
        "/",
        "\\",
        "\t",
        "\n",
        "\r",
        "\u0000",
        "%",
        "2F",
        "5C",
        ".",
        "@",
        ":",
        "evil.example",
        "a",
        "?",
        "#",
        " ",
        "\u00a0",
        "\u2028",
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string(), fc.fullUnicodeString()), (to) => {
        const target = safeRedirect(to);
        expect(landsOn(target).origin).toBe("https://mentoring.example.kr");
        // Safe to put in a Location header as it is.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be there.
        expect(target).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
      { numRuns: 5_000 },
    );
  });
});
