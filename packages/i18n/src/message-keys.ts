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

/**
 * The keys among `keys` that have no message in the locale's "common" namespace. A key that names a group
 * rather than a message, or a blank message, counts as missing: either would show the user a raw key.
 */
export function missingKeys(keys: readonly string[], locale: Locale): string[] {
  return keys.filter((key) => {
    let node: string | MessageTree | undefined = resources[locale].common;
    for (const part of key.split(".")) {
      node = typeof node === "object" ? node[part] : undefined;
    }
    return typeof node !== "string" || node.trim() === "";
  });
}
