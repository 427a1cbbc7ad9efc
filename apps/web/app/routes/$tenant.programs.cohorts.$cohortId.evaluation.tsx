import { getCollectionProps, getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError } from "@mentoring/domain";
import {
  assignEvaluator,
  getCohortEvaluations,
  getCohortResults,
  inviteEvaluator,
  listEvaluatorChoices,
  reopenEvaluation,
  unassignEvaluator,
} from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormErrors, InputField, lastResultOf } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import {
  type CohortEvaluationPage,
  type CohortResultsPage,
  presentCohortEvaluation,
  presentCohortResults,
} from "../presenters/cohort-evaluation.server";
import { besideFields, isRefusal } from "../services/refusal";
import {
  type FieldNamer,
  tenantAction,
  tenantLoader,
  translateRefusal,
} from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("evaluations.coordinator.title");

/**
 * The coordinator's evaluation of a cohort: who evaluates which team (staff of the tenant, or outside
 * trainers invited by e-mail) under the conflict-of-interest rule, how far each evaluator has come, and
 * taking an evaluator off a team or reopening a submitted evaluation.
 */
export const loader = tenantLoader(
  { permission: "evaluations.manage", params: cohortParams },
  async ({ params, tenant, locale, withTenant }) => {
    const input = { tenantId: tenant.id, cohortId: params.cohortId };
    const now = new Date();
    const { evaluations, choices, results } = await withTenant(async (db) => ({
      evaluations: await getCohortEvaluations(db, input),
      choices: await listEvaluatorChoices(db, { ...input, now }),
      results: await getCohortResults(db, { ...input, now }),
    }));
    return {
      ...presentCohortEvaluation(evaluations, choices, locale, tenant.timeZone),
      results: presentCohortResults(results, locale),
      tenantSlug: tenant.slug,
    };
  },
);

const assignForm = z.object({
  intent: z.literal("assign"),
  evaluatorUserId: z.string({ required_error: "evaluations.coordinator.assign.evaluatorRequired" }).uuid(),
  teamIds: z
    .array(id, { required_error: "evaluations.coordinator.assign.teamsRequired" })
    .min(1, "evaluations.coordinator.assign.teamsRequired"),
});
const inviteForm = z.object({
  intent: z.literal("invite"),
  email: z.string().trim().min(1, "evaluations.coordinator.invite.emailRequired").max(254),
});
const unassignForm = z.object({ intent: z.literal("unassign"), assignmentId: id });
const reopenForm = z.object({ intent: z.literal("reopen"), assignmentId: id });
const evaluationForm = z.discriminatedUnion("intent", [assignForm, inviteForm, unassignForm, reopenForm]);

const fieldName: FieldNamer = (path, t) =>
  path === "evaluatorUserId"
    ? t("evaluations.coordinator.assign.evaluator")
    : path === "teamIds"
      ? t("evaluations.coordinator.assign.teams")
      : path === "email"
        ? t("evaluations.coordinator.invite.email")
        : null;

/**
 * The coordinator's changes. Assigning takes one evaluator and one or more teams: each team on its own
 * (a conflict with one team does not stop the others), the refused listed with their reasons; a single
 * team's refusal is the form's, beside the evaluator's field.
 */
