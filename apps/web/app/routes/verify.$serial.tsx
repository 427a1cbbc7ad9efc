import { verifySerial } from "@mentoring/programs";
import { data, type HeadersFunction, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { pageTitle } from "../components/page-title";
import { Shell } from "../components/shell";
import { presentVerification } from "../presenters/certificate-verification.server";
import { limitVerification } from "../services/rate-limits.server";
import { publicLoader } from "../services/route-builder.server";

export const handle = pageTitle("certificates.verify.title");

/**
 * The public check of a certificate (the QR code on it leads here): no sign-in, no tenant navigation. It
 * shows whether the signature holds or the certificate was revoked, and only what the certificate itself
 * states. An unknown serial is the same friendly page saying so, answered 404 (nothing is there). Checks
 * are limited per address (429 with Retry-After beyond).
 */
export const loader = publicLoader(
  { params: z.object({ serial: z.string() }) },
  async ({ params, services, locale, clientAddress }) => {
    // Serials are not guessable, but a script trying them should be slowed all the same.
    await limitVerification(services, { address: clientAddress });
    const verification = presentVerification(
      await verifySerial(services.db, { serial: params.serial }),
      locale,
    );
    return data(
      { verification },
      {
        status: verification.status === "not_found" ? 404 : 200,
        headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" },
      },
    );
  },
);

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
  "X-Robots-Tag": loaderHeaders.get("X-Robots-Tag") ?? "noindex, nofollow",
});

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

const headline = {
  valid: { title: "certificates.verify.valid", detail: "certificates.verify.validDetail" },
  invalid: { title: "certificates.verify.invalid", detail: "certificates.verify.invalidDetail" },
  revoked: { title: "certificates.verify.revoked", detail: "certificates.verify.revokedDetail" },
  not_found: { title: "certificates.verify.notFound", detail: "certificates.verify.notFoundDetail" },
  retained: { title: "retention.verify.retained", detail: "retention.verify.retainedDetail" },
} as const;

export default function VerifyCertificate() {
  const { t } = useTranslation();
  const { verification } = useLoaderData<typeof loader>();
  const text = headline[verification.status];
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow verify">
        <h1>{t("certificates.verify.title")}</h1>
        <div
          role="status"
          className={`verify-status verify-status--${verification.status}`}
          data-status={verification.status}
        >
          <p className="verify-status__title">
            {"award" in verification &&
            verification.award &&
            (verification.status === "valid" || verification.status === "revoked")
              ? t(`awards.verify.${verification.status}`, { title: verification.award.title })
              : t(text.title)}
          </p>
          <p>
            {t(text.detail, {
              date: "revokedAt" in verification ? (verification.revokedAt ?? "") : "",
            })}
          </p>
        </div>
        {verification.status === "not_found" ? null : (
          <table className="verify-facts">
            <caption>{t("certificates.verify.caption")}</caption>
            <tbody>
              {verification.award ? (
                <>
                  <tr>
                    <th scope="row">{t("awards.verify.kind")}</th>
                    <td data-testid="verify-award-title">{verification.award.title}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("awards.verify.award")}</th>
                    <td data-testid="verify-award">{verification.award.name}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("awards.verify.prize")}</th>
                    <td>{verification.award.prize}</td>
                  </tr>
                </>
              ) : null}
              <tr>
                <th scope="row">{t("certificates.verify.serial")}</th>
                <td className="serial">{verification.serial}</td>
              </tr>
              <tr>
                <th scope="row">{t("certificates.verify.issuer")}</th>
                <td>{verification.issuer}</td>
              </tr>
              <tr>
                <th scope="row">{t("certificates.verify.program")}</th>
                <td>{verification.program}</td>
              </tr>
              <tr>
                <th scope="row">{t("certificates.verify.cohort")}</th>
                <td>{verification.cohort}</td>
              </tr>
              {verification.status === "retained" ? null : (
                <>
                  <tr>
                    <th scope="row">{t("certificates.verify.mentors")}</th>
                    <td data-testid="verify-mentors">{verification.mentors.join(", ")}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("certificates.verify.mentees")}</th>
                    <td data-testid="verify-mentees">{verification.mentees.join(", ")}</td>
                  </tr>
                </>
              )}
              <tr>
                <th scope="row">
                  {t(verification.award ? "awards.verify.date" : "certificates.verify.date")}
                </th>
                <td>{verification.date}</td>
              </tr>
              <tr>
                <th scope="row">{t("certificates.verify.signer")}</th>
                <td>
                  {t("certificates.verify.signerText", {
                    name: verification.signer.name,
                    title: verification.signer.title,
                  })}
                </td>
              </tr>
            </tbody>
          </table>
        )}
      </div>
    </Shell>
  );
}
