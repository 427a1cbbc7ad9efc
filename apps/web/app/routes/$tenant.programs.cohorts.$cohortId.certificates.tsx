import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError, instantAt, parseCalendarDate } from "@mentoring/domain";
import type { MessageKey } from "@mentoring/i18n";
import {
  getCohortCertificates,
  prepareCertificateBatch,
  recordAttendance,
  retryCertificateBatch,
  revokeCertificate,
  saveCeremony,
  tenantToday,
} from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BatchProgress } from "../components/batch-progress";
import { useCertificateColumns } from "../components/certificate-columns";
import { CheckInPoster } from "../components/check-in-poster";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormErrors, InputField, TextareaField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { useRefreshWhile } from "../components/use-refresh-while";
import type { CertificateBatchPage } from "../presenters/certificate-batch.server";
import { presentCohortCertificates } from "../presenters/cohort-certificates.server";
import { checkInPoster } from "../services/check-in-poster.server";
import { besideFields, isRefusal, type Refusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("certificates.coordinator.title");

/**
 * A cohort's pairing ceremony (details, attendance, and a QR code participants scan to check themselves
 * in) and its certificates, for the coordinator.
 */
export const loader = tenantLoader(
  { permission: "programs.manage", params: cohortParams },
  async ({ params, tenant, locale, services, withTenant }) => {
    const page = await withTenant((db) =>
      getCohortCertificates(db, { tenantId: tenant.id, cohortId: params.cohortId }),
    );
    return {
      ...presentCohortCertificates(page, locale, tenant.timeZone),
      tenantSlug: tenant.slug,
      poster: page.ceremony
        ? await checkInPoster({
            config: services.config,
            tenant,
            locale,
            target: { ceremonyId: page.ceremony.id },
            path: `check-in/ceremony/${page.cohort.id}`,
            now: new Date(),
          })
        : null,
    };
  },
);

// Required texts and their lengths are left to the use cases (saveCeremony, revokeCertificate), whose
// messages are worded for each field; the inputs carry the same limits as attributes.
const ceremonyForm = z.object({
  intent: z.literal("ceremony"),
  date: z.string().trim().default(""),
  time: z.string().trim().default(""),
  place: z.string().default(""),
  programme: z.string().default(""),
  gift: z.string().default(""),
});
const attendanceForm = z.object({
  intent: z.literal("attendance"),
  applicationId: id,
  present: z.enum(["true", "false"]),
});
// Asked only when the ceremony's attendance marks someone absent; the use case refuses to guess.
const prepareForm = z.object({
  intent: z.literal("prepare"),
  absentees: z.enum(["include", "exclude"]).optional(),
});
const revokeForm = z.object({
  intent: z.literal("revoke"),
  certificateId: id,
  reason: z.string().default(""),
});
// Making a failed batch's files again.
const retryForm = z.object({ intent: z.literal("retry"), batchId: id });
const certificatesForm = z.discriminatedUnion("intent", [
  ceremonyForm,
  attendanceForm,
  prepareForm,
  revokeForm,
  retryForm,
]);

/** The field of a revoke form that shows its own message. */
const reasonField = ["reason"] as const;

/** The fields of the ceremony form that show their own messages. */
const ceremonyFields = ["date", "time", "place", "programme", "gift"] as const;

/**
 * When the ceremony starts, from the form's date and time on the tenant's wall clock. A date or time that
 * does not read is refused beside its field.
 */
function ceremonyStart(date: string, time: string, timeZone: string): Date {
  const refuse = (path: "date" | "time", message: string) =>
    new AppError("input.invalid", {}, { fields: [{ path, message, params: {} }] });
  if (!parseCalendarDate(date)) throw refuse("date", "certificates.error.dateRequired");
  const startsAt = instantAt(date, time, timeZone);
  if (!startsAt) throw refuse("time", "certificates.error.timeRequired");
  return startsAt;
}

/**
 * The coordinator's changes: the ceremony, one person's attendance, preparing a batch, revoking, and making
 * a failed batch's files again.
 */
export const action = tenantAction(
  {
    permission: "programs.manage",
    params: cohortParams,
    form: certificatesForm,
    // Which of the page's forms the refusal answers, and for attendance and revoking which row.
    whichForm: (sent) => ({
      refused: sent.intent,
      applicationId: sent.applicationId,
      certificateId: sent.certificateId,
      batchId: sent.batchId,
    }),
  },
  async ({ params, form, tenant, user, requestId, withTenant }) => {
    const acting = { tenantId: tenant.id, cohortId: params.cohortId, actorUserId: user.id, requestId };
    switch (form.intent) {
      case "ceremony": {
        const startsAt = ceremonyStart(form.date, form.time, tenant.timeZone);
        const { place, programme, gift } = form;
        await withTenant((db) => saveCeremony(db, { ...acting, startsAt, place, programme, gift }));
        return { intent: form.intent };
      }
      case "attendance": {
        const { applicationId } = form;
        await withTenant((db) =>
          recordAttendance(db, { ...acting, applicationId, present: form.present === "true" }),
        );
        return { intent: form.intent, applicationId };
      }
      case "prepare": {
        const { batchId } = await withTenant((db) =>
          prepareCertificateBatch(db, {
            ...acting,
            today: tenantToday(tenant.timeZone),
            ...(form.absentees && { absentees: form.absentees }),
          }),
        );
        return { intent: form.intent, batchId };
      }
      case "revoke": {
        const { certificateId, reason } = form;
        await withTenant((db) => revokeCertificate(db, { ...acting, certificateId, reason }));
        return { intent: form.intent, certificateId };
      }
      case "retry": {
        const { batchId } = form;
        const { retried } = await withTenant((db) => retryCertificateBatch(db, { ...acting, batchId }));
        return { intent: form.intent, batchId, retried };
      }
    }
  },
);

type Result = ReturnType<typeof useActionData<typeof action>>;

/** Which of the page's forms the last result answers: success data names it, a refusal says which it refused. */
function answered(result: Result): string | undefined {
  if (!result) return undefined;
  return isRefusal(result) ? result.refused : result.intent;
}

/** What the last action said to one part of the page, a success or a refusal's message. */
function Message({ result, saved }: { result: NonNullable<Result>; saved: MessageKey }) {
  const { t } = useTranslation();
  if (isRefusal(result))
    return (
      <p role="alert" className="form-error">
        {result.error?.[""]?.[0]}
      </p>
    );
  return (
    <p role="status" className="form-status">
      {t(saved)}
    </p>
  );
}

export default function CohortCertificates() {
  const { t } = useTranslation();
  const { cohort, ceremony, batches, tenantSlug, poster } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useRefreshWhile(batches.some((batch) => batch.status === "generating"));
  // Team members marked absent at the ceremony: preparing asks whether their certificates are issued.
  const absent =
    ceremony?.attendance.filter((person) => person.present === false && person.teamNumber !== null) ?? [];
  const ceremonyRefusal = isRefusal(result) && result.refused === "ceremony" ? result : undefined;
  // One object per refusal: conform reports a new lastResult on every render it changes, and a fresh
  // object each render would loop.
  const ceremonyResult = useMemo(
    () => (ceremonyRefusal ? besideFields(ceremonyRefusal, ceremonyFields) : undefined),
    [ceremonyRefusal],
  );
  const [form, fields] = useForm<z.input<typeof ceremonyForm>>({
    id: "ceremony",
    lastResult: ceremonyResult,
    constraint: getZodConstraint(ceremonyForm),
    defaultValue: {
      date: ceremony?.date ?? "",
      time: ceremony?.time ?? "",
      place: ceremony?.place ?? "",
      programme: ceremony?.programme ?? "",
      gift: ceremony?.gift ?? "",
    },
  });
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
        {result && answered(result) === "ceremony" && !ceremonyRefusal ? (
          <Message result={result} saved="certificates.ceremony.saved" />
        ) : null}
        <FormErrors form={form} />
        <Form method="post" {...getFormProps(form)}>
          <CsrfInput />
          <fieldset>
            <legend>{t("certificates.ceremony.legend")}</legend>
            <div className="ceremony-when">
              <InputField meta={fields.date} type="date" label={t("certificates.ceremony.date")} required />
              <InputField meta={fields.time} type="time" label={t("certificates.ceremony.time")} required />
            </div>
            <InputField
              meta={fields.place}
              label={t("certificates.ceremony.place")}
              hint={t("certificates.ceremony.placeHint")}
              required
              maxLength={200}
            />
            <TextareaField
              meta={fields.programme}
              label={t("certificates.ceremony.programme")}
              hint={t("certificates.ceremony.programmeHint")}
              rows={5}
              maxLength={4000}
            />
            <InputField
              meta={fields.gift}
              label={t("certificates.ceremony.gift")}
              hint={t("certificates.ceremony.giftHint")}
              maxLength={200}
            />
          </fieldset>
          <button type="submit" name="intent" value="ceremony" className="button-primary" disabled={busy}>
            {t("certificates.ceremony.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="attendance-heading" className="card">
        <h2 id="attendance-heading">{t("certificates.attendance.title")}</h2>
        {result && answered(result) === "attendance" ? (
          <Message result={result} saved="certificates.attendance.saved" />
        ) : null}
        {!ceremony ? (
          <p>{t("certificates.attendance.noCeremony")}</p>
        ) : (
          <DataTable
            caption={t("certificates.attendance.caption")}
            rows={ceremony.attendance}
            rowKey={(person) => person.applicationId}
            empty={t("certificates.attendance.empty")}
            columns={[
              {
                key: "name",
                header: t("certificates.attendance.name"),
                // Named so that each row's buttons say whose attendance they record.
                cell: (person) => <span id={`attendee-${person.applicationId}`}>{person.name}</span>,
              },
              {
                key: "role",
                header: t("certificates.attendance.role"),
                cell: (person) => t(`certificates.role.${person.role}`),
              },
              {
                key: "team",
                header: t("certificates.attendance.team"),
                cell: (person) =>
                  person.teamNumber === null
                    ? t("certificates.attendance.noTeam")
                    : t("certificates.attendance.teamNumber", { number: person.teamNumber }),
              },
              {
                key: "status",
                header: t("certificates.attendance.status"),
                cell: (person) =>
                  person.present === null
                    ? t("certificates.attendance.unknown")
                    : person.present
                      ? person.method === "check_in"
                        ? `${t("certificates.attendance.present")} (${t("attendance.ceremony.byCheckIn")})`
                        : t("certificates.attendance.present")
                      : t("certificates.attendance.absent"),
              },
              {
                key: "action",
                header: t("certificates.attendance.action"),
                cell: (person) => (
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
                      aria-describedby={`attendee-${person.applicationId}`}
                    >
                      {t("certificates.attendance.markPresent")}
                    </button>{" "}
                    <button
                      type="submit"
                      name="present"
                      value="false"
                      disabled={busy}
                      aria-pressed={person.present === false}
                      aria-describedby={`attendee-${person.applicationId}`}
                    >
                      {t("certificates.attendance.markAbsent")}
                    </button>
                  </Form>
                ),
              },
            ]}
          />
        )}
      </section>

      {poster ? (
        <CheckInPoster
          poster={poster}
          headingId="ceremony-qr-heading"
          title={t("attendance.ceremony.qrTitle")}
          intro={t("attendance.ceremony.qrIntro", { until: poster.until })}
          alt={t("attendance.ceremony.qrAlt", { cohort: cohort.title })}
          link={t("attendance.ceremony.link")}
        />
      ) : null}

      <section aria-labelledby="batches-heading" className="card">
        <h2 id="batches-heading">{t("certificates.batch.title")}</h2>
        <p>{t("certificates.batch.intro")}</p>
        {result && answered(result) === "prepare" ? (
          <Message result={result} saved="certificates.batch.prepared" />
        ) : null}
        <Form method="post">
          <CsrfInput />
          {absent.length > 0 ? (
            <fieldset data-testid="absentees-choice">
              <legend>
                {t("certificates.batch.absenteesLegend", {
                  count: absent.length,
                  names: absent.map((person) => person.name).join(", "),
                })}
              </legend>
              {(["include", "exclude"] as const).map((choice) => (
                <p key={choice} className="consent-check">
                  <input type="radio" id={`absentees-${choice}`} name="absentees" value={choice} required />{" "}
                  <label htmlFor={`absentees-${choice}`}>
                    {t(
                      choice === "include"
                        ? "certificates.batch.absenteesInclude"
                        : "certificates.batch.absenteesExclude",
                    )}
                  </label>
                </p>
              ))}
            </fieldset>
          ) : null}
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
  batch: CertificateBatchPage;
  tenantSlug: string;
  cohortId: string;
  result: Result;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const shared = useCertificateColumns<CertificateBatchPage["certificates"][number]>();
  const headingId = `batch-${batch.id}`;
  const base = `/${tenantSlug}/programs/cohorts/${cohortId}/certificates`;
  return (
    <section aria-labelledby={headingId} className="certificate-batch" data-testid="certificate-batch">
      <h3 id={headingId}>
        {t(batch.kind === "award" ? "awards.batch.heading" : "certificates.batch.heading", {
          count: batch.certificates.length,
        })}
      </h3>
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
      <BatchProgress
        status={batch.status}
        progress={batch.progress}
        failureCode={batch.failureCode}
        failureId={`batch-failure-${batch.id}`}
      />
      {batch.status === "failed" ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="batchId" value={batch.id} />
          <button
            type="submit"
            name="intent"
            value="retry"
            className="button-primary"
            disabled={busy}
            aria-describedby={`batch-failure-${batch.id}`}
          >
            {t("certificates.batch.retry")}
          </button>
        </Form>
      ) : null}
      {answered(result) === "retry" && result && "batchId" in result && result.batchId === batch.id ? (
        <Message
          result={result}
          saved={
            "retried" in result && !result.retried
              ? "certificates.batch.alreadyRetried"
              : "certificates.batch.retried"
          }
        />
      ) : null}
      {batch.archiveReady ? (
        <p>
          <a href={`${base}/${batch.id}/zip`} download>
            {t("certificates.batch.zip")}
          </a>
        </p>
      ) : null}
      <DataTable
        caption={t("certificates.table.caption")}
        rows={batch.certificates}
        rowKey={(certificate) => certificate.id}
        rowProps={(certificate) => ({ "data-serial": certificate.serial })}
        empty={null}
        columns={[
          shared.team,
          shared.mentors,
          shared.mentees,
          shared.serial,
          {
            key: "status",
            header: t("certificates.table.status"),
            cell: (certificate) =>
              certificate.revokedAt ? (
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
              ),
          },
          {
            key: "file",
            header: t("certificates.table.file"),
            cell: (certificate) =>
              certificate.fileReady && certificate.signed ? (
                <a
                  href={`/${tenantSlug}/certificates/${certificate.id}/pdf`}
                  download
                  aria-label={t("certificates.table.downloadLabel", { team: certificate.teamNumber })}
                >
                  {t("certificates.table.download")}
                </a>
              ) : null,
          },
          {
            key: "revoke",
            header: t("certificates.table.revoke"),
            cell: (certificate) => {
              const rowResult =
                answered(result) === "revoke" && result?.certificateId === certificate.id
                  ? result
                  : undefined;
              return (
                <>
                  {rowResult && !isRefusal(rowResult) ? (
                    <Message result={rowResult} saved="certificates.table.revoked" />
                  ) : null}
                  {certificate.signed && !certificate.revokedAt ? (
                    <RevokeForm
                      certificateId={certificate.id}
                      refusal={rowResult && isRefusal(rowResult) ? rowResult : undefined}
                      busy={busy}
                    />
                  ) : null}
                </>
              );
            },
          },
        ]}
      />
    </section>
  );
}

/** Revoking one certificate, with the reason required beside its field. */
function RevokeForm({
  certificateId,
  refusal,
  busy,
}: {
  certificateId: string;
  refusal: Refusal | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const lastResult = useMemo(() => (refusal ? besideFields(refusal, reasonField) : undefined), [refusal]);
  const [form, fields] = useForm<z.input<typeof revokeForm>>({
    id: `revoke-${certificateId}`,
    lastResult,
    constraint: getZodConstraint(revokeForm),
  });
  return (
    <Form method="post" className="revoke-form" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="certificateId" value={certificateId} />
      <FormErrors form={form} />
      <InputField meta={fields.reason} label={t("certificates.table.reason")} maxLength={500} required />
      <button type="submit" disabled={busy}>
        {t("certificates.table.revokeSubmit")}
      </button>
    </Form>
  );
}
