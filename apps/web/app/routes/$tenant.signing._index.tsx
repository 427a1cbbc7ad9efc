import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { batchesToSign } from "../services/certificates.server";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** The executive's list of certificate batches: those waiting for a signature first. */
export const loader = tenantRoute("certificates.sign", async ({ request, context, tenant }) => {
  const batches = await batchesToSign(context.services, { tenant, locale: await localeOf(request) });
  return { batches, tenantSlug: tenant.slug };
});

export default function SigningList() {
  const { t } = useTranslation();
  const { batches, tenantSlug } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("certificates.signing.title")}</h1>
      <p>{t("certificates.signing.intro")}</p>
      {batches.length === 0 ? (
        <p>{t("certificates.signing.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("certificates.signing.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("certificates.signing.cohort")}</th>
                <th scope="col">{t("certificates.signing.count")}</th>
                <th scope="col">{t("certificates.signing.status")}</th>
                <th scope="col">{t("certificates.signing.signedAt")}</th>
                <th scope="col">{t("certificates.signing.review")}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id}>
                  <th scope="row">{batch.cohortTitle}</th>
                  <td>{t("certificates.signing.countText", { count: batch.certificates.length })}</td>
                  <td>{t(`certificates.batch.status.${batch.status}`)}</td>
                  <td>{batch.signedAt ?? t("certificates.batch.notSigned")}</td>
                  <td>
                    <Link
                      to={`/${tenantSlug}/signing/${batch.id}`}
                      aria-label={t("certificates.signing.reviewLabel", { cohort: batch.cohortTitle })}
                    >
                      {t("certificates.signing.review")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
