import { AppError } from "@mentoring/domain";
import {
  editRunTeams,
  getMatchingReview,
  publishRun,
  setExclusion,
  setPairRule,
  startMatchingRun,
  type TeamEdit,
} from "@mentoring/programs";
import { redirect } from "@remix-run/node";
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { Exclusions } from "../components/matching/exclusions";
import { MatchingRules } from "../components/matching/matching-rules";
import { PairRules } from "../components/matching/pair-rules";
import { PhraseText } from "../components/matching/phrase-text";
import { RunSummary } from "../components/matching/run-summary";
import { type PairRuleKeys, pairKey, TeamArticle } from "../components/matching/team-card";
import { MemberEditDialog, useMemberEdit } from "../components/member-edit-dialog";
import { pageTitle } from "../components/page-title";
import { useRefreshWhile } from "../components/use-refresh-while";
import {
  type Phrase,
  presentMatchingReview,
  presentTeamEdit,
  type RunPage,
} from "../presenters/cohort-matching.server";
import { forbidden } from "../services/guard.server";
import { isRefusal, type Refusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("matching.page.title");

/**
 * A cohort's matching for its coordinator: the template's rules and weights in words, run it (progress
 * while it works), review the teams with each team's and each pair's score explained, swap or move people
 * (an unplaced one into someone's place) with the rules re-checked at once, pin and forbid pairs and
 * exclude people for the next run, and publish the teams to the participants.
 */
export const loader = tenantLoader(
  {
    permission: "matching.run",
    params: cohortParams,
    // Not parsed as an id here: an address naming no run of the cohort is a 404, as the use case answers.
    query: z.object({ run: z.string().optional() }),
  },
  async ({ params, query, tenant, locale, t, may, withTenant }) => {
    const review = await withTenant(
      (db) => getMatchingReview(db, { tenantId: tenant.id, cohortId: params.cohortId, runId: query.run }),
      // Each team's score explained by its people's survey answers (interests, diagnostics, answers).
      {
        accessLog: ({ run }) => ({
          kind: "survey_answers",
          subjects: {
            applicationIds: [
              ...(run?.teams ?? []).flatMap((team) => team.members.map((member) => member.applicationId)),
              ...(run?.unplaced ?? []).map((person) => person.applicationId),
            ],
          },
          cohortId: params.cohortId,
        }),
      },
    );
    return {
      ...presentMatchingReview(review, { locale, timeZone: tenant.timeZone, t }),
      tenantSlug: tenant.slug,
      mayPublish: may("matching.publish"),
    };
  },
);

const matchingForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("run"), basedOnRunId: id.optional() }),
  // A move without a team, a swap without a person: the coordinator's slip, which the handler answers by
  // asking for the choice.
  z.object({
    intent: z.literal("move"),
    runId: id,
    applicationId: id,
    toTeam: z.number().int().min(1).max(10_000).optional(),
  }),
  z.object({ intent: z.literal("swap"), runId: id, applicationId: id, withApplicationId: id.optional() }),
  z.object({
    intent: z.literal("pair"),
    runId: id,
    rule: z.enum(["pin", "forbid"]),
    on: z.enum(["1", "0"]),
    mentorApplicationId: id,
    menteeApplicationId: id,
    mentorName: z.string().max(200).default(""),
    menteeName: z.string().max(200).default(""),
  }),
  // A person to exclude not chosen: the coordinator's slip, answered beside the person field.
  z.object({
    intent: z.literal("exclusion"),
    runId: id,
    on: z.enum(["1", "0"]),
    applicationId: id.optional(),
    reason: z.string().trim().max(200).optional(),
  }),
  z.object({ intent: z.literal("publish"), runId: id, confirm: z.literal("on").optional() }),
]);

/** A move or a swap, as the use case takes it; none without the coordinator's choice. */
function teamEditOf(form: Extract<z.infer<typeof matchingForm>, { intent: "move" | "swap" }>): TeamEdit {
  const { applicationId } = form;
  if (form.intent === "move") {
    if (form.toTeam === undefined) throw new AppError("matching.edit_target_missing");
    return { kind: "move", applicationId, toTeam: form.toTeam };
  }
  if (form.withApplicationId === undefined) throw new AppError("matching.edit_target_missing");
  return { kind: "swap", applicationId, withApplicationId: form.withApplicationId };
}

