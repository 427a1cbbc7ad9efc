import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "./form-fields";

type PairFields = { first?: string; second?: string };

/**
 * A cross-department template's department pairs: a repeating pair of department selects (codes at the
 * template's saved level), with add and remove buttons like the page's other lists. The hidden marker tells
 * the form service that the list was on the page, so that removing every pair clears them.
 */
export function DepartmentPairsEditor<Schema extends Record<string, unknown>>({
  form,
  meta,
  shown,
  departments,
  mayManage,
}: {
  form: FormMetadata<Schema>;
  meta: FieldMetadata<PairFields[] | undefined>;
  shown: FieldMetadata<"on" | undefined>;
  departments: { value: string; label: string }[];
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const pairs = meta.getFieldList();
  return (
    <fieldset>
      <legend>{t("matching.pairsEditor.legend")}</legend>
      <p className="field__hint">{t("matching.pairsEditor.hint")}</p>
      <input type="hidden" name={shown.name} value="on" />
      {meta.errors?.[0] ? (
        <p id={meta.errorId} className="field__error">
          {meta.errors[0]}
        </p>
      ) : null}
      {pairs.length === 0 ? <p>{t("matching.pairsEditor.none")}</p> : null}
      {pairs.map((pair, index) => {
        const fields = pair.getFieldset();
        const number = index + 1;
        return (
          <div key={pair.key} className="field-grid">
            <SelectField
              meta={fields.first}
              label={t("matching.pairsEditor.first", { number })}
              options={departments}
              placeholder={t("matching.pairsEditor.choose")}
            />
            <SelectField
              meta={fields.second}
              label={t("matching.pairsEditor.second", { number })}
              options={departments}
              placeholder={t("matching.pairsEditor.choose")}
            />
            {mayManage ? (
              <div className="button-row">
                <button type="submit" {...form.remove.getButtonProps({ name: meta.name, index })}>
                  {t("matching.pairsEditor.remove", { number })}
                </button>
              </div>
            ) : null}
          </div>
        );
      })}
      {mayManage ? (
        <div className="button-row">
          <button
            type="submit"
            {...form.insert.getButtonProps({ name: meta.name, defaultValue: { first: "", second: "" } })}
          >
            {t("matching.pairsEditor.add")}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
