import { useEffect } from "react";

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Whether a person changed the field since the server sent it (its value is not the one in the HTML). */
function changed(field: Field): boolean {
  if (field instanceof HTMLSelectElement)
    return [...field.options].some((option) => option.selected !== option.defaultSelected);
  if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio"))
    return field.checked !== field.defaultChecked;
  return field.value !== field.defaultValue;
}

/**
 * What a person typed or chose before the page hydrated, taken into the form's state. The fields are
 * uncontrolled, so the browser keeps their text through hydration; but conform's state starts from the
 * loader's values and hears only the input events that come after hydration, so whatever the page draws
 * from it (a junior board's hidden parts, the rubric's weight sum, a criterion's own fields) would follow
 * the server's values and not the ones on screen, and drop fields a person filled in. One input event
 * from a changed field makes conform read every field of the form from the page (its document listener,
 * registered in a layout effect, so before this effect runs).
 */
export function useTypedBeforeHydration(formId: string) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const fields = [...form.elements].filter(
      (element): element is Field =>
        element instanceof HTMLInputElement ||
        element instanceof HTMLSelectElement ||
        element instanceof HTMLTextAreaElement,
    );
    fields.find(changed)?.dispatchEvent(new Event("input", { bubbles: true }));
  }, [formId]);
}
