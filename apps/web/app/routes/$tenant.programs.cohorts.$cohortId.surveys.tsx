import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import { cohortCompletion, coordinateRound } from "../services/surveys.server";

const cohortIdSchema = z.string().uuid();

/** A cohort's survey rounds for its coordinator: completion, who has answered, reminders, closing. */
export const loader = tenantRoute("programs.manage", async ({ request, params, context, tenant }) => {
  const cohortId = cohortIdSchema.safeParse(params.cohortId);
  if (!cohortId.success) throw notFound();
  const completion = await cohortCompletion(context.services, {
    tenant,
    cohortId: cohortId.data,
    locale: await localeOf(request),
  });
  return { ...completion, tenantSlug: tenant.slug };
});

const actionSchema = z.object({ intent: z.enum(["remind", "close"]), roundId: z.string().uuid() });

export const action = tenantRoute("programs.manage", async ({ request, params, context, tenant, user }) => {
  const cohortId = cohortIdSchema.safeParse(params.cohortId);
  if (!cohortId.success) throw notFound();
  const form = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response(null, { status: 400 });
  return coordinateRound(context.services, {
    tenant,
    cohortId: cohortId.data,
    roundId: form.data.roundId,
    intent: form.data.intent,
    actorUserId: user.id,
    requestId: context.requestId,
  });
});

type Result = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

function resultMessage(result: Result): { key: string; params?: Record<string, number>; alert: boolean } {
  if ("error" in result) return { key: result.error, alert: true };
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
  const { t, i18n } = useTranslation();
  const { cohort, rounds, tenantSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const number = new Intl.NumberFormat(i18n.language);
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
        const message = result && result.roundId === round.id ? resultMessage(result) : null;
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
                  submitted: number.format(round.submitted),
                  expected: number.format(round.expected),
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
                {t(message.key, message.params)}
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
              <div className="table-wrap">
                <table>
                  <caption>{t("surveys.completion.scores", { survey: round.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("surveys.completion.dimension")}</th>
                      <th scope="col">{t("surveys.completion.mean")}</th>
                      <th scope="col">{t("surveys.completion.people")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {round.dimensions.map((dimension) => (
                      <tr key={dimension.key}>
                        <th scope="row">{dimension.label}</th>
                        <td>
                          {dimension.mean === null
                            ? t("surveys.completion.noScore")
                            : dimension.mean.toFixed(1)}
                        </td>
                        <td>{number.format(dimension.people)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <div className="table-wrap">
              <table>
                <caption>{t("surveys.completion.participants", { survey: round.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("surveys.completion.name")}</th>
                    <th scope="col">{t("surveys.completion.department")}</th>
                    <th scope="col">{t("surveys.completion.role")}</th>
                    <th scope="col">{t("surveys.completion.status")}</th>
                    <th scope="col">{t("surveys.completion.submittedAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {round.participants.map((participant) => (
                    <tr key={participant.applicationId}>
                      <th scope="row" className="participant-name">
                        {participant.name}
                      </th>
                      <td className="participant-department">{participant.department}</td>
                      <td>{t(`surveys.role.${participant.role}`)}</td>
                      <td>{t(`surveys.status.${participant.status}`)}</td>
                      <td>{participant.submittedAt ?? t("surveys.completion.notSubmitted")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
