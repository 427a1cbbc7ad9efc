import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError, appErrors, EVENT_CAPACITY_MAX, instantAt } from "@mentoring/domain";
import {
  type CalendarItemInput,
  getCohortCalendar,
  planCohortCalendarItems,
  removeCalendarItem,
  saveCalendarItem,
} from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormAnswer } from "../components/form-answer";
import {
  CheckboxField,
  FormErrors,
  InputField,
  lastResultOf,
  SelectField,
  TextareaField,
} from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { type CohortCalendarPage, presentCohortCalendar } from "../presenters/cohort-calendar.server";
import { besideFields, isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("calendar.title");

/**
 * A cohort's program calendar for the coordinator: the template's trainings, events, mentoring days and
 * monthly assignments put in at their dates, then added to, changed and taken off.
 */
export const loader = tenantLoader(
  { permission: "programs.view", params: cohortParams },
  async ({ params, tenant, locale, may, withTenant }) => {
    const page = await withTenant((db) =>
      getCohortCalendar(db, { tenantId: tenant.id, cohortId: params.cohortId }),
    );
    return {
      ...presentCohortCalendar(page, locale, tenant.timeZone),
      tenantSlug: tenant.slug,
      canManage: may("programs.manage"),
    };
  },
);

const audienceValue = z.string().regex(/^(all|mentors|mentees|team:[0-9a-f-]{36})$/i);
// Texts and moments are checked by the use case, whose messages name each field; a datetime-local value
// that does not read is refused beside its field below.
const common = {
  itemId: id.optional(),
  title: z.string().default(""),
  description: z.string().default(""),
  audience: audienceValue.default("all"),
};
const assignmentForm = z.object({
  intent: z.literal("assignment"),
  ...common,
  dueAt: z.string().default(""),
});
const eventForm = z.object({
  intent: z.literal("event"),
  ...common,
  kind: z.enum(["training", "event", "mentoring_day"]),
  place: z.string().default(""),
  startsAt: z.string().default(""),
  endsAt: z.string().default(""),
  attendance: z.literal("on").optional(),
  // Sign-up (events only): the places are read below and checked by the use case, beside their fields.
  signUp: z.literal("on").optional(),
  capacity: z.string().default(""),
  signUpClosesAt: z.string().default(""),
});
const planForm = z.object({ intent: z.literal("plan") });
const removeForm = z.object({ intent: z.literal("remove"), itemId: id });
const calendarForm = z.discriminatedUnion("intent", [planForm, assignmentForm, eventForm, removeForm]);

/** "2025-03-12T14:00" on the tenant's wall clock as an instant; a value that does not read, refused at `field`. */
function momentOf(
  value: string,
  field: "startsAt" | "endsAt" | "dueAt" | "signUpClosesAt",
  timeZone: string,
): Date {
  const [date = "", time = ""] = value.split("T");
  const moment = instantAt(date, time, timeZone);
  if (!moment) {
    const code = (
      {
        startsAt: "calendar.start_invalid",
        endsAt: "calendar.end_invalid",
        dueAt: "calendar.due_invalid",
        signUpClosesAt: "calendar.sign_up_closes_invalid",
      } as const
    )[field];
    throw new AppError(code, {}, { fields: [{ path: field, message: appErrors[code].message, params: {} }] });
  }
  return moment;
}

/** The places an event offers, as typed: empty for no limit; anything but a whole number is refused at the field. */
function capacityOf(value: string): number | null {
  const typed = value.trim();
  if (typed === "") return null;
  if (!/^\d{1,6}$/.test(typed)) {
    const code = "calendar.capacity_invalid";
    const params = { max: EVENT_CAPACITY_MAX };
    throw new AppError(code, params, {
      fields: [{ path: "capacity", message: appErrors[code].message, params }],
    });
  }
  return Number(typed);
}

/** The audience select's value: everyone, one role, or one team ("team:<id>"). */
function audienceOf(value: string): Pick<CalendarItemInput, "audience" | "teamId"> {
  if (value.startsWith("team:")) return { audience: "all", teamId: value.slice("team:".length) };
  return { audience: value as CalendarItemInput["audience"], teamId: null };
}

export const action = tenantAction(
  {
    permission: "programs.manage",
    params: cohortParams,
    form: calendarForm,
    whichForm: (sent) => ({ refused: sent.intent, itemId: sent.itemId }),
  },
  async ({ params, form, tenant, user, requestId, withTenant }) => {
    const acting = { tenantId: tenant.id, cohortId: params.cohortId, actorUserId: user.id, requestId };
    switch (form.intent) {
      case "plan": {
        const { added } = await withTenant((db) => planCohortCalendarItems(db, acting));
        return { intent: form.intent, added };
      }
      case "assignment":
      case "event": {
        const texts = { title: form.title, description: form.description, ...audienceOf(form.audience) };
        const item: CalendarItemInput =
          form.intent === "assignment"
            ? {
                kind: "assignment",
                ...texts,
                place: "",
                attendance: false,
                dueAt: momentOf(form.dueAt, "dueAt", tenant.timeZone),
              }
            : {
                kind: form.kind,
                ...texts,
                place: form.place,
                attendance: form.attendance === "on",
                startsAt: momentOf(form.startsAt, "startsAt", tenant.timeZone),
                endsAt: momentOf(form.endsAt, "endsAt", tenant.timeZone),
                signUp: form.signUp === "on",
                capacity: form.signUp === "on" ? capacityOf(form.capacity) : null,
                signUpClosesAt:
                  form.signUp === "on" && form.signUpClosesAt.trim() !== ""
                    ? momentOf(form.signUpClosesAt, "signUpClosesAt", tenant.timeZone)
                    : null,
              };
        const { itemId } = await withTenant((db) =>
          saveCalendarItem(db, { ...acting, itemId: form.itemId ?? null, item }),
        );
        return { intent: form.intent, itemId, changed: form.itemId !== undefined };
      }
      case "remove": {
        await withTenant((db) => removeCalendarItem(db, { ...acting, itemId: form.itemId }));
        return { intent: form.intent, itemId: form.itemId };
      }
    }
  },
);

type Result = ReturnType<typeof useActionData<typeof action>>;
type Month = CohortCalendarPage["months"][number];
type Item = Month["items"][number];

/** What the last action said, for the status line above the calendar. */
function statusOf(result: Result, t: TFunction): string | null {
  if (!result || isRefusal(result)) return null;
  switch (result.intent) {
    case "plan":
      return result.added > 0 ? t("calendar.planned", { count: result.added }) : t("calendar.plannedNothing");
    case "assignment":
    case "event":
      return t(result.changed ? "calendar.changed" : "calendar.added");
    case "remove":
      return t("calendar.removed");
  }
}

export default function CohortCalendar() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  const editing = page.months.flatMap((month) => month.items).find((item) => item.id === search.get("edit"));
  const status = statusOf(result, t);
  const refusal = isRefusal(result) ? result : undefined;
  return (
    <>
      <h1>{t("calendar.title")}</h1>
      <p className="survey-meta">{page.cohort.title}</p>
      <CohortNav tenantSlug={page.tenantSlug} cohortId={page.cohort.id} />
      <p>{t("calendar.intro")}</p>
      {status ? <FormAnswer answer={result}>{status}</FormAnswer> : null}
      {refusal && (refusal.refused === "plan" || refusal.refused === "remove") ? (
        <p role="alert" className="form-error">
          {refusal.error?.[""]?.[0]}
        </p>
      ) : null}

      {page.canManage ? (
        <section aria-labelledby="plan-heading" className="card">
          <h2 id="plan-heading">{t("calendar.plan.title")}</h2>
          <p>{t(page.planned ? "calendar.plan.again" : "calendar.plan.first")}</p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="plan" disabled={busy}>
              {t(page.planned ? "calendar.plan.againAction" : "calendar.plan.action")}
            </button>
          </Form>
        </section>
      ) : null}

      {page.empty ? (
        <p>{t("calendar.empty")}</p>
      ) : (
        page.months.map((month, index) => (
          <MonthTable key={month.month} month={month} index={index} canManage={page.canManage} busy={busy} />
        ))
      )}

      {page.canManage ? (
        <>
          <AssignmentEditor
            key={`assignment-${editing?.kind === "assignment" ? editing.id : "new"}`}
            item={editing?.kind === "assignment" ? editing : undefined}
            teams={page.teams}
            result={result}
            busy={busy}
          />
          <EventEditor
            key={`event-${editing && editing.kind !== "assignment" ? editing.id : "new"}`}
            item={editing && editing.kind !== "assignment" ? editing : undefined}
            teams={page.teams}
            result={result}
            busy={busy}
          />
        </>
      ) : null}
    </>
  );
}

