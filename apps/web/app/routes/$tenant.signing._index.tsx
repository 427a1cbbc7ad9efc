import { listAwardsToApprove, listBatchesForSigning } from "@mentoring/programs";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { presentCertificateBatch } from "../presenters/certificate-batch.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("certificates.signing.title");

/** The executive's list of certificate batches: those waiting for a signature first. */
export const loader = tenantLoader(
  { permission: "certificates.sign" },
  async ({ tenant, locale, withTenant }) => {
    const { batches, awards } = await withTenant(async (db) => ({
      batches: await listBatchesForSigning(db, { tenantId: tenant.id }),
      awards: await listAwardsToApprove(db, { tenantId: tenant.id }),
    }));
    return {
      awards: awards.map((award) => ({ cohortId: award.cohortId, cohortTitle: award.cohortTitle })),
      batches: batches.map((batch) => presentCertificateBatch(batch, locale, tenant.timeZone)),
      tenantSlug: tenant.slug,
    };
  },
);

export default function SigningList() {
  const { t } = useTranslation();
  const { batches, awards, tenantSlug } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("certificates.signing.title")}</h1>
      <p>{t("certificates.signing.intro")}</p>
      {awards.length === 0 ? null : (
        <section aria-labelledby="awards-to-approve" className="card">
          <h2 id="awards-to-approve">{t("awards.signing.title")}</h2>
          <p>{t("awards.signing.waiting", { count: awards.length })}</p>
          <ul>
            {awards.map((award) => (
              <li key={award.cohortId}>
                <Link to={`/${tenantSlug}/signing/awards/${award.cohortId}`}>
                  {t("awards.signing.open", { cohort: award.cohortTitle })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable
        caption={t("certificates.signing.caption")}
        rows={batches}
        rowKey={(batch) => batch.id}
        empty={t("certificates.signing.none")}
        columns={[
          {
            key: "cohort",
            header: t("certificates.signing.cohort"),
            cell: (batch) =>
              batch.kind === "award"
                ? t("awards.signing.batch", { cohort: batch.cohortTitle })
                : batch.cohortTitle,
          },
          {
            key: "count",
            header: t("certificates.signing.count"),
            cell: (batch) => t("certificates.signing.countText", { count: batch.certificates.length }),
          },
          {
            key: "status",
            header: t("certificates.signing.status"),
            cell: (batch) => t(`certificates.batch.status.${batch.status}`),
          },
          {
            key: "signedAt",
            header: t("certificates.signing.signedAt"),
            cell: (batch) => batch.signedAt ?? t("certificates.batch.notSigned"),
          },
          {
            key: "review",
            header: t("certificates.signing.review"),
            cell: (batch) => (
              <Link
                to={`/${tenantSlug}/signing/${batch.id}`}
                aria-label={t("certificates.signing.reviewLabel", { cohort: batch.cohortTitle })}
              >
                {t("certificates.signing.review")}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
