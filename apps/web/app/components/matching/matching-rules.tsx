import { useTranslation } from "react-i18next";
import type { RulesView } from "../../presenters/cohort-matching.server";

/**
 * What the template asks of every team, before anyone runs: the hard rules as sentences, and each score
 * criterion's weight as a bar of its share of the total, the share in text beside it (the bar is a
 * <meter>, read by screen readers with its label; nothing is said by length alone).
 */
export function MatchingRules({ rules }: { rules: RulesView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="matching-rules-title" className="card" data-testid="matching-rules">
      <h2 id="matching-rules-title">{t("matching.rules.title")}</h2>
      <p>{t("matching.rules.intro")}</p>
      <h3 id="matching-rules-hard">{t("matching.rules.hardTitle")}</h3>
      <ul aria-labelledby="matching-rules-hard" className="rule-sentences">
        {rules.sentences.map((sentence) => (
          <li key={sentence} data-testid="rule-sentence">
            {sentence}
          </li>
        ))}
      </ul>
      <h3 id="matching-rules-criteria">{t("matching.rules.criteriaTitle")}</h3>
      {rules.criteria.length === 0 ? (
        <p>{t("matching.rules.none")}</p>
      ) : (
        <ul aria-labelledby="matching-rules-criteria" className="rule-weights">
          {rules.criteria.map((criterion) => {
            const name = t(`matching.criterion.${criterion.kind}`);
            const meterId = `weight-${criterion.criterion.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
            return (
              <li key={criterion.criterion} data-testid="rule-criterion">
                <span className="rule-weights__name" id={`${meterId}-name`}>
                  {name}
                  {criterion.subject ? (
                    <span className="breakdown__subject"> · {criterion.subject}</span>
                  ) : null}
                </span>
                <meter
                  id={meterId}
                  min={0}
                  max={100}
                  value={criterion.share}
                  aria-label={t("matching.rules.shareLabel", {
                    criterion: criterion.subject ? `${name} (${criterion.subject})` : name,
                    share: criterion.shareText,
                  })}
                />
                <span className="rule-weights__share" data-testid="criterion-share">
                  {t("matching.rules.share", { share: criterion.shareText })}
                </span>
                <span className="member__meta">
                  {t("matching.rules.weight", { weight: criterion.weight })}
                  {criterion.perTeam ? ` · ${t("matching.rules.perTeam")}` : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
