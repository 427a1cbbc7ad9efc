import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MemberView, RunPage } from "../../presenters/cohort-matching.server";
import { CsrfInput } from "../csrf-input";

/**
 * People left out of the next run based on this one: whom (and why, if the coordinator says), with a way
 * to take each back in. Anyone of the run not yet excluded can be chosen, placed or not.
 */
export function Exclusions({
  run,
  action,
  error,
}: {
  run: Pick<RunPage, "id" | "editable" | "excluded" | "teams" | "unplaced">;
  action: string;
  /** The refusal of the last exclusion, shown beside the person field. */
  error: string | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const excluded = new Set(run.excluded.map((person) => person.applicationId));
  const people: MemberView[] = [
    ...(run.teams ?? []).flatMap((team) => [...team.mentors, ...team.mentees]),
    ...run.unplaced,
  ].filter((person) => !excluded.has(person.applicationId));
  const describedBy = ["exclude-person-hint", error ? "exclude-person-error" : null]
    .filter(Boolean)
    .join(" ");
  return (
    <section aria-labelledby="exclusions-title" className="card" data-testid="exclusions">
      <h2 id="exclusions-title">{t("matching.exclusions.title")}</h2>
      <p id="exclude-person-hint">{t("matching.exclusions.intro")}</p>
      <h3 id="excluded-title">{t("matching.exclusions.listTitle")}</h3>
      {run.excluded.length === 0 ? (
        <p>{t("matching.exclusions.none")}</p>
      ) : (
        <ul aria-labelledby="excluded-title" className="pair-list" data-testid="excluded-list">
          {run.excluded.map((person) => (
            <li key={person.applicationId} data-testid="excluded-person">
              <span className="member__name">
                {t("matching.exclusions.person", {
                  name: person.name,
                  role: t(`programs.role.${person.role}`),
                  department: person.department,
                })}
              </span>{" "}
              <span className="member__meta">
                {person.reason
                  ? t("matching.exclusions.reason", { reason: person.reason })
                  : t("matching.exclusions.noReason")}
              </span>
              {run.editable ? (
                <Form method="post" action={action} className="excluded-lift" preventScrollReset>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="exclusion" />
                  <input type="hidden" name="on" value="0" />
                  <input type="hidden" name="runId" value={run.id} />
                  <input type="hidden" name="applicationId" value={person.applicationId} />
                  <button
                    type="submit"
                    className="small-button"
                    disabled={busy}
                    aria-label={t("matching.exclusions.liftLabel", { name: person.name })}
                  >
                    {t("matching.exclusions.lift")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {run.editable ? (
        <Form method="post" action={action} className="edit-dialog__form" preventScrollReset noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="exclusion" />
          <input type="hidden" name="on" value="1" />
          <input type="hidden" name="runId" value={run.id} />
          <label htmlFor="exclude-person">{t("matching.exclusions.personLabel")}</label>
          <select
            id="exclude-person"
            name="applicationId"
            defaultValue=""
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          >
            <option value="">{t("matching.exclusions.choose")}</option>
            {people.map((person) => (
              <option key={person.applicationId} value={person.applicationId}>
                {t("matching.exclusions.option", {
                  name: person.name,
                  role: t(`programs.role.${person.role}`),
                  department: person.department,
                })}
              </option>
            ))}
          </select>
          {error ? (
            <p id="exclude-person-error" className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <label htmlFor="exclude-reason">{t("matching.exclusions.reasonLabel")}</label>
          <input
            id="exclude-reason"
            name="reason"
            type="text"
            maxLength={200}
            autoComplete="off"
            aria-describedby="exclude-reason-hint"
          />
          <p id="exclude-reason-hint" className="field__hint">
            {t("matching.exclusions.reasonHint")}
          </p>
          <button type="submit" className="small-button" disabled={busy}>
            {t("matching.exclusions.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
