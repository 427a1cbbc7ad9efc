import type { FileError, RowProblem } from "@mentoring/directory";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { useRefreshWhile } from "../components/use-refresh-while";
import { INVALID_ROWS_SHOWN, importDetail, requestApply } from "../services/directory.server";
import { formatNumber, formatNumbers } from "../services/format.server";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

const importIdParam = z.string().uuid();

/** One import: its progress, what it would change, every invalid row with its reason, and applying it. */
export const loader = tenantRoute("staff.import", async ({ request, params, context, tenant }) => {
  const id = importIdParam.safeParse(params.importId);
  const detail = id.success ? await importDetail(context.services, tenant.id, id.data) : null;
  if (!detail) throw notFound();
  const locale = await localeOf(request);
  const number = (value: number) => formatNumber(value, locale);
  // The page shows counts as text formatted here; it keeps the numbers for its conditions.
  const shown = {
    activeStaff: number(detail.activeStaff),
    totalRows: number(detail.totalRows),
    shownLimit: number(INVALID_ROWS_SHOWN),
    invalidTotal: number(detail.counts?.invalid ?? detail.invalidRows.length),
    unknownDepartmentCount: number(detail.unknownDepartmentCount),
    counts: detail.counts ? formatNumbers(detail.counts, locale) : null,
    applied: detail.applied ? formatNumbers(detail.applied, locale) : null,
  };
  return { ...detail, base: `/${tenant.slug}/admin/directory`, shownLimit: INVALID_ROWS_SHOWN, shown };
});

const applyForm = z.object({
  createMissingDepartments: z.literal("on").optional(),
  deactivateMissing: z.literal("on").optional(),
});

export const action = tenantRoute("staff.import", async ({ request, params, context, tenant, user }) => {
  const id = importIdParam.safeParse(params.importId);
  if (!id.success) throw notFound();
  const form = await request.formData();
  const parsed = applyForm.safeParse({
    createMissingDepartments: form.get("createMissingDepartments") ?? undefined,
    deactivateMissing: form.get("deactivateMissing") ?? undefined,
  });
  if (!parsed.success) throw new Response(null, { status: 400 });
  const result = await requestApply(context.services, {
    tenantId: tenant.id,
    userId: user.id,
    importId: id.data,
    createMissingDepartments: parsed.data.createMissingDepartments === "on",
    deactivateMissing: parsed.data.deactivateMissing === "on",
    requestId: context.requestId,
  });
  if (!result) throw notFound();
  return result.ok ? { ok: true as const } : { ok: false as const, problem: result.problem };
});

function useProblemText() {
  const { t } = useTranslation();
  const list = (items: string[] | undefined) => (items ?? []).join(", ");
  return {
    row: (problem: RowProblem) => t(`directory.error.${problem.code}`, { ...problem.params }),
    file: (error: FileError) =>
      t(`directory.fileError.${error.code}`, {
        columns:
          error.code === "missing_columns"
            ? (error.params?.fields ?? []).map((field) => t(`directory.field.${field}`)).join(", ")
            : list(error.params?.headers),
        detail: error.params?.detail ?? "",
      }),
  };
}

