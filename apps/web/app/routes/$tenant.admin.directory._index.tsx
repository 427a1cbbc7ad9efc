import { getFormProps, useForm } from "@conform-to/react";
import { createDirectoryImport, getDirectoryOverview } from "@mentoring/directory";
import { LocalFileStorage } from "@mentoring/storage";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { CheckboxField, FormErrors, InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { presentDirectory } from "../presenters/directory.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { importStatusOf } from "../services/stored-codes";

export const handle = pageTitle("directory.title");

/** The staff directory: how many people it holds, the latest imports, and the form to upload one. */
export const loader = tenantLoader(
  { permission: "staff.view" },
  async ({ tenant, locale, may, withTenant }) => ({
    ...presentDirectory(
      await withTenant((tx) => getDirectoryOverview(tx, { tenantId: tenant.id })),
      locale,
      tenant.timeZone,
    ),
    base: `/${tenant.slug}/admin/directory`,
    mayImport: may("staff.import"),
  }),
);

// No file chosen comes as absent; the use case refuses that, as it does an empty or too large one.
const uploadForm = z.object({ file: z.instanceof(File).optional(), full: z.boolean().default(false) });

/** Upload: the file is kept for the worker, the import created and its validation enqueued. */
export const action = tenantAction(
  { permission: "staff.import", form: uploadForm, body: "directoryUpload" },
  async ({ form, tenant, user, services }) => {
    const created = await createDirectoryImport(services.db, {
      tenantId: tenant.id,
      userId: user.id,
      fileName: form.file?.name ?? "",
      bytes: form.file ? new Uint8Array(await form.file.arrayBuffer()) : new Uint8Array(),
      full: form.full,
      storage: new LocalFileStorage(services.config.STORAGE_DIR),
    });
    throw redirect(`/${tenant.slug}/admin/directory/${created.importId}`);
  },
);

export default function Directory() {
  const { t } = useTranslation();
  const { activeStaff, imports, limits, base, mayImport } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  const [form, fields] = useForm<{ file: File; full: boolean }>({
    id: "upload",
    lastResult: isRefusal(result) ? result : undefined,
  });
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
          <p data-testid="import-limits">
            <strong>{t("directory.upload.limitsTitle")}</strong>: {t("directory.upload.limits", limits)}
          </p>
          <FormErrors form={form} />
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
      <DataTable
        caption={t("directory.imports.title")}
        captionHidden
        rows={imports}
        rowKey={(item) => item.id}
        empty={t("directory.imports.none")}
        columns={[
          {
            key: "file",
            header: t("directory.imports.file"),
            cell: (item) =>
              mayImport ? <Link to={`${base}/${item.id}`}>{item.fileName}</Link> : item.fileName,
          },
          { key: "createdAt", header: t("directory.imports.createdAt"), cell: (item) => item.createdAt },
          {
            key: "kind",
            header: t("directory.imports.kind"),
            cell: (item) => t(item.full ? "directory.imports.full" : "directory.imports.partial"),
          },
          { key: "rows", header: t("directory.imports.rows"), cell: (item) => item.totalRows, numeric: true },
          {
            key: "status",
            header: t("directory.imports.status"),
            cell: (item) => t(`directory.status.${importStatusOf(item.status)}`),
          },
        ]}
      />
    </>
  );
}
