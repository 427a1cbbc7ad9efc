import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type MessageKey, messageKey, supportedLocales } from "@mentoring/i18n";
import { LocalFileStorage } from "@mentoring/storage";
import {
  addCertificateSigner,
  certificateSignerForm,
  getTenantSettings,
  insightsSharingForm,
  removeBranding,
  removeCertificateSigner,
  tenantSettingsForm,
  updateBranding,
  updateInsightsSharing,
  updateTenantSettings,
} from "@mentoring/tenants";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, InputField, SelectField } from "../components/form-fields";
import { InsightsSharing } from "../components/insights-sharing";
import { pageTitle } from "../components/page-title";
import { type BrandingKind, brandingKinds } from "../services/branding-kinds";
import { formatDateTime } from "../services/format.server";
import { isRefusal, type Refusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("settings.title");

/** The organisation's profile: names, colour, language, time zone, and who signs certificates. */
export const loader = tenantLoader(
  { permission: "tenant.settings.manage" },
  async ({ tenant, locale, may, withTenant }) => {
    const { profile, signers } = await withTenant((db) => getTenantSettings(db, { tenantId: tenant.id }));
    const { logoKey, sealKey, insightsOptedInAt, insightsNamed, ...settings } = profile;
    // The preview's address changes with the stored key (a new one per upload), so caches stay correct.
    const imageUrl = (kind: BrandingKind, key: string | null) =>
      key
        ? `/${tenant.slug}/admin/settings/image/${kind}?v=${encodeURIComponent(key.slice(key.lastIndexOf("/") + 1))}`
        : null;
    return {
      profile: settings,
      signers,
      images: { logo: imageUrl("logo", logoKey), seal: imageUrl("seal", sealKey) },
      insights: {
        since: insightsOptedInAt
          ? formatDateTime(insightsOptedInAt, locale, tenant.timeZone, { dateStyle: "long" })
          : null,
        named: insightsNamed,
        compareUrl: may("insights.compare") ? `/${tenant.slug}/admin/insights` : null,
      },
      // The forms' schemas live with their use cases, out of the browser's reach: their constraints
      // (required, lengths) come with the page.
      constraints: {
        settings: getZodConstraint(tenantSettingsForm),
        signer: getZodConstraint(certificateSignerForm),
      },
    };
  },
);

const settingsForm = z
  .discriminatedUnion("intent", [
    tenantSettingsForm.extend({ intent: z.literal("settings") }),
    certificateSignerForm.extend({ intent: z.literal("add-signer") }),
    z.object({ intent: z.literal("remove-signer"), signerId: id }),
    z.object({ intent: z.literal("remove-branding"), kind: z.enum(brandingKinds) }),
    insightsSharingForm.extend({ intent: z.literal("insights") }),
    // Multipart: a file input left empty comes as absent.
    z.object({
      intent: z.literal("branding"),
      logo: z.instanceof(File).optional(),
      seal: z.instanceof(File).optional(),
    }),
  ])
  .superRefine((form, context) => {
    if (form.intent === "branding" && !form.logo && !form.seal)
      context.addIssue({ code: "custom", path: [], message: "settings.branding.noFile" });
  });

const fieldLabels: Record<string, MessageKey> = {
  name: "settings.name",
  nameEn: "settings.nameEn",
  brandColor: "settings.brandColor",
  locale: "settings.locale",
  timeZone: "settings.timeZone",
  title: "settings.signerTitle",
};

/** A refused upload's message for each refused file, worded with the image's name. */
function brandingProblems(fields: { path: string; message: string }[], t: TFunction) {
  const problems: Partial<Record<BrandingKind, string>> = {};
  for (const { path, message } of fields) {
    const kind = brandingKinds.find((name) => name === path);
    if (kind) problems[kind] = t(messageKey(message), { name: t(`settings.branding.${kind}`) });
  }
  return problems;
}

export const action = tenantAction(
  {
    permission: "tenant.settings.manage",
    form: settingsForm,
    // The form that uploads the logo and the seal is this page's too.
    body: "brandingImages",
    fieldName: (path, t) => (fieldLabels[path] ? t(fieldLabels[path]) : null),
    onRefusal: (error, { form, t }) =>
      form.intent === "branding" ? { problems: brandingProblems(error.details.fields ?? [], t) } : {},
  },
  async ({ form, tenant, user, requestId, services, withTenant }) => {
    const common = { tenantId: tenant.id, actorUserId: user.id, requestId };
    const branding = {
      ...common,
      storage: new LocalFileStorage(services.config.STORAGE_DIR),
      log: services.log,
    };
    switch (form.intent) {
      case "settings": {
        const { intent: _, ...settings } = form;
        await withTenant((db) => updateTenantSettings(db, { ...common, form: settings }));
        break;
      }
      case "add-signer": {
        const { intent: _, ...signer } = form;
        await withTenant((db) => addCertificateSigner(db, { ...common, form: signer }));
        break;
      }
      case "remove-signer":
        await withTenant((db) => removeCertificateSigner(db, { ...common, signerId: form.signerId }));
        break;
      case "remove-branding":
        await removeBranding(services.db, { ...branding, kind: form.kind });
        break;
      case "insights":
        await withTenant((db) => updateInsightsSharing(db, { ...common, form: { choice: form.choice } }));
        return { saved: true as const, insights: form.choice };
      case "branding": {
        const files: Partial<Record<BrandingKind, Uint8Array>> = {};
        for (const kind of brandingKinds) {
          const file = form[kind];
          if (file) files[kind] = new Uint8Array(await file.arrayBuffer());
        }
        await updateBranding(services.db, { ...branding, files });
        break;
      }
    }
    return { saved: true as const };
  },
);

const timeZones = ["Asia/Seoul", "UTC"];

type ActionResult = ReturnType<typeof useActionData<typeof action>>;

/** The refusal of the form that posted `intent`, for that form alone. */
function refusalOf(result: ActionResult, intent: string) {
  return isRefusal(result) && result.initialValue?.intent === intent ? result : undefined;
}

export default function Settings() {
  const { t } = useTranslation();
  const { profile, signers, images, constraints, insights } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm<{
    name: string;
    nameEn: string;
    brandColor: string;
    locale: string;
    timeZone: string;
  }>({
    id: "settings",
    lastResult: refusalOf(result, "settings"),
    defaultValue: { ...profile, nameEn: profile.nameEn ?? "", brandColor: profile.brandColor ?? "" },
    constraint: constraints.settings,
  });
  const [signerForm, signerFields] = useForm<{ title: string; name: string }>({
    id: "signer",
    lastResult: refusalOf(result, "add-signer"),
    constraint: constraints.signer,
  });
  return (
    <>
      <h1>{t("settings.title")}</h1>
      {result && "saved" in result && !("insights" in result) ? (
        <FormAnswer answer={result}>{t("settings.saved")}</FormAnswer>
      ) : null}
      <Form method="post" className="narrow" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="settings" />
        <FormErrors form={form} />
        <InputField meta={fields.name} label={t("settings.name")} />
        <InputField meta={fields.nameEn} label={t("settings.nameEn")} lang="en" />
        <InputField
          meta={fields.brandColor}
          label={t("settings.brandColor")}
          hint={t("settings.brandColorHint")}
        />
        <SelectField
          meta={fields.locale}
          label={t("settings.locale")}
          options={supportedLocales.map((locale) => ({
            value: locale,
            label: t(`app.language.names.${locale}`),
          }))}
        />
        <SelectField
          meta={fields.timeZone}
          label={t("settings.timeZone")}
          options={[...new Set([profile.timeZone, ...timeZones])].map((zone) => ({
            value: zone,
            label: zone,
          }))}
        />
        <button type="submit" className="button-primary">
          {t("settings.save")}
        </button>
      </Form>

      <Branding images={images} refusal={refusalOf(result, "branding")} />

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
      <Form method="post" className="narrow" {...getFormProps(signerForm)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="add-signer" />
        <FormErrors form={signerForm} />
        <InputField meta={signerFields.title} label={t("settings.signerTitle")} />
        <InputField meta={signerFields.name} label={t("settings.signerName")} />
        <button type="submit">{t("settings.addSigner")}</button>
      </Form>

      <InsightsSharing
        {...insights}
        saved={result && "insights" in result ? (result.insights ?? null) : null}
      />
    </>
  );
}

/** The logo and seal: a preview of each stored image, its file input and a remove button. */
function Branding({
  images,
  refusal,
}: {
  images: Record<BrandingKind, string | null>;
  refusal: Refusal<{ problems: Partial<Record<BrandingKind, string>> }> | undefined;
}) {
  const { t } = useTranslation();
  const problems = refusal?.problems ?? {};
  // Refused by the form itself (no file chosen) rather than by a file's check.
  const formError = refusal && !refusal.problems ? refusal.error?.[""]?.[0] : undefined;
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
        {formError ? (
          <p role="alert" className="field__error">
            {formError}
          </p>
        ) : null}
        {brandingKinds.map((kind) => {
          const id = `branding-${kind}`;
          const problem = problems[kind];
          return (
            <div key={kind} className="field">
              <label htmlFor={id}>{t(`settings.branding.${kind}`)}</label>
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
                  {problem}
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
