import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BatchProgress } from "../components/batch-progress";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { useRefreshWhile } from "../components/use-refresh-while";
import {
  type BatchPageView,
  type CoordinatorResult,
  cohortCertificates,
  coordinateCertificates,
  idSchema,
} from "../services/certificates.server";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** A cohort's pairing ceremony (details and attendance) and its certificates, for the coordinator. */
export const loader = tenantRoute("programs.manage", async ({ request, params, context, tenant }) => {
  const cohortId = idSchema.safeParse(params.cohortId);
  if (!cohortId.success) throw notFound();
  const page = await cohortCertificates(context.services, {
    tenant,
    cohortId: cohortId.data,
    locale: await localeOf(request),
  });
  return { ...page, tenantSlug: tenant.slug };
});

export const action = tenantRoute("programs.manage", async ({ request, params, context, tenant, user }) => {
  const cohortId = idSchema.safeParse(params.cohortId);
  if (!cohortId.success) throw notFound();
  return coordinateCertificates(context.services, {
    tenant,
    cohortId: cohortId.data,
    form: await request.formData(),
    actorUserId: user.id,
    requestId: context.requestId,
  });
});

function Message({ result }: { result: CoordinatorResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return null;
  if ("error" in result)
    return (
      <p role="alert" className="form-error">
        {t(result.error, result.params)}
      </p>
    );
  const key =
    result.intent === "ceremony"
      ? "certificates.ceremony.saved"
      : result.intent === "attendance"
        ? "certificates.attendance.saved"
        : result.intent === "prepare"
          ? "certificates.batch.prepared"
          : "certificates.table.revoked";
  return (
    <p role="status" className="form-status">
      {t(key)}
    </p>
  );
}

export default function CohortCertificates() {
  const { t } = useTranslation();
  const { cohort, ceremony, batches, tenantSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useRefreshWhile(batches.some((batch) => batch.status === "generating"));
  const ceremonyError = result?.intent === "ceremony" && "error" in result ? result : null;
  const errorOf = (field: string) =>
    ceremonyError && ceremonyError.field === field ? ceremonyError.error : undefined;
  const ceremonyFormError = ceremonyError && ceremonyError.field === null ? ceremonyError : null;
  return (
    <>
      <h1>{t("certificates.coordinator.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />

      <section aria-labelledby="ceremony-heading" className="card">
        <h2 id="ceremony-heading">{t("certificates.ceremony.title")}</h2>
        <p>{t("certificates.ceremony.intro")}</p>
        {ceremony ? (
          <p data-testid="ceremony-current">
            {t("certificates.ceremony.current", { when: ceremony.when, place: ceremony.place })}
          </p>
        ) : (
          <p>{t("certificates.ceremony.none")}</p>
        )}
        {result?.intent === "ceremony" && !ceremonyError ? <Message result={result} /> : null}
        {ceremonyFormError ? <Message result={ceremonyFormError} /> : null}
        <Form method="post" noValidate>
          <CsrfInput />
          <fieldset>
            <legend>{t("certificates.ceremony.legend")}</legend>
            <div className="ceremony-when">
              <Field
                name="date"
                id="ceremony-date"
                type="date"
                label="certificates.ceremony.date"
                required
                defaultValue={ceremony?.date ?? ""}
                error={errorOf("date")}
              />
              <Field
                name="time"
                id="ceremony-time"
                type="time"
                label="certificates.ceremony.time"
                required
                defaultValue={ceremony?.time ?? ""}
                error={errorOf("time")}
              />
            </div>
            <Field
              name="place"
              id="ceremony-place"
              label="certificates.ceremony.place"
              hint="certificates.ceremony.placeHint"
              required
              maxLength={200}
              defaultValue={ceremony?.place ?? ""}
              error={errorOf("place")}
            />
            <div className="field">
              <label htmlFor="ceremony-programme">{t("certificates.ceremony.programme")}</label>
              <p id="ceremony-programme-hint" className="field__hint">
                {t("certificates.ceremony.programmeHint")}
              </p>
              <textarea
                id="ceremony-programme"
                name="programme"
                rows={5}
                maxLength={4000}
                defaultValue={ceremony?.programme ?? ""}
                aria-invalid={errorOf("programme") ? true : undefined}
                aria-describedby={
                  errorOf("programme")
                    ? "ceremony-programme-hint ceremony-programme-error"
                    : "ceremony-programme-hint"
                }
              />
              {errorOf("programme") ? (
                <p id="ceremony-programme-error" className="field__error">
                  {t(errorOf("programme") as string, ceremonyError?.params)}
                </p>
              ) : null}
            </div>
            <Field
              name="gift"
              id="ceremony-gift"
              label="certificates.ceremony.gift"
              hint="certificates.ceremony.giftHint"
              maxLength={200}
              defaultValue={ceremony?.gift ?? ""}
              error={errorOf("gift")}
            />
          </fieldset>
          <button type="submit" name="intent" value="ceremony" className="button-primary" disabled={busy}>
            {t("certificates.ceremony.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="attendance-heading" className="card">
        <h2 id="attendance-heading">{t("certificates.attendance.title")}</h2>
        {result?.intent === "attendance" ? <Message result={result} /> : null}
        {!ceremony ? (
          <p>{t("certificates.attendance.noCeremony")}</p>
        ) : ceremony.attendance.length === 0 ? (
          <p>{t("certificates.attendance.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t("certificates.attendance.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("certificates.attendance.name")}</th>
                  <th scope="col">{t("certificates.attendance.role")}</th>
                  <th scope="col">{t("certificates.attendance.team")}</th>
                  <th scope="col">{t("certificates.attendance.status")}</th>
                  <th scope="col">{t("certificates.attendance.action")}</th>
                </tr>
              </thead>
              <tbody>
                {ceremony.attendance.map((person) => {
                  const nameId = `attendee-${person.applicationId}`;
                  return (
                    <tr key={person.applicationId}>
                      <th scope="row" id={nameId}>
                        {person.name}
                      </th>
                      <td>{t(`certificates.role.${person.role}`)}</td>
                      <td>
                        {person.teamNumber === null
                          ? t("certificates.attendance.noTeam")
                          : t("certificates.attendance.teamNumber", { number: person.teamNumber })}
                      </td>
                      <td>
                        {person.present === null
                          ? t("certificates.attendance.unknown")
                          : person.present
                            ? t("certificates.attendance.present")
                            : t("certificates.attendance.absent")}
                      </td>
                      <td>
                        <Form method="post" className="inline-form">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="attendance" />
                          <input type="hidden" name="applicationId" value={person.applicationId} />
                          <button
                            type="submit"
                            name="present"
                            value="true"
                            disabled={busy}
                            aria-pressed={person.present === true}
                            aria-describedby={nameId}
                          >
                            {t("certificates.attendance.markPresent")}
                          </button>{" "}
                          <button
                            type="submit"
                            name="present"
                            value="false"
                            disabled={busy}
                            aria-pressed={person.present === false}
                            aria-describedby={nameId}
                          >
                            {t("certificates.attendance.markAbsent")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="batches-heading" className="card">
        <h2 id="batches-heading">{t("certificates.batch.title")}</h2>
        <p>{t("certificates.batch.intro")}</p>
        {result?.intent === "prepare" ? <Message result={result} /> : null}
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="prepare" className="button-primary" disabled={busy}>
            {t("certificates.batch.prepare")}
          </button>
        </Form>
        {batches.length === 0 ? <p>{t("certificates.batch.none")}</p> : null}
        {batches.map((batch) => (
          <Batch
            key={batch.id}
            batch={batch}
            tenantSlug={tenantSlug}
            cohortId={cohort.id}
            result={result}
            busy={busy}
          />
        ))}
      </section>
    </>
  );
}

function Batch({
  batch,
  tenantSlug,
  cohortId,
  result,
  busy,
}: {
  batch: BatchPageView;
  tenantSlug: string;
  cohortId: string;
  result: CoordinatorResult | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `batch-${batch.id}`;
  const base = `/${tenantSlug}/programs/cohorts/${cohortId}/certificates`;
  return (
    <section aria-labelledby={headingId} className="certificate-batch" data-testid="certificate-batch">
      <h3 id={headingId}>{t("certificates.batch.heading", { count: batch.certificates.length })}</h3>
      <dl className="facts">
        <dt>{t("certificates.batch.statusLabel")}</dt>
        <dd data-testid="batch-status">{t(`certificates.batch.status.${batch.status}`)}</dd>
        <dt>{t("certificates.batch.signer")}</dt>
        <dd>{t("certificates.batch.signerText", { name: batch.signerName, title: batch.signerTitle })}</dd>
        <dt>{t("certificates.batch.signedAt")}</dt>
        <dd>{batch.signedAt ?? t("certificates.batch.notSigned")}</dd>
        {batch.signedByName ? (
          <>
            <dt>{t("certificates.batch.signedBy")}</dt>
            <dd>{batch.signedByName}</dd>
          </>
        ) : null}
      </dl>
      <BatchProgress status={batch.status} progress={batch.progress} />
      {batch.archiveReady ? (
        <p>
          <a href={`${base}/${batch.id}/zip`} download>
            {t("certificates.batch.zip")}
          </a>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{t("certificates.table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("certificates.table.team")}</th>
              <th scope="col">{t("certificates.table.mentors")}</th>
              <th scope="col">{t("certificates.table.mentees")}</th>
              <th scope="col">{t("certificates.table.serial")}</th>
              <th scope="col">{t("certificates.table.status")}</th>
              <th scope="col">{t("certificates.table.file")}</th>
              <th scope="col">{t("certificates.table.revoke")}</th>
            </tr>
          </thead>
          <tbody>
            {batch.certificates.map((certificate) => {
              const rowResult =
                result?.intent === "revoke" && result.certificateId === certificate.id ? result : undefined;
              const rowError = rowResult && "error" in rowResult ? rowResult : undefined;
              const reasonId = `reason-${certificate.id}`;
              return (
                <tr key={certificate.id} data-serial={certificate.serial}>
                  <th scope="row">
                    {t("certificates.attendance.teamNumber", { number: certificate.teamNumber })}
                  </th>
                  <td>{certificate.mentors.join(", ")}</td>
                  <td>{certificate.mentees.join(", ")}</td>
                  <td className="serial">{certificate.serial}</td>
                  <td>
                    {certificate.revokedAt ? (
                      <>
                        {t("certificates.table.revokedOn", { date: certificate.revokedAt })}
                        <br />
                        {t("certificates.table.revokedReason", { reason: certificate.revokedReason ?? "" })}
                      </>
                    ) : !certificate.signed ? (
                      t("certificates.table.unsigned")
                    ) : certificate.fileReady ? (
                      t("certificates.table.issued")
                    ) : (
                      t("certificates.table.pending")
                    )}
                  </td>
                  <td>
                    {certificate.fileReady && certificate.signed ? (
                      <a
                        href={`/${tenantSlug}/certificates/${certificate.id}/pdf`}
                        download
                        aria-label={t("certificates.table.downloadLabel", { team: certificate.teamNumber })}
                      >
                        {t("certificates.table.download")}
                      </a>
                    ) : null}
                  </td>
                  <td>
                    {rowResult && !rowError ? <Message result={rowResult} /> : null}
                    {certificate.signed && !certificate.revokedAt ? (
                      <Form method="post" className="revoke-form" noValidate>
                        <CsrfInput />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="certificateId" value={certificate.id} />
                        <Field
                          name="reason"
                          id={reasonId}
                          label="certificates.table.reason"
                          maxLength={500}
                          required
                          error={rowError?.error}
                        />
                        <button type="submit" disabled={busy}>
                          {t("certificates.table.revokeSubmit")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