export const action = tenantAction(
  {
    permission: "evaluations.manage",
    params: cohortParams,
    form: evaluationForm,
    fieldName,
    whichForm: (sent) => ({ refused: sent.intent, assignmentId: sent.assignmentId }),
  },
  async ({ params, form, tenant, user, locale, t, requestId, services, withTenant }) => {
    const acting = { tenantId: tenant.id, cohortId: params.cohortId, actorUserId: user.id, requestId };
    switch (form.intent) {
      case "assign": {
        const { evaluatorUserId } = form;
        const choices = await withTenant((db) =>
          listEvaluatorChoices(db, { tenantId: tenant.id, cohortId: params.cohortId, now: new Date() }),
        );
        const numberOf = new Map(choices.teams.map((team) => [team.id, team.number]));
        const teamIds = [...new Set(form.teamIds)].sort(
          (a, b) => (numberOf.get(a) ?? 0) - (numberOf.get(b) ?? 0),
        );
        const assigned: number[] = [];
        const refused: { number: number; reason: string }[] = [];
        for (const teamId of teamIds) {
          try {
            // One transaction per team: a refused team leaves the others assigned.
            await withTenant((db) =>
              assignEvaluator(db, { ...acting, teamId, evaluatorUserId, now: new Date() }),
            );
            assigned.push(numberOf.get(teamId) ?? 0);
          } catch (error) {
            // Alone, or about the person rather than the team: the form's refusal, beside the field.
            if (
              !(error instanceof AppError) ||
              teamIds.length === 1 ||
              error.code === "evaluation.evaluator_not_found" ||
              error.code === "evaluation.team_not_found"
            )
              throw error;
            const { formErrors, fieldErrors } = translateRefusal(error, t, fieldName);
            refused.push({
              number: numberOf.get(teamId) ?? 0,
              reason: fieldErrors.evaluatorUserId?.[0] ?? formErrors[0] ?? "",
            });
          }
        }
        const name = choices.members.find((member) => member.userId === evaluatorUserId)?.name ?? "";
        return { intent: form.intent, name, assigned, refused };
      }
      case "invite": {
        const invited = await withTenant((db) =>
          inviteEvaluator(db, {
            tenant,
            actorUserId: user.id,
            email: form.email,
            locale,
            appUrl: services.config.APP_URL,
            requestId,
          }),
        );
        return { intent: form.intent, email: form.email.toLowerCase(), invited: invited.invited };
      }
      case "unassign": {
        await withTenant((db) => unassignEvaluator(db, { ...acting, assignmentId: form.assignmentId }));
        return { intent: form.intent };
      }
      case "reopen": {
        await withTenant((db) =>
          reopenEvaluation(db, { ...acting, assignmentId: form.assignmentId, now: new Date() }),
        );
        return { intent: form.intent };
      }
    }
  },
);

type Team = CohortEvaluationPage["teams"][number];
type Place = CohortResultsPage["ranking"][number];

const assignFields = ["evaluatorUserId", "teamIds"] as const;
const inviteFields = ["email"] as const;

