import { listMyCeremonies, listMyCertificates } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCertificateColumns } from "../components/certificate-columns";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { presentMyCertificates } from "../presenters/my-certificates.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("certificates.mine.title");

/** A participant's pairing ceremonies (when, where, programme, gift) and their own certificates. */
export const loader = tenantLoader(
  { permission: "own_team.view" },
  async ({ tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    // A member not linked to a staff member has applied to nothing, so has nothing to show.
    const page = staffMemberId
      ? await withTenant(async (db) => ({
          ceremonies: await listMyCeremonies(db, { tenantId: tenant.id, staffMemberId }),
          certificates: await listMyCertificates(db, { tenantId: tenant.id, staffMemberId }),
        }))
      : { ceremonies: [], certificates: [] };
    return { ...presentMyCertificates(page, locale, tenant.timeZone), tenantSlug: tenant.slug };
  },
);

export default function MyCertificates() {
  const { t } = useTranslation();
  const { ceremonies, certificates, tenantSlug } = useLoaderData<typeof loader>();
  const shared = useCertificateColumns<(typeof certificates)[number]>();
  return (
    <>
      <h1>{t("certificates.mine.title")}</h1>
      <section aria-labelledby="ceremonies-heading">
        <h2 id="ceremonies-heading">{t("certificates.mine.ceremonies")}</h2>
        {ceremonies.length === 0 ? <p>{t("certificates.mine.noCeremony")}</p> : null}
        {ceremonies.map((ceremony) => {
          const headingId = `ceremony-${ceremony.cohortId}`;
          return (
            <section key={ceremony.cohortId} aria-labelledby={headingId} className="card ceremony">
              <h3 id={headingId}>{t("certificates.mine.ceremonyOf", { cohort: ceremony.cohortTitle })}</h3>
              <dl className="facts">
                <dt>{t("certificates.mine.when")}</dt>
                <dd data-testid="ceremony-when">{ceremony.when}</dd>
                <dt>{t("certificates.mine.place")}</dt>
                <dd data-testid="ceremony-place">{ceremony.place}</dd>
                {ceremony.programme ? (
                  <>
                    <dt>{t("certificates.mine.programme")}</dt>
                    <dd className="ceremony-programme">{ceremony.programme}</dd>
                  </>
                ) : null}
                {ceremony.gift ? (
                  <>
                    <dt>{t("certificates.mine.gift")}</dt>
                    <dd data-testid="ceremony-gift">{ceremony.gift}</dd>
                  </>
                ) : null}
                {ceremony.present !== null ? (
                  <>
                    <dt>{t("certificates.mine.attendance")}</dt>
                    <dd>
                      {ceremony.present
                        ? t("certificates.attendance.present")
                        : t("certificates.attendance.absent")}
                    </dd>
                  </>
                ) : null}
              </dl>
            </section>
          );
        })}
      </section>
      <section aria-labelledby="my-certificates-heading">
        <h2 id="my-certificates-heading">{t("certificates.mine.certificates")}</h2>
        <DataTable
          caption={t("certificates.mine.caption")}
          rows={certificates}
          rowKey={(certificate) => certificate.id}
          rowProps={(certificate) => ({ "data-serial": certificate.serial })}
          empty={t("certificates.mine.none")}
          columns={[
            {
              key: "cohort",
              header: t("certificates.mine.cohort"),
              cell: (certificate) =>
                certificate.award
                  ? t("awards.mine.cohort", {
                      cohort: certificate.cohortTitle,
                      award: certificate.award.name,
                      title: certificate.award.title,
                    })
                  : certificate.cohortTitle,
            },
            shared.mentors,
            shared.mentees,
            shared.date,
            {
              ...shared.serial,
              cell: (certificate) => <a href={`/verify/${certificate.serial}`}>{certificate.serial}</a>,
            },
            {
              key: "file",
              header: t("certificates.table.file"),
              cell: (certificate) =>
                certificate.revokedAt ? (
                  t("certificates.mine.revoked", { date: certificate.revokedAt })
                ) : (
                  <a
                    href={`/${tenantSlug}/certificates/${certificate.id}/pdf`}
                    download
                    aria-label={t("certificates.mine.downloadLabel", { cohort: certificate.cohortTitle })}
                  >
                    {t("certificates.mine.download")}
                  </a>
                ),
            },
          ]}
        />
      </section>
    </>
  );
}
