import { describe, expect, it } from "vitest";
import { particlePairs } from "./formatters";
import { baseKey, messageKeys } from "./message-keys";
import { defaultLocale, type Namespace, namespaces, resources, supportedLocales } from "./resources";

/** The values a message interpolates, with or without a format: "{{name}}", "{{name, josa(을/를)}}". */
const placeholders = (message: string) =>
  [...message.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]).sort();

/** A particle written both ways for the reader to choose: "을(를)", "이(가)", "(으)로". */
const ALTERNATIVE_PARTICLE =
  /(?:을|를|이|가|은|는|과|와|으로|로|이나|나|이랑|랑|아|야)\((?:을|를|이|가|은|는|과|와|으로|로|이나|나|이랑|랑|아|야)\)|\((?:으|이)\)/;

/** Every format a message uses on a value, as written after the comma: "josa(을/를)". */
const formats = (message: string) =>
  [...message.matchAll(/\{\{\s*\w+\s*,\s*([^}]*?)\s*\}\}/g)].map((match) => match[1] as string);

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
  const enKeys = messageKeys(resources.en[namespace]);
  const unique = (keys: string[]) => [...new Set(keys)].sort();

  it("gives Korean and English exactly the same keys", () => {
    // Plural forms count as one key: Korean has "_other" alone where English has "_one" and "_other".
    expect(unique(enKeys.map(baseKey))).toEqual(unique(koKeys.map(baseKey)));
  });

  it("writes Korean plurals in the one form i18next uses for Korean, and English in both", () => {
    expect(koKeys.filter((key) => key.endsWith("_one"))).toEqual([]);
    for (const key of koKeys.filter((key) => key.endsWith("_other"))) {
      const base = baseKey(key);
      expect(enKeys.filter((other) => baseKey(other) === base).sort(), key).toEqual([
        `${base}_one`,
        `${base}_other`,
      ]);
      expect(koKeys, key).not.toContain(base);
    }
  });

  it.each(supportedLocales)("has no blank messages in %s", (locale) => {
    const blank = messageKeys(resources[locale][namespace]).filter(
      (key) => messageAt(locale, key, namespace).trim() === "",
    );
    expect(blank).toEqual([]);
  });

  it("uses the same interpolation values in every locale", () => {
    const koKeyOf = (key: string) => (koKeys.includes(key) ? key : `${baseKey(key)}_other`);
    const mismatched = enKeys.filter(
      (key) =>
        placeholders(messageAt("en", key, namespace)).join() !==
        placeholders(messageAt("ko", koKeyOf(key), namespace)).join(),
    );
    expect(mismatched).toEqual([]);
  });
});

describe.each(namespaces)("Korean particles in the %s namespace", (namespace) => {
  const koKeys = messageKeys(resources.ko[namespace]);

  it("are never written both ways, as in 을(를): the josa formatter picks the one that fits", () => {
    const handWritten = koKeys.filter((key) => ALTERNATIVE_PARTICLE.test(messageAt("ko", key, namespace)));
    expect(handWritten).toEqual([]);
  });

  it("are chosen between pairs the josa formatter knows", () => {
    const known = new Set<string>([...particlePairs, "과/와"].map((pair) => `josa(${pair})`));
    const unknown = koKeys.flatMap((key) =>
      formats(messageAt("ko", key, namespace))
        .filter((format) => format.startsWith("josa") && !known.has(format))
        .map((format) => `${key}: ${format}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe("English messages", () => {
  it.each(namespaces)("in %s leave no noun as 'rule(s)': plurals use i18next's forms", (namespace) => {
    const keys = messageKeys(resources.en[namespace]).filter((key) =>
      /\w\((s|es)\)/.test(messageAt("en", key, namespace)),
    );
    expect(keys).toEqual([]);
  });
});
