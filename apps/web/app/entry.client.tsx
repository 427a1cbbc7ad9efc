import { defaultNamespace, resources } from "@mentoring/i18n";
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";

// The resources are bundled (ko and en are small); the page's <html lang> says which one to use.
void i18next
  .use(initReactI18next)
  .init({
    lng: document.documentElement.lang || "ko",
    resources,
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
