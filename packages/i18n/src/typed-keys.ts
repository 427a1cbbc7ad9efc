import type { ParseKeys } from "i18next";
import type { CommonMessages } from "./locales/ko";
import type { EmailMessages } from "./locales/ko-email";

// i18next checks every key given to `t()` against the Korean resources (the reference language): a key
// that does not exist fails the type check instead of showing a raw key to a user.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: { common: CommonMessages; email: EmailMessages };
  }
}

/**
 * A key of the "common" namespace as `t()` accepts it (a plural message by its base key). Tables, props
 * and presenters that choose a message hold it as this type, so the key is checked where it is written.
 */
export type MessageKey = ParseKeys<"common">;

/**
 * The rest of each key under `Prefix` ("programs.field" → "name" | "gradeMin" | …): for a table or a
 * value that holds the last part of a key, so that `t(`${Prefix}.${part}`)` is checked.
 */
export type MessageKeyUnder<Prefix extends string> = MessageKey extends infer Key
  ? Key extends `${Prefix}.${infer Rest}`
    ? Rest
    : never
  : never;

/**
 * A message key that arrives as a plain string from code that cannot import this package: an AppError's
 * `messageKey` and a field issue's `message` (packages/domain), a zod schema's message. The type checker
 * cannot see these (domain-messages.test.ts checks the AppError ones against every locale): this is the
 * one place such a string is taken to be a key.
 */
export function messageKey(key: string): MessageKey {
  return key as MessageKey;
}
