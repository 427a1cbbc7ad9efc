import {
  defaultLocale,
  defaultNamespace,
  formatters,
  type Locale,
  resources,
  supportedLocales,
} from "@mentoring/i18n";
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";

/** The chosen language: set by the switch and at sign-in from the user's saved preference. */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

/** Language: the cookie (the user's preference), then Accept-Language, then Korean. */
export const i18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
  i18next: { resources, defaultNS: defaultNamespace, fallbackLng: defaultLocale },
  plugins: [formatters],
});

export async function localeOf(request: Request): Promise<Locale> {
  const locale = await i18n.getLocale(request);
  return (supportedLocales as readonly string[]).includes(locale) ? (locale as Locale) : defaultLocale;
}

export async function translatorFor(request: Request) {
  return i18n.getFixedT(await localeOf(request), defaultNamespace);
}
