import type { MessageKey } from "@mentoring/i18n";
import { useTranslation } from "react-i18next";
import type { Refusal } from "../services/refusal";
import { TemplateNav } from "./template-nav";

export interface TemplateSummary {
  id: string;
  name: string;
  currentVersion: number;
  currentVersionInUse: boolean;
}

/**
 * The top of every page of a template's editor: its title, the editor's menu, the template's name and
 * version, and whether a save changes this version or makes the next one.
 */
export function TemplatePageHeading({
  title,
  tenantSlug,
  template,
}: {
  title: MessageKey;
  tenantSlug: string;
  template: TemplateSummary;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t(title)}</h1>
      <TemplateNav tenantSlug={tenantSlug} templateId={template.id} />
      <dl className="facts">
        <dt>{t("programs.field.name")}</dt>
        <dd data-testid="template-name">{template.name}</dd>
        <dt>{t("programs.template.version")}</dt>
        <dd data-testid="template-version">
          {t("programs.index.versionValue", { version: template.currentVersion })}
        </dd>
      </dl>
      <p>
        {template.currentVersionInUse
          ? t("programs.template.inUse", { next: template.currentVersion + 1 })
          : t("programs.template.notInUse")}
      </p>
    </>
  );
}

/**
 * What the last save did: saved in place or as a new version, nothing changed, or refused with each
 * field's message linked to its field (conform's id); and, to a reader, that the page cannot be saved.
 */
export function TemplateSaveOutcome({
  saved,
  refusal,
  form,
  mayManage,
}: {
  saved?: { changed: boolean; newVersion: boolean; version: number };
  refusal?: Refusal;
  form: { id: string; errors?: string[] };
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const fieldMessages = Object.entries(refusal?.error ?? {}).flatMap(([name, messages]) =>
    name !== "" && messages?.[0] ? [{ name, message: messages[0] }] : [],
  );
  return (
    <>
      {saved ? (
        <p role="status" className="form-status">
          {saved.changed
            ? t(saved.newVersion ? "programs.template.savedNewVersion" : "programs.template.saved", {
                version: saved.version,
              })
            : t("programs.template.unchanged")}
        </p>
      ) : null}
      {refusal ? (
        <div role="alert" className="error-summary">
          <p className="form-error">{t("programs.template.notSaved")}</p>
          <ul>
            {fieldMessages.length > 0
              ? fieldMessages.map(({ name, message }) => (
                  <li key={name}>
                    <a href={`#${form.id}-${name}`}>{message}</a>
                  </li>
                ))
              : form.errors?.map((message) => <li key={message}>{message}</li>)}
          </ul>
        </div>
      ) : null}
      {mayManage ? null : <p>{t("programs.template.readOnlyNotice")}</p>}
    </>
  );
}
