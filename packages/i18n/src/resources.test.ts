import { describe, expect, it } from "vitest";
import { messageKeys } from "./message-keys";
import { defaultLocale, type Namespace, namespaces, resources, supportedLocales } from "./resources";

const placeholders = (message: string) =>
  [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

function messageAt(locale: (typeof supportedLocales)[number], key: string, namespace: Namespace = "common") {
  let node: unknown = resources[locale][namespace];
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  return node as string;
}

describe("resources", () => {
  it("has a resource bundle for every supported locale, Korean by default", () => {
    expect(Object.keys(resources).sort()).toEqual([...supportedLocales].sort());
    expect(supportedLocales).toContain(defaultLocale);
    expect(defaultLocale).toBe("ko");
  });

  it("has every namespace in every locale", () => {
    for (const locale of supportedLocales)
      expect(Object.keys(resources[locale]).sort()).toEqual([...namespaces].sort());
  });

  it("labels grades 1 to 9 and non-graded posts", () => {
    expect(
      ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((grade) => messageAt("ko", `grade.${grade}`)),
    ).toEqual(["1급", "2급", "3급", "4급", "5급", "6급", "7급", "8급", "9급"]);
    expect(messageAt("en", "grade.8")).toBe("Grade 8");
    expect(messageAt("ko", "grade.none")).toBe("직급 없음");
  });
});

describe.each(namespaces)("the %s namespace", (namespace) => {
  const koKeys = messageKeys(resources.ko[namespace]);

  it("gives Korean and English exactly the same keys", () => {
    expect(messageKeys(resources.en[namespace]).sort()).toEqual([...koKeys].sort());
  });

  it.each(supportedLocales)("has no blank messages in %s", (locale) => {
    const blank = messageKeys(resources[locale][namespace]).filter(
      (key) => messageAt(locale, key, namespace).trim() === "",
    );
    expect(blank).toEqual([]);
  });

  it("uses the same interpolation values in every locale", () => {
    const mismatched = koKeys.filter(
      (key) =>
        placeholders(messageAt("en", key, namespace)).join() !==
        placeholders(messageAt("ko", key, namespace)).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
