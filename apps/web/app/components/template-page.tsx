import { type DefaultValue, type FormMetadata, getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import type { MessageKey } from "@mentoring/i18n";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isListEdit } from "../services/list-edit";
import { isRefusal, type Refusal } from "../services/refusal";
import { CsrfInput } from "./csrf-input";
import { FormAnswer } from "./form-answer";
import { TemplateNav } from "./template-nav";
import { useTypedBeforeHydration } from "./use-typed-before-hydration";

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
 * field's message linked to its field (conform's id), whose first field conform focuses; and, to a
 * reader, that the page cannot be saved.
 */
function TemplateSaveOutcome({
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
        <FormAnswer answer={saved}>
          {saved.changed
            ? t(saved.newVersion ? "programs.template.savedNewVersion" : "programs.template.saved", {
                version: saved.version,
              })
            : t("programs.template.unchanged")}
        </FormAnswer>
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

/** What a save of a template's page answers when it went through. */
interface TemplateSaved {
  changed: boolean;
  newVersion: boolean;
  version: number;
}

/**
 * A page of a template's editor as a conform form, and what the last answer to it was: a save, a refusal,
 * or a row added, removed or moved (which saved nothing). conform keeps a refusal's messages until another
 * result replaces them: a save clears them.
 */
export function useTemplatePartForm<Schema extends Record<string, unknown>>(page: {
  id: string;
  schema: z.ZodTypeAny;
  defaultValue: DefaultValue<Schema>;
}) {
  const result: unknown = useActionData();
  const refusal = isRefusal(result) ? result : undefined;
  const listEdit = isListEdit(result) ? result : undefined;
  const saved = result && !refusal && !listEdit ? (result as TemplateSaved) : undefined;
  const lastResult = useMemo(
    () => refusal ?? listEdit ?? (saved ? { status: "success" as const } : undefined),
    [refusal, listEdit, saved],
  );
  const [form, fields] = useForm<Schema>({
    id: page.id,
    lastResult,
    constraint: getZodConstraint(page.schema),
    defaultValue: page.defaultValue,
  });
  useTypedBeforeHydration(form.id);
  return { form, fields, answered: result !== undefined, refusal, saved };
}

/**
 * The form of a page of a template's editor: what the last save did, then the page's fields in a frame
 * that only a member who may manage programs can change, and the save button.
 */
export function TemplatePartForm<Schema extends Record<string, unknown>>({
  form,
  title,
  save,
  mayManage,
  refusal,
  saved,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  /** The page's title, which names the frame to a screen reader. */
  title: string;
  /** The save button's text. */
  save: string;
  mayManage: boolean;
  refusal?: Refusal;
  saved?: TemplateSaved;
  children: ReactNode;
}) {
  const saving = useNavigation().state === "submitting";
  return (
    <>
      <TemplateSaveOutcome saved={saved} refusal={refusal} form={form} mayManage={mayManage} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <fieldset disabled={!mayManage} className="form-frame">
          <legend className="visually-hidden">{title}</legend>
          {/*
            Enter in a field presses the form's first submit button: saving, not the first "add" of a list
            below. Hidden, so it is neither seen nor reached twice by the keyboard.
          */}
          {mayManage ? (
            <button type="submit" hidden>
              {save}
            </button>
          ) : null}
          {children}
          {mayManage ? (
            <button type="submit" className="button-primary" disabled={saving}>
              {save}
            </button>
          ) : null}
        </fieldset>
      </Form>
    </>
  );
}
