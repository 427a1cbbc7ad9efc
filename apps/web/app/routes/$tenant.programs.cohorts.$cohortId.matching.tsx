import { can } from "@mentoring/domain";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { useRefreshWhile } from "../components/use-refresh-while";
import { forbidden, notFound, tenantRoute } from "../services/guard.server";
import { localeOf, translatorFor } from "../services/i18n.server";
import {
  type EditView,
  editTeams,
  type MemberView,
  matchingPage,
  type PairView,
  type Phrase,
  publish,
  type RunPage,
  setPair,
  startRun,
  type TeamCard,
  type TeamEdit,
} from "../services/matching.server";

const uuid = z.string().uuid();

/**
 * A cohort's matching for its coordinator: run it (progress while it works), review the teams with each
 * score explained, swap or move people with the rules re-checked at once, pin and forbid pairs for the next
 * run, and publish the teams to the participants.
 */
export const loader = tenantRoute(
  "matching.run",
  async ({ request, params, context, tenant, membership }) => {
    const cohortId = uuid.safeParse(params.cohortId);
    if (!cohortId.success) throw notFound();
    const requested = new URL(request.url).searchParams.get("run");
    if (requested !== null && !uuid.safeParse(requested).success) throw notFound();
    const page = await matchingPage(context.services, {
      tenant,
      cohortId: cohortId.data,
      runId: requested,
      locale: await localeOf(request),
      t: await translatorFor(request),
    });
    return { ...page, tenantSlug: tenant.slug, mayPublish: can(membership.roles, "matching.publish") };
  },
);

const runForm = z.object({ intent: z.literal("run"), basedOnRunId: uuid.optional() });
const moveForm = z.object({
  intent: z.literal("move"),
  runId: uuid,
  applicationId: uuid,
  name: z.string().max(200).default(""),
  toTeam: z.coerce.number().int().min(1).max(10_000),
});
const swapForm = z.object({
  intent: z.literal("swap"),
  runId: uuid,
  applicationId: uuid,
  name: z.string().max(200).default(""),
  withApplicationId: uuid,
});
const pairForm = z.object({
  intent: z.literal("pair"),
  runId: uuid,
  rule: z.enum(["pin", "forbid"]),
  on: z.enum(["1", "0"]),
  mentorApplicationId: uuid,
  menteeApplicationId: uuid,
  mentorName: z.string().max(200).default(""),
  menteeName: z.string().max(200).default(""),
});
const publishForm = z.object({
  intent: z.literal("publish"),
  runId: uuid,
  confirm: z.literal("on").optional(),
});

type ActionResult =
  | { intent: "run"; error: Phrase }
  | { intent: "edit"; applicationId: string; edited: EditView }
  | { intent: "edit"; applicationId: string; error: Phrase }
  | { intent: "pair"; done: Phrase }
  | { intent: "pair"; error: Phrase }
  | { intent: "publish"; teams: number }
  | { intent: "publish"; error: Phrase; confirmMissing: boolean };

