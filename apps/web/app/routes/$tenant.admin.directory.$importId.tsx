import { getFormProps, useForm } from "@conform-to/react";
import {
  type FileError,
  getDirectoryImport,
  type RowProblem,
  requestDirectoryImportApply,
  retryDirectoryImport,
} from "@mentoring/directory";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { CheckboxField, FormErrors } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { useRefreshWhile } from "../components/use-refresh-while";
import { presentDirectoryImport } from "../presenters/directory-import.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";
import { importStatusOf } from "../services/stored-codes";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("directory.detail.title", { fileName: data.fileName }),
);

const importParams = z.object({ importId: id });

/** One import: its progress, what it would change, every invalid row with its reason, and applying it. */
export const loader = tenantLoader(
  { permission: "staff.import", params: importParams },
  async ({ params, tenant, locale, withTenant }) => {
    const detail = await withTenant(
      (tx) => getDirectoryImport(tx, { tenantId: tenant.id, importId: params.importId }),
      // The invalid rows it lists name people of the directory, by name and employee number.
      {
        accessLog: ({ invalidRows }) => ({
          kind: "directory",
          subjects: {
            employeeNumbers: invalidRows.flatMap((row) => (row.employeeNumber ? [row.employeeNumber] : [])),
          },
        }),
      },
    );
    return { ...presentDirectoryImport(detail, locale), base: `/${tenant.slug}/admin/directory` };
  },
);

// Applying (the default, the apply form) or trying a failed import's work again (the retry button).
const importForm = z.object({
  intent: z.enum(["apply", "retry"]).default("apply"),
  createMissingDepartments: z.boolean().default(false),
  deactivateMissing: z.boolean().default(false),
});

/**
 * Applying the import with the administrator's choices, or trying a failed import's work again; the worker
 * does the work.
 */
export const action = tenantAction(
  { permission: "staff.import", params: importParams, form: importForm },
  async ({ params, form, tenant, user, requestId, withTenant }) => {
    if (form.intent === "retry") {
      const { retried } = await withTenant((tx) =>
        retryDirectoryImport(tx, {
          tenantId: tenant.id,
          userId: user.id,
          importId: params.importId,
          requestId,
        }),
      );
      return { retried };
    }
    await withTenant((tx) =>
      requestDirectoryImportApply(tx, {
        tenantId: tenant.id,
        userId: user.id,
        importId: params.importId,
        ...form,
        requestId,
      }),
    );
    return { applying: true as const };
  },
);

function useProblemText() {
  const { t } = useTranslation();
  // A file error lists a few headers and counts the rest (columns.ts bounds them).
  const list = (items: string[] | undefined, more: number | undefined) => {
    const columns = (items ?? []).join(", ");
    return more ? t("directory.fileError.more", { columns, count: more }) : columns;
  };
  return {
    row: (problem: RowProblem) => t(`directory.error.${problem.code}`, { ...problem.params }),
    file: (error: FileError) =>
      t(`directory.fileError.${error.code}`, {
        columns:
          error.code === "missing_columns"
            ? (error.params?.fields ?? []).map((field) => t(`directory.field.${field}`)).join(", ")
            : list(error.params?.headers, error.params?.more),
        row: error.params?.row ?? "",
        limit: error.params?.limit ?? "",
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
  const [form, fields] = useForm<{ createMissingDepartments: boolean; deactivateMissing: boolean }>({
    id: "apply",
    lastResult: isRefusal(result) ? result : undefined,
    defaultValue: { createMissingDepartments: data.createMissingDepartments },
  });
  // One row per problem; the row's number, employee number and name head its first problem only.
  const problemRows = data.invalidRows.flatMap((row) =>
    row.problems.map((problem, index) => ({ row, problem, first: index === 0 })),
  );

  return (
    <>
      <p>
        <Link to={data.base}>{t("directory.detail.back")}</Link>
      </p>
      <h1>{t("directory.detail.title", { fileName: data.fileName })}</h1>
      <dl className="facts">
        <dt>{t("directory.imports.status")}</dt>
        <dd data-testid="import-status">{t(`directory.status.${importStatusOf(data.status)}`)}</dd>
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
      {result && "retried" in result ? (
        <p role="status" className="form-status" data-testid="retry-result">
          {t(result.retried ? "directory.detail.retried" : "directory.detail.alreadyRetried")}
        </p>
      ) : null}
      {data.status === "failed" ? (
        <div className="banner banner--error">
          <p id="import-failure" role="alert">
            {data.failureCode
              ? t(`directory.detail.failure.${data.failureCode}`)
              : t("directory.detail.failed")}
          </p>
          <Form method="post">
            <CsrfInput />
            <button
              type="submit"
              name="intent"
              value="retry"
              className="button-primary"
              disabled={submitting}
              aria-describedby="import-failure"
            >
              {t("directory.detail.retry")}
            </button>
          </Form>
        </div>
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
          <div data-testid="invalid-rows">
            <DataTable
              caption={t("directory.invalidRows.title")}
              captionHidden
              rows={problemRows}
              rowKey={({ row, problem }) => `${row.rowNumber}-${problem.field}-${problem.code}`}
              empty={null}
              columns={[
                {
                  key: "row",
                  header: t("directory.invalidRows.row"),
                  cell: ({ row, first }) => (first ? row.rowNumber : ""),
                },
                {
                  key: "employeeNumber",
                  header: t("directory.invalidRows.employeeNumber"),
                  cell: ({ row, first }) => (first ? row.employeeNumber : ""),
                },
                {
                  key: "name",
                  header: t("directory.invalidRows.name"),
                  cell: ({ row, first }) => (first ? row.name : ""),
                },
                {
                  key: "field",
                  header: t("directory.invalidRows.field"),
                  cell: ({ problem }) => t(`directory.field.${problem.field}`),
                },
                {
                  key: "reason",
                  header: t("directory.invalidRows.reason"),
                  cell: ({ problem }) => problems.row(problem),
                },
              ]}
            />
          </div>
        </section>
      ) : null}

      {data.mayApply ? (
        <section aria-labelledby="apply-title">
          <h2 id="apply-title">{t("directory.apply.title")}</h2>
          <FormErrors form={form} />
          <Form method="post" className="narrow" {...getFormProps(form)}>
            <CsrfInput />
            {data.unknownDepartmentCount > 0 ? (
              <fieldset>
                <legend>
                  {t("directory.apply.unknownDepartments", {
                    value: shown.unknownDepartmentCount,
                    names: unknownNames,
                  })}
                </legend>
                <CheckboxField
                  meta={fields.createMissingDepartments}
                  label={t("directory.apply.createDepartments")}
                />
              </fieldset>
            ) : null}
            {data.full && counts && counts.missing > 0 ? (
              <CheckboxField
                meta={fields.deactivateMissing}
                label={t("directory.apply.deactivate", { value: shown.counts?.missing })}
                hint={t("directory.apply.deactivateHint")}
              />
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
