import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf-input";

type Choice = "opt_in" | "opt_out" | "name" | "unname";

/**
 * The settings page's national insights section: exactly what is shared, whether the organisation shares
 * (since when, named or not), and the buttons that change it. Each change is audited by the use case.
 */
export function InsightsSharing({
  since,
  named,
  compareUrl,
  saved,
}: {
  /** The date sharing began, formatted; null when the organisation does not share. */
  since: string | null;
  named: boolean;
  compareUrl: string | null;
  saved: Choice | null;
}) {
  const { t } = useTranslation();
  const choiceButton = (choice: Choice, label: string, primary = false) => (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="insights" />
      <input type="hidden" name="choice" value={choice} />
      <button type="submit" className={primary ? "button-primary" : undefined}>
        {label}
      </button>
    </Form>
  );
  return (
    <section aria-labelledby="insights-sharing-heading" data-testid="insights-sharing">
      <h2 id="insights-sharing-heading">{t("insights.sharing.heading")}</h2>
      <p>{t("insights.sharing.intro")}</p>
      <h3>{t("insights.sharing.sharedHeading")}</h3>
      <ul>
        <li>{t("insights.sharing.shared.figures")}</li>
        <li>{t("insights.sharing.shared.suppression")}</li>
        <li>{t("insights.sharing.shared.noNames")}</li>
        <li>{t("insights.sharing.shared.cityName")}</li>
        <li>{t("insights.sharing.shared.optOut")}</li>
      </ul>
      {saved ? (
        <p role="status" className="form-status">
          {t(`insights.sharing.saved.${saved}`)}
        </p>
      ) : null}
      <p data-testid="insights-sharing-status">
        {since
          ? t(named ? "insights.sharing.status.named" : "insights.sharing.status.on", { date: since })
          : t("insights.sharing.status.off")}
      </p>
      <div className="row-actions">
        {since ? (
          <>
            {named
              ? choiceButton("unname", t("insights.sharing.unname"))
              : choiceButton("name", t("insights.sharing.name"))}
            {choiceButton("opt_out", t("insights.sharing.optOut"))}
          </>
        ) : (
          choiceButton("opt_in", t("insights.sharing.optIn"), true)
        )}
      </div>
      {since && compareUrl ? (
        <p>
          <Link to={compareUrl}>{t("insights.sharing.compareLink")}</Link>
        </p>
      ) : null}
    </section>
  );
}