/** Runs, edits (move, swap), pins and forbids, exclusions, and publication, which also takes matching.publish. */
export const action = tenantAction(
  {
    permission: "matching.run",
    params: cohortParams,
    form: matchingForm,
    // Where the page shows a refusal: by the form it came from, and for an edit by its person.
    whichForm: (sent) => ({
      refused: sent.intent === "move" || sent.intent === "swap" ? "edit" : sent.intent,
      applicationId: sent.applicationId,
    }),
  },
  async ({ params, form, tenant, user, locale, t, may, services, requestId, withTenant }) => {
    const acting = { tenantId: tenant.id, cohortId: params.cohortId, actorUserId: user.id, requestId };
    switch (form.intent) {
      case "run": {
        const { basedOnRunId } = form;
        const { runId } = await withTenant((db) =>
          startMatchingRun(db, { ...acting, ...(basedOnRunId !== undefined && { basedOnRunId }) }),
        );
        // Thrown, so that the action's data stays the results below.
        throw redirect(`/${tenant.slug}/programs/cohorts/${params.cohortId}/matching?run=${runId}`);
      }
      case "move":
      case "swap": {
        const edit = teamEditOf(form);
        const result = await withTenant((db) => editRunTeams(db, { ...acting, runId: form.runId, edit }));
        return {
          intent: "edit" as const,
          applicationId: edit.applicationId,
          edited: presentTeamEdit(result, { locale, t }),
        };
      }
      case "pair": {
        const { runId, rule, on, mentorApplicationId, menteeApplicationId, mentorName, menteeName } = form;
        await withTenant((db) =>
          setPairRule(db, {
            ...acting,
            runId,
            rule,
            on: on === "1",
            mentorApplicationId,
            menteeApplicationId,
          }),
        );
        const done = on === "1" ? rule : rule === "pin" ? ("unpin" as const) : ("unforbid" as const);
        return { intent: "pair" as const, done, mentor: mentorName, mentee: menteeName };
      }
      case "exclusion": {
        const { runId, applicationId, reason } = form;
        if (applicationId === undefined) throw new AppError("matching.exclusion_person_missing");
        const on = form.on === "1";
        await withTenant((db) =>
          setExclusion(db, {
            ...acting,
            runId,
            applicationId,
            on,
            ...(reason !== undefined && { reason }),
          }),
        );
        return { intent: "exclusion" as const, on, applicationId };
      }
      case "publish": {
        if (!may("matching.publish")) throw forbidden();
        if (form.confirm !== "on") throw new AppError("matching.publish_unconfirmed");
        const { teams } = await withTenant((db) =>
          publishRun(db, { ...acting, runId: form.runId, appUrl: services.config.APP_URL }),
        );
        return { intent: "publish" as const, teams };
      }
    }
  },
);

/**
 * A refusal may come from a change made elsewhere (the run published, the cohort moved on): load the page
 * again so that it shows it, as after any other post.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? true : defaultShouldRevalidate;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Run = NonNullable<LoaderData["run"]>;
type Result = Exclude<ReturnType<typeof useActionData<typeof action>>, undefined>;

/** A refusal's message, worded by the route builder. */
const refusalText = (refusal: Refusal) => refusal.error?.[""]?.[0] ?? "";

const inProgress = (run: Pick<RunPage, "status"> | null) =>
  run !== null && (run.status === "queued" || run.status === "running");

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

/** Why the run failed, in words: its job gave up, it stalled, or (no code) the engine could not finish it. */
function RunFailure({ run }: { run: Run }) {
  const { t } = useTranslation();
  return (
    <p id="run-failure" role="alert" className="banner banner--error" data-testid="run-failure">
      {run.failureCode
        ? t(`matching.failure.${run.failureCode}`, { number: run.number })
        : t("matching.failed", { number: run.number })}
    </p>
  );
}

