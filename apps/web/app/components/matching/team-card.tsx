import { useRouteLoaderData, useSubmit } from "@remix-run/react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  MemberView,
  PairScoreView,
  PairView,
  RulesView,
  RunPage,
  TeamCard,
} from "../../presenters/cohort-matching.server";
import type { RootData } from "../../root";
import { DataTable } from "../data-table";
import type { EditOpeners } from "../member-edit-dialog";
import { MemberLine, PhraseText } from "./phrase-text";

export const pairKey = (mentor: MemberView, mentee: MemberView) =>
  `${mentor.applicationId}:${mentee.applicationId}`;

/** The run's pinned and forbidden pairs, by pairKey. */
export interface PairRuleKeys {
  pinned: Set<string>;
  forbidden: Set<string>;
}

/** Nodes with one space between each two and none where a node is missing (no empty text in the markup). */
function spaced(nodes: ReactNode[]): ReactNode[] {
  return nodes.filter((node) => node !== null).flatMap((node, index) => (index === 0 ? [node] : [" ", node]));
}

/**
 * Pin or forbid a pair, and lift either: buttons that post the pair's fields as a form would, without a
 * form of hidden fields per button (a team of n mentors and m mentees has n×m pairs, each with two).
 */
export function PairButtons({
  pair,
  team,
  run,
  action,
}: {
  pair: PairView;
  team?: number;
  run: Pick<RunPage, "id">;
  action: string;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const csrf = useRouteLoaderData<RootData>("root")?.csrf ?? "";
  const names = { mentor: pair.mentor.name, mentee: pair.mentee.name, team: team ?? "" };
  const button = (rule: "pin" | "forbid", on: boolean) => {
    const label = on
      ? t(rule === "pin" ? "matching.pairs.pinLabel" : "matching.pairs.forbidLabel", names)
      : t(rule === "pin" ? "matching.pairs.unpinLabel" : "matching.pairs.unforbidLabel", names);
    const text = on
      ? t(rule === "pin" ? "matching.pairs.pin" : "matching.pairs.forbid")
      : t(rule === "pin" ? "matching.pairs.unpin" : "matching.pairs.unforbid");
    const post = () =>
      submit(
        {
          csrf,
          intent: "pair",
          runId: run.id,
          rule,
          on: on ? "1" : "0",
          mentorApplicationId: pair.mentor.applicationId,
          menteeApplicationId: pair.mentee.applicationId,
          mentorName: pair.mentor.name,
          menteeName: pair.mentee.name,
        },
        { method: "post", action, preventScrollReset: true },
      );
    return (
      <button type="button" aria-label={label} onClick={post}>
        {text}
      </button>
    );
  };
  return (
    <span className="pair-actions">
      {button("pin", !pair.pinned)} {button("forbid", !pair.forbidden)}
    </span>
  );
}

/**
 * Why a team is a team: its score by criterion. The table is drawn when opened, from the data the page
 * already holds, so that the page does not carry every team's table twice (markup and data).
 */
function WhyTeam({ team }: { team: TeamCard }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Opened before the page came to life: the toggle went unheard.
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} className="why" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t("matching.teams.why")}</summary>
      {open ? (
        <DataTable
          className="breakdown"
          caption={t("matching.teams.breakdownCaption", { number: team.number })}
          rows={team.breakdown}
          rowKey={(part) => part.criterion}
          empty={null}
          columns={[
            {
              key: "criterion",
              header: t("matching.teams.criterion"),
              cell: (part) => (
                <>
                  {t(`matching.criterion.${part.kind}`)}
                  {part.subject ? (
                    <>
                      <br />
                      <span className="breakdown__subject">{part.subject}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            { key: "value", header: t("matching.teams.value"), cell: (part) => part.value },
            { key: "weight", header: t("matching.teams.weight"), cell: (part) => part.weight },
            { key: "points", header: t("matching.teams.points"), cell: (part) => part.points },
          ]}
          footer={
            <tr>
              <th scope="row">{t("matching.teams.total")}</th>
              <td />
              <td />
              <td>{team.score}</td>
            </tr>
          }
        />
      ) : null}
    </details>
  );
}

/** A criterion of the rules' list named as the breakdown names it: its kind, and what it looks at. */
function useCriterionName(criteria: RulesView["criteria"]) {
  const { t } = useTranslation();
  return (index: number): string => {
    const criterion = criteria[index];
    if (!criterion) return "";
    const kind = t(`matching.criterion.${criterion.kind}`);
    return criterion.subject ? `${kind} (${criterion.subject})` : kind;
  };
}

/**
 * One pair's points in words; the criteria that gave them are drawn when the coordinator opens them, from
 * the data the page holds (30 pairs of a cohort of 40 would otherwise carry 90 sentences twice).
 */
function PairScore({
  pair,
  mentor,
  mentee,
  criteria,
}: {
  pair: PairScoreView;
  mentor: string;
  mentee: string;
  criteria: RulesView["criteria"];
}) {
  const { t } = useTranslation();
  const criterionName = useCriterionName(criteria);
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Opened before the page came to life: the toggle went unheard.
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} className="why" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="pair-points">
        {t("matching.pairScores.pair", { mentor, mentee, points: pair.points })}
      </summary>
      {open ? (
        <ul className="pair-parts">
          {pair.parts.length === 0 ? (
            <li>{t("matching.pairScores.noParts")}</li>
          ) : (
            pair.parts.map((part) => (
              <li key={part.criterion} data-testid="pair-part">
                {t("matching.pairScores.part", {
                  criterion: criterionName(part.criterion),
                  points: part.points,
                  value: part.value,
                })}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </details>
  );
}

export function TeamArticle({
  team,
  run,
  action,
  edit,
  rules,
  criteria,
}: {
  team: TeamCard;
  run: Pick<RunPage, "id" | "editable">;
  action: string;
  edit: EditOpeners;
  rules: PairRuleKeys;
  /** The scored criteria as the rules section lists them, which the pairs' parts refer to by place. */
  criteria: RulesView["criteria"];
}) {
  const { t } = useTranslation();
  const criterionName = useCriterionName(criteria);
  const headingId = `team-${team.number}`;
  const people = new Map([...team.mentors, ...team.mentees].map((person) => [person.applicationId, person]));
  // The pairs as the engine explains them; a pair it has no people for (never expected) is left out.
  const pairs = team.pairs.flatMap((score) => {
    const mentor = people.get(score.mentorId);
    const mentee = people.get(score.menteeId);
    if (!mentor || !mentee) return [];
    const view: PairView = {
      mentor,
      mentee,
      pinned: rules.pinned.has(pairKey(mentor, mentee)),
      forbidden: rules.forbidden.has(pairKey(mentor, mentee)),
    };
    return [{ view, score }];
  });
  const group = (role: "mentor" | "mentee", members: MemberView[]) => (
    <>
      <h4 id={`${headingId}-${role}`}>
        {t(role === "mentor" ? "matching.teams.mentors" : "matching.teams.mentees")}
      </h4>
      <ul aria-labelledby={`${headingId}-${role}`} className="member-list">
        {members.map((person) => (
          <li key={person.applicationId} data-testid="team-member" data-role={role}>
            <MemberLine person={person} />
            {run.editable ? (
              <>
                {" "}
                <button
                  type="button"
                  className="member-edit"
                  aria-haspopup="dialog"
                  ref={edit.button(person.applicationId)}
                  onClick={() => edit.open({ person, team: team.number })}
                >
                  {t("matching.edit.summary", { name: person.name })}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <article aria-labelledby={headingId} className="card team-card" data-testid="team-card">
      <h3 id={headingId}>{t("matching.teams.team", { number: team.number })}</h3>
      <p className="team-card__score" data-testid="team-score">
        {t("matching.teams.score", { score: team.score })}
      </p>
      {team.violations.length > 0 ? (
        <div className="violations">
          <h4 id={`${headingId}-violations`}>{t("matching.teams.violations", { number: team.number })}</h4>
          <ul aria-labelledby={`${headingId}-violations`} className="violation-list">
            {team.violations.map((violation, index) => (
              // Violations are recomputed on every load; their order is the engine's and stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                <PhraseText phrase={violation} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {group("mentor", team.mentors)}
      {group("mentee", team.mentees)}
      <h4 id={`${headingId}-pairs`}>{t("matching.pairs.title", { number: team.number })}</h4>
      {pairs.length === 0 ? (
        <p>{t("matching.pairScores.none")}</p>
      ) : (
        <ul aria-labelledby={`${headingId}-pairs`} className="pair-list" data-testid="team-pairs">
          {pairs.map(({ view, score }) => (
            <li key={pairKey(view.mentor, view.mentee)} data-testid="team-pair">
              <PairScore
                pair={score}
                mentor={view.mentor.name}
                mentee={view.mentee.name}
                criteria={criteria}
              />
              {spaced([
                view.pinned ? (
                  <span key="pinned" className="badge">
                    {t("matching.pairs.pinned")}
                  </span>
                ) : null,
                view.forbidden ? (
                  <span key="forbidden" className="badge badge--hard">
                    {t("matching.pairs.forbidden")}
                  </span>
                ) : null,
                run.editable ? (
                  <PairButtons key="buttons" pair={view} team={team.number} run={run} action={action} />
                ) : null,
              ])}
            </li>
          ))}
        </ul>
      )}
      {team.teamParts.length > 0 ? (
        <ul className="pair-parts">
          {team.teamParts.map((part) => (
            <li key={part.criterion}>
              {t("matching.pairScores.team", {
                criterion: criterionName(part.criterion),
                points: part.points,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <WhyTeam team={team} />
    </article>
  );
}
