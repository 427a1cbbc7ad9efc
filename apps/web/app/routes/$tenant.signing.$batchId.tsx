import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { getCertificateBatch, signCertificateBatch } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BatchProgress } from "../components/batch-progress";
import { useCertificateColumns } from "../components/certificate-columns";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormErrors } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { useRefreshWhile } from "../components/use-refresh-while";
import { presentCertificateBatch } from "../presenters/certificate-batch.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("certificates.signing.reviewTitle");

const batchParams = z.object({ batchId: id });

/** The executive reviews one batch (signer, each certificate's names and date) and signs it. */
export const loader = tenantLoader(
  { permission: "certificates.sign", params: batchParams },
  async ({ params, tenant, locale, withTenant }) => {
    const batch = await withTenant((db) =>
      getCertificateBatch(db, { tenantId: tenant.id, batchId: params.batchId }),
    );
    return { batch: presentCertificateBatch(batch, locale, tenant.timeZone), tenantSlug: tenant.slug };
  },
);

// A refinement rather than a required boolean, so that an unticked box is answered with its own message.
const signForm = z.object({
  confirm: z
    .boolean()
    .optional()
    .refine((confirmed) => confirmed === true, { message: "certificates.error.confirmRequired" }),
});

/** The executive signs the batch after confirming it; the files are made by the worker. */
export const action = tenantAction(
  { permission: "certificates.sign", params: batchParams, form: signForm },
  async ({ params, tenant, user, requestId, services, withTenant }) => {
    const { batchId } = params;
    await withTenant(async (db) => {
      const batch = await getCertificateBatch(db, { tenantId: tenant.id, batchId });
      await signCertificateBatch(db, {
        tenantId: tenant.id,
        cohortId: batch.cohortId,
        batchId,
        actorUserId: user.id,
        requestId,
        encryptionKey: services.config.DATA_ENCRYPTION_KEY,
        now: new Date(),
      });
    });
    return { signed: true as const };
  },
);

export default function SignBatch() {
  const { t } = useTranslation();
  const { batch, tenantSlug } = useLoaderData<typeof loader>();
  const shared = useCertificateColumns<(typeof batch.certificates)[number]>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useRefreshWhile(batch.status === "generating");
  const refusal = isRefusal(result) ? result : undefined;
  const [form, fields] = useForm<z.input<typeof signForm>>({
    id: "sign",
    lastResult: refusal,
    constraint: getZodConstraint(signForm),
  });
  const confirmError = fields.confirm.errors?.[0];
  return (
    <>
      <h1>{t("certificates.signing.reviewTitle")}</h1>
      <p className="survey-meta">{batch.cohortTitle}</p>
      <p>
        <Link to={`/${tenantSlug}/signing`}>{t("certificates.signing.back")}</Link>
      </p>
      {result && !refusal ? (
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
      <BatchProgress status={batch.status} progress={batch.progress} failureCode={batch.failureCode} />
      <DataTable
        caption={t("certificates.signing.certificates")}
        rows={batch.certificates}
        rowKey={(certificate) => certificate.id}
        empty={null}
        columns={[shared.team, shared.mentors, shared.mentees, shared.date, shared.serial]}
      />
      {batch.status === "draft" ? (
        <Form method="post" className="sign-form" {...getFormProps(form)}>
          <CsrfInput />
          <fieldset>
            <legend>{t("certificates.signing.confirmLegend")}</legend>
            {confirmError ? (
              <p id={fields.confirm.errorId} role="alert" className="form-error">
                {confirmError}
              </p>
            ) : (
              <FormErrors form={form} />
            )}
            <div className="consent-check">
              <input
                {...getInputProps(fields.confirm, { type: "checkbox", ariaAttributes: false })}
                required
                aria-invalid={confirmError ? true : undefined}
                aria-describedby={confirmError ? fields.confirm.errorId : undefined}
              />
              <label htmlFor={fields.confirm.id}>{t("certificates.signing.confirm")}</label>
            </div>
          </fieldset>
          <button type="submit" className="button-primary" disabled={busy}>
            {t("certificates.signing.sign")}
          </button>
        </Form>
      ) : refusal ? (
        <p role="alert" className="form-error">
          {refusal.error?.confirm?.[0] ?? refusal.error?.[""]?.[0]}
        </p>
      ) : null}
    </>
  );
}
