import { en } from "./locales/en";
import { enEmail } from "./locales/en-email";
import { type CommonMessages, ko } from "./locales/ko";
import { type EmailMessages, koEmail } from "./locales/ko-email";

export const supportedLocales = ["ko", "en"] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale = "ko" satisfies Locale;

/** "common" for the screens; "email" for the mail the platform sends, used by the mail package alone. */
export const namespaces = ["common", "email"] as const;
export type Namespace = (typeof namespaces)[number];

export const defaultNamespace = "common" satisfies Namespace;

/** i18next `resources`: bundled as modules so that nothing is read from disk at run time. */
export const resources = {
  ko: { common: ko, email: koEmail },
  en: { common: en, email: enEmail },
} satisfies Record<Locale, { common: CommonMessages; email: EmailMessages }>;
