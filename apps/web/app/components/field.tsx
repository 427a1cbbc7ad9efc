import type { InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/** A labelled input whose error (an i18n key) is announced and tied to it for screen readers. */
export function Field({
  name,
  id = name,
  label,
  error,
  hint,
  ...input
}: {
  name: string;
  id?: string;
  label: string;
  error?: string;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {t(hint)}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
