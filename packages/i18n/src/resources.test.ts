import { describe, expect, it } from "vitest";
import { messageKeys } from "./message-keys";
import { defaultLocale, resources, supportedLocales } from "./resources";

const placeholders = (message: string) =>
  [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

function messageAt(locale: (typeof supportedLocales)[number], key: string): string {
  let node: unknown = resources[locale].common;
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  return node as string;
}

describe("resources", () => {
  const koKeys = messageKeys(resources.ko.common);

  it("has a resource bundle for every supported locale, Korean by default", () => {
    expect(Object.keys(resources).sort()).toEqual([...supportedLocales].sort());
    expect(supportedLocales).toContain(defaultLocale);
    expect(defaultLocale).toBe("ko");
  });

  it("gives Korean and English exactly the same keys", () => {
    expect(messageKeys(resources.en.common).sort()).toEqual([...koKeys].sort());
  });

  it.each(supportedLocales)("has no blank messages in %s", (locale) => {
    const blank = messageKeys(resources[locale].common).filter((key) => messageAt(locale, key).trim() === "");
    expect(blank).toEqual([]);
  });

  it("uses the same interpolation values in every locale", () => {
    const mismatched = koKeys.filter(
      (key) => placeholders(messageAt("en", key)).join() !== placeholders(messageAt("ko", key)).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it("labels grades 1 to 9 and non-graded posts", () => {
    expect(
      ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((grade) => messageAt("ko", `grade.${grade}`)),
    ).toEqual(["1급", "2급", "3급", "4급", "5급", "6급", "7급", "8급", "9급"]);
    expect(messageAt("en", "grade.8")).toBe("Grade 8");
    expect(messageAt("ko", "grade.none")).toBe("직급 없음");
  });
});
