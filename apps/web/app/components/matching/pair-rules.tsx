import { useTranslation } from "react-i18next";
import type { RunPage } from "../../presenters/cohort-matching.server";
import { PairButtons } from "./team-card";

/** The run's pinned and forbidden pairs, carried into a re-run based on it, each with a way to lift it. */
export function PairRules({ run, action }: { run: RunPage; action: string }) {
  const { t } = useTranslation();
  const list = (kind: "pinned" | "forbidden") => {
    const pairs = run[kind];
    const titleId = `${kind}-title`;
    return (
      <>
        <h3 id={titleId}>
          {t(kind === "pinned" ? "matching.pairs.pinnedTitle" : "matching.pairs.forbiddenTitle")}
        </h3>
        {pairs.length === 0 ? (
          <p>{t(kind === "pinned" ? "matching.pairs.nonePinned" : "matching.pairs.noneForbidden")}</p>
        ) : (
          <ul aria-labelledby={titleId} className="pair-list">
            {pairs.map((pair) => (
              <li key={`${pair.mentor.applicationId}:${pair.mentee.applicationId}`}>
                <span>
                  {t("matching.pairs.pair", { mentor: pair.mentor.name, mentee: pair.mentee.name })}
                </span>{" "}
                {run.editable ? (
                  <PairButtons
                    pair={{ ...pair, pinned: kind === "pinned", forbidden: kind === "forbidden" }}
                    run={run}
                    action={action}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };
  return (
    <section aria-labelledby="rules-title" className="card">
      <h2 id="rules-title">{t("matching.pairs.rulesTitle")}</h2>
      <p>{t("matching.pairs.note")}</p>
      {list("pinned")}
      {list("forbidden")}
    </section>
  );
}
