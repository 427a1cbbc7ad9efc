import { getFormProps, useForm } from "@conform-to/react";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { CheckboxField, InputField } from "../components/form-fields";
import { presentDirectory } from "../presenters/directory.server";
import { createImport, directoryOverview } from "../services/directory.server";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { importStatusOf } from "../services/stored-codes";

/** The staff directory: how many people it holds, the latest imports, and the form to upload one. */
export const loader = tenantLoader(
  { permission: "staff.view" },
  async ({ tenant, locale, may, services }) => ({
    ...presentDirectory(await directoryOverview(services, tenant.id), locale, tenant.timeZone),
    base: `/${tenant.slug}/admin/directory`,
    mayImport: may("staff.import"),
  }),
);

// No file chosen comes as absent; createImport answers that, as it does an empty or too large one.
const uploadForm = z.object({ file: z.instanceof(File).optional(), full: z.boolean().default(false) });

/** Upload: the file is kept for the worker, the import created and its validation enqueued. */
export const action = tenantAction(
  { permission: "staff.import", form: uploadForm },
  async ({ form, tenant, user, services }) => {
    const created = await createImport(services, {
      tenantId: tenant.id,
      userId: user.id,
      fileName: form.file?.name ?? "",
      bytes: form.file ? new Uint8Array(await form.file.arrayBuffer()) : new Uint8Array(),
      full: form.full,
    });
    if (!created.ok) return { problem: created.problem };
    throw redirect(`/${tenant.slug}/admin/directory/${created.importId}`);
  },
);

export default function Directory() {
  const { t } = useTranslation();
  const { activeStaff, imports, base, mayImport } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  const [form, fields] = useForm<{ file: File; full: boolean }>({ id: "upload" });
  const problem = result && "problem" in result ? result.problem : undefined;
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
          {problem ? (
            <p role="alert" className="form-error">
              {t(`directory.upload.error.${problem}`)}
            </p>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="narrow" {...getFormProps(form)}>
            <CsrfInput />
            <InputField
              meta={fields.file}
              type="file"
              label={t("directory.upload.file")}
              hint={t("directory.upload.fileHint")}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
            />
            <CheckboxField
              meta={fields.full}
              label={t("directory.upload.full")}
              hint={t("directory.upload.fullHint")}
            />
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
        // Hand-made rather than DataTable: the file name is a plain cell, as the e2e specs find it.
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
                  <td>{t(`directory.status.${importStatusOf(item.status)}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
