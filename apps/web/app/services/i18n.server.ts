import {
  defaultLocale,
  defaultNamespace,
  formatters,
  type Locale,
  resources,
  supportedLocales,
} from "@mentoring/i18n";
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18next, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";

/** The chosen language: set by the switch and at sign-in from the user's saved preference. */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

// Accept-Language → the language it picks. Reading the header costs ICU look-ups (about 2 % of a page's
// CPU); browsers send few distinct headers, and the map is emptied before it can grow large.
const fromAcceptLanguage = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    order: ["header"],
  },
});
const headerLocales = new Map<string, string>();

/** Language: the cookie (the user's preference), then Accept-Language, then Korean. */
export const i18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    order: ["cookie", "custom"],
    async findLocale(request) {
      const header = request.headers.get("accept-language");
      if (!header) return null;
      let locale = headerLocales.get(header);
      if (locale === undefined) {
        locale = await fromAcceptLanguage.getLocale(request);
        if (headerLocales.size >= 200) headerLocales.clear();
        headerLocales.set(header, locale);
      }
      return locale;
    },
  },
  i18next: { resources, defaultNS: defaultNamespace, fallbackLng: defaultLocale },
  plugins: [formatters],
});

// A page asks for its request's language several times (the layout's and the page's loaders, the
// rendering): the cookie and Accept-Language are parsed once per request.
const localesOfRequests = new WeakMap<Request, Promise<Locale>>();

export function localeOf(request: Request): Promise<Locale> {
  let locale = localesOfRequests.get(request);
  if (!locale) {
    locale = i18n
      .getLocale(request)
      .then((found) =>
        (supportedLocales as readonly string[]).includes(found) ? (found as Locale) : defaultLocale,
      );
    localesOfRequests.set(request, locale);
  }
  return locale;
}

/**
 * One i18next instance per language for the whole process, initialised once from the bundled resources:
 * loaders' translators and the server rendering share it, where a new instance per request (and per
 * loader) spent a full `init` each time. Nothing on the server changes an instance's language.
 */
const instances = new Map<Locale, I18next>();

export function i18nextFor(locale: Locale): I18next {
  const known = instances.get(locale);
  if (known) return known;
  const instance = createInstance();
  void instance
    .use(initReactI18next)
    .use(formatters)
    .init({
      lng: locale,
      resources,
      defaultNS: defaultNamespace,
      fallbackLng: defaultLocale,
      // React escapes what it renders; escaping here too would show "&amp;" for a name with "&".
      interpolation: { escapeValue: false },
      // Resources are bundled: initialised synchronously.
      initImmediate: false,
    });
  rememberPlainTranslations(instance);
  instances.set(locale, instance);
  return instance;
}

type Translate = (keys: unknown, options?: Record<string, unknown>, lastKey?: unknown) => unknown;
/** What a translator (`getFixedT`) sets on every call: a call that sets nothing else is plain. */
const setByTranslators = new Set(["lng", "ns"]);

/**
 * A translation asked for with no values is the same text every time (the instance's language and
 * resources never change on the server): kept per language, namespace and key. A page asks for the same
 * labels hundreds of times (a list's every row), and i18next resolved each afresh: about a tenth of the
 * applicants list's CPU. A call with values, a count, a context or a default goes to i18next as before.
 */
function rememberPlainTranslations(instance: I18next) {
  const translator = (instance as unknown as { translator: { translate: Translate } }).translator;
  const translate = translator.translate.bind(translator);
  const plain = new Map<string, unknown>();
  const cacheKeyOf = (lng: unknown, ns: unknown, key: string) => `${lng ?? ""}\u0000${ns ?? ""}\u0000${key}`;
  translator.translate = (keys, options, lastKey) => {
    if (typeof keys !== "string" || lastKey !== undefined || !isPlain(options))
      return translate(keys, options, lastKey);
    const cacheKey = cacheKeyOf(options?.lng, options?.ns, keys);
    let text = plain.get(cacheKey);
    if (text === undefined) {
      text = translate(keys, options);
      // Keys come from the code, so this stays small; the bound is for safety only.
      if (plain.size >= 20_000) plain.clear();
      plain.set(cacheKey, text);
    }
    return text;
  };
  // A translator's plain call (`t("key")`) finds a known text before i18next builds its options for the
  // call (about 3 % of a list page's CPU): the same entry the translator above keeps, under the same key.
  type AnyTranslator = ((...args: unknown[]) => unknown) & { lng?: string; ns?: unknown };
  const fixed = instance as unknown as { getFixedT: (...args: unknown[]) => AnyTranslator };
  const getFixedT = fixed.getFixedT.bind(instance);
  fixed.getFixedT = (...args) => {
    const fixedT = getFixedT(...args);
    if (args[2]) return fixedT;
    const fast: AnyTranslator = (key, ...rest) => {
      if (rest.length === 0 && typeof key === "string") {
        const text = plain.get(cacheKeyOf(fixedT.lng, fixedT.ns, key));
        if (text !== undefined) return text;
      }
      return fixedT(key, ...rest);
    };
    return Object.assign(fast, fixedT);
  };
}

function isPlain(options: Record<string, unknown> | undefined): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null) return false;
  for (const name in options) {
    const value = options[name];
    if (value === undefined || value === null) continue;
    if (!setByTranslators.has(name)) return false;
    // React's translators name their namespaces as a list.
    if (typeof value !== "string" && !(Array.isArray(value) && value.every((ns) => typeof ns === "string")))
      return false;
  }
  return true;
}

export function translatorIn(locale: Locale): TFunction {
  return i18nextFor(locale).getFixedT(locale, defaultNamespace);
}

export async function translatorFor(request: Request): Promise<TFunction> {
  return translatorIn(await localeOf(request));
}
