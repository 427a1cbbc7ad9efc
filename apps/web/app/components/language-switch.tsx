import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "../root";
import { CsrfInput } from "./csrf-input";

/** One button that switches between Korean and English and comes back to the same page. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootData>("root");
  const location = useLocation();
  const next = root?.locale === "en" ? "ko" : "en";
  return (
    <Form method="post" action="/locale" className="language-switch">
      <CsrfInput />
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit">
        <span className="visually-hidden">{t("app.language.switchToLabel")} </span>
        <span lang={next}>{t("app.language.switchTo")}</span>
      </button>
    </Form>
  );
}
