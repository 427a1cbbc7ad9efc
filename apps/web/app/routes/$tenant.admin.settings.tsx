import { LocalFileStorage } from "@mentoring/certificates";
import { type AppError, appErrors, isAppError } from "@mentoring/domain";
import { supportedLocales } from "@mentoring/i18n";
import {
  addCertificateSigner,
  certificateSignerForm,
  getTenantSettings,
  MAX_BRANDING_BYTES,
  removeBranding,
  removeCertificateSigner,
  tenantSettingsForm,
  updateBranding,
  updateTenantSettings,
} from "@mentoring/tenants";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { SelectField } from "../components/select-field";
import { type BrandingKind, brandingKinds } from "../services/branding-kinds";
import { tenantRoute } from "../services/guard.server";

/** The organisation's profile: names, colour, language, time zone, and who signs certificates. */
export const loader = tenantRoute("tenant.settings.manage", async ({ context, tenant }) => {
  const { profile, signers } = await context.services.db.withTenant(tenant.id, (tx) =>
    getTenantSettings(tx, { tenantId: tenant.id }),
  );
  const { logoKey, sealKey, ...settings } = profile;
  // The preview's address changes with the stored key (a new one per upload), so caches stay correct.
  const imageUrl = (kind: BrandingKind, key: string | null) =>
    key
      ? `/${tenant.slug}/admin/settings/image/${kind}?v=${encodeURIComponent(key.slice(key.lastIndexOf("/") + 1))}`
      : null;
  return {
    profile: settings,
    signers,
    images: { logo: imageUrl("logo", logoKey), seal: imageUrl("seal", sealKey) },
  };
});

const fieldErrors = (error: z.ZodError) =>
  Object.fromEntries(error.issues.map((issue) => [issue.path[0], issue.message])) as Record<string, string>;

/** What the branding form shows beside each file input: a message key, worded with the image's name. */
type BrandingProblems = Partial<Record<BrandingKind, string>>;

/** A refused upload as the form shows it: each refused file's message beside its input. */
const brandingProblems = (error: AppError): BrandingProblems =>
  Object.fromEntries(
    (error.details.fields ?? []).map((field) => [field.path, field.message]),
  ) as BrandingProblems;

/** The logo and seal form (multipart): files read into memory, each part cut off past 1 MB. */
async function uploadBranding(
  request: Request,
  upload: (files: Partial<Record<BrandingKind, Uint8Array>>) => Promise<void>,
) {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_BRANDING_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const kind = brandingKinds.find((name) => name === error.field) ?? "logo";
      return {
        intent: "branding",
        problems: { [kind]: appErrors["branding.too_large"].message } as BrandingProblems,
      };
    }
    throw error;
  }
  const files: Partial<Record<BrandingKind, Uint8Array>> = {};
  for (const kind of brandingKinds) {
    const file = form.get(kind);
    if (file instanceof File && file.size > 0) files[kind] = new Uint8Array(await file.arrayBuffer());
  }
  if (Object.keys(files).length === 0)
    return {
      intent: "branding",
      problems: {} as BrandingProblems,
      noFile: true,
    };
  try {
    await upload(files);
  } catch (error) {
    if (
      !isAppError(
        error,
        "branding.not_image",
        "branding.too_large",
        "branding.undecodable",
        "branding.bad_size",
      )
    )
      throw error;
    return { intent: "branding", problems: brandingProblems(error) };
  }
  return { intent: "branding", saved: true as const };
}

export const action = tenantRoute("tenant.settings.manage", async ({ request, context, tenant, user }) => {
  const { services, requestId } = context;
  const common = { tenantId: tenant.id, actorUserId: user.id, requestId };
  const branding = {
    ...common,
    storage: new LocalFileStorage(services.config.STORAGE_DIR),
    log: services.log,
  };
  if (request.headers.get("content-type")?.startsWith("multipart/form-data"))
    return uploadBranding(request, (files) => updateBranding(services.db, { ...branding, files }));
  const form = Object.fromEntries(await request.formData());
  switch (form.intent) {
    case "settings": {
      const parsed = tenantSettingsForm.safeParse(form);
      if (!parsed.success) return { intent: "settings", errors: fieldErrors(parsed.error) };
      await services.db.withTenant(tenant.id, (tx) =>
        updateTenantSettings(tx, { ...common, form: parsed.data }),
      );
      return { intent: "settings", saved: true };
    }
    case "add-signer": {
      const parsed = certificateSignerForm.safeParse(form);
      if (!parsed.success) return { intent: "add-signer", errors: fieldErrors(parsed.error) };
      await services.db.withTenant(tenant.id, (tx) =>
        addCertificateSigner(tx, { ...common, form: parsed.data }),
      );
      return { intent: "add-signer", saved: true };
    }
    case "remove-signer": {
      const signerId = z.string().uuid().safeParse(form.signerId);
      if (!signerId.success) throw new Response(null, { status: 400 });
      await services.db.withTenant(tenant.id, (tx) =>
        removeCertificateSigner(tx, { ...common, signerId: signerId.data }),
      );
      return { intent: "remove-signer", saved: true };
    }
    case "remove-branding": {
      const kind = brandingKinds.find((name) => name === form.kind);
      if (!kind) throw new Response(null, { status: 400 });
      await removeBranding(services.db, { ...branding, kind });
      return { intent: "remove-branding", saved: true };
    }
    default:
      throw new Response(null, { status: 400 });
  }
});

