import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { applicationRoles, applicationStatuses } from "@mentoring/domain";
import {
  type ApplicantFilter,
  applicantFilterSchema,
  listCohortApplicants,
  nominateToCohort,
  rejectApplication,
} from "@mentoring/programs";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useRecruitedRoles } from "../components/cohort-kind";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormAnswer } from "../components/form-answer";
import {
  FormErrors,
  InputField,
  lastResultOf,
  RadioGroupField,
  SelectField,
  TextareaField,
} from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import {
  filterQuery,
  type NominationView,
  presentApplicantRows,
  presentNominations,
} from "../presenters/cohort-applicants.server";
import { isRefusal, type Refusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";
import { staffGrade } from "../services/stored-codes";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("recruitment.applicants.title", { title: data.cohort.title }),
);

/** The coordinator's list of a cohort's applicants: places per role, a filterable table, nominations. */
export const loader = tenantLoader(
  { permission: "applications.review", params: cohortParams, query: applicantFilterSchema },
  async ({ params, query, tenant, locale, withTenantSql }) => {
    const page = await withTenantSql(
      (sql) => listCohortApplicants(sql, { tenantId: tenant.id, cohortId: params.cohortId, filter: query }),
      {
        accessLog: ({ rows }) => ({
          kind: "applicant_list",
          subjects: { applicationIds: rows.map((row) => row.applicationId) },
          cohortId: params.cohortId,
        }),
      },
    );
    const filter = filterQuery(query);
    const exportBase = `/${tenant.slug}/programs/cohorts/${params.cohortId}/applicants/export`;
    return {
      ...page,
      rows: presentApplicantRows(page.rows, locale, tenant.timeZone),
      filter: query,
      tenantSlug: tenant.slug,
      exportCsv: `${exportBase}?${filter ? `${filter}&` : ""}format=csv`,
      exportXlsx: `${exportBase}?${filter ? `${filter}&` : ""}format=xlsx`,
    };
  },
);

/** Employee numbers from the textarea: one a line, or separated by commas, semicolons or spaces. */
function employeeNumbersFrom(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[\s,;]+/)
    .map((number) => number.trim())
    .filter(Boolean);
}

/** Nominating staff by employee number, and rejecting one applicant (a form in each row). */
const applicantsForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("nominate"),
    role: z.enum(applicationRoles, { message: "recruitment.error.role" }),
    numbers: z
      .string()
      .optional()
      .transform(employeeNumbersFrom)
      .refine((numbers) => numbers.length > 0, "recruitment.error.noEmployeeNumbers"),
  }),
  z.object({
    intent: z.literal("reject"),
    applicationId: id,
    /** The applicant's name, for the message that says who was rejected. */
    name: z.string().max(200).default(""),
    reason: z.string().default(""),
  }),
]);

export const action = tenantAction(
  { permission: "applications.review", params: cohortParams, form: applicantsForm },
  async ({ params, form, tenant, user, requestId, services, withTenant }) => {
    const acting = {
      tenantId: tenant.id,
      actorUserId: user.id,
      requestId,
      now: new Date(),
      appUrl: services.config.APP_URL,
      cohortId: params.cohortId,
    };
    if (form.intent === "nominate") {
      const results = await withTenant((db) =>
        nominateToCohort(db, { ...acting, role: form.role, employeeNumbers: form.numbers }),
      );
      return { intent: form.intent, results: presentNominations(results) };
    }
    const { applicationId, reason, name } = form;
    await withTenant((db) => rejectApplication(db, { ...acting, applicationId, reason }));
    return { intent: form.intent, applicationId, done: name };
  },
);

type ActionResult = NonNullable<ReturnType<typeof useActionData<typeof action>>>;
type FormFields<Intent> = Extract<z.input<typeof applicantsForm>, { intent: Intent }>;
type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

/** The browser's constraints of the page's forms, from the schema the server parses with. */
const constraint = getZodConstraint(applicantsForm);

/**
 * The last post's refusal, when this form posted it: its intent, and for a row's form its application (the
 * form's values come back with a refusal).
 */
function refusalOf(
  result: ActionResult | undefined,
  intent: "nominate" | "reject",
  applicationId?: string,
): Refusal | undefined {
  if (!isRefusal(result)) return undefined;
  const posted = result.initialValue ?? {};
  return posted.intent === intent && posted.applicationId === applicationId ? result : undefined;
}

