import { listBatchesForSigning } from "@mentoring/programs";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { presentCertificateBatch } from "../presenters/certificate-batch.server";
import { tenantLoader } from "../services/route-builder.server";

/** The executive's list of certificate batches: those waiting for a signature first. */
export const loader = tenantLoader(
  { permission: "certificates.sign" },
  async ({ tenant, locale, withTenant }) => {
    const batches = await withTenant((db) => listBatchesForSigning(db, { tenantId: tenant.id }));
    return {
      batches: batches.map((batch) => presentCertificateBatch(batch, locale, tenant.timeZone)),
      tenantSlug: tenant.slug,
    };
  },
);

export default function SigningList() {
  const { t } = useTranslation();
  const { batches, tenantSlug } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("certificates.signing.title")}</h1>
      <p>{t("certificates.signing.intro")}</p>
      <DataTable
        caption={t("certificates.signing.caption")}
        rows={batches}
        rowKey={(batch) => batch.id}
        empty={t("certificates.signing.none")}
        columns={[
          { key: "cohort", header: t("certificates.signing.cohort"), cell: (batch) => batch.cohortTitle },
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
