import {
  type FieldMetadata,
  type FormMetadata,
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
} from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/*
 * The one set of form fields. Each takes conform's field metadata (from `useForm`, whose constraints come
 * from the same zod schema the server parses with), a visible label and an optional hint, and ties the
 * hint and the error to the control with aria-describedby, as KWCAG asks. Messages arrive translated.
 */

interface Labelled {
  label: ReactNode;
  hint?: ReactNode;
}

type InputType = Parameters<typeof getInputProps>[1]["type"];

/** Hint and error ids of a field, for aria-describedby, and the error text itself. */
function described(meta: FieldMetadata<unknown>, hint: ReactNode) {
  const error = meta.errors?.[0];
  const ids = [hint ? `${meta.id}-hint` : null, error ? meta.errorId : null].filter(Boolean).join(" ");
  return { error, describedBy: ids || undefined };
}

function FieldFrame({
  meta,
  label,
  hint,
  error,
  children,
}: Labelled & { meta: FieldMetadata<unknown>; error: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={meta.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input (text, number, date, e-mail, password...). */
export function InputField<T>({
  meta,
  type = "text",
  label,
  hint,
  ...input
}: Labelled & { meta: FieldMetadata<T>; type?: InputType } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "type" | "name" | "id"
  >) {
  const field = meta as FieldMetadata<unknown>;
  const { error, describedBy } = described(field, hint);
  return (
    <FieldFrame meta={field} label={label} hint={hint} error={error}>
      <input
        {...getInputProps(field, { type, ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line text. */
export function TextareaField<T>({
  meta,
  label,
  hint,
  ...textarea
}: Labelled & { meta: FieldMetadata<T> } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const field = meta as FieldMetadata<unknown>;
  const { error, describedBy } = described(field, hint);
  return (
    <FieldFrame meta={field} label={label} hint={hint} error={error}>
      <textarea
        {...getTextareaProps(field, { ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...textarea}
      />
    </FieldFrame>
  );
}

/** A labelled select; `options` carry their visible labels (translated, or data). */
export function SelectField<T>({
  meta,
  label,
  hint,
  options,
  placeholder,
  ...select
}: Labelled & {
  meta: FieldMetadata<T>;
  options: { value: string; label: string }[];
  /** The text of an empty first choice. */
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const field = meta as FieldMetadata<unknown>;
  const { error, describedBy } = described(field, hint);
  return (
    <FieldFrame meta={field} label={label} hint={hint} error={error}>
      <select
        {...getSelectProps(field, { ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A checkbox with its label after it (a consent, an agreement); checked, it sends `value`. */
export function CheckboxField<T>({
  meta,
  label,
  hint,
  value = "on",
  className,
  ...input
}: Labelled & { meta: FieldMetadata<T>; value?: string } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "type" | "name" | "id" | "value"
  >) {
  const field = meta as FieldMetadata<unknown>;
  const { error, describedBy } = described(field, hint);
  return (
    <div className={["field field--check", className].filter(Boolean).join(" ")}>
      <input
        {...getInputProps(field, { type: "checkbox", value, ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />{" "}
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={`${field.id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={field.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One choice among a few, as radio buttons in a fieldset whose legend names the choice. */
export function RadioGroupField<T>({
  meta,
  label,
  hint,
  options,
}: Labelled & { meta: FieldMetadata<T>; options: { value: string; label: string }[] }) {
  const field = meta as FieldMetadata<unknown>;
  const { error, describedBy } = described(field, hint);
  const labels = new Map(options.map((option) => [option.value, option.label]));
  const buttons = getCollectionProps(field, {
    type: "radio",
    options: options.map((option) => option.value),
    ariaAttributes: false,
  });
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{label}</legend>
      {hint ? (
        <p id={`${field.id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {buttons.map(({ key: _key, ...button }) => (
          <li key={button.value}>
            <input {...button} aria-invalid={error ? true : undefined} />{" "}
            <label htmlFor={button.id}>{labels.get(button.value)}</label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id={field.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Any answer but this form's refusal: no errors, so that those of an earlier refusal do not linger. */
const answered: SubmissionResult<string[]> = { status: "success" };

/**
 * A form's `lastResult` for conform: the refusal when the last post was this form's and was refused; after
 * any other answer of the action, a result without errors (conform keeps a form's messages until it is
 * given another result, and an action's success data is not one).
 */
export function lastResultOf(
  refusal: SubmissionResult<string[]> | undefined,
  answer: unknown,
): SubmissionResult<string[]> | undefined {
  return refusal ?? (answer === undefined ? undefined : answered);
}

/** The form's own errors (not tied to one field), announced when they appear. */
export function FormErrors<T extends Record<string, unknown>>({
  form,
  summary,
}: {
  form: FormMetadata<T, string[]>;
  /** Said first when any field has an error ("입력 내용을 확인하세요"). */
  summary?: string;
}) {
  const messages = form.errors ?? [];
  const fieldsInError = Object.values(form.allErrors).length > messages.length;
  if (messages.length === 0 && !(summary && fieldsInError)) return null;
  return (
    <div role="alert" id={form.errorId} className="form-error">
      {summary && fieldsInError ? <p>{summary}</p> : null}
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
