import { applicationRoles, applicationStatuses } from "@mentoring/domain";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { SelectField } from "../components/select-field";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import {
  applicantFilterFrom,
  applicantsPage,
  employeeNumbersFrom,
  filterQuery,
  type NominationView,
  nominate,
  type Phrase,
  reject,
} from "../services/recruitment.server";

const cohortIdSchema = z.string().uuid();

/** The coordinator's list of a cohort's applicants: places per role, a filterable table, nominations. */
export const loader = tenantRoute("applications.review", async ({ request, params, context, tenant }) => {
  const cohortId = cohortIdSchema.safeParse(params.cohortId);
  if (!cohortId.success) throw notFound();
  const url = new URL(request.url);
  const filter = applicantFilterFrom(url);
  const page = await applicantsPage(context.services, tenant, cohortId.data, filter, await localeOf(request));
  const query = filterQuery(filter);
  const exportBase = `/${tenant.slug}/programs/cohorts/${cohortId.data}/applicants/export`;
  return {
    ...page,
    tenantSlug: tenant.slug,
    exportCsv: `${exportBase}?${query ? `${query}&` : ""}format=csv`,
    exportXlsx: `${exportBase}?${query ? `${query}&` : ""}format=xlsx`,
  };
});

const nominateForm = z.object({
  intent: z.literal("nominate"),
  role: z.enum(applicationRoles, { errorMap: () => ({ message: "recruitment.error.role" }) }),
  numbers: z.string().default(""),
});
const rejectForm = z.object({
  intent: z.literal("reject"),
  applicationId: z.string().uuid(),
  name: z.string().max(200).default(""),
  reason: z.string().default(""),
});

type ActionResult =
  | { intent: "nominate"; results: NominationView[] }
  | { intent: "nominate"; fieldErrors: { role?: string; numbers?: string } }
  | { intent: "reject"; applicationId: string; done: string }
  | { intent: "reject"; applicationId: string; error: Phrase }
  | { intent: "nominate"; error: Phrase };

export const action = tenantRoute(
  "applications.review",
  async ({ request, params, context, tenant, user }): Promise<ActionResult> => {
    const cohortId = cohortIdSchema.safeParse(params.cohortId);
    if (!cohortId.success) throw notFound();
    const form = Object.fromEntries(await request.formData());
    const base = { tenant, userId: user.id, requestId: context.requestId, cohortId: cohortId.data };
    if (form.intent === "nominate") {
      const parsed = nominateForm.safeParse(form);
      const numbers = employeeNumbersFrom(typeof form.numbers === "string" ? form.numbers : "");
      if (!parsed.success || numbers.length === 0) {
        const errors = parsed.success ? {} : parsed.error.flatten().fieldErrors;
        return {
          intent: "nominate",
          fieldErrors: {
            role: "role" in errors ? errors.role?.[0] : undefined,
            numbers: numbers.length === 0 ? "recruitment.error.noEmployeeNumbers" : undefined,
          },
        };
      }
      const result = await nominate(context.services, {
        ...base,
        role: parsed.data.role,
        employeeNumbers: numbers,
      });
      return result.ok
        ? { intent: "nominate", results: result.value }
        : { intent: "nominate", error: result.error };
    }
    if (form.intent === "reject") {
      const parsed = rejectForm.safeParse(form);
      if (!parsed.success) throw new Response(null, { status: 400 });
      const { applicationId, reason, name } = parsed.data;
      const result = await reject(context.services, { ...base, applicationId, reason });
      return result.ok
        ? { intent: "reject", applicationId, done: name }
        : { intent: "reject", applicationId, error: result.error };
    }
    throw new Response(null, { status: 400 });
  },
);

