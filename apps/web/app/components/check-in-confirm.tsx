import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isRefusal, type Refusal } from "../services/refusal";
import { CsrfInput } from "./csrf-input";

/**
 * Where a QR code leads a participant's phone: what they are checking in to, and one button that marks them
 * present; or that they are in, once they are. The signed code travels from the address to the form.
 */
export function CheckInConfirm<Answer extends { alreadyIn: boolean }>({
  title,
  intro,
  present,
  code,
  answer,
  done,
}: {
  title: string;
  /** What they are checking in to: its name, and when and where for a ceremony. */
  intro: string;
  /** Marked present before this visit. */
  present: boolean;
  code: string;
  /** The action's answer: a refusal, or the check-in it recorded (undefined before the button). */
  answer: Answer | Refusal | undefined;
  /** What a check-in just recorded says. */
  done: (answer: Answer) => string;
}) {
  const { t } = useTranslation();
  // Until the page has its answer: a second tap would only be told they are already in.
  const busy = useNavigation().state !== "idle";
  const refusal = isRefusal(answer) ? answer : undefined;
  const said =
    answer && !isRefusal(answer) ? (answer.alreadyIn ? t("attendance.checkIn.already") : done(answer)) : null;
  return (
    <section aria-labelledby="check-in-title" className="card">
      <h1 id="check-in-title">{title}</h1>
      {said !== null || present ? (
        <p role="status" className="form-status">
          {said ?? t("attendance.checkIn.already")}
        </p>
      ) : (
        <>
          <p>{intro}</p>
          {refusal ? (
            <p role="alert" className="form-error">
              {refusal.error?.[""]?.[0]}
            </p>
          ) : null}
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="code" value={code} />
            <button type="submit" className="button-primary" disabled={busy}>
              {t("attendance.checkIn.confirm")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
