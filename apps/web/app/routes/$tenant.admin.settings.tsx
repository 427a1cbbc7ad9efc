import { supportedLocales } from "@mentoring/i18n";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { SelectField } from "../components/select-field";
import { tenantRoute } from "../services/guard.server";
import {
  addSigner,
  removeSigner,
  settingsForm,
  signerForm,
  updateSettings,
} from "../services/settings.server";

/** The organisation's profile: names, colour, language, time zone, and who signs certificates. */
export const loader = tenantRoute("tenant.settings.manage", async ({ context, tenant }) => {
  const profile = await context.services.db.platform.tenant.findUniqueOrThrow({
    where: { id: tenant.id },
    select: { name: true, nameEn: true, brandColor: true, locale: true, timeZone: true },
  });
  const signers = await context.services.db.withTenant(tenant.id, (tx) =>
    tx.certificateSigner.findMany({ where: { tenantId: tenant.id }, orderBy: { position: "asc" } }),
  );
  return { profile, signers };
});

const fieldErrors = (error: z.ZodError) =>
  Object.fromEntries(error.issues.map((issue) => [issue.path[0], issue.message])) as Record<string, string>;

export const action = tenantRoute("tenant.settings.manage", async ({ request, context, tenant, user }) => {
  const form = Object.fromEntries(await request.formData());
  const common = { tenant, actorUserId: user.id, requestId: context.requestId };
  switch (form.intent) {
    case "settings": {
      const parsed = settingsForm.safeParse(form);
      if (!parsed.success) return { intent: "settings", errors: fieldErrors(parsed.error) };
      await updateSettings(context.services, { ...common, form: parsed.data });
      return { intent: "settings", saved: true };
    }
    case "add-signer": {
      const parsed = signerForm.safeParse(form);
      if (!parsed.success) return { intent: "add-signer", errors: fieldErrors(parsed.error) };
      await addSigner(context.services, { ...common, form: parsed.data });
      return { intent: "add-signer", saved: true };
    }
    case "remove-signer": {
      const signerId = z.string().uuid().safeParse(form.signerId);
      if (!signerId.success) throw new Response(null, { status: 400 });
      await removeSigner(context.services, { ...common, signerId: signerId.data });
      return { intent: "remove-signer", saved: true };
    }
    default:
      throw new Response(null, { status: 400 });
  }
});

const timeZones = ["Asia/Seoul", "UTC"];

export default function Settings() {
  const { t } = useTranslation();
  const { profile, signers } = useLoaderData<typeof loader>();
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
