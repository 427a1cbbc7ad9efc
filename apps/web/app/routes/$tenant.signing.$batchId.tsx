import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BatchProgress } from "../components/batch-progress";
import { CsrfInput } from "../components/csrf-input";
import { useRefreshWhile } from "../components/use-refresh-while";
import { batchForSigning, idSchema, signBatch } from "../services/certificates.server";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** The executive reviews one batch (signer, each certificate's names and date) and signs it. */
export const loader = tenantRoute("certificates.sign", async ({ request, params, context, tenant }) => {
  const batchId = idSchema.safeParse(params.batchId);
  if (!batchId.success) throw notFound();
  const batch = await batchForSigning(context.services, {
    tenant,
    batchId: batchId.data,
    locale: await localeOf(request),
  });
  return { batch, tenantSlug: tenant.slug };
});

const signForm = z.object({ confirm: z.literal("on").optional() });

export const action = tenantRoute("certificates.sign", async ({ request, params, context, tenant, user }) => {
  const batchId = idSchema.safeParse(params.batchId);
  if (!batchId.success) throw notFound();
  const form = signForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response(null, { status: 400 });
  return signBatch(context.services, {
    tenant,
    batchId: batchId.data,
    confirmed: form.data.confirm === "on",
    actorUserId: user.id,
    requestId: context.requestId,
  });
});

export default function SignBatch() {
  const { t } = useTranslation();
  const { batch, tenantSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useRefreshWhile(batch.status === "generating");
  const error = result && "error" in result ? result : null;
  return (
    <>
      <h1>{t("certificates.signing.reviewTitle")}</h1>
      <p className="survey-meta">{batch.cohortTitle}</p>
      <p>
        <Link to={`/${tenantSlug}/signing`}>{t("certificates.signing.back")}</Link>
      </p>
      {result && "signed" in result ? (
        <p role="status" className="form-status">
          {t("certificates.signing.signed")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("certificates.signing.signer")}</dt>
        <dd>{t("certificates.batch.signerText", { name: batch.signerName, title: batch.signerTitle })}</dd>
        <dt>{t("certificates.batch.statusLabel")}</dt>
        <dd data-testid="batch-status">{t(`certificates.batch.status.${batch.status}`)}</dd>
        {batch.signedAt ? (
          <>
            <dt>{t("certificates.batch.signedAt")}</dt>
            <dd>
              {batch.signedByName
                ? t("certificates.signing.signedBy", { date: batch.signedAt, name: batch.signedByName })
                : batch.signedAt}
            </dd>
          </>
        ) : null}
      </dl>
      <BatchProgress status={batch.status} progress={batch.progress} />
      <div className="table-wrap">
        <table>
          <caption>{t("certificates.signing.certificates")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("certificates.table.team")}</th>
              <th scope="col">{t("certificates.table.mentors")}</th>
              <th scope="col">{t("certificates.table.mentees")}</th>
              <th scope="col">{t("certificates.table.date")}</th>
              <th scope="col">{t("certificates.table.serial")}</th>
            </tr>
          </thead>
          <tbody>
            {batch.certificates.map((certificate) => (
              <tr key={certificate.id}>
                <th scope="row">
                  {t("certificates.attendance.teamNumber", { number: certificate.teamNumber })}
                </th>
                <td>{certificate.mentors.join(", ")}</td>
                <td>{certificate.mentees.join(", ")}</td>
                <td>{certificate.date}</td>
                <td className="serial">{certificate.serial}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {batch.status === "draft" ? (
        <Form method="post" className="sign-form" noValidate>
          <CsrfInput />
          <fieldset>
            <legend>{t("certificates.signing.confirmLegend")}</legend>
            {error ? (
              <p id="confirm-error" role="alert" className="form-error">
                {t(error.error, error.params)}
              </p>
            ) : null}
            <div className="consent-check">
              <input
                type="checkbox"
                id="confirm"
                name="confirm"
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "confirm-error" : undefined}
              />
              <label htmlFor="confirm">{t("certificates.signing.confirm")}</label>
            </div>
          </fieldset>
          <button type="submit" className="button-primary" disabled={busy}>
            {t("certificates.signing.sign")}
          </button>
        </Form>
      ) : error ? (
        <p role="alert" className="form-error">
          {t(error.error, error.params)}
        </p>
      ) : null}
    </>
  );
}
