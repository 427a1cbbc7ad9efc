import { useTranslation } from "react-i18next";
import type { RunPage } from "../../presenters/cohort-matching.server";
import { DataTable } from "../data-table";
import type { EditOpeners } from "../member-edit-dialog";
import { PhraseText } from "./phrase-text";

/**
 * A finished run in figures (teams, totals, the proven gap), the problems the engine found in its input,
 * and the people it left out with why; while the run is editable each of them (unless excluded) can take
 * the place of someone of the same role in a team, through the one edit dialog.
 */
export function RunSummary({ run, edit }: { run: RunPage; edit: EditOpeners }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="summary-title" className="card">
      <h2 id="summary-title">{t("matching.summary.title", { number: run.number })}</h2>
      <dl className="facts" data-testid="run-summary">
        <dt>{t("matching.summary.teams")}</dt>
        <dd data-testid="summary-teams">{run.teams?.length ?? 0}</dd>
        <dt>{t("matching.summary.total")}</dt>
        <dd data-testid="summary-total">{run.total ?? "—"}</dd>
        <dt>{t("matching.summary.objective")}</dt>
        <dd>{run.objective ?? "—"}</dd>
        <dt>{t("matching.summary.bound")}</dt>
        <dd>{run.bound ?? "—"}</dd>
        <dt>{t("matching.summary.gap")}</dt>
        <dd data-testid="summary-gap" aria-describedby="gap-hint">
          {run.gap ?? "—"}
        </dd>
        <dt>{t("matching.summary.unplaced")}</dt>
        <dd data-testid="summary-unplaced">{t("matching.summary.people", { count: run.unplaced.length })}</dd>
        {run.finishedAt ? (
          <>
            <dt>{t("matching.summary.finishedAt")}</dt>
            <dd data-testid="run-finished-at">{run.finishedAt}</dd>
          </>
        ) : null}
      </dl>
      <p id="gap-hint" className="field__hint">
        {t("matching.summary.gapHint")}
      </p>
      {run.issues.length > 0 ? (
        <>
          <h3 id="issues-title">{t("matching.issuesTitle")}</h3>
          <ul aria-labelledby="issues-title" className="violation-list">
            {run.issues.map((issue, index) => (
              // Issues have no identity of their own; their order is the engine's and stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                <PhraseText phrase={issue} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {run.unplaced.length > 0 ? (
        <DataTable
          caption={t("matching.unplacedTitle")}
          rows={run.unplaced}
          rowKey={(person) => person.applicationId}
          rowProps={() => ({ "data-testid": "unplaced-row" })}
          empty={null}
          columns={[
            { key: "name", header: t("matching.mine.name"), cell: (person) => person.name },
            {
              key: "role",
              header: t("matching.mine.role"),
              cell: (person) => t(`programs.role.${person.role}`),
            },
            {
              key: "department",
              header: t("matching.member.department"),
              cell: (person) => person.department,
            },
            {
              key: "reason",
              header: t("matching.unplacedReason"),
              cell: (person) => <PhraseText phrase={person.reason} />,
            },
            ...(run.editable && run.teams && run.teams.length > 0
              ? [
                  {
                    key: "swap",
                    header: t("matching.unplacedSwap.column"),
                    cell: (person: RunPage["unplaced"][number]) =>
                      person.excluded ? null : (
                        <button
                          type="button"
                          className="member-edit"
                          aria-haspopup="dialog"
                          aria-label={t("matching.unplacedSwap.buttonLabel", { name: person.name })}
                          ref={edit.button(person.applicationId)}
                          onClick={() => edit.open({ person, team: null })}
                        >
                          {t("matching.unplacedSwap.button")}
                        </button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
    </section>
  );
}
