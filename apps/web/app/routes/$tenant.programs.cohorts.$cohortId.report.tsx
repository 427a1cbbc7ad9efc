import { getCohortReport, requestCohortReport } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { pageTitle } from "../components/page-title";
import { useRefreshWhile } from "../components/use-refresh-while";
import { presentCohortReport } from "../presenters/cohort-report.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("reports.page.title", { cohort: data.cohort.title }),
);

/**
 * The cohort's final report (결과보고서) for the coordinator: make it (the worker makes the PDF and the
 * workbook, the page shows its progress), then download either; made again only when the data changed.
 */
export const loader = tenantLoader(
  { permission: "programs.manage", params: cohortParams },
  async ({ params, tenant, locale, withTenant }) => {
    // From the read replica when there is one and it has this reader's last write (ADR 0028): a report
    // just asked for shows as under way.
    const view = await withTenant(
      (db) => getCohortReport(db, { tenantId: tenant.id, cohortId: params.cohortId }),
      { replica: true },
    );
    const base = `/${tenant.slug}/programs/cohorts/${view.cohort.id}`;
    return {
      ...presentCohortReport(view, { locale, timeZone: tenant.timeZone, base }),
      tenantSlug: tenant.slug,
    };
  },
);

const startForm = z.object({ intent: z.literal("start") });

/** Asks for the report in the page's language: started, already under way, or unchanged since the last. */
export const action = tenantAction(
  { permission: "programs.manage", params: cohortParams, form: startForm },
  async ({ params, tenant, user, locale, requestId, withTenant }) => {
    const { outcome } = await withTenant((db) =>
      requestCohortReport(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        actorUserId: user.id,
        locale: locale === "en" ? "en" : "ko",
        now: new Date(),
        requestId,
      }),
    );
    return { outcome };
  },
);

export default function CohortReport() {
  const { t } = useTranslation();
  const { cohort, run, tenantSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const generating = run?.status === "generating";
  useRefreshWhile(generating);
  return (
    <>
      <h1>{t("reports.page.title", { cohort: cohort.title })}</h1>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("reports.page.intro")}</p>
      {result && isRefusal(result) ? (
        <p role="alert" className="form-error">
          {result.error?.[""]?.[0]}
        </p>
      ) : result && !isRefusal(result) && result.outcome === "unchanged" ? (
        <p role="status" className="form-status">
          {t("reports.page.unchanged")}
        </p>
      ) : result && !isRefusal(result) ? (
        <p role="status" className="form-status">
          {t("reports.page.started")}
        </p>
      ) : null}
      <Form method="post">
        <CsrfInput />
        <button
          type="submit"
          name="intent"
          value="start"
          className="button-primary"
          disabled={busy || generating}
        >
          {t("reports.page.start")}
        </button>
      </Form>

      <section aria-labelledby="report-heading" className="card" data-testid="cohort-report">
        <h2 id="report-heading">{t("reports.page.heading")}</h2>
        {!run ? (
          <p>{t("reports.page.none")}</p>
        ) : (
          <>
            <p data-testid="report-status">{t(`reports.page.status.${run.status}`)}</p>
            {run.status === "generating" ? (
              <div className="completion" role="status">
                <progress max={100} value={run.progress} aria-label={t("reports.page.progress")} />
                <p>{t("reports.page.progressText", { percent: run.progress })}</p>
              </div>
            ) : null}
            {run.status === "failed" ? (
              <p role="alert" className="form-error">
                {run.failureCode ? t(`reports.page.failure.${run.failureCode}`) : t("reports.page.failed")}
              </p>
            ) : null}
            {run.madeAt ? <p>{t("reports.page.madeAt", { at: run.madeAt })}</p> : null}
            {run.files ? (
              <ul className="actions">
                <li>
                  <a href={run.files.pdf} download>
                    {t("reports.page.downloadPdf")}
                  </a>
                </li>
                <li>
                  <a href={run.files.xlsx} download>
                    {t("reports.page.downloadXlsx")}
                  </a>
                </li>
              </ul>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
