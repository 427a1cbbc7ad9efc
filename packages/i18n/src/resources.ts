import { en } from "./locales/en";
import { type CommonMessages, ko } from "./locales/ko";

export const supportedLocales = ["ko", "en"] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale = "ko" satisfies Locale;

/** One namespace for now; split it when a screen's messages grow large enough to load on their own. */
export const defaultNamespace = "common";

/** i18next `resources`: bundled as modules so that nothing is read from disk at run time. */
export const resources = {
  ko: { common: ko },
  en: { common: en },
} satisfies Record<Locale, { common: CommonMessages }>;
