import { can } from "@mentoring/domain";
import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import {
  createImport,
  directoryOverview,
  MAX_UPLOAD_BYTES,
  type UploadProblem,
} from "../services/directory.server";
import { formatDateTime, formatNumber } from "../services/format.server";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** The staff directory: how many people it holds, the latest imports, and the form to upload one. */
export const loader = tenantRoute("staff.view", async ({ request, context, tenant, membership }) => {
  const overview = await directoryOverview(context.services, tenant.id);
  const locale = await localeOf(request);
  return {
    ...overview,
    activeStaff: formatNumber(overview.activeStaff, locale),
    imports: overview.imports.map((item) => ({
      ...item,
      createdAt: formatDateTime(new Date(item.createdAt), locale, tenant.timeZone),
      totalRows: formatNumber(item.totalRows, locale),
    })),
    base: `/${tenant.slug}/admin/directory`,
    mayImport: can(membership.roles, "staff.import"),
  };
});

/** Upload: the file is kept for the worker, the import created and its validation enqueued. */
export const action = tenantRoute("staff.import", async ({ request, context, tenant, user }) => {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { problem: "tooLarge" as UploadProblem };
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { problem: "noFile" as UploadProblem };
  const created = await createImport(context.services, {
    tenantId: tenant.id,
    userId: user.id,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    full: form.get("full") === "on",
  });
  if (!created.ok) return { problem: created.problem };
  throw redirect(`/${tenant.slug}/admin/directory/${created.importId}`);
});

export default function Directory() {
  const { t } = useTranslation();
  const { activeStaff, imports, base, mayImport } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("directory.title")}</h1>
      <p>{t("directory.intro")}</p>
      <dl className="facts">
        <dt>{t("directory.activeStaff")}</dt>
        <dd data-testid="active-staff">{t("directory.activeStaffValue", { value: activeStaff })}</dd>
      </dl>
      {mayImport ? (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{t("directory.upload.title")}</h2>
          {result?.problem ? (
            <p role="alert" className="form-error">
              {t(`directory.upload.error.${result.problem}`)}
            </p>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="narrow">
            <CsrfInput />
            <Field
              name="file"
              type="file"
              label="directory.upload.file"
              hint="directory.upload.fileHint"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
            />
            <p>
              <input type="checkbox" id="full" name="full" aria-describedby="full-hint" />{" "}
              <label htmlFor="full">{t("directory.upload.full")}</label>
            </p>
            <p id="full-hint" className="field__hint">
              {t("directory.upload.fullHint")}
            </p>
            <button type="submit" className="button-primary" disabled={uploading}>
              {t("directory.upload.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <h2>{t("directory.imports.title")}</h2>
      {imports.length === 0 ? (
        <p>{t("directory.imports.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("directory.imports.file")}</th>
                <th scope="col">{t("directory.imports.createdAt")}</th>
                <th scope="col">{t("directory.imports.kind")}</th>
                <th scope="col">{t("directory.imports.rows")}</th>
                <th scope="col">{t("directory.imports.status")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((item) => (
                <tr key={item.id}>
                  <td>
                    {mayImport ? <Link to={`${base}/${item.id}`}>{item.fileName}</Link> : item.fileName}
                  </td>
                  <td>{item.createdAt}</td>
                  <td>{t(item.full ? "directory.imports.full" : "directory.imports.partial")}</td>
                  <td>{item.totalRows}</td>
                  <td>{t(`directory.status.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