function NominationResults({ results }: { results: NominationView[] }) {
  const { t } = useTranslation();
  const outcomeText = (result: NominationView) => {
    switch (result.outcome) {
      case "waitlisted":
        return t("recruitment.applicants.nominate.outcomes.waitlisted", { position: result.position });
      case "already_applied":
        return t("recruitment.applicants.nominate.outcomes.already_applied", {
          role: t(`recruitment.role.${result.role}`),
          status: t(`recruitment.status.${result.status}`),
        });
      default:
        return t(`recruitment.applicants.nominate.outcomes.${result.outcome}`);
    }
  };
  return (
    <div role="status" className="nomination-results">
      <h3>{t("recruitment.applicants.nominate.results")}</h3>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("recruitment.applicants.nominate.resultsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("recruitment.applicants.employeeNumber")}</th>
              <th scope="col">{t("recruitment.applicants.nominate.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.employeeNumber}>
                <th scope="row">{result.employeeNumber}</th>
                <td>
                  {outcomeText(result)}
                  {result.reasons ? (
                    <ul>
                      {result.reasons.map((reason) => (
                        <li key={reason.key}>{t(reason.key, reason.params)}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export default function Applicants() {
  const { t } = useTranslation();
  const { cohort, places, rows, departments, tenantSlug, exportCsv, exportXlsx } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const nomination = result?.intent === "nominate" ? result : undefined;
  const nominationErrors = nomination && "fieldErrors" in nomination ? nomination.fieldErrors : {};
  const rejection = result?.intent === "reject" ? result : undefined;
  return (
    <>
      <h1>{t("recruitment.applicants.title", { title: cohort.title })}</h1>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      {rejection && "done" in rejection ? (
        <p role="status" className="form-status">
          {t("recruitment.applicants.reject.done", { name: rejection.done })}
        </p>
      ) : null}

      <h2>{t("recruitment.applicants.places")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("recruitment.applicants.placesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("recruitment.applicants.role")}</th>
              <th scope="col">{t("recruitment.applicants.acceptedOfQuota")}</th>
              <th scope="col">{t("recruitment.applicants.waitlisted")}</th>
            </tr>
          </thead>
          <tbody>
            {places.map((place) => (
              <tr key={place.role} data-testid={`places-${place.role}`}>
                <th scope="row">{t(`recruitment.role.${place.role}`)}</th>
                <td>
                  {t("recruitment.applicants.acceptedOfQuotaValue", {
                    accepted: place.accepted,
                    quota: place.quota,
                  })}
                </td>
                <td>{place.waitlisted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("recruitment.applicants.filters")}</h2>
      <Form method="get" className="filters" aria-label={t("recruitment.applicants.filters")}>
        <SelectField
          name="role"
          label="recruitment.applicants.role"
          placeholder="recruitment.applicants.any"
          defaultValue={params.get("role") ?? ""}
          options={applicationRoles.map((role) => ({ value: role, label: t(`recruitment.role.${role}`) }))}
        />
        <SelectField
          name="status"
          label="recruitment.applicants.status"
          placeholder="recruitment.applicants.any"
          defaultValue={params.get("status") ?? ""}
          options={applicationStatuses.map((status) => ({
            value: status,
            label: t(`recruitment.status.${status}`),
          }))}
        />
        <SelectField
          name="departmentId"
          label="recruitment.applicants.department"
          placeholder="recruitment.applicants.any"
          defaultValue={params.get("departmentId") ?? ""}
          options={departments.map((department) => ({ value: department.id, label: department.name }))}
        />
        <div className="field">
          <label htmlFor="q">{t("recruitment.applicants.q")}</label>
          <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        <button type="submit" className="button-primary">
          {t("recruitment.applicants.search")}
        </button>
      </Form>
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

      {rows.length === 0 ? (
        <p>{t("recruitment.applicants.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="applicants">
            <caption>{t("recruitment.applicants.caption", { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("recruitment.applicants.name")}</th>
                <th scope="col">{t("recruitment.applicants.employeeNumber")}</th>
                <th scope="col">{t("recruitment.applicants.department")}</th>
                <th scope="col">{t("recruitment.applicants.grade")}</th>
                <th scope="col">{t("recruitment.applicants.position")}</th>
                <th scope="col">{t("recruitment.applicants.role")}</th>
                <th scope="col">{t("recruitment.applicants.status")}</th>
                <th scope="col">{t("recruitment.applicants.waitlistPosition")}</th>
                <th scope="col">{t("recruitment.applicants.consent")}</th>
                <th scope="col">{t("recruitment.applicants.submittedAt")}</th>
                <th scope="col">{t("recruitment.applicants.source")}</th>
                {cohort.mayReject ? <th scope="col">{t("recruitment.applicants.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const live = row.status === "accepted" || row.status === "waitlisted";
                const rowError =
                  rejection && "error" in rejection && rejection.applicationId === row.applicationId
                    ? rejection.error
                    : undefined;
                const reasonId = `reason-${row.applicationId}`;
                return (
                  <tr key={row.applicationId}>
                    <th scope="row">{row.name}</th>
                    <td>{row.employeeNumber}</td>
                    <td>{row.department}</td>
                    <td>{row.grade === null ? t("grade.none") : t(`grade.${row.grade}`)}</td>
                    <td>{row.positionTitle}</td>
                    <td>{t(`recruitment.role.${row.role}`)}</td>
                    <td>
                      {t(`recruitment.status.${row.status}`)}
                      {row.rejectionReason ? (
                        <>
                          <br />
                          {t("recruitment.mine.reason", { reason: row.rejectionReason })}
                        </>
                      ) : null}
                    </td>
                    <td>{row.waitlistPosition ?? ""}</td>
                    <td>
                      {row.consentAt ? (
                        <>
                          {t("recruitment.applicants.consentGiven")}
                          <br />
                          {row.consentAt}
                        </>
                      ) : (
                        t("recruitment.applicants.consentPending")
                      )}
                    </td>
                    <td>{row.submittedAt}</td>
                    <td>
                      {t(row.nominated ? "recruitment.applicants.nominated" : "recruitment.applicants.self")}
                    </td>
                    {cohort.mayReject ? (
                      <td>
                        {live ? (
                          <details className="reject" open={rowError ? true : undefined}>
                            <summary>{t("recruitment.applicants.reject.submit")}</summary>
                            <Form method="post" className="reject-form">
                              <CsrfInput />
                              <input type="hidden" name="intent" value="reject" />
                              <input type="hidden" name="applicationId" value={row.applicationId} />
                              <input type="hidden" name="name" value={row.name} />
                              <fieldset>
                                <legend>
                                  {t("recruitment.applicants.reject.legend", { name: row.name })}
                                </legend>
                                <label htmlFor={reasonId}>{t("recruitment.applicants.reject.reason")}</label>
                                <input
                                  id={reasonId}
                                  name="reason"
                                  maxLength={500}
                                  aria-invalid={rowError ? true : undefined}
                                  aria-describedby={rowError ? `${reasonId}-error` : undefined}
                                />
                                {rowError ? (
                                  <p id={`${reasonId}-error`} className="field__error">
                                    {t(rowError.key, rowError.params)}
                                  </p>
                                ) : null}
                                <button type="submit">{t("recruitment.applicants.reject.submit")}</button>
                              </fieldset>
                            </Form>
                          </details>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="nominate-title">
        <h2 id="nominate-title">{t("recruitment.applicants.nominate.title")}</h2>
        {cohort.mayNominate ? (
          <>
            <p>{t("recruitment.applicants.nominate.intro")}</p>
            {nomination && "error" in nomination ? (
              <p role="alert" className="form-error">
                {t(nomination.error.key, nomination.error.params)}
              </p>
            ) : null}
            <Form method="post" noValidate className="narrow">
              <CsrfInput />
              <input type="hidden" name="intent" value="nominate" />
              <div className="field">
                <label htmlFor="numbers">{t("recruitment.applicants.nominate.numbers")}</label>
                <textarea
                  id="numbers"
                  name="numbers"
                  rows={5}
                  aria-invalid={nominationErrors.numbers ? true : undefined}
                  aria-describedby={nominationErrors.numbers ? "numbers-error" : undefined}
                />
                {nominationErrors.numbers ? (
                  <p id="numbers-error" className="field__error">
                    {t(nominationErrors.numbers)}
                  </p>
                ) : null}
              </div>
              <fieldset aria-describedby={nominationErrors.role ? "nominate-role-error" : undefined}>
                <legend>{t("recruitment.applicants.nominate.role")}</legend>
                <ul className="checkbox-list">
                  {applicationRoles.map((role) => (
                    <li key={role}>
                      <input type="radio" id={`nominate-${role}`} name="role" value={role} />{" "}
                      <label htmlFor={`nominate-${role}`}>{t(`recruitment.role.${role}`)}</label>
                    </li>
                  ))}
                </ul>
                {nominationErrors.role ? (
                  <p id="nominate-role-error" className="field__error">
                    {t(nominationErrors.role)}
                  </p>
                ) : null}
              </fieldset>
              <button type="submit" className="button-primary">
                {t("recruitment.applicants.nominate.submit")}
              </button>
            </Form>
            {nomination && "results" in nomination ? (
              <NominationResults results={nomination.results} />
            ) : null}
          </>
        ) : (
          <p>{t("recruitment.applicants.nominate.closed")}</p>
        )}
      </section>
    </>
  );
}