export default function DirectoryImport() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const busy = data.status === "validating" || data.status === "applying";
  useRefreshWhile(busy);
  const problems = useProblemText();
  const { shown } = data;
  const counts = data.counts;
  const invalidTotal = counts?.invalid ?? data.invalidRows.length;
  const unknownNames = data.unknownDepartments.join(", ");

  return (
    <>
      <p>
        <Link to={data.base}>{t("directory.detail.back")}</Link>
      </p>
      <h1>{t("directory.detail.title", { fileName: data.fileName })}</h1>
      <dl className="facts">
        <dt>{t("directory.imports.status")}</dt>
        <dd data-testid="import-status">{t(`directory.status.${data.status}`)}</dd>
        <dt>{t("directory.imports.kind")}</dt>
        <dd>{t(data.full ? "directory.imports.full" : "directory.imports.partial")}</dd>
      </dl>
      {busy ? (
        <div role="status">
          <label htmlFor="import-progress">{t("directory.detail.progress")}</label>{" "}
          <progress id="import-progress" max={100} value={data.progress}>
            {data.progress}%
          </progress>
          <p>
            {t(
              data.status === "validating"
                ? "directory.detail.validatingNote"
                : "directory.detail.applyingNote",
            )}
          </p>
        </div>
      ) : null}
      {data.status === "failed" && data.error ? (
        <p role="alert" className="form-error">
          {t("directory.detail.failed", { error: data.error })}
        </p>
      ) : null}
      {data.status === "invalid" ? (
        <p role="alert" className="form-error">
          {t("directory.detail.invalidNote")}
        </p>
      ) : null}
      {data.status === "applied" ? (
        <p role="status" className="form-status">
          {t("directory.detail.appliedNote", { value: shown.activeStaff })}
        </p>
      ) : null}

      {data.fileErrors.length > 0 ? (
        <section aria-labelledby="file-errors-title">
          <h2 id="file-errors-title">{t("directory.fileErrors.title")}</h2>
          <ul>
            {data.fileErrors.map((error) => (
              <li key={error.code}>{problems.file(error)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {counts ? (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t("directory.detail.summary")}</h2>
          <dl className="facts" data-testid="import-summary">
            <dt>{t("directory.detail.rows")}</dt>
            <dd>{shown.totalRows}</dd>
            <dt>{t("directory.detail.new")}</dt>
            <dd>{shown.counts?.new}</dd>
            <dt>{t("directory.detail.changed")}</dt>
            <dd>{shown.counts?.changed}</dd>
            <dt>{t("directory.detail.unchanged")}</dt>
            <dd>{shown.counts?.unchanged}</dd>
            {data.full ? (
              <>
                <dt>{t("directory.detail.missing")}</dt>
                <dd>{shown.counts?.missing}</dd>
              </>
            ) : null}
            <dt>{t("directory.detail.invalid")}</dt>
            <dd>{shown.counts?.invalid}</dd>
          </dl>
        </section>
      ) : null}

      {data.applied ? (
        <section aria-labelledby="applied-title">
          <h2 id="applied-title">{t("directory.detail.appliedSummary")}</h2>
          <dl className="facts">
            <dt>{t("directory.detail.created")}</dt>
            <dd>{shown.applied?.created}</dd>
            <dt>{t("directory.detail.updated")}</dt>
            <dd>{shown.applied?.updated}</dd>
            <dt>{t("directory.detail.unchanged")}</dt>
            <dd>{shown.applied?.unchanged}</dd>
            <dt>{t("directory.detail.deactivated")}</dt>
            <dd>{shown.applied?.deactivated}</dd>
            <dt>{t("directory.detail.departmentsCreated")}</dt>
            <dd>{shown.applied?.departmentsCreated}</dd>
          </dl>
        </section>
      ) : null}

      {data.invalidRows.length > 0 ? (
        <section aria-labelledby="invalid-title">
          <h2 id="invalid-title">{t("directory.invalidRows.title")}</h2>
          {invalidTotal > data.shownLimit ? (
            <p>
              {t("directory.invalidRows.shown", {
                shown: shown.shownLimit,
                total: shown.invalidTotal,
              })}
            </p>
          ) : null}
          <div className="table-wrap">
            <table data-testid="invalid-rows">
              <thead>
                <tr>
                  <th scope="col">{t("directory.invalidRows.row")}</th>
                  <th scope="col">{t("directory.invalidRows.employeeNumber")}</th>
                  <th scope="col">{t("directory.invalidRows.name")}</th>
                  <th scope="col">{t("directory.invalidRows.field")}</th>
                  <th scope="col">{t("directory.invalidRows.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {data.invalidRows.flatMap((row) =>
                  row.problems.map((problem, index) => (
                    <tr key={`${row.rowNumber}-${problem.field}-${problem.code}`}>
                      <td>{index === 0 ? row.rowNumber : ""}</td>
                      <td>{index === 0 ? row.employeeNumber : ""}</td>
                      <td>{index === 0 ? row.name : ""}</td>
                      <td>{t(`directory.field.${problem.field}`)}</td>
                      <td>{problems.row(problem)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {data.mayApply ? (
        <section aria-labelledby="apply-title">
          <h2 id="apply-title">{t("directory.apply.title")}</h2>
          {result && !result.ok ? (
            <p role="alert" className="form-error">
              {t(`directory.apply.error.${result.problem}`)}
            </p>
          ) : null}
          <Form method="post" className="narrow">
            <CsrfInput />
            {data.unknownDepartmentCount > 0 ? (
              <fieldset>
                <legend>
                  {t("directory.apply.unknownDepartments", {
                    value: shown.unknownDepartmentCount,
                    names: unknownNames,
                  })}
                </legend>
                <input
                  type="checkbox"
                  id="createMissingDepartments"
                  name="createMissingDepartments"
                  defaultChecked={data.createMissingDepartments}
                />{" "}
                <label htmlFor="createMissingDepartments">{t("directory.apply.createDepartments")}</label>
              </fieldset>
            ) : null}
            {data.full && counts && counts.missing > 0 ? (
              <p>
                <input
                  type="checkbox"
                  id="deactivateMissing"
                  name="deactivateMissing"
                  aria-describedby="deactivate-hint"
                />{" "}
                <label htmlFor="deactivateMissing">
                  {t("directory.apply.deactivate", { value: shown.counts?.missing })}
                </label>
                <span id="deactivate-hint" className="field__hint">
                  {" "}
                  {t("directory.apply.deactivateHint")}
                </span>
              </p>
            ) : null}
            <button type="submit" className="button-primary" disabled={submitting}>
              {t("directory.apply.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