function Filters({
  filter,
  departments,
}: {
  filter: ApplicantFilter;
  departments: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { roles, roleName } = useRecruitedRoles();
  const [form, fields] = useForm<ApplicantFilter>({ id: "applicant-filters", defaultValue: filter });
  return (
    <Form
      method="get"
      className="filters"
      aria-label={t("recruitment.applicants.filters")}
      {...getFormProps(form)}
    >
      {roles.length > 1 ? (
        <SelectField
          meta={fields.role}
          label={t("recruitment.applicants.role")}
          placeholder={t("recruitment.applicants.any")}
          options={roles.map((role) => ({ value: role, label: roleName(role) }))}
        />
      ) : null}
      <SelectField
        meta={fields.status}
        label={t("recruitment.applicants.status")}
        placeholder={t("recruitment.applicants.any")}
        options={applicationStatuses.map((status) => ({
          value: status,
          label: t(`recruitment.status.${status}`),
        }))}
      />
      <SelectField
        meta={fields.departmentId}
        label={t("recruitment.applicants.department")}
        placeholder={t("recruitment.applicants.any")}
        options={departments.map((department) => ({ value: department.id, label: department.name }))}
      />
      <InputField meta={fields.q} type="search" label={t("recruitment.applicants.q")} />
      <button type="submit" className="button-primary">
        {t("recruitment.applicants.search")}
      </button>
    </Form>
  );
}

function RejectForm({ row, result }: { row: Row; result: ActionResult | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<FormFields<"reject">>({
    id: `reject-${row.applicationId}`,
    lastResult: lastResultOf(refusalOf(result, "reject", row.applicationId), result),
    constraint,
  });
  // The use case's refusals (no reason, too long, too late) are about the reason: shown at its field.
  const refused = (form.errors?.length ?? 0) > 0;
  return (
    <details className="reject" open={refused ? true : undefined}>
      <summary>{t("recruitment.applicants.reject.submit")}</summary>
      <Form method="post" className="reject-form" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="applicationId" value={row.applicationId} />
        <input type="hidden" name="name" value={row.name} />
        <fieldset>
          <legend>{t("recruitment.applicants.reject.legend", { name: row.name })}</legend>
          <InputField
            meta={fields.reason}
            label={t("recruitment.applicants.reject.reason")}
            maxLength={500}
            {...(refused ? { "aria-invalid": true, "aria-describedby": form.errorId } : {})}
          />
          <FormErrors form={form} />
          <button type="submit">{t("recruitment.applicants.reject.submit")}</button>
        </fieldset>
      </Form>
    </details>
  );
}

function NominationResults({ results }: { results: NominationView[] }) {
  const { t } = useTranslation();
  const { roleName } = useRecruitedRoles();
  const outcomeText = (result: NominationView) => {
    switch (result.outcome) {
      case "waitlisted":
        return t("recruitment.applicants.nominate.outcomes.waitlisted", { position: result.position });
      case "already_applied":
        return t("recruitment.applicants.nominate.outcomes.already_applied", {
          role: roleName(result.role),
          status: t(`recruitment.status.${result.status}`),
        });
      default:
        return t(`recruitment.applicants.nominate.outcomes.${result.outcome}`);
    }
  };
  return (
    <div role="status" className="nomination-results">
      <h3>{t("recruitment.applicants.nominate.results")}</h3>
      <DataTable
        caption={t("recruitment.applicants.nominate.resultsCaption")}
        captionHidden
        rows={results}
        rowKey={(result) => result.employeeNumber}
        empty={null}
        columns={[
          {
            key: "employeeNumber",
            header: t("recruitment.applicants.employeeNumber"),
            cell: (result) => result.employeeNumber,
          },
          {
            key: "outcome",
            header: t("recruitment.applicants.nominate.outcome"),
            cell: (result) => (
              <>
                {outcomeText(result)}
                {result.reasons ? (
                  <ul>
                    {result.reasons.map((reason) => (
                      <li key={reason.key}>{t(reason.key, reason.params)}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

function NominateForm({ result }: { result: ActionResult | undefined }) {
  const { t } = useTranslation();
  const { roles, roleName } = useRecruitedRoles();
  const [form, fields] = useForm<FormFields<"nominate">>({
    lastResult: lastResultOf(refusalOf(result, "nominate"), result),
    constraint,
  });
  return (
    <Form method="post" className="narrow" {...getFormProps(form)}>
      <FormErrors form={form} />
      <CsrfInput />
      <input type="hidden" name="intent" value="nominate" />
      <TextareaField meta={fields.numbers} label={t("recruitment.applicants.nominate.numbers")} rows={5} />
      {roles.length > 1 ? (
        <RadioGroupField
          meta={fields.role}
          label={t("recruitment.applicants.nominate.role")}
          options={roles.map((role) => ({ value: role, label: roleName(role) }))}
        />
      ) : (
        // One role to be put forward in (a board's members): nothing to choose.
        <input type="hidden" name="role" value={roles[0]} />
      )}
      <button type="submit" className="button-primary">
        {t("recruitment.applicants.nominate.submit")}
      </button>
    </Form>
  );
}

export default function Applicants() {
  const { t } = useTranslation();
  const { cohort, places, rows, departments, filter, tenantSlug, exportCsv, exportXlsx } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { roles, roleName } = useRecruitedRoles();
  const done = result && !isRefusal(result) ? result : undefined;
  const rejected = done?.intent === "reject" ? done : undefined;
  const nominated = done?.intent === "nominate" ? done : undefined;
  const columns = [
    { key: "name", header: t("recruitment.applicants.name"), cell: (row: Row) => row.name },
    {
      key: "employeeNumber",
      header: t("recruitment.applicants.employeeNumber"),
      cell: (row: Row) => row.employeeNumber,
    },
    { key: "department", header: t("recruitment.applicants.department"), cell: (row: Row) => row.department },
    {
      key: "grade",
      header: t("recruitment.applicants.grade"),
      cell: (row: Row) => (row.grade === null ? t("grade.none") : t(`grade.${staffGrade(row.grade)}`)),
    },
    { key: "position", header: t("recruitment.applicants.position"), cell: (row: Row) => row.positionTitle },
    {
      key: "role",
      header: t("recruitment.applicants.role"),
      cell: (row: Row) => roleName(row.role),
    },
    {
      key: "status",
      header: t("recruitment.applicants.status"),
      cell: (row: Row) => (
        <>
          {t(`recruitment.status.${row.status}`)}
          {row.rejectionReason ? (
            <>
              <br />
              {t("recruitment.mine.reason", { reason: row.rejectionReason })}
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "waitlistPosition",
      header: t("recruitment.applicants.waitlistPosition"),
      cell: (row: Row) => row.waitlistPosition ?? "",
    },
    {
      key: "consent",
      header: t("recruitment.applicants.consent"),
      cell: (row: Row) =>
        row.consentAt ? (
          <>
            {t("recruitment.applicants.consentGiven")}
            <br />
            {row.consentAt}
          </>
        ) : (
          t("recruitment.applicants.consentPending")
        ),
    },
    {
      key: "submittedAt",
      header: t("recruitment.applicants.submittedAt"),
      cell: (row: Row) => row.submittedAt,
    },
    {
      key: "source",
      header: t("recruitment.applicants.source"),
      cell: (row: Row) =>
        t(row.nominated ? "recruitment.applicants.nominated" : "recruitment.applicants.self"),
    },
    ...(cohort.mayReject
      ? [
          {
            key: "actions",
            header: t("recruitment.applicants.actions"),
            // Only a live application (accepted or waitlisted) can be turned down.
            cell: (row: Row) =>
              row.status === "accepted" || row.status === "waitlisted" ? (
                <RejectForm row={row} result={result} />
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <h1>{t("recruitment.applicants.title", { title: cohort.title })}</h1>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      {rejected ? (
        <FormAnswer answer={rejected}>
          {t("recruitment.applicants.reject.done", { name: rejected.done })}
        </FormAnswer>
      ) : null}

      <h2>{t("recruitment.applicants.places")}</h2>
      <DataTable
        caption={t("recruitment.applicants.placesCaption")}
        captionHidden
        rows={places.filter((place) => roles.includes(place.role))}
        rowKey={(place) => place.role}
        empty={null}
        columns={[
          {
            key: "role",
            header: t("recruitment.applicants.role"),
            cell: (place) => roleName(place.role),
          },
          {
            key: "acceptedOfQuota",
            header: t("recruitment.applicants.acceptedOfQuota"),
            cell: (place) => (
              <span data-testid={`places-${place.role}`}>
                {t("recruitment.applicants.acceptedOfQuotaValue", {
                  accepted: place.accepted,
                  quota: place.quota,
                })}
              </span>
            ),
          },
          {
            key: "waitlisted",
            header: t("recruitment.applicants.waitlisted"),
            cell: (place) => place.waitlisted,
          },
        ]}
      />

      <h2>{t("recruitment.applicants.filters")}</h2>
      <Filters filter={filter} departments={departments} />
      <p id="export-hint" className="field__hint">
        {t("recruitment.applicants.exportHint")}
      </p>
      <p className="export-links">
        <a href={exportCsv} className="button-secondary" aria-describedby="export-hint" download>
          {t("recruitment.applicants.exportCsv")}
        </a>{" "}
        <a href={exportXlsx} className="button-secondary" aria-describedby="export-hint" download>
          {t("recruitment.applicants.exportXlsx")}
        </a>
      </p>

      <DataTable
        className="applicants"
        caption={t("recruitment.applicants.caption", { count: rows.length })}
        rows={rows}
        rowKey={(row) => row.applicationId}
        empty={t("recruitment.applicants.none")}
        columns={columns}
      />

      <section aria-labelledby="nominate-title">
        <h2 id="nominate-title">{t("recruitment.applicants.nominate.title")}</h2>
        {cohort.mayNominate ? (
          <>
            <p>{t("recruitment.applicants.nominate.intro")}</p>
            <NominateForm result={result} />
            {nominated ? <NominationResults results={nominated.results} /> : null}
          </>
        ) : (
          <p>{t("recruitment.applicants.nominate.closed")}</p>
        )}
      </section>
    </>
  );
}
