import { Form, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MemberView, TeamCard } from "../presenters/cohort-matching.server";
import { CsrfInput } from "./csrf-input";

/** The person being moved or swapped, and the team they are in now (null: the run left them unplaced). */
export interface EditTarget {
  person: MemberView;
  team: number | null;
}

/** Opens the dialog for a person, and knows each person's button, to give focus back to when it closes. */
export interface EditOpeners {
  open: (target: EditTarget) => void;
  /** The ref of a person's button. */
  button: (applicationId: string) => (element: HTMLButtonElement | null) => void;
}

/**
 * Whom the dialog edits (null while closed), how to close it, and the openers for the people's buttons.
 * When it closes, focus goes back to the edited person's button; after a move that button is in another
 * team's card, and the one on the page now is taken.
 */
export function useMemberEdit() {
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>()).current;
  const openers = useMemo(
    (): EditOpeners => ({
      // A new object each time: opened again before the last close was handled, the same target would
      // be no change to React, and the dialog would stay shut.
      open: (target) => setEditing({ ...target }),
      button: (applicationId) => (element) => {
        if (element) buttons.set(applicationId, element);
        else buttons.delete(applicationId);
      },
    }),
    [buttons],
  );
  const lastEdited = useRef<string | null>(null);
  useEffect(() => {
    if (editing) {
      lastEdited.current = editing.person.applicationId;
      return;
    }
    const id = lastEdited.current;
    lastEdited.current = null;
    if (id) buttons.get(id)?.focus();
  }, [editing, buttons]);
  const close = useCallback(() => setEditing(null), []);
  return { editing, close, openers };
}

/**
 * One dialog for every person's move or swap. The page lists each team and person once; the choices (other
 * teams, people of the same role elsewhere) are drawn here for the one person being edited, so the page
 * grows with the cohort and not with its square. A native modal <dialog>: the browser keeps focus inside
 * it and closes it on Escape; `onClose` then hands focus back (useMemberEdit).
 */
export function MemberEditDialog({
  target,
  teams,
  runId,
  action,
  error,
  onClose,
}: {
  target: EditTarget | null;
  teams: TeamCard[];
  runId: string;
  action: string;
  /** The refusal of this person's last move or swap, shown with the choices. */
  error: string | null;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const closed = useRef(onClose);
  closed.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Escape, the close button and a finished edit all end here, once. The browser tells of a close a
    // moment later: by then a quick keyboard user may have opened the dialog again, which stays open.
    const close = () => {
      if (!dialog.open) closed.current();
    };
    dialog.addEventListener("close", close);
    return () => dialog.removeEventListener("close", close);
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (target && !dialog.open) {
      dialog.showModal();
      // The first choice rather than the close button, which the browser would pick.
      dialog.querySelector<HTMLElement>("#edit-move, #edit-swap-search")?.focus();
    }
    if (!target && dialog.open) dialog.close();
  }, [target]);

  return (
    <dialog ref={ref} className="edit-dialog" aria-labelledby={target ? "edit-dialog-title" : undefined}>
      {target ? (
        <EditChoices
          key={target.person.applicationId}
          target={target}
          teams={teams}
          runId={runId}
          action={action}
          error={error}
          close={() => ref.current?.close()}
        />
      ) : null}
    </dialog>
  );
}

