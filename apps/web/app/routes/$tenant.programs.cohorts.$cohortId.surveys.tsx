import type { MessageKey } from "@mentoring/i18n";
import { closeRound, getRoundCompletion, remindRound, tenantToday } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { presentCohortSurveys } from "../presenters/cohort-surveys.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("surveys.completion.title");

/** A cohort's survey rounds for its coordinator: completion, who has answered, reminders, closing. */
export const loader = tenantLoader(
  { permission: "programs.manage", params: cohortParams },
  async ({ params, tenant, locale, withTenant }) => {
    const { cohort, rounds } = await withTenant((db) =>
      getRoundCompletion(db, { tenantId: tenant.id, cohortId: params.cohortId }),
    );
    return { cohort, rounds: presentCohortSurveys(rounds, locale, tenant.timeZone), tenantSlug: tenant.slug };
  },
);

const roundForm = z.object({ intent: z.enum(["remind", "close"]), roundId: id });

/** "Remind now" and "close round", for a round of the cohort. */
export const action = tenantAction(
  {
    permission: "programs.manage",
    params: cohortParams,
    form: roundForm,
    whichForm: (sent) => ({ roundId: sent.roundId }),
  },
  async ({ params, form, tenant, user, requestId, services, withTenant }) => {
    const { cohortId } = params;
    const { intent, roundId } = form;
    const acting = { tenantId: tenant.id, cohortId, roundId, actorUserId: user.id, requestId };
    if (intent === "close") {
      const { closed } = await withTenant((db) => closeRound(db, { ...acting, now: new Date() }));
      return { intent, roundId, outcome: closed ? ("closed" as const) : ("already_closed" as const) };
    }
    const reminded = await withTenant((db) =>
      remindRound(db, {
        ...acting,
        today: tenantToday(tenant.timeZone),
        appUrl: services.config.APP_URL,
        trigger: "coordinator",
      }),
    );
    return reminded.status === "sent"
      ? { intent, roundId, outcome: "sent" as const, count: reminded.reminded }
      : { intent, roundId, outcome: reminded.status };
  },
);

type Result = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

/** What the last action said about its round: a refusal's message, or what was done. */
function resultMessage(
  result: Result,
):
  | { key: MessageKey; params?: Record<string, number>; text?: undefined; alert: boolean }
  | { key: ""; params?: undefined; text: string; alert: boolean } {
  if (isRefusal(result)) return { key: "", text: result.error?.[""]?.[0] ?? "", alert: true };
  switch (result.outcome) {
    case "sent":
      return { key: "surveys.completion.reminded", params: { count: result.count }, alert: false };
    case "not_due":
      return { key: "surveys.completion.remindNotDue", alert: false };
    case "closed":
      return {
        key: result.intent === "close" ? "surveys.completion.closedNow" : "surveys.completion.remindClosed",
        alert: false,
      };
    case "already_closed":
      return { key: "surveys.completion.alreadyClosed", alert: false };
  }
}

export default function CohortSurveys() {
  const { t } = useTranslation();
  const { cohort, rounds, tenantSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("surveys.completion.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("surveys.completion.intro")}</p>
      {rounds.length === 0 ? <p>{t("surveys.completion.none")}</p> : null}
      {rounds.map((round) => {
        const heading = t("surveys.completion.roundTitle", {
          survey: round.title,
          phase: t(`surveys.phase.${round.phase}`),
        });
        const headingId = `round-${round.id}`;
        const message = result?.roundId === round.id ? resultMessage(result) : null;
        return (
          <section key={round.id} aria-labelledby={headingId} className="card survey-round">
            <h2 id={headingId}>{heading}</h2>
            <p>
              {t("surveys.completion.period", { opensOn: round.opensOn, closesOn: round.closesOn })}
              {" · "}
              {round.closedAt
                ? t("surveys.completion.closedAt", { time: round.closedAt })
                : t("surveys.completion.open")}
            </p>
            <div className="completion">
              <progress
                max={Math.max(round.expected, 1)}
                value={round.submitted}
                aria-label={t("surveys.completion.progressLabel", { survey: round.title })}
              />
              <p className="completion__summary" data-testid={`completion-${round.questionSetKey}`}>
                {t("surveys.completion.summary", {
                  submitted: round.submittedText,
                  expected: round.expectedText,
                  percent: round.percent,
                })}
              </p>
              <p>
                <span>{t("surveys.completion.inProgress", { count: round.inProgress })}</span>
                {" · "}
                <span>{t("surveys.completion.notStarted", { count: round.notStarted })}</span>
              </p>
            </div>
            <p>
              {round.lastRemindedOn
                ? t("surveys.completion.lastReminded", { date: round.lastRemindedOn })
                : t("surveys.completion.neverReminded")}
            </p>
            {message ? (
              <p
                role={message.alert ? "alert" : "status"}
                className={message.alert ? "form-error" : "form-status"}
              >
                {message.text === undefined ? t(message.key, message.params) : message.text}
              </p>
            ) : null}
            {round.closedAt ? null : (
              <div className="button-row">
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="roundId" value={round.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="remind"
                    disabled={busy}
                    aria-describedby={headingId}
                  >
                    {t("surveys.completion.remind")}
                  </button>
                </Form>
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="roundId" value={round.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="close"
                    disabled={busy}
                    aria-describedby={`${headingId} close-hint`}
                  >
                    {t("surveys.completion.close")}
                  </button>
                </Form>
              </div>
            )}
            {round.dimensions.length > 0 ? (
              <DataTable
                caption={t("surveys.completion.scores", { survey: round.title })}
                rows={round.dimensions}
                rowKey={(dimension) => dimension.key}
                empty={null}
                columns={[
                  { key: "dimension", header: t("surveys.completion.dimension"), cell: (d) => d.label },
                  {
                    key: "mean",
                    header: t("surveys.completion.mean"),
                    numeric: true,
                    cell: (d) => (d.mean === null ? t("surveys.completion.noScore") : d.mean.toFixed(1)),
                  },
                  {
                    key: "people",
                    header: t("surveys.completion.people"),
                    numeric: true,
                    cell: (d) => d.peopleText,
                  },
                ]}
              />
            ) : null}
            <DataTable
              caption={t("surveys.completion.participants", { survey: round.title })}
              rows={round.participants}
              rowKey={(participant) => participant.applicationId}
              empty={t("surveys.completion.noParticipants")}
              columns={[
                {
                  key: "name",
                  header: t("surveys.completion.name"),
                  className: "participant-name",
                  cell: (p) => p.name,
                },
                {
                  key: "department",
                  header: t("surveys.completion.department"),
                  className: "participant-department",
                  cell: (p) => p.department,
                },
                {
                  key: "role",
                  header: t("surveys.completion.role"),
                  cell: (p) => t(`surveys.role.${p.role}`),
                },
                {
                  key: "status",
                  header: t("surveys.completion.status"),
                  cell: (p) => t(`surveys.status.${p.status}`),
                },
                {
                  key: "submittedAt",
                  header: t("surveys.completion.submittedAt"),
                  cell: (p) => p.submittedAt ?? t("surveys.completion.notSubmitted"),
                },
              ]}
            />
          </section>
        );
      })}
      {rounds.some((round) => !round.closedAt) ? (
        <p id="close-hint" className="field__hint">
          {t("surveys.completion.closeHint")}
        </p>
      ) : null}
    </>
  );
}
