import { can, cohortStatuses, scheduleFields } from "@mentoring/domain";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import type { FormIssues } from "../services/form-issues.server";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf, translatorFor } from "../services/i18n.server";
import { cohortPage, moveCohort, problemView, saveScheduleForm } from "../services/programs.server";

const cohortIdSchema = z.string().uuid();

/** A cohort's overview: status and timeline, its dates to edit, places and applications, the next phase. */
export const loader = tenantRoute(
  "programs.view",
  async ({ request, params, context, tenant, membership }) => {
    const cohortId = cohortIdSchema.safeParse(params.cohortId);
    if (!cohortId.success) throw notFound();
    const page = await cohortPage(context.services, tenant, cohortId.data, await localeOf(request));
    const t = await translatorFor(request);
    return {
      ...page,
      next: page.next && {
        to: page.next.to,
        problems: page.next.problems.map((problem) => problemView(problem, t)),
      },
      tenantSlug: tenant.slug,
      mayManage: can(membership.roles, "programs.manage"),
    };
  },
);

const moveForm = z.object({
  intent: z.literal("move"),
  to: z.enum(cohortStatuses),
  override: z.literal("on").optional(),
  reason: z.string().max(1000).default(""),
});

export const action = tenantRoute("programs.manage", async ({ request, params, context, tenant, user }) => {
  const cohortId = cohortIdSchema.safeParse(params.cohortId);
  if (!cohortId.success) throw notFound();
  const form = Object.fromEntries(await request.formData());
  const acting = { tenant, actorUserId: user.id, requestId: context.requestId, cohortId: cohortId.data };
  const t = await translatorFor(request);
  if (form.intent === "schedule") {
    return {
      intent: "schedule" as const,
      ...(await saveScheduleForm(context.services, { ...acting, form, t })),
    };
  }
  const move = moveForm.safeParse(form);
  if (!move.success) throw new Response(null, { status: 400 });
  const outcome = await moveCohort(context.services, {
    ...acting,
    to: move.data.to,
    override: move.data.override === "on",
    reason: move.data.reason,
    t,
  });
  return { intent: "move" as const, ...outcome };
});

