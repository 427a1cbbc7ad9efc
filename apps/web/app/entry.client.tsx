import { defaultNamespace, formatters, resources } from "@mentoring/i18n";
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";

// The UI namespace is bundled (ko and en are small; mail wording stays on the server); the page's
// <html lang> says which language to use.
const uiResources = { ko: { common: resources.ko.common }, en: { common: resources.en.common } };

void i18next
  .use(initReactI18next)
  .use(formatters)
  .init({
    lng: document.documentElement.lang || "ko",
    resources: uiResources,
    defaultNS: defaultNamespace,
    fallbackLng: "ko",
    interpolation: { escapeValue: false },
  })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      );
    });
  });
