export type { CommonMessages } from "./locales/ko";
export { messageKeys, missingKeys } from "./message-keys";
export { defaultLocale, defaultNamespace, type Locale, resources, supportedLocales } from "./resources";
