import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { participantCertificates } from "../services/certificates.server";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** A participant's pairing ceremonies (when, where, programme, gift) and their own certificates. */
export const loader = tenantRoute("own_team.view", async ({ request, context, tenant, membership }) => {
  const page = await participantCertificates(context.services, {
    tenant,
    staffMemberId: membership.staffMemberId,
    locale: await localeOf(request),
  });
  return { ...page, tenantSlug: tenant.slug };
});

export default function MyCertificates() {
  const { t } = useTranslation();
  const { ceremonies, certificates, tenantSlug } = useLoaderData<typeof loader>();
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
        {certificates.length === 0 ? (
          <p>{t("certificates.mine.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t("certificates.mine.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("certificates.mine.cohort")}</th>
                  <th scope="col">{t("certificates.table.mentors")}</th>
                  <th scope="col">{t("certificates.table.mentees")}</th>
                  <th scope="col">{t("certificates.table.date")}</th>
                  <th scope="col">{t("certificates.table.serial")}</th>
                  <th scope="col">{t("certificates.table.file")}</th>
                </tr>
              </thead>
              <tbody>
                {certificates.map((certificate) => (
                  <tr key={certificate.id} data-serial={certificate.serial}>
                    <th scope="row">{certificate.cohortTitle}</th>
                    <td>{certificate.mentors.join(", ")}</td>
                    <td>{certificate.mentees.join(", ")}</td>
                    <td>{certificate.date}</td>
                    <td className="serial">
                      <a href={`/verify/${certificate.serial}`}>{certificate.serial}</a>
                    </td>
                    <td>
                      {certificate.revokedAt ? (
                        t("certificates.mine.revoked", { date: certificate.revokedAt })
                      ) : (
                        <a
                          href={`/${tenantSlug}/certificates/${certificate.id}/pdf`}
                          download
                          aria-label={t("certificates.mine.downloadLabel", {
                            cohort: certificate.cohortTitle,
                          })}
                        >
                          {t("certificates.mine.download")}
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
