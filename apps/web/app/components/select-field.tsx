import type { SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/** A labelled select whose error (an i18n key) is tied to it for screen readers. */
export function SelectField({
  name,
  label,
  error,
  options,
  placeholder,
  ...select
}: {
  name: string;
  label: string;
  error?: string;
  /** Values with their visible labels, already translated or data. */
  options: { value: string; label: string }[];
  /** An i18n key for an empty first choice. */
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={name}>{t(label)}</label>
      <select
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        {...select}
      >
        {placeholder ? <option value="">{t(placeholder)}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${name}-error`} className="field__error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