export const action = tenantRoute(
  "matching.run",
  async ({ request, params, context, tenant, user, membership }): Promise<ActionResult> => {
    const cohortId = uuid.safeParse(params.cohortId);
    if (!cohortId.success) throw notFound();
    const form = Object.fromEntries(await request.formData());
    const acting = { tenant, cohortId: cohortId.data, actorUserId: user.id, requestId: context.requestId };
    const page = `/${tenant.slug}/programs/cohorts/${cohortId.data}/matching`;
    const bad = () => new Response(null, { status: 400 });

    switch (form.intent) {
      case "run": {
        const parsed = runForm.safeParse(form);
        if (!parsed.success) throw bad();
        const started = await startRun(context.services, { ...acting, ...parsed.data });
        if (!started.ok) return { intent: "run", error: started.error };
        // Thrown, so that the action's data stays the typed results below.
        throw redirect(`${page}?run=${started.value.runId}`);
      }
      case "move":
      case "swap": {
        // A swap or move without a choice is the coordinator's slip, not a bad request: say what is missing.
        if (form.intent === "move" ? !form.toTeam : !form.withApplicationId) {
          return {
            intent: "edit",
            applicationId: typeof form.applicationId === "string" ? form.applicationId : "",
            error: { key: "matching.edit.missingTarget" },
          };
        }
        let edit: TeamEdit;
        let runId: string;
        if (form.intent === "move") {
          const parsed = moveForm.safeParse(form);
          if (!parsed.success) throw bad();
          ({ runId } = parsed.data);
          edit = { kind: "move", applicationId: parsed.data.applicationId, toTeam: parsed.data.toTeam };
        } else {
          const parsed = swapForm.safeParse(form);
          if (!parsed.success) throw bad();
          ({ runId } = parsed.data);
          edit = {
            kind: "swap",
            applicationId: parsed.data.applicationId,
            withApplicationId: parsed.data.withApplicationId,
          };
        }
        const result = await editTeams(context.services, {
          ...acting,
          runId,
          edit,
          locale: await localeOf(request),
          t: await translatorFor(request),
        });
        return result.ok
          ? { intent: "edit", applicationId: edit.applicationId, edited: result.value }
          : { intent: "edit", applicationId: edit.applicationId, error: result.error };
      }
      case "pair": {
        const parsed = pairForm.safeParse(form);
        if (!parsed.success) throw bad();
        const { runId, rule, on, mentorApplicationId, menteeApplicationId, mentorName, menteeName } =
          parsed.data;
        const result = await setPair(context.services, {
          ...acting,
          runId,
          rule,
          on: on === "1",
          mentorApplicationId,
          menteeApplicationId,
        });
        if (!result.ok) return { intent: "pair", error: result.error };
        const what = on === "1" ? rule : rule === "pin" ? "unpin" : "unforbid";
        return {
          intent: "pair",
          done: {
            key: `matching.pairs.done.${what}`,
            params: { mentor: mentorName, mentee: menteeName },
          },
        };
      }
      case "publish": {
        if (!can(membership.roles, "matching.publish")) throw forbidden();
        const parsed = publishForm.safeParse(form);
        if (!parsed.success) throw bad();
        if (parsed.data.confirm !== "on")
          return {
            intent: "publish",
            error: { key: "matching.publish.confirmRequired" },
            confirmMissing: true,
          };
        const result = await publish(context.services, { ...acting, runId: parsed.data.runId });
        return result.ok
          ? { intent: "publish", teams: result.value.teams }
          : { intent: "publish", error: result.error, confirmMissing: false };
      }
      default:
        throw bad();
    }
  },
);

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Run = NonNullable<LoaderData["run"]>;
type Result = Exclude<ReturnType<typeof useActionData<typeof action>>, undefined>;

const inProgress = (run: Pick<RunPage, "status"> | null) =>
  run !== null && (run.status === "queued" || run.status === "running");

function PhraseText({ phrase }: { phrase: Phrase }) {
  const { t } = useTranslation();
  return <>{t(phrase.key, phrase.params)}</>;
}

function Progress({ run }: { run: Run }) {
  const { t } = useTranslation();
  const phase = run.phase ? t(`matching.phase.${run.phase}`) : t("matching.status.queued");
  return (
    <section aria-labelledby="progress-title" className="card run-progress">
      <h2 id="progress-title">{t("matching.progress.title", { number: run.number })}</h2>
      <label htmlFor="run-progress">{t("matching.progress.label")}</label>
      <progress id="run-progress" max={100} value={run.progress}>
        {run.progress}%
      </progress>
      <p role="status" aria-live="polite" aria-atomic="true" data-testid="run-phase">
        {run.status === "queued"
          ? t("matching.progress.queued")
          : t("matching.progress.value", { percent: run.progress, phase })}
      </p>
      {run.teams ? <p>{t("matching.progress.early")}</p> : null}
    </section>
  );
}

