import { type Locale, resources } from "./resources";

interface MessageTree {
  [key: string]: string | MessageTree;
}

/** Every message's dotted key ("grade.8"), in the form i18next looks keys up with. */
export function messageKeys(messages: MessageTree, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
  );
}

/** The plural suffixes i18next uses for Korean ("_other") and English ("_one", "_other"). */
const PLURAL_SUFFIX = /_(one|other)$/;

/** The key a message is looked up by: "matching.summary.people_other" is "matching.summary.people". */
export function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, "");
}

/**
 * The keys among `keys` that have no message in the locale's "common" namespace. A key that names a group
 * rather than a message, or a blank message, counts as missing: either would show the user a raw key. A
 * key with plural forms counts as present when it has its "_other" form, which i18next uses for every
 * count in Korean and for all but one in English (the callers pass `count`).
 */
export function missingKeys(keys: readonly string[], locale: Locale): string[] {
  const messageAt = (key: string) => {
    let node: string | MessageTree | undefined = resources[locale].common;
    for (const part of key.split(".")) {
      node = typeof node === "object" && Object.hasOwn(node, part) ? node[part] : undefined;
    }
    return typeof node === "string" && node.trim() !== "" ? node : undefined;
  };
  return keys.filter((key) => messageAt(key) === undefined && messageAt(`${key}_other`) === undefined);
}
