import "./typed-keys";

export { addFormatters, type FormatterHost, formatters, withParticle } from "./formatters";
export type { CommonMessages } from "./locales/ko";
export type { EmailMessages } from "./locales/ko-email";
export { messageKeys, missingKeys } from "./message-keys";
export {
  defaultLocale,
  defaultNamespace,
  type Locale,
  type Namespace,
  namespaces,
  resources,
  supportedLocales,
} from "./resources";
export { type MessageKey, type MessageKeyUnder, messageKey } from "./typed-keys";