function PublishSection({
  run,
  action,
  result,
  issuedCertificates,
}: {
  run: Run;
  action: string;
  result: Result | undefined;
  issuedCertificates: number;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const refusal = isRefusal(result) && result.refused === "publish" ? result : null;
  const published = !isRefusal(result) && result?.intent === "publish" ? result : null;
  // The server refuses to publish over issued certificates (matching.certificates_issued): said before asking.
  const blocked: Phrase | null =
    issuedCertificates > 0
      ? { key: "matching.publish.blockedCertificates", params: { count: issuedCertificates } }
      : !run.teams || run.teams.length === 0
        ? { key: "matching.publish.blockedNoTeams" }
        : run.violationCount > 0
          ? { key: "matching.publish.blocked", params: { count: run.violationCount } }
          : null;
  const confirmError = refusal?.code === "matching.publish_unconfirmed" ? refusalText(refusal) : null;
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
      {published ? (
        <p role="status" className="form-status">
          {t("matching.publish.done", { count: published.teams })}
        </p>
      ) : null}
      {refusal && !confirmError ? (
        <p role="alert" className="form-error">
          {refusalText(refusal)}
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
            {confirmError}
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

function ActionMessage({ result, run }: { result: Result | undefined; run?: Run | null }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (isRefusal(result)) {
    return (
      <p role="alert" className="form-error">
        {refusalText(result)}
      </p>
    );
  }
  if (result.intent === "edit") {
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
                // biome-ignore lint/suspicious/noArrayIndexKey: the use case's order, stable for one answer
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
  if (result.intent === "exclusion") {
    const people = [
      ...(run?.excluded ?? []),
      ...(run?.teams ?? []).flatMap((team) => [...team.mentors, ...team.mentees]),
      ...(run?.unplaced ?? []),
    ];
    const name = people.find((person) => person.applicationId === result.applicationId)?.name ?? "";
    return (
      <p role="status" className="form-status" data-testid="exclusion-result">
        {t(result.on ? "matching.exclusions.done.on" : "matching.exclusions.done.off", { name })}
      </p>
    );
  }
  if (result.intent === "pair") {
    const { mentor, mentee } = result;
    return (
      <p role="status" className="form-status">
        {t(`matching.pairs.done.${result.done}`, { pair: t("matching.pairs.pair", { mentor, mentee }) })}
      </p>
    );
  }
  return null;
}

export default function CohortMatching() {
  const { t } = useTranslation();
  const {
    cohort,
    runs,
    run,
    rules: matchingRules,
    tenantSlug,
    mayPublish,
    issuedCertificates,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const base = `/${tenantSlug}/programs/cohorts/${cohort.id}`;
  const formAction = run ? `${base}/matching?run=${run.id}` : `${base}/matching`;
  const running = inProgress(run);
  useRefreshWhile(running);
  // One run at a time per cohort (the server refuses another): the button waits while one is queued or working.
  const unfinished = runs.find(inProgress);
  const inMatching = cohort.status === "matching";
  // Which form the last answer is about: a refusal names it, success data carries it.
  const about = isRefusal(result) ? result.refused : result?.intent;
  const editError =
    isRefusal(result) && result.refused === "edit" && result.applicationId
      ? { applicationId: result.applicationId, error: refusalText(result) }
      : null;
  const exclusionError = isRefusal(result) && result.refused === "exclusion" ? refusalText(result) : null;
  const rules = useMemo(
    (): PairRuleKeys => ({
      pinned: new Set(run?.pinned.map((pair) => pairKey(pair.mentor, pair.mentee))),
      forbidden: new Set(run?.forbidden.map((pair) => pairKey(pair.mentor, pair.mentee))),
    }),
    [run?.pinned, run?.forbidden],
  );
  // The one move-or-swap dialog: whom it edits, and whose button gets focus back when it closes.
  const { editing, close: closeEdit, openers: edit } = useMemberEdit();
  // A move or swap done: the dialog closes once the teams are loaded again (the answer comes first, and
  // the person's button moves to their new card only then), and the result is read out beside the teams.
  const idle = navigation.state === "idle";
  useEffect(() => {
    if (idle && result && !isRefusal(result) && result.intent === "edit") closeEdit();
  }, [idle, result, closeEdit]);

  return (
    <>
      <h1>{t("matching.page.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("matching.page.intro")}</p>
      <MatchingRules rules={matchingRules} />

      {/* Above the run button, which is how a failed run is tried again. */}
      {run?.status === "failed" ? <RunFailure run={run} /> : null}
      {inMatching ? (
        <Form method="post" action={formAction} className="run-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="run" />
          {run ? <input type="hidden" name="basedOnRunId" value={run.id} /> : null}
          <p id="run-hint" className="field__hint">
            {issuedCertificates > 0
              ? t("matching.run.certificatesIssuedHint", { count: issuedCertificates })
              : unfinished
                ? t("matching.run.busyHint", { number: unfinished.number })
                : run
                  ? t("matching.run.rerunHint", { number: run.number })
                  : t("matching.run.startHint")}
          </p>
          <button
            type="submit"
            className="button-primary"
            disabled={busy || unfinished !== undefined || issuedCertificates > 0}
            aria-describedby={run?.status === "failed" ? "run-failure run-hint" : "run-hint"}
          >
            {run ? t("matching.run.rerun") : t("matching.run.start")}
          </button>
        </Form>
      ) : (
        <p className="banner banner--warning" data-testid="not-in-phase">
          {t("matching.page.notInPhase", { status: t(`programs.status.${cohort.status}`) })}{" "}
          <Link to={base}>{t("matching.page.toOverview")}</Link>
        </p>
      )}
      {about === "run" ? <ActionMessage result={result} /> : null}

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">{t("matching.runs.title")}</h2>
        <DataTable
          caption={t("matching.runs.caption")}
          captionHidden
          rows={runs}
          rowKey={(row) => row.id}
          rowProps={(row) => ({
            "aria-current": run?.id === row.id ? "true" : undefined,
            "data-testid": "run-row",
          })}
          empty={t("matching.runs.none")}
          columns={[
            {
              key: "number",
              header: t("matching.runs.number"),
              cell: (row) =>
                run?.id === row.id ? (
                  <>
                    {t("matching.runs.numberValue", { number: row.number })}{" "}
                    <span className="badge">{t("matching.runs.viewing")}</span>
                  </>
                ) : (
                  <Link to={`${base}/matching?run=${row.id}`}>
                    {t("matching.runs.view", { number: row.number })}
                  </Link>
                ),
            },
            {
              key: "status",
              header: t("matching.runs.status"),
              cell: (row) => t(`matching.status.${row.status}`),
            },
            { key: "progress", header: t("matching.runs.progress"), cell: (row) => `${row.progress}%` },
            { key: "objective", header: t("matching.runs.objective"), cell: (row) => row.objective ?? "" },
            { key: "gap", header: t("matching.runs.gap"), cell: (row) => row.gap ?? "" },
            { key: "createdAt", header: t("matching.runs.createdAt"), cell: (row) => row.createdAt },
            { key: "finishedAt", header: t("matching.runs.finishedAt"), cell: (row) => row.finishedAt ?? "" },
            {
              key: "published",
              header: t("matching.runs.published"),
              cell: (row) =>
                row.published ? <span className="badge">{t("matching.runs.publishedMark")}</span> : null,
            },
          ]}
        />
      </section>

      {run ? (
        <>
          {running ? <Progress run={run} /> : null}
          {run.status === "succeeded" ? <RunSummary run={run} edit={edit} /> : null}
          {run.status === "succeeded" && !run.editable ? <p>{t("matching.readOnly")}</p> : null}

          {run.teams ? (
            <section aria-labelledby="teams-title">
              <h2 id="teams-title">{t("matching.teams.title")}</h2>
              {about === "edit" || about === "pair" ? <ActionMessage result={result} /> : null}
              {run.teams.length === 0 ? (
                <p>{t("matching.teams.none")}</p>
              ) : (
                <ul className="team-cards" aria-label={t("matching.teams.listLabel", { number: run.number })}>
                  {run.teams.map((team) => (
                    <li key={team.number}>
                      <TeamArticle
                        team={team}
                        run={run}
                        action={formAction}
                        edit={edit}
                        rules={rules}
                        criteria={matchingRules.criteria}
                      />
                    </li>
                  ))}
                </ul>
              )}
              {run.editable ? (
                <MemberEditDialog
                  target={editing}
                  teams={run.teams}
                  runId={run.id}
                  action={formAction}
                  error={
                    editing && editError?.applicationId === editing.person.applicationId
                      ? editError.error
                      : null
                  }
                  onClose={closeEdit}
                />
              ) : null}
            </section>
          ) : null}

          {run.status === "succeeded" ? <PairRules run={run} action={formAction} /> : null}
          {run.status === "succeeded" ? (
            <>
              <Exclusions run={run} action={formAction} error={exclusionError} />
              {about === "exclusion" && !exclusionError ? <ActionMessage result={result} run={run} /> : null}
            </>
          ) : null}
          {run.status === "succeeded" && run.editable && mayPublish ? (
            <PublishSection
              run={run}
              action={formAction}
              result={result}
              issuedCertificates={issuedCertificates}
            />
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