function Summary({ run }: { run: Run }) {
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
        <div className="table-wrap">
          <table>
            <caption>{t("matching.unplacedTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("matching.mine.name")}</th>
                <th scope="col">{t("matching.mine.role")}</th>
                <th scope="col">{t("matching.member.department")}</th>
                <th scope="col">{t("matching.unplacedReason")}</th>
              </tr>
            </thead>
            <tbody>
              {run.unplaced.map((person) => (
                <tr key={person.applicationId}>
                  <th scope="row">{person.name}</th>
                  <td>{t(`programs.role.${person.role}`)}</td>
                  <td>{person.department}</td>
                  <td>
                    <PhraseText phrase={person.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function MemberLine({ person }: { person: MemberView }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="member__name">{person.name}</span>{" "}
      <span className="member__meta">
        {person.department}
        {" · "}
        {person.grade === null ? t("grade.none") : t(`grade.${person.grade}`)}
        {" · "}
        {person.positionTitle}
      </span>
    </>
  );
}

/** "Move or swap": two small forms, each with one labelled choice and a button naming the person. */
function EditMember({
  person,
  team,
  teams,
  run,
  action,
  error,
}: {
  person: MemberView;
  team: TeamCard;
  teams: TeamCard[];
  run: Run;
  action: string;
  /** The refusal of this person's last move or swap, shown with the choices. */
  error: Phrase | null;
}) {
  const { t } = useTranslation();
  const others = teams.filter((other) => other.number !== team.number);
  const sameRole = others.flatMap((other) =>
    (person.role === "mentor" ? other.mentors : other.mentees).map((candidate) => ({
      team: other.number,
      candidate,
    })),
  );
  const id = person.applicationId;
  const errorId = error ? `edit-error-${id}` : undefined;
  return (
    <details className="member-edit" open={error ? true : undefined}>
      <summary>{t("matching.edit.summary", { name: person.name })}</summary>
      {error ? (
        <p id={errorId} className="field__error">
          <PhraseText phrase={error} />
        </p>
      ) : null}
      <Form method="post" action={action} className="member-edit__form">
        <CsrfInput />
        <input type="hidden" name="runId" value={run.id} />
        <input type="hidden" name="applicationId" value={id} />
        <input type="hidden" name="name" value={person.name} />
        <label htmlFor={`move-${id}`}>{t("matching.edit.moveLabel", { name: person.name })}</label>
        <select id={`move-${id}`} name="toTeam" defaultValue="" aria-describedby={errorId}>
          <option value="">{t("matching.edit.chooseTeam")}</option>
          {others.map((other) => (
            <option key={other.number} value={other.number}>
              {t("matching.teams.team", { number: other.number })}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="move">
          {t("matching.edit.move", { name: person.name })}
        </button>
      </Form>
      <Form method="post" action={action} className="member-edit__form">
        <CsrfInput />
        <input type="hidden" name="runId" value={run.id} />
        <input type="hidden" name="applicationId" value={id} />
        <input type="hidden" name="name" value={person.name} />
        <label htmlFor={`swap-${id}`}>{t("matching.edit.swapLabel", { name: person.name })}</label>
        <select id={`swap-${id}`} name="withApplicationId" defaultValue="" aria-describedby={errorId}>
          <option value="">{t("matching.edit.choosePerson")}</option>
          {sameRole.map(({ team: number, candidate }) => (
            <option key={candidate.applicationId} value={candidate.applicationId}>
              {t("matching.edit.personOption", { team: number, name: candidate.name })}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="swap">
          {t("matching.edit.swap", { name: person.name })}
        </button>
      </Form>
    </details>
  );
}

function PairButtons({
  pair,
  team,
  run,
  action,
}: {
  pair: PairView;
  team?: number;
  run: Run;
  action: string;
}) {
  const { t } = useTranslation();
  const names = { mentor: pair.mentor.name, mentee: pair.mentee.name, team: team ?? "" };
  const button = (rule: "pin" | "forbid", on: boolean) => {
    const label = on
      ? t(rule === "pin" ? "matching.pairs.pinLabel" : "matching.pairs.forbidLabel", names)
      : t(rule === "pin" ? "matching.pairs.unpinLabel" : "matching.pairs.unforbidLabel", names);
    const text = on
      ? t(rule === "pin" ? "matching.pairs.pin" : "matching.pairs.forbid")
      : t(rule === "pin" ? "matching.pairs.unpin" : "matching.pairs.unforbid");
    return (
      <Form method="post" action={action} className="inline-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="pair" />
        <input type="hidden" name="runId" value={run.id} />
        <input type="hidden" name="rule" value={rule} />
        <input type="hidden" name="on" value={on ? "1" : "0"} />
        <input type="hidden" name="mentorApplicationId" value={pair.mentor.applicationId} />
        <input type="hidden" name="menteeApplicationId" value={pair.mentee.applicationId} />
        <input type="hidden" name="mentorName" value={pair.mentor.name} />
        <input type="hidden" name="menteeName" value={pair.mentee.name} />
        <button type="submit" className="small-button" aria-label={label}>
          {text}
        </button>
      </Form>
    );
  };
  return (
    <span className="pair-actions">
      {pair.pinned ? button("pin", false) : button("pin", true)}{" "}
      {pair.forbidden ? button("forbid", false) : button("forbid", true)}
    </span>
  );
}

function TeamArticle({
  team,
  teams,
  run,
  action,
  editError,
}: {
  team: TeamCard;
  teams: TeamCard[];
  run: Run;
  action: string;
  editError: { applicationId: string; error: Phrase } | null;
}) {
  const { t } = useTranslation();
  const headingId = `team-${team.number}`;
  const group = (role: "mentor" | "mentee", people: MemberView[]) => (
    <>
      <h4 id={`${headingId}-${role}`}>
        {t(role === "mentor" ? "matching.teams.mentors" : "matching.teams.mentees")}
      </h4>
      <ul aria-labelledby={`${headingId}-${role}`} className="member-list">
        {people.map((person) => (
          <li key={person.applicationId} data-testid="team-member" data-role={role}>
            <MemberLine person={person} />
            {run.editable ? (
              <EditMember
                person={person}
                team={team}
                teams={teams}
                run={run}
                action={action}
                error={editError?.applicationId === person.applicationId ? editError.error : null}
              />
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
      <details className="why">
        <summary>{t("matching.teams.why")}</summary>
        <div className="table-wrap">
          <table className="breakdown">
            <caption>{t("matching.teams.breakdownCaption", { number: team.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("matching.teams.criterion")}</th>
                <th scope="col">{t("matching.teams.value")}</th>
                <th scope="col">{t("matching.teams.weight")}</th>
                <th scope="col">{t("matching.teams.points")}</th>
              </tr>
            </thead>
            <tbody>
              {team.breakdown.map((part) => (
                <tr key={part.criterion}>
                  <th scope="row">
                    {t(`matching.criterion.${part.kind}`)}
                    {part.subject ? (
                      <>
                        <br />
                        <span className="breakdown__subject">{part.subject}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{part.value}</td>
                  <td>{part.weight}</td>
                  <td>{part.points}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("matching.teams.total")}</th>
                <td />
                <td />
                <td>{team.score}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
      {run.editable && team.pairs.length > 0 ? (
        <>
          <h4 id={`${headingId}-pairs`}>{t("matching.pairs.title", { number: team.number })}</h4>
          <ul aria-labelledby={`${headingId}-pairs`} className="pair-list">
            {team.pairs.map((pair) => (
              <li key={`${pair.mentor.applicationId}:${pair.mentee.applicationId}`}>
                <span>
                  {t("matching.pairs.pair", { mentor: pair.mentor.name, mentee: pair.mentee.name })}
                </span>{" "}
                {pair.pinned ? <span className="badge">{t("matching.pairs.pinned")}</span> : null}{" "}
                {pair.forbidden ? (
                  <span className="badge badge--hard">{t("matching.pairs.forbidden")}</span>
                ) : null}{" "}
                <PairButtons pair={pair} team={team.number} run={run} action={action} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

function PairRules({ run, action }: { run: Run; action: string }) {
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

function PublishSection({ run, action, result }: { run: Run; action: string; result: Result | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const outcome = result && result.intent === "publish" ? result : null;
  const blocked: Phrase | null =
    !run.teams || run.teams.length === 0
      ? { key: "matching.publish.blockedNoTeams" }
      : run.violationCount > 0
        ? { key: "matching.publish.blocked", params: { count: run.violationCount } }
        : null;
  const confirmError = outcome && "error" in outcome && outcome.confirmMissing;
  const describedBy = [blocked ? "publish-blocked" : null, confirmError ? "confirm-error" : null]
    .filter(Boolean)
    .join(" ");
  return (
    <section aria-labelledby="publish-title" className="card">
      <h2 id="publish-title">{t("matching.publish.title")}</h2>
      {run.publishedAt ? (
        <p className="form-status" data-testid="published-notice">
          <span className="badge">{t("matching.runs.publishedMark")}</span>{" "}
          {t("matching.publish.published", { time: run.publishedAt })}
        </p>
      ) : null}
      {outcome && "teams" in outcome ? (
        <p role="status" className="form-status">
          {t("matching.publish.done", { count: outcome.teams })}
        </p>
      ) : null}
      {outcome && "error" in outcome && !outcome.confirmMissing ? (
        <p role="alert" className="form-error">
          <PhraseText phrase={outcome.error} />
        </p>
      ) : null}
      <p>{t("matching.publish.intro")}</p>
      {blocked ? (
        <p id="publish-blocked" className="form-error">
          <PhraseText phrase={blocked} />
        </p>
      ) : null}
      <Form method="post" action={action} noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="runId" value={run.id} />
        <p className="consent-check">
          <input
            type="checkbox"
            id="publish-confirm"
            name="confirm"
            disabled={blocked !== null}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "confirm-error" : undefined}
          />{" "}
          <label htmlFor="publish-confirm">{t("matching.publish.confirm")}</label>
        </p>
        {confirmError ? (
          <p id="confirm-error" className="field__error" role="alert">
            {t("matching.publish.confirmRequired")}
          </p>
        ) : null}
        <button
          type="submit"
          className="button-primary"
          disabled={blocked !== null || busy}
          aria-describedby={describedBy || undefined}
        >
          {t("matching.publish.submit")}
        </button>
      </Form>
    </section>
  );
}

function ActionMessage({ result }: { result: Result | undefined }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (result.intent === "edit" && "edited" in result) {
    const { edited } = result;
    return (
      <div role="status" className="form-status" data-testid="edit-result">
        <p>
          {t("matching.edit.result", { before: edited.before, after: edited.after, change: edited.change })}
        </p>
        {edited.violations.length > 0 ? (
          <>
            <p>{t("matching.edit.violations", { count: edited.violations.length })}</p>
            <ul className="violation-list">
              {edited.violations.map((violation, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the service's order, stable for one answer
                <li key={index}>
                  <PhraseText phrase={violation} />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("matching.edit.resultHint")}</p>
        )}
      </div>
    );
  }
  if (result.intent === "pair" && "done" in result) {
    const { mentor, mentee } = result.done.params ?? {};
    return (
      <p role="status" className="form-status">
        {t(result.done.key, { pair: t("matching.pairs.pair", { mentor, mentee }) })}
      </p>
    );
  }
  if (
    (result.intent === "edit" || result.intent === "pair" || result.intent === "run") &&
    "error" in result
  ) {
    return (
      <p role="alert" className="form-error">
        <PhraseText phrase={result.error} />
      </p>
    );
  }
  return null;
}

export default function CohortMatching() {
  const { t } = useTranslation();
  const { cohort, runs, run, tenantSlug, mayPublish } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const base = `/${tenantSlug}/programs/cohorts/${cohort.id}`;
  const formAction = run ? `${base}/matching?run=${run.id}` : `${base}/matching`;
  const running = inProgress(run);
  useRefreshWhile(running);
  const inMatching = cohort.status === "matching";
  const editError =
    result && result.intent === "edit" && "error" in result
      ? { applicationId: result.applicationId, error: result.error }
      : null;

  return (
    <>
      <h1>{t("matching.page.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("matching.page.intro")}</p>

      {inMatching ? (
        <Form method="post" action={formAction} className="run-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="run" />
          {run ? <input type="hidden" name="basedOnRunId" value={run.id} /> : null}
          <p id="run-hint" className="field__hint">
            {run ? t("matching.run.rerunHint", { number: run.number }) : t("matching.run.startHint")}
          </p>
          <button type="submit" className="button-primary" disabled={busy} aria-describedby="run-hint">
            {run ? t("matching.run.rerun") : t("matching.run.start")}
          </button>
        </Form>
      ) : (
        <p className="banner banner--warning" data-testid="not-in-phase">
          {t("matching.page.notInPhase", { status: t(`programs.status.${cohort.status}`) })}{" "}
          <Link to={base}>{t("matching.page.toOverview")}</Link>
        </p>
      )}
      {result && result.intent === "run" ? <ActionMessage result={result} /> : null}

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">{t("matching.runs.title")}</h2>
        {runs.length === 0 ? (
          <p>{t("matching.runs.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("matching.runs.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("matching.runs.number")}</th>
                  <th scope="col">{t("matching.runs.status")}</th>
                  <th scope="col">{t("matching.runs.progress")}</th>
                  <th scope="col">{t("matching.runs.objective")}</th>
                  <th scope="col">{t("matching.runs.gap")}</th>
                  <th scope="col">{t("matching.runs.createdAt")}</th>
                  <th scope="col">{t("matching.runs.finishedAt")}</th>
                  <th scope="col">{t("matching.runs.published")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((row) => {
                  const viewing = run?.id === row.id;
                  return (
                    <tr key={row.id} aria-current={viewing ? "true" : undefined} data-testid="run-row">
                      <th scope="row">
                        {viewing ? (
                          <>
                            {t("matching.runs.numberValue", { number: row.number })}{" "}
                            <span className="badge">{t("matching.runs.viewing")}</span>
                          </>
                        ) : (
                          <Link to={`${base}/matching?run=${row.id}`}>
                            {t("matching.runs.view", { number: row.number })}
                          </Link>
                        )}
                      </th>
                      <td>{t(`matching.status.${row.status}`)}</td>
                      <td>{row.progress}%</td>
                      <td>{row.objective ?? ""}</td>
                      <td>{row.gap ?? ""}</td>
                      <td>{row.createdAt}</td>
                      <td>{row.finishedAt ?? ""}</td>
                      <td>
                        {row.published ? (
                          <span className="badge">{t("matching.runs.publishedMark")}</span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {run ? (
        <>
          {running ? <Progress run={run} /> : null}
          {run.status === "failed" ? (
            <p role="alert" className="banner banner--error">
              {t("matching.failed", { number: run.number })}
            </p>
          ) : null}
          {run.status === "succeeded" ? <Summary run={run} /> : null}
          {run.status === "succeeded" && !run.editable ? <p>{t("matching.readOnly")}</p> : null}

          {run.teams ? (
            <section aria-labelledby="teams-title">
              <h2 id="teams-title">{t("matching.teams.title")}</h2>
              {result && (result.intent === "edit" || result.intent === "pair") ? (
                <ActionMessage result={result} />
              ) : null}
              {run.teams.length === 0 ? (
                <p>{t("matching.teams.none")}</p>
              ) : (
                <ul className="team-cards" aria-label={t("matching.teams.listLabel", { number: run.number })}>
                  {run.teams.map((team) => (
                    <li key={team.number}>
                      <TeamArticle
                        team={team}
                        teams={run.teams ?? []}
                        run={run}
                        action={formAction}
                        editError={editError}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}

          {run.status === "succeeded" ? <PairRules run={run} action={formAction} /> : null}
          {run.status === "succeeded" && run.editable && mayPublish ? (
            <PublishSection run={run} action={formAction} result={result} />
          ) : run.publishedAt ? (
            <p className="form-status" data-testid="published-notice">
              {t("matching.publish.published", { time: run.publishedAt })}
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
