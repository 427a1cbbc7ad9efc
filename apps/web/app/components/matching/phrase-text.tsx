import { useTranslation } from "react-i18next";
import type { MemberView, Phrase } from "../../presenters/cohort-matching.server";
import { staffGrade } from "../../services/stored-codes";

/** A message the presenter chose (a key and its values), in the reader's language. */
export function PhraseText({ phrase }: { phrase: Phrase }) {
  const { t } = useTranslation();
  return <>{t(phrase.key, phrase.params)}</>;
}

/** A person's name, then their department, grade and position in a quieter line. */
export function MemberLine({ person }: { person: MemberView }) {
  const { t } = useTranslation();
  const grade = person.grade === null ? t("grade.none") : t(`grade.${staffGrade(person.grade)}`);
  return (
    <>
      <span className="member__name">{person.name}</span>{" "}
      <span className="member__meta">{`${person.department} · ${grade} · ${person.positionTitle}`}</span>
    </>
  );
}