function EditChoices({
  target,
  teams,
  runId,
  action,
  error,
  close,
}: {
  target: EditTarget;
  teams: TeamCard[];
  runId: string;
  action: string;
  error: string | null;
  close: () => void;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { person, team } = target;
  const [query, setQuery] = useState("");
  const others = useMemo(() => teams.filter((other) => other.number !== team), [teams, team]);
  // Only people of the same role can trade places: a swap keeps every team's shape.
  const candidates = useMemo(
    () =>
      others.flatMap((other) =>
        (person.role === "mentor" ? other.mentors : other.mentees).map((candidate) => ({
          id: candidate.applicationId,
          label: t("matching.edit.personOption", {
            team: other.number,
            name: candidate.name,
            department: candidate.department,
          }),
        })),
      ),
    [others, person.role, t],
  );
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle
    ? candidates.filter((candidate) => candidate.label.toLocaleLowerCase().includes(needle))
    : candidates;
  const errorId = error ? "edit-dialog-error" : undefined;
  const describedBy = (hint: string) => [hint, errorId].filter(Boolean).join(" ");
  const role = t(`programs.role.${person.role}`);
  // Someone not placed can only take a placed person's place: there is no team to move them from.
  const unplaced = team === null;

  return (
    <>
      <div className="edit-dialog__head">
        <h2 id="edit-dialog-title">{t("matching.edit.legend", { name: person.name })}</h2>
        <button type="button" className="small-button" onClick={close}>
          {t("matching.edit.close")}
        </button>
      </div>
      <p className="member__meta">
        {unplaced
          ? t("matching.unplacedSwap.current", { role, department: person.department })
          : t("matching.edit.current", { team, role, department: person.department })}
      </p>
      {error ? (
        <p id={errorId} role="alert" className="field__error">
          {error}
        </p>
      ) : null}

      {unplaced ? null : (
        <Form method="post" action={action} className="edit-dialog__form" preventScrollReset>
          <CsrfInput />
          <input type="hidden" name="runId" value={runId} />
          <input type="hidden" name="applicationId" value={person.applicationId} />
          <h3>{t("matching.edit.moveTitle")}</h3>
          <label htmlFor="edit-move">{t("matching.edit.moveLabel", { name: person.name })}</label>
          <select
            id="edit-move"
            name="toTeam"
            defaultValue=""
            aria-describedby={describedBy("edit-move-hint")}
          >
            <option value="">{t("matching.edit.chooseTeam")}</option>
            {others.map((other) => (
              <option key={other.number} value={other.number}>
                {t("matching.teams.team", { number: other.number })}
              </option>
            ))}
          </select>
          <p id="edit-move-hint" className="field__hint">
            {t("matching.edit.moveHint")}
          </p>
          <button type="submit" name="intent" value="move" className="small-button" disabled={busy}>
            {t("matching.edit.move", { name: person.name })}
          </button>
        </Form>
      )}

      <Form method="post" action={action} className="edit-dialog__form" preventScrollReset>
        <CsrfInput />
        <input type="hidden" name="runId" value={runId} />
        <input type="hidden" name="applicationId" value={person.applicationId} />
        <h3>{t(unplaced ? "matching.unplacedSwap.title" : "matching.edit.swapTitle")}</h3>
        <label htmlFor="edit-swap-search">{t("matching.edit.search")}</label>
        <input
          id="edit-swap-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-controls="edit-swap"
          aria-describedby="edit-swap-count"
          autoComplete="off"
        />
        <p id="edit-swap-count" className="field__hint" aria-live="polite">
          {shown.length === 0
            ? t(candidates.length === 0 ? "matching.edit.noCandidates" : "matching.edit.noneFound")
            : t("matching.edit.found", { count: shown.length, total: candidates.length })}
        </p>
        <label htmlFor="edit-swap">{t("matching.edit.swapLabel", { name: person.name })}</label>
        {/* A listbox rather than a drop-down: the filtered choices stay in view, each reached by arrow keys. */}
        <select
          id="edit-swap"
          name="withApplicationId"
          size={Math.max(2, Math.min(8, shown.length))}
          aria-describedby={describedBy("edit-swap-hint")}
        >
          {shown.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
        <p id="edit-swap-hint" className="field__hint">
          {unplaced
            ? t("matching.unplacedSwap.hint", { name: person.name })
            : t("matching.edit.swapHint", { role })}
        </p>
        <button type="submit" name="intent" value="swap" className="small-button" disabled={busy}>
          {t("matching.edit.swap", { name: person.name })}
        </button>
      </Form>
    </>
  );
}