function MonthTable({
  month,
  index,
  canManage,
  busy,
}: {
  month: Month;
  index: number;
  canManage: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const audience = (item: Item) =>
    item.teamNumber !== null
      ? t("calendar.audience.team", { number: item.teamNumber })
      : t(`calendar.audience.${item.audience}`);
  return (
    <section aria-labelledby={`month-${index}`} className="card">
      <h2 id={`month-${index}`}>{month.month}</h2>
      <DataTable
        caption={t("calendar.caption", { month: month.month })}
        rows={month.items}
        empty={t("calendar.empty")}
        rowKey={(item) => item.id}
        columns={[
          { key: "kind", header: t("calendar.column.kind"), cell: (item) => t(`calendar.kind.${item.kind}`) },
          {
            key: "title",
            header: t("calendar.column.title"),
            cell: (item) => <span id={`item-${item.id}`}>{item.title}</span>,
          },
          { key: "when", header: t("calendar.column.when"), cell: (item) => item.when },
          { key: "place", header: t("calendar.column.place"), cell: (item) => item.place || "—" },
          { key: "audience", header: t("calendar.column.audience"), cell: audience },
          {
            key: "attendance",
            header: t("calendar.column.attendance"),
            cell: (item) =>
              [
                item.attendance ? t("calendar.attendanceTaken") : null,
                item.signUp ? t("calendar.signUpTaken") : null,
              ]
                .filter(Boolean)
                .join(" · ") || "—",
          },
          ...(canManage
            ? [
                {
                  key: "actions",
                  header: t("calendar.column.actions"),
                  cell: (item: Item) => (
                    <div className="row-actions">
                      <Link
                        to={`?edit=${item.id}#editor-${item.kind === "assignment" ? "assignment" : "event"}`}
                        aria-describedby={`item-${item.id}`}
                      >
                        {t("calendar.edit")}
                      </Link>
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="itemId" value={item.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="remove"
                          disabled={busy}
                          aria-describedby={`item-${item.id}`}
                        >
                          {t("calendar.remove")}
                        </button>
                      </Form>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

type Teams = CohortCalendarPage["teams"];

function audienceOptions(teams: Teams, t: TFunction) {
  return [
    { value: "all", label: t("calendar.audience.all") },
    { value: "mentors", label: t("calendar.audience.mentors") },
    { value: "mentees", label: t("calendar.audience.mentees") },
    ...teams.map((team) => ({
      value: `team:${team.id}`,
      label: t("calendar.audience.team", { number: team.number }),
    })),
  ];
}

/** The fields of each form that show their own messages. */
const fieldsOf = {
  assignment: ["title", "description", "dueAt", "audience"],
  event: [
    "kind",
    "title",
    "place",
    "description",
    "startsAt",
    "endsAt",
    "audience",
    "signUp",
    "capacity",
    "signUpClosesAt",
  ],
} as const;

/** This form's refusal, when the last post was this form's, its field messages beside their fields. */
function refusalFor(result: Result, intent: "assignment" | "event"): SubmissionResult<string[]> | undefined {
  return isRefusal(result) && result.refused === intent ? besideFields(result, fieldsOf[intent]) : undefined;
}

function AssignmentEditor({
  item,
  teams,
  result,
  busy,
}: {
  item: Item | undefined;
  teams: Teams;
  result: Result;
  busy: boolean;
}) {
  const { t } = useTranslation();
  // One object per answer: conform takes a new lastResult as a new answer, and one made every render loops.
  const lastResult = useMemo(() => lastResultOf(refusalFor(result, "assignment"), result), [result]);
  const [form, fields] = useForm<z.input<typeof assignmentForm>>({
    id: "assignment",
    lastResult,
    constraint: getZodConstraint(assignmentForm),
    defaultValue: item
      ? {
          title: item.form.title,
          description: item.form.description,
          dueAt: item.form.dueAt,
          audience: item.form.audience,
        }
      : { audience: "all" },
  });
  return (
    <section aria-labelledby="editor-assignment" className="card">
      <h2 id="editor-assignment">
        {t(item ? "calendar.assignment.editTitle" : "calendar.assignment.addTitle")}
      </h2>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        {item ? <input type="hidden" name="itemId" value={item.id} /> : null}
        <InputField meta={fields.title} label={t("calendar.field.title")} required maxLength={200} />
        <TextareaField
          meta={fields.description}
          label={t("calendar.field.description")}
          rows={3}
          maxLength={4000}
        />
        <InputField meta={fields.dueAt} type="datetime-local" label={t("calendar.field.dueAt")} required />
        <SelectField
          meta={fields.audience}
          label={t("calendar.field.audience")}
          options={audienceOptions(teams, t)}
        />
        <button type="submit" name="intent" value="assignment" className="button-primary" disabled={busy}>
          {t(item ? "calendar.save" : "calendar.assignment.add")}
        </button>
        {item ? <Link to=".">{t("calendar.cancel")}</Link> : null}
      </Form>
    </section>
  );
}

function EventEditor({
  item,
  teams,
  result,
  busy,
}: {
  item: Item | undefined;
  teams: Teams;
  result: Result;
  busy: boolean;
}) {
  const { t } = useTranslation();
  // One object per answer: conform takes a new lastResult as a new answer, and one made every render loops.
  const lastResult = useMemo(() => lastResultOf(refusalFor(result, "event"), result), [result]);
  const [form, fields] = useForm<z.input<typeof eventForm>>({
    id: "event",
    lastResult,
    constraint: getZodConstraint(eventForm),
    defaultValue: item
      ? {
          kind: item.kind === "assignment" ? "event" : item.kind,
          title: item.form.title,
          description: item.form.description,
          place: item.form.place,
          startsAt: item.form.startsAt,
          endsAt: item.form.endsAt,
          audience: item.form.audience,
          attendance: item.form.attendance ? "on" : undefined,
          signUp: item.form.signUp ? "on" : undefined,
          capacity: item.form.capacity,
          signUpClosesAt: item.form.signUpClosesAt,
        }
      : { kind: "training", audience: "all" },
  });
  const kinds = (["training", "event", "mentoring_day"] as const).map((kind) => ({
    value: kind,
    label: t(`calendar.kind.${kind}`),
  }));
  return (
    <section aria-labelledby="editor-event" className="card">
      <h2 id="editor-event">{t(item ? "calendar.event.editTitle" : "calendar.event.addTitle")}</h2>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        {item ? <input type="hidden" name="itemId" value={item.id} /> : null}
        <SelectField meta={fields.kind} label={t("calendar.field.kind")} options={kinds} />
        <InputField meta={fields.title} label={t("calendar.field.title")} required maxLength={200} />
        <InputField meta={fields.place} label={t("calendar.field.place")} maxLength={200} />
        <TextareaField
          meta={fields.description}
          label={t("calendar.field.description")}
          rows={3}
          maxLength={4000}
        />
        <div className="ceremony-when">
          <InputField
            meta={fields.startsAt}
            type="datetime-local"
            label={t("calendar.field.startsAt")}
            required
          />
          <InputField
            meta={fields.endsAt}
            type="datetime-local"
            label={t("calendar.field.endsAt")}
            required
          />
        </div>
        <SelectField
          meta={fields.audience}
          label={t("calendar.field.audience")}
          options={audienceOptions(teams, t)}
        />
        <CheckboxField meta={fields.attendance} label={t("calendar.field.attendance")} />
        <fieldset>
          <legend>{t("calendar.field.signUpLegend")}</legend>
          <CheckboxField meta={fields.signUp} label={t("calendar.field.signUp")} />
          <InputField
            meta={fields.capacity}
            type="number"
            inputMode="numeric"
            min={1}
            max={EVENT_CAPACITY_MAX}
            label={t("calendar.field.capacity")}
            hint={t("calendar.field.capacityHint")}
          />
          <InputField
            meta={fields.signUpClosesAt}
            type="datetime-local"
            label={t("calendar.field.signUpClosesAt")}
            hint={t("calendar.field.signUpClosesAtHint")}
          />
        </fieldset>
        <button type="submit" name="intent" value="event" className="button-primary" disabled={busy}>
          {t(item ? "calendar.save" : "calendar.event.add")}
        </button>
        {item ? <Link to=".">{t("calendar.cancel")}</Link> : null}
      </Form>
    </section>
  );
}
