import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError, correctableFields } from "@mentoring/domain";
import { getMyData, requestCorrection } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, InputField, SelectField, TextareaField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../services/format.server";
import { besideFields, isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("myData.page.title");

/**
 * A person's own data (PIPA arts. 35-37), from their account: download everything held about them (JSON and
 * PDF), read their directory record and ask for a field to be corrected, see the cohorts they consented to
 * and go to withdraw that consent. Every member has it (own_data.manage).
 */
export const loader = tenantLoader(
  { permission: "own_data.manage" },
  async ({ tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    const data = await withTenant((db) => getMyData(db, { tenantId: tenant.id, staffMemberId }));
    const when = (date: Date) =>
      formatDateTime(date, locale, tenant.timeZone, { dateStyle: "medium", timeStyle: "short" });
    const base = `/${tenant.slug}/my-data`;
    return {
      downloads: { json: `${base}/export/json`, pdf: `${base}/export/pdf` },
      directory: data.directory,
      applications: data.applications.map((application) => ({
        cohortId: application.cohortId,
        cohortTitle: application.cohortTitle,
        role: application.role,
        status: application.status,
        consent:
          application.consentAt && application.consentVersion
            ? { version: application.consentVersion, at: when(application.consentAt) }
            : null,
        withdrawnAt: application.consentWithdrawnAt ? when(application.consentWithdrawnAt) : null,
        withdrawTo: `${base}/consent/${application.cohortId}`,
      })),
      corrections: data.corrections.map((request) => ({ ...request, createdAt: when(request.createdAt) })),
    };
  },
);

const correctionForm = z.object({
  intent: z.literal("correct"),
  field: z.enum(correctableFields),
  requestedValue: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(200),
  note: z.string().max(1000).default(""),
});
const correctionFields = ["field", "requestedValue", "note"] as const;

/** Sends a correction request for one field of their directory record. */
export const action = tenantAction(
  {
    permission: "own_data.manage",
    form: correctionForm,
    fieldName: (path, t) =>
      ({
        field: t("myData.correction.fieldLabel"),
        requestedValue: t("myData.correction.requestedLabel"),
        note: t("myData.correction.noteLabel"),
      })[path] ?? null,
  },
  async ({ form, tenant, user, membership, requestId, services, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("my_data.no_staff");
    const sent = await withTenant((db) =>
      requestCorrection(db, {
        tenantId: tenant.id,
        staffMemberId,
        actorUserId: user.id,
        field: form.field,
        requestedValue: form.requestedValue,
        note: form.note,
        requestId,
        appUrl: services.config.APP_URL,
      }),
    );
    return { outcome: sent.outcome, field: form.field };
  },
);

export default function MyData() {
  const { t } = useTranslation();
  const { downloads, directory, applications, corrections } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const lastResult = useMemo(
    () => (isRefusal(result) ? besideFields(result, correctionFields) : undefined),
    [result],
  );
  const [form, field] = useForm<z.input<typeof correctionForm>>({
    id: "correction",
    lastResult,
    constraint: getZodConstraint(correctionForm),
  });
  const sent = result && !isRefusal(result) ? result : null;
  return (
    <>
      <h1>{t("myData.page.title")}</h1>
      <p>{t("myData.page.intro")}</p>

      <section aria-labelledby="download-heading" className="card">
        <h2 id="download-heading">{t("myData.download.heading")}</h2>
        <p>{t("myData.download.intro")}</p>
        <ul className="actions">
          <li>
            <a href={downloads.pdf} download aria-describedby="download-pdf-hint">
              {t("myData.download.pdf")}
            </a>{" "}
            <span id="download-pdf-hint" className="field__hint">
              {t("myData.download.pdfHint")}
            </span>
          </li>
          <li>
            <a href={downloads.json} download aria-describedby="download-json-hint">
              {t("myData.download.json")}
            </a>{" "}
            <span id="download-json-hint" className="field__hint">
              {t("myData.download.jsonHint")}
            </span>
          </li>
        </ul>
      </section>

      {directory === null ? (
        <p>{t("myData.page.noStaff")}</p>
      ) : (
        <>
          <section aria-labelledby="directory-heading" className="card">
            <h2 id="directory-heading">{t("myData.directory.heading")}</h2>
            <p>{t("myData.directory.intro")}</p>
            <DataTable
              caption={t("myData.directory.caption")}
              captionHidden
              rows={directory}
              rowKey={(row) => row.field}
              empty={null}
              columns={[
                {
                  key: "field",
                  header: t("myData.directory.field"),
                  cell: (row) => t(`myData.field.${row.field}`),
                },
                {
                  key: "value",
                  header: t("myData.directory.value"),
                  cell: (row) =>
                    row.value === ""
                      ? t("myData.directory.empty")
                      : row.field === "grade" && /^[1-9]$/.test(row.value)
                        ? t(`grade.${row.value as "1"}`)
                        : row.value,
                },
              ]}
            />
          </section>

          <section aria-labelledby="correction-heading" className="card">
            <h2 id="correction-heading">{t("myData.correction.heading")}</h2>
            <p>{t("myData.correction.intro")}</p>
            {sent ? (
              <FormAnswer answer={sent}>
                {t(sent.outcome === "sent" ? "myData.correction.sent" : "myData.correction.alreadyPending", {
                  field: t(`myData.field.${sent.field}`),
                })}
              </FormAnswer>
            ) : null}
            <FormErrors form={form} summary={t("form.errorSummary")} />
            <Form method="post" {...getFormProps(form)}>
              <CsrfInput />
              <SelectField
                meta={field.field}
                label={t("myData.correction.fieldLabel")}
                hint={t("myData.correction.fieldHint")}
                options={correctableFields.map((name) => ({ value: name, label: t(`myData.field.${name}`) }))}
                required
              />
              <InputField
                meta={field.requestedValue}
                label={t("myData.correction.requestedLabel")}
                required
                maxLength={200}
              />
              <TextareaField
                meta={field.note}
                label={t("myData.correction.noteLabel")}
                hint={t("myData.correction.noteHint")}
                rows={3}
                maxLength={1000}
              />
              <button type="submit" name="intent" value="correct" className="button-primary" disabled={busy}>
                {t("myData.correction.submit")}
              </button>
            </Form>
            <h3>{t("myData.correction.mine")}</h3>
            <DataTable
              caption={t("myData.correction.mine")}
              captionHidden
              rows={corrections}
              rowKey={(row) => row.id}
              empty={t("myData.correction.none")}
              rowProps={() => ({ "data-testid": "my-correction" })}
              columns={[
                {
                  key: "field",
                  header: t("myData.correction.column.field"),
                  cell: (row) => t(`myData.field.${row.field}`),
                },
                {
                  key: "current",
                  header: t("myData.correction.column.current"),
                  cell: (row) => row.currentValue || "-",
                },
                {
                  key: "requested",
                  header: t("myData.correction.column.requested"),
                  cell: (row) => row.requestedValue,
                },
                {
                  key: "status",
                  header: t("myData.correction.column.status"),
                  cell: (row) => t(`myData.correction.status.${row.status}`),
                },
                { key: "sentAt", header: t("myData.correction.column.sentAt"), cell: (row) => row.createdAt },
                {
                  key: "reason",
                  header: t("myData.correction.column.reason"),
                  cell: (row) => row.declineReason ?? "",
                },
              ]}
            />
          </section>

          <section aria-labelledby="consent-heading" className="card">
            <h2 id="consent-heading">{t("myData.consent.heading")}</h2>
            <p>{t("myData.consent.intro")}</p>
            <DataTable
              caption={t("myData.consent.caption")}
              captionHidden
              rows={applications}
              rowKey={(row) => row.cohortId}
              empty={t("myData.consent.none")}
              columns={[
                { key: "cohort", header: t("myData.consent.column.cohort"), cell: (row) => row.cohortTitle },
                {
                  key: "role",
                  header: t("myData.consent.column.role"),
                  cell: (row) => t(`myData.consent.role.${row.role}`),
                },
                {
                  key: "status",
                  header: t("myData.consent.column.status"),
                  cell: (row) => t(`myData.consent.status.${row.status}`),
                },
                {
                  key: "consent",
                  header: t("myData.consent.column.consent"),
                  cell: (row) =>
                    row.consent
                      ? t("myData.consent.consentGiven", row.consent)
                      : t("myData.consent.consentNone"),
                },
                {
                  key: "action",
                  header: t("myData.consent.column.action"),
                  cell: (row) =>
                    row.withdrawnAt ? (
                      t("myData.consent.withdrawnAt", { at: row.withdrawnAt })
                    ) : row.consent ? (
                      <Link
                        to={row.withdrawTo}
                        aria-label={t("myData.consent.withdrawFor", { cohort: row.cohortTitle })}
                      >
                        {t("myData.consent.withdraw")}
                      </Link>
                    ) : (
                      "-"
                    ),
                },
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}