export default function CohortOverview() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { schedule, next, mayManage } = page;

  const scheduleResult = result?.intent === "schedule" ? result : null;
  const scheduleIssues: FormIssues =
    scheduleResult && "issues" in scheduleResult ? scheduleResult.issues : {};
  const moveResult = result?.intent === "move" ? result : null;
  const refused = moveResult && !moveResult.ok ? moveResult : null;
  const closed = page.status === "closed";

  // The problems as of this page's load, or as the refusal just found them.
  const problems = refused && refused.problems.length > 0 ? refused.problems : (next?.problems ?? []);
  const hard = problems.some((problem) => !problem.overridable);
  const mayOverride = problems.length > 0 && !hard;

  return (
    <>
      <CohortNav tenantSlug={page.tenantSlug} cohortId={page.id} />
      <h1>{page.title}</h1>
      {search.get("created") && !result ? (
        <p role="status" className="form-status">
          {t("programs.cohort.created")}
        </p>
      ) : null}
      {moveResult?.ok ? (
        <p role="status" className="form-status">
          {t("programs.cohort.moved", { status: t(`programs.status.${moveResult.to}`) })}
        </p>
      ) : null}

      <dl className="facts">
        <dt>{t("programs.cohort.status")}</dt>
        <dd data-testid="cohort-status">{t(`programs.status.${page.status}`)}</dd>
        <dt>{t("programs.cohort.template")}</dt>
        <dd>
          {t("programs.cohort.templateValue", { name: page.templateName, version: page.templateVersion })}
        </dd>
        <dt>{t("programs.cohort.statusChangedAt")}</dt>
        <dd data-testid="status-changed-at">{page.statusChangedAt}</dd>
      </dl>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("programs.cohort.timeline")}</h2>
        <ol className="timeline">
          {page.timeline.map((phase) => (
            <li
              key={phase.status}
              className={phase.current ? "timeline__phase timeline__phase--current" : "timeline__phase"}
              aria-current={phase.current ? "step" : undefined}
            >
              <span className="timeline__name">{t(`programs.status.${phase.status}`)}</span>{" "}
              <span className="timeline__dates">
                {phase.to ? t("programs.cohort.period", { from: phase.from, to: phase.to }) : phase.from}
              </span>
              {phase.current ? (
                <>
                  {" "}
                  <strong className="timeline__marker">{t("programs.cohort.current")}</strong>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="next-title">
        <h2 id="next-title">{t("programs.cohort.nextTitle")}</h2>
        {next === null ? (
          <p>{t("programs.cohort.closedNotice")}</p>
        ) : (
          <>
            <p>{t("programs.cohort.nextValue", { status: t(`programs.status.${next.to}`) })}</p>
            {refused ? (
              <p role="alert" className="form-error">
                {t(refused.error.key, refused.error.params)}
              </p>
            ) : null}
            {problems.length === 0 ? (
              <p>{t("programs.cohort.ready")}</p>
            ) : (
              <>
                <h3 id="problems-title">{t("programs.cohort.problemsTitle")}</h3>
                <ul id="transition-problems" aria-labelledby="problems-title" className="problem-list">
                  {problems.map((problem) => (
                    <li key={`${problem.message.key}-${JSON.stringify(problem.message.params)}`}>
                      <span>{t(problem.message.key, problem.message.params)}</span>{" "}
                      <span className={problem.overridable ? "badge" : "badge badge--hard"}>
                        {t(problem.overridable ? "programs.cohort.overridable" : "programs.cohort.hard")}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {mayManage ? (
              <Form method="post" noValidate className="narrow" key={next.to}>
                <CsrfInput />
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="to" value={next.to} />
                {mayOverride ? (
                  <fieldset>
                    <legend>{t("programs.cohort.problemsTitle")}</legend>
                    <p className="field__hint" id="override-hint">
                      {t("programs.cohort.overrideHint")}
                    </p>
                    <p>
                      <input type="checkbox" id="override" name="override" aria-describedby="override-hint" />{" "}
                      <label htmlFor="override">{t("programs.cohort.override")}</label>
                    </p>
                    <div className="field">
                      <label htmlFor="reason">{t("programs.field.overrideReason")}</label>
                      <textarea
                        id="reason"
                        name="reason"
                        rows={3}
                        aria-invalid={refused?.reasonMissing ? true : undefined}
                        aria-describedby={refused?.reasonMissing ? "reason-error" : undefined}
                      />
                      {refused?.reasonMissing ? (
                        <p id="reason-error" className="field__error">
                          {t("programs.transition.reasonRequired")}
                        </p>
                      ) : null}
                    </div>
                  </fieldset>
                ) : null}
                <button
                  type="submit"
                  className="button-primary"
                  disabled={busy || hard}
                  aria-describedby={problems.length > 0 ? "transition-problems" : undefined}
                >
                  {t(`programs.cohort.moveTo.${next.to}`)}
                </button>
              </Form>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="applications-title">
        <h2 id="applications-title">{t("programs.cohort.applicationsTitle")}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("programs.cohort.applicationsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("programs.cohort.role")}</th>
                <th scope="col">{t("programs.cohort.quota")}</th>
                <th scope="col">{t("programs.cohort.accepted")}</th>
                <th scope="col">{t("programs.cohort.waitlisted")}</th>
              </tr>
            </thead>
            <tbody>
              {(["mentor", "mentee"] as const).map((role) => (
                <tr key={role}>
                  <th scope="row">{t(`programs.role.${role}`)}</th>
                  <td>{t("programs.cohort.people", { count: page.quotas[role] })}</td>
                  <td>{t("programs.cohort.people", { count: page.applications[role].accepted })}</td>
                  <td>{t("programs.cohort.people", { count: page.applications[role].waitlisted })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t("programs.cohort.scheduleTitle")}</h2>
        {scheduleResult?.ok ? (
          <p role="status" className="form-status">
            {t(
              scheduleResult.changed > 0
                ? "programs.cohort.scheduleSaved"
                : "programs.cohort.scheduleUnchanged",
            )}
          </p>
        ) : null}
        {scheduleResult && !scheduleResult.ok ? (
          <div role="alert" className="error-summary">
            {"error" in scheduleResult ? (
              <p className="form-error">{t(scheduleResult.error.key, scheduleResult.error.params)}</p>
            ) : (
              <>
                <p className="form-error">{t("programs.cohort.scheduleNotSaved")}</p>
                <ul>
                  {Object.entries(scheduleIssues).map(([field, issue]) => (
                    <li key={field}>
                      {field === "" ? (
                        t(issue.key, issue.params)
                      ) : (
                        <a href={`#${field}`}>{t(issue.key, issue.params)}</a>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : null}
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="schedule" />
          <fieldset disabled={!mayManage || closed}>
            <legend>{t("programs.cohort.scheduleTitle")}</legend>
            <p className="field__hint" id="schedule-hint">
              {t("programs.cohort.scheduleHint")}
            </p>
            <div className="field-grid">
              {scheduleFields.map((field) => {
                const issue = scheduleIssues[field];
                return (
                  <div className="field" key={field}>
                    <label htmlFor={field}>{t(`programs.schedule.${field}`)}</label>
                    <input
                      id={field}
                      name={field}
                      type="date"
                      defaultValue={schedule[field]}
                      aria-invalid={issue ? true : undefined}
                      aria-describedby={issue ? `${field}-error` : undefined}
                    />
                    {issue ? (
                      <p id={`${field}-error`} className="field__error">
                        {t(issue.key, issue.params)}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
            {mayManage && !closed ? (
              <button type="submit" className="button-primary" disabled={busy}>
                {t("programs.cohort.saveSchedule")}
              </button>
            ) : null}
          </fieldset>
        </Form>
      </section>
    </>
  );
}