const timeZones = ["Asia/Seoul", "UTC"];

export default function Settings() {
  const { t } = useTranslation();
  const { profile, signers, images } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (intent: string) =>
    (result?.intent === intent && "errors" in result ? result.errors : {}) as Record<string, string>;
  return (
    <>
      <h1>{t("settings.title")}</h1>
      {result && "saved" in result ? (
        <p role="status" className="form-status">
          {t("settings.saved")}
        </p>
      ) : null}
      <Form method="post" noValidate className="narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="settings" />
        <Field
          name="name"
          label="settings.name"
          defaultValue={profile.name}
          required
          error={errors("settings").name}
        />
        <Field
          name="nameEn"
          label="settings.nameEn"
          defaultValue={profile.nameEn ?? ""}
          lang="en"
          error={errors("settings").nameEn}
        />
        <Field
          name="brandColor"
          label="settings.brandColor"
          hint="settings.brandColorHint"
          defaultValue={profile.brandColor ?? ""}
          error={errors("settings").brandColor}
        />
        <SelectField
          name="locale"
          label="settings.locale"
          defaultValue={profile.locale}
          options={supportedLocales.map((locale) => ({
            value: locale,
            label: t(`app.language.names.${locale}`),
          }))}
        />
        <SelectField
          name="timeZone"
          label="settings.timeZone"
          defaultValue={profile.timeZone}
          options={[...new Set([profile.timeZone, ...timeZones])].map((zone) => ({
            value: zone,
            label: zone,
          }))}
          error={errors("settings").timeZone}
        />
        <button type="submit" className="button-primary">
          {t("settings.save")}
        </button>
      </Form>

      <Branding images={images} result={result} />

      <h2>{t("settings.signers")}</h2>
      <p>{t("settings.signersHint")}</p>
      {signers.length === 0 ? (
        <p>{t("settings.noSigners")}</p>
      ) : (
        <ul className="signer-list">
          {signers.map((signer) => (
            <li key={signer.id}>
              <span>
                {signer.title} {signer.name}
              </span>{" "}
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="remove-signer" />
                <input type="hidden" name="signerId" value={signer.id} />
                <button type="submit">{t("settings.removeSigner", { name: signer.name })}</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" noValidate className="narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="add-signer" />
        <Field
          id="signer-title"
          name="title"
          label="settings.signerTitle"
          required
          error={errors("add-signer").title}
        />
        <Field
          id="signer-name"
          name="name"
          label="settings.signerName"
          required
          error={errors("add-signer").name}
        />
        <button type="submit">{t("settings.addSigner")}</button>
      </Form>
    </>
  );
}

type ActionResult = ReturnType<typeof useActionData<typeof action>>;

/** The logo and seal: a preview of each stored image, its file input and a remove button. */
function Branding({ images, result }: { images: Record<BrandingKind, string | null>; result: ActionResult }) {
  const { t } = useTranslation();
  const problems =
    result?.intent === "branding" && "problems" in result ? (result.problems as BrandingProblems) : {};
  const noFile = result?.intent === "branding" && "noFile" in result;
  return (
    <section aria-labelledby="branding-heading">
      <h2 id="branding-heading">{t("settings.branding.title")}</h2>
      <p>{t("settings.branding.intro")}</p>
      <div className="branding-previews">
        {brandingKinds.map((kind) => {
          const label = t(`settings.branding.${kind}`);
          const url = images[kind];
          return (
            <figure key={kind} className="branding-preview">
              {url ? (
                <img src={url} alt={t("settings.branding.current", { name: label })} />
              ) : (
                <p className="branding-preview__empty">{t("settings.branding.none", { name: label })}</p>
              )}
              <figcaption>
                {label}
                {url ? (
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="remove-branding" />
                    <input type="hidden" name="kind" value={kind} />
                    <button type="submit">{t("settings.branding.remove", { name: label })}</button>
                  </Form>
                ) : null}
              </figcaption>
            </figure>
          );
        })}
      </div>
      <Form method="post" encType="multipart/form-data" noValidate className="narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="branding" />
        {noFile ? (
          <p role="alert" className="field__error">
            {t("settings.branding.noFile")}
          </p>
        ) : null}
        {brandingKinds.map((kind) => {
          const id = `branding-${kind}`;
          const label = t(`settings.branding.${kind}`);
          const problem = problems[kind];
          return (
            <div key={kind} className="field">
              <label htmlFor={id}>{label}</label>
              <p id={`${id}-hint`} className="field__hint">
                {t("settings.branding.hint")}
              </p>
              <input
                id={id}
                name={kind}
                type="file"
                accept="image/png,image/jpeg"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
              />
              {problem ? (
                <p id={`${id}-error`} className="field__error">
                  {t(problem, { name: label })}
                </p>
              ) : null}
            </div>
          );
        })}
        <button type="submit">{t("settings.branding.save")}</button>
      </Form>
    </section>
  );
}
