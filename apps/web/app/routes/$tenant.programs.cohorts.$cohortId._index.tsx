import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import {
  cohortStatuses,
  isAppError,
  plannedFields,
  recruitedRoles,
  type ScheduleField,
  scheduleFields,
} from "@mentoring/domain";
import { getCohortOverview, tenantToday, transitionCohort, updateCohortSchedule } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormAnswer } from "../components/form-answer";
import { CheckboxField, FormErrors, InputField, TextareaField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import {
  cohortFieldName,
  type ProblemView,
  presentCohortOverview,
  problemView,
} from "../presenters/cohort-overview.server";
import { isRefusal, type Refusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle<typeof loader>((_t, data) => data.title);

/** A cohort's overview: status and timeline, its dates to edit, places and applications, the next phase. */
export const loader = tenantLoader(
  { permission: "programs.view", params: cohortParams, query: z.object({ created: z.string().optional() }) },
  async ({ params, query, tenant, locale, t, may, withTenant }) => {
    const overview = await withTenant((db) =>
      getCohortOverview(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        today: tenantToday(tenant.timeZone),
      }),
    );
    return {
      ...presentCohortOverview(overview, locale, tenant.timeZone, t),
      created: query.created !== undefined,
      tenantSlug: tenant.slug,
      mayManage: may("programs.manage"),
    };
  },
);

/** The dates as typed: updateCohortSchedule reads and judges them, every date at once. */
const scheduleForm = z.object({
  intent: z.literal("schedule"),
  ...(Object.fromEntries(scheduleFields.map((field) => [field, z.string().optional()])) as Record<
    ScheduleField,
    z.ZodOptional<z.ZodString>
  >),
});

const moveForm = z.object({
  intent: z.literal("move"),
  to: z.enum(cohortStatuses),
  override: z.boolean().optional(),
  reason: z.string().max(1000).optional(),
});

const overviewForm = z.discriminatedUnion("intent", [scheduleForm, moveForm]);

/** Saves the dates, or moves the cohort to its next phase (overruling what may be overruled, with a reason). */
export const action = tenantAction(
  {
    permission: "programs.manage",
    params: cohortParams,
    form: overviewForm,
    fieldName: cohortFieldName,
    // A refused move lists every problem that refused it, worded for the page.
    onRefusal: (error, { t }): { problems: ProblemView[] } => ({
      problems: isAppError(error, "cohort.transition_refused")
        ? (error.details.problems ?? []).map((problem) => problemView(problem, t))
        : [],
    }),
  },
  async ({ params, form, tenant, user, requestId, services, withTenant }) => {
    const acting = {
      tenantId: tenant.id,
      cohortId: params.cohortId,
      actorUserId: user.id,
      requestId,
      today: tenantToday(tenant.timeZone),
    };
    if (form.intent === "schedule") {
      // An empty date is refused as not a date, like any other unreadable one.
      const schedule = Object.fromEntries(scheduleFields.map((field) => [field, form[field] ?? ""]));
      const { changed } = await withTenant((db) => updateCohortSchedule(db, { ...acting, schedule }));
      return { intent: form.intent, changed: changed.length };
    }
    await withTenant((db) =>
      transitionCohort(db, {
        ...acting,
        to: form.to,
        override: form.override ?? false,
        reason: form.reason ?? "",
        appUrl: services.config.APP_URL,
      }),
    );
    return { intent: form.intent, to: form.to };
  },
);

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type OverviewRefusal = Refusal<{ problems: ProblemView[] }>;

/** The move to the next phase: what stands in its way, and for what may be overruled, the override. */
function NextPhase({
  next,
  refusal,
  mayManage,
  board,
}: {
  next: NonNullable<Page["next"]>;
  refusal: OverviewRefusal | undefined;
  mayManage: boolean;
  /** A junior board goes from recruitment to activities: the move closes its recruitment. */
  board: boolean;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  // A missing reason refuses the move as a whole; the page shows it at the reason too.
  const lastResult = useMemo(
    () =>
      refusal?.code === "cohort.override_reason_required"
        ? { ...refusal, error: { ...refusal.error, reason: refusal.error?.[""] ?? null } }
        : refusal,
    [refusal],
  );
  const [form, fields] = useForm<z.input<typeof moveForm>>({
    id: "move",
    lastResult,
    constraint: getZodConstraint(moveForm),
  });
  // The problems as of this page's load, or as the refusal just found them.
  const problems = refusal?.problems?.length ? refusal.problems : next.problems;
  const hard = problems.some((problem) => !problem.overridable);
  const mayOverride = problems.length > 0 && !hard;
  return (
    <>
      <p>{t("programs.cohort.nextValue", { status: t(`programs.status.${next.to}`) })}</p>
      <FormErrors form={form} />
      {problems.length === 0 ? (
        <p>{t("programs.cohort.ready")}</p>
      ) : (
        <>
          <h3 id="problems-title">{t("programs.cohort.problemsTitle")}</h3>
          <ul id="transition-problems" aria-labelledby="problems-title" className="problem-list">
            {problems.map((problem) => (
              <li key={problem.message}>
                <span>{problem.message}</span>{" "}
                <span className={problem.overridable ? "badge" : "badge badge--hard"}>
                  {t(problem.overridable ? "programs.cohort.overridable" : "programs.cohort.hard")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayManage ? (
        <Form method="post" className="narrow" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="to" value={next.to} />
          {mayOverride ? (
            <fieldset>
              <legend>{t("programs.cohort.problemsTitle")}</legend>
              <CheckboxField
                meta={fields.override}
                label={t("programs.cohort.override")}
                hint={t("programs.cohort.overrideHint")}
              />
              <TextareaField meta={fields.reason} label={t("programs.field.overrideReason")} rows={3} />
            </fieldset>
          ) : null}
          <button
            type="submit"
            className="button-primary"
            disabled={busy || hard}
            aria-describedby={problems.length > 0 ? "transition-problems" : undefined}
          >
            {board && next.to === "active"
              ? t("board.cohort.moveToActive")
              : t(`programs.cohort.moveTo.${next.to}`)}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export default function CohortOverview() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { schedule, next, mayManage } = page;
  const closed = page.status === "closed";

  const refusal = isRefusal(result) ? result : undefined;
  // Which of the two forms a refusal answers: conform's reply carries the values that were posted.
  const refusedIntent = refusal?.initialValue?.intent;
  const scheduleRefusal = refusedIntent === "schedule" ? refusal : undefined;
  const moveRefusal = refusedIntent === "move" ? refusal : undefined;
  const done = result && !isRefusal(result) ? result : undefined;
  const scheduleSaved = done?.intent === "schedule" ? done : undefined;
  const moved = done?.intent === "move" ? done : undefined;

  // conform keeps a refusal's messages until another result replaces them: a later success clears them.
  const scheduleResult = useMemo(
    () => scheduleRefusal ?? (done ? { status: "success" as const } : undefined),
    [scheduleRefusal, done],
  );
  const [scheduleMeta, scheduleFieldsMeta] = useForm<z.input<typeof scheduleForm>>({
    id: "schedule",
    lastResult: scheduleResult,
    constraint: getZodConstraint(scheduleForm),
    defaultValue: schedule,
  });
  // A junior board is not planned by the phases it skips (they follow the end of recruitment).
  const planned = plannedFields(page.kind);
  const scheduleMessages = Object.entries(scheduleRefusal?.error ?? {}).flatMap(([name, messages]) =>
    (planned as readonly string[]).includes(name) && messages?.[0] ? [{ name, message: messages[0] }] : [],
  );

  return (
    <>
      <CohortNav tenantSlug={page.tenantSlug} cohortId={page.id} />
      <h1>{page.title}</h1>
      {page.created && !result ? (
        <p role="status" className="form-status">
          {t("programs.cohort.created")}
        </p>
      ) : null}
      {moved ? (
        <FormAnswer answer={moved}>
          {t("programs.cohort.moved", { status: t(`programs.status.${moved.to}`) })}
        </FormAnswer>
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
          // A form of its own per next phase, so that a move starts the following one afresh.
          <NextPhase
            key={next.to}
            next={next}
            refusal={moveRefusal}
            mayManage={mayManage}
            board={page.kind === "board"}
          />
        )}
      </section>

      <section aria-labelledby="applications-title">
        <h2 id="applications-title">{t("programs.cohort.applicationsTitle")}</h2>
        <DataTable
          caption={t("programs.cohort.applicationsCaption")}
          captionHidden
          rows={recruitedRoles(page.kind)}
          rowKey={(role) => role}
          empty={null}
          columns={[
            {
              key: "role",
              header: t("programs.cohort.role"),
              // A junior board's members hold the mentor role; they are 위원 to everyone.
              cell: (role) => (page.kind === "board" ? t("board.memberRole") : t(`programs.role.${role}`)),
            },
            {
              key: "quota",
              header: t("programs.cohort.quota"),
              cell: (role) => t("programs.cohort.people", { count: page.quotas[role] }),
            },
            {
              key: "accepted",
              header: t("programs.cohort.accepted"),
              cell: (role) => t("programs.cohort.people", { count: page.applications[role].accepted }),
            },
            {
              key: "waitlisted",
              header: t("programs.cohort.waitlisted"),
              cell: (role) => t("programs.cohort.people", { count: page.applications[role].waitlisted }),
            },
          ]}
        />
      </section>

      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t("programs.cohort.scheduleTitle")}</h2>
        {scheduleSaved ? (
          <FormAnswer answer={scheduleSaved}>
            {t(
              scheduleSaved.changed > 0
                ? "programs.cohort.scheduleSaved"
                : "programs.cohort.scheduleUnchanged",
            )}
          </FormAnswer>
        ) : null}
        {scheduleRefusal ? (
          <div role="alert" className="error-summary">
            {scheduleMessages.length > 0 ? (
              <>
                <p className="form-error">{t("programs.cohort.scheduleNotSaved")}</p>
                <ul>
                  {scheduleMessages.map(({ name, message }) => (
                    <li key={name}>
                      {/* conform's id of the field with that name */}
                      <a href={`#${scheduleMeta.id}-${name}`}>{message}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              scheduleMeta.errors?.map((message) => (
                <p key={message} className="form-error">
                  {message}
                </p>
              ))
            )}
          </div>
        ) : null}
        <Form method="post" {...getFormProps(scheduleMeta)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="schedule" />
          <fieldset disabled={!mayManage || closed}>
            <legend>{t("programs.cohort.scheduleTitle")}</legend>
            <p className="field__hint" id="schedule-hint">
              {t("programs.cohort.scheduleHint")}
            </p>
            <div className="field-grid">
              {planned.map((field) => (
                <InputField
                  key={field}
                  meta={scheduleFieldsMeta[field]}
                  type="date"
                  label={t(`programs.schedule.${field}`)}
                />
              ))}
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