export default function CohortEvaluation() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const { cohort, teams, candidates, pendingInvitations, progress, results, tenantSlug } = page;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const teamLabel = (number: number) => t("evaluations.coordinator.teamNumber", { number });

  const assignRefusal = isRefusal(result) && result.refused === "assign" ? result : undefined;
  const assignResult = useMemo(
    () => (assignRefusal ? besideFields(assignRefusal, assignFields) : undefined),
    [assignRefusal],
  );
  const [assign, assignFieldsMeta] = useForm<z.input<typeof assignForm>>({
    id: "assign-evaluator",
    lastResult: lastResultOf(assignResult, result),
    constraint: getZodConstraint(assignForm),
    shouldRevalidate: "onSubmit",
  });
  const inviteRefusal = isRefusal(result) && result.refused === "invite" ? result : undefined;
  const inviteResult = useMemo(
    () => (inviteRefusal ? besideFields(inviteRefusal, inviteFields) : undefined),
    [inviteRefusal],
  );
  const [invite, inviteFieldsMeta] = useForm<z.input<typeof inviteForm>>({
    id: "invite-evaluator",
    lastResult: lastResultOf(inviteResult, result),
    constraint: getZodConstraint(inviteForm),
    shouldRevalidate: "onSubmit",
  });

  // The member list narrowed as one types a name, department or address (all of them without script).
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? candidates.filter((member) =>
        [member.name, member.department ?? "", member.email].some((text) =>
          text.toLowerCase().includes(needle),
        ),
      )
    : candidates;
  const evaluatorField = assignFieldsMeta.evaluatorUserId;
  const evaluatorError = evaluatorField.errors?.[0];
  const teamsField = assignFieldsMeta.teamIds;
  const teamsError = teamsField.errors?.[0];
  const teamBoxes = getCollectionProps(teamsField, {
    type: "checkbox",
    options: teams.map((team) => team.id),
    ariaAttributes: false,
  });
  const numberOfTeam = new Map(teams.map((team) => [team.id, team.number]));

  const rowMessage = (assignmentId: string) =>
    isRefusal(result) && result.assignmentId === assignmentId ? (
      <p role="alert" className="form-error">
        {result.error?.[""]?.[0]}
      </p>
    ) : null;

  const confirmReopen = (message: string) => (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(message)) event.preventDefault();
  };

  return (
    <>
      <h1>{t("evaluations.coordinator.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("evaluations.coordinator.intro")}</p>
      <p data-testid="evaluation-progress">
        {t("evaluations.coordinator.progress", progress)}{" "}
        {progress.teamsWithout > 0
          ? t("evaluations.coordinator.teamsWithout", { count: progress.teamsWithout })
          : null}
      </p>

      {result && !isRefusal(result) && result.intent === "unassign" ? (
        <p role="status" className="form-status">
          {t("evaluations.coordinator.unassigned")}
        </p>
      ) : null}
      {result && !isRefusal(result) && result.intent === "reopen" ? (
        <p role="status" className="form-status">
          {t("evaluations.coordinator.reopened")}
        </p>
      ) : null}

      <section aria-labelledby="assign-heading" className="card">
        <h2 id="assign-heading">{t("evaluations.coordinator.assign.title")}</h2>
        <p>{t("evaluations.coordinator.assign.intro")}</p>
        {result && !isRefusal(result) && result.intent === "assign" ? (
          <div>
            {result.assigned.length > 0 ? (
              <p role="status" className="form-status">
                {t("evaluations.coordinator.assign.done", {
                  name: result.name,
                  teams: result.assigned.map(teamLabel).join(", "),
                })}
              </p>
            ) : null}
            {result.refused.length > 0 ? (
              <div role="alert" className="form-error" id="assign-refused">
                <p>{t("evaluations.coordinator.assign.refusedTitle", { name: result.name })}</p>
                <ul>
                  {result.refused.map((refusal) => (
                    <li key={refusal.number}>
                      {t("evaluations.coordinator.assign.refusedItem", {
                        team: teamLabel(refusal.number),
                        reason: refusal.reason,
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
        {teams.length === 0 ? (
          <p>{t("evaluations.coordinator.teams.empty")}</p>
        ) : (
          <>
            <FormErrors form={assign} />
            <Form method="post" {...getFormProps(assign)}>
              <CsrfInput />
              <div className="field">
                <label htmlFor="evaluator-search">{t("evaluations.coordinator.assign.search")}</label>
                <p id="evaluator-search-hint" className="field__hint">
                  {t("evaluations.coordinator.assign.searchHint", { count: shown.length })}
                </p>
                <input
                  id="evaluator-search"
                  type="search"
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                  aria-describedby="evaluator-search-hint"
                  aria-controls={evaluatorField.id}
                  autoComplete="off"
                />
              </div>
              <div className="field">
                <label htmlFor={evaluatorField.id}>{t("evaluations.coordinator.assign.evaluator")}</label>
                <select
                  id={evaluatorField.id}
                  name={evaluatorField.name}
                  defaultValue={evaluatorField.initialValue as string | undefined}
                  key={evaluatorField.key}
                  required
                  aria-invalid={evaluatorError ? true : undefined}
                  aria-describedby={evaluatorError ? evaluatorField.errorId : undefined}
                >
                  <option value="">{t("evaluations.coordinator.assign.choose")}</option>
                  {shown.map((member) => (
                    <option key={member.userId} value={member.userId}>
                      {t("evaluations.coordinator.assign.option", {
                        name: member.name,
                        department: member.department ?? t("evaluations.coordinator.outside"),
                        email: member.email,
                      })}
                    </option>
                  ))}
                </select>
                {evaluatorError ? (
                  <p id={evaluatorField.errorId} className="field__error">
                    {evaluatorError}
                  </p>
                ) : null}
              </div>
              <fieldset aria-describedby={teamsError ? `${teamsField.errorId} teams-hint` : "teams-hint"}>
                <legend>{t("evaluations.coordinator.assign.teams")}</legend>
                <p id="teams-hint" className="field__hint">
                  {t("evaluations.coordinator.assign.teamsHint")}
                </p>
                <ul className="checkbox-list checkbox-list--inline">
                  {teamBoxes.map(({ key: _key, ...box }) => (
                    <li key={box.value}>
                      <input {...box} aria-invalid={teamsError ? true : undefined} />{" "}
                      <label htmlFor={box.id}>{teamLabel(numberOfTeam.get(box.value) ?? 0)}</label>
                    </li>
                  ))}
                </ul>
                {teamsError ? (
                  <p id={teamsField.errorId} className="field__error">
                    {teamsError}
                  </p>
                ) : null}
              </fieldset>
              <button type="submit" name="intent" value="assign" className="button-primary" disabled={busy}>
                {t("evaluations.coordinator.assign.submit")}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t("evaluations.coordinator.invite.title")}</h2>
        <p>{t("evaluations.coordinator.invite.intro")}</p>
        {result && !isRefusal(result) && result.intent === "invite" ? (
          <p role="status" className="form-status">
            {t(
              result.invited
                ? "evaluations.coordinator.invite.sent"
                : "evaluations.coordinator.invite.alreadyMember",
              { email: result.email },
            )}
          </p>
        ) : null}
        <FormErrors form={invite} />
        <Form method="post" {...getFormProps(invite)}>
          <CsrfInput />
          <InputField
            meta={inviteFieldsMeta.email}
            type="email"
            label={t("evaluations.coordinator.invite.email")}
            autoComplete="off"
            required
            maxLength={254}
          />
          <button type="submit" name="intent" value="invite" disabled={busy}>
            {t("evaluations.coordinator.invite.submit")}
          </button>
        </Form>
        {pendingInvitations.length > 0 ? (
          <>
            <h3>{t("evaluations.coordinator.invite.pending")}</h3>
            <ul>
              {pendingInvitations.map((invitation) => (
                <li key={invitation.email}>
                  {t("evaluations.coordinator.invite.pendingItem", {
                    email: invitation.email,
                    date: invitation.expiresOn,
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="teams-heading" className="card">
        <h2 id="teams-heading">{t("evaluations.coordinator.teams.title")}</h2>
        <DataTable
          caption={t("evaluations.coordinator.teams.caption")}
          rows={teams}
          rowKey={(team) => team.id}
          empty={t("evaluations.coordinator.teams.empty")}
          columns={[
            {
              key: "team",
              header: t("evaluations.coordinator.teams.team"),
              cell: (team: Team) => teamLabel(team.number),
            },
            {
              key: "members",
              header: t("evaluations.coordinator.teams.members"),
              cell: (team: Team) => (
                <ul className="plain-list">
                  {team.members.map((member) => (
                    <li key={`${member.name}-${member.department}`}>
                      {t("evaluations.coordinator.teams.member", member)}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: "evaluators",
              header: t("evaluations.coordinator.teams.evaluators"),
              cell: (team: Team) =>
                team.evaluators.length === 0 ? (
                  t("evaluations.coordinator.teams.none")
                ) : (
                  <ul className="plain-list">
                    {team.evaluators.map((evaluator) => {
                      const who = { name: evaluator.name, team: teamLabel(team.number) };
                      return (
                        <li key={evaluator.assignmentId} data-testid="evaluator-assignment">
                          {evaluator.name}
                          {evaluator.outside ? ` (${t("evaluations.coordinator.outsideTrainer")})` : ""}
                          {" · "}
                          {evaluator.status === "submitted"
                            ? t("evaluations.coordinator.status.submitted", { when: evaluator.submittedAt })
                            : evaluator.reopenedAt
                              ? t("evaluations.coordinator.status.reopened", { when: evaluator.reopenedAt })
                              : t("evaluations.coordinator.status.draft")}{" "}
                          {rowMessage(evaluator.assignmentId)}
                          {evaluator.status === "submitted" ? (
                            <AssignmentAction
                              intent="reopen"
                              assignmentId={evaluator.assignmentId}
                              label={t("evaluations.coordinator.reopenLabel", who)}
                              busy={busy}
                              onSubmit={confirmReopen(t("evaluations.coordinator.reopenConfirm", who))}
                            >
                              {t("evaluations.coordinator.reopen")}
                            </AssignmentAction>
                          ) : evaluator.submittedAt === null ? (
                            <AssignmentAction
                              intent="unassign"
                              assignmentId={evaluator.assignmentId}
                              label={t("evaluations.coordinator.unassignLabel", who)}
                              busy={busy}
                            >
                              {t("evaluations.coordinator.unassign")}
                            </AssignmentAction>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                ),
            },
          ]}
        />
      </section>

      <Results results={results} />
    </>
  );
}

/** One button acting on an evaluator's assignment (reopen it, or take it back), named for whom and which team. */
function AssignmentAction({
  intent,
  assignmentId,
  label,
  busy,
  onSubmit,
  children,
}: {
  intent: "reopen" | "unassign";
  assignmentId: string;
  label: string;
  busy: boolean;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="inline-form" onSubmit={onSubmit}>
      <CsrfInput />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <button type="submit" name="intent" value={intent} disabled={busy} aria-label={label}>
        {children}
      </button>
    </Form>
  );
}

/**
 * The ranking from the submitted evaluations and the computed criteria, how scores are corrected and ties
 * broken (one paragraph each), and the proposed awards with any tie at a boundary left to the coordinator.
 */
function Results({ results }: { results: CohortResultsPage }) {
  const { t } = useTranslation();
  const teamLabel = (number: number) => t("evaluations.coordinator.teamNumber", { number });
  const teamList = (numbers: number[]) => numbers.map(teamLabel).join(", ");
  const { criteria, evaluations } = results;
  return (
    <section aria-labelledby="results-heading" className="card">
      <h2 id="results-heading">{t("evaluations.coordinator.results.title")}</h2>
      <p data-testid="results-submitted">
        {t("evaluations.coordinator.results.submitted", evaluations)}
        {evaluations.submitted === 0 ? ` ${t("evaluations.coordinator.results.none")}` : null}
      </p>

      <h3>{t("evaluations.coordinator.results.awardsTitle")}</h3>
      <p>{t("evaluations.coordinator.results.awardsIntro")}</p>
      <ul data-testid="proposed-awards">
        {results.awards.map((award) => (
          <li key={award.key}>
            {award.teams.length > 0
              ? t("evaluations.coordinator.results.awardItem", {
                  name: award.name,
                  count: award.places,
                  teams: teamList(award.teams),
                  prize: award.prize,
                })
              : t("evaluations.coordinator.results.awardNone", { name: award.name, count: award.places })}
            {award.ties.map((tie) => (
              <p key={`${award.key}-${tie.rank}`} className="form-error" data-testid="award-tie">
                {t("evaluations.coordinator.results.tie", {
                  teams: teamList(tie.teams),
                  rank: tie.rank,
                  count: tie.places,
                  name: award.name,
                })}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {results.disagreements.length > 0 ? (
        <p className="form-error" data-testid="disagreements">
          {t("evaluations.coordinator.results.disagreements", { teams: teamList(results.disagreements) })}
        </p>
      ) : null}

      <DataTable
        caption={t("evaluations.coordinator.results.caption")}
        rows={results.ranking}
        rowKey={(place) => place.teamId}
        empty={t("evaluations.coordinator.teams.empty")}
        columns={[
          {
            key: "rank",
            header: t("evaluations.coordinator.results.rank"),
            cell: (place: Place) =>
              t(
                place.sharesRank
                  ? "evaluations.coordinator.results.rankShared"
                  : "evaluations.coordinator.results.rankValue",
                { rank: place.rank },
              ),
          },
          {
            key: "team",
            header: t("evaluations.coordinator.results.team"),
            cell: (place: Place) => teamLabel(place.number),
          },
          {
            key: "total",
            header: t("evaluations.coordinator.results.total"),
            numeric: true,
            cell: (place: Place) => place.total,
          },
          ...criteria.map((criterion, index) => ({
            key: `criterion-${criterion.key}`,
            header: (
              <>
                {t("evaluations.coordinator.results.criterion", {
                  name: criterion.name,
                  weight: criterion.weight,
                })}
                {criterion.source === "computed" ? (
                  <>
                    <br />
                    <span className="survey-meta">{t("evaluations.coordinator.results.computed")}</span>
                  </>
                ) : null}
              </>
            ),
            numeric: true,
            cell: (place: Place) => {
              const value = place.scores[index]?.value ?? null;
              return value === null
                ? t("evaluations.coordinator.results.noScore")
                : t("evaluations.coordinator.results.score", { value, max: criterion.scaleMax });
            },
          })),
          {
            key: "spread",
            header: t("evaluations.coordinator.results.spread"),
            cell: (place: Place) =>
              place.spread ? (
                <>
                  {t("evaluations.coordinator.results.spreadValue", {
                    range: place.spread.range,
                    evaluators: place.spread.evaluators,
                    deviation: place.spread.standardDeviation,
                  })}
                  {place.disagreement ? (
                    <>
                      <br />
                      <strong>{t("evaluations.coordinator.results.disagreement")}</strong>
                    </>
                  ) : null}
                </>
              ) : (
                t("evaluations.coordinator.results.spreadNone")
              ),
          },
          {
            key: "status",
            header: t("evaluations.coordinator.results.status"),
            cell: (place: Place) =>
              place.complete
                ? t("evaluations.coordinator.results.complete", place.evaluations)
                : t("evaluations.coordinator.results.missing", {
                    ...place.evaluations,
                    criteria: place.missing.join(", "),
                  }),
          },
          {
            key: "award",
            header: t("evaluations.coordinator.results.award"),
            cell: (place: Place) => place.award ?? "—",
          },
        ]}
      />

      <h3>{t("evaluations.coordinator.results.normalisationTitle")}</h3>
      <p data-testid="normalisation-rule">
        {t(
          results.normalisation === "z_score"
            ? "evaluations.coordinator.results.normalisation.z_score"
            : "evaluations.coordinator.results.normalisation.none",
        )}{" "}
        {t("evaluations.coordinator.results.disagreementRule", { points: results.disagreementSpread })}
      </p>
      <h3>{t("evaluations.coordinator.results.tieTitle")}</h3>
      <p data-testid="tie-rule">
        {t("evaluations.coordinator.results.tieRule", { order: results.tieBreakOrder.join(", ") })}
      </p>
    </section>
  );
}
