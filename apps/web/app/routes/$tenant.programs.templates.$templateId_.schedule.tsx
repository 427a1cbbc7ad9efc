import { calendarAudiences } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import { loadTemplate } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  CheckboxField,
  InputField,
  RadioGroupField,
  SelectField,
  TextareaField,
} from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { TemplatePageHeading, TemplatePartForm, useTemplatePartForm } from "../components/template-page";
import { presentTemplateSchedule, templateScheduleFieldName } from "../presenters/template-schedule.server";
import { tenantLoader } from "../services/route-builder.server";
import { templateParams, templatePartAction } from "../services/template-save.server";
import {
  dayKinds,
  definitionFromScheduleForm,
  type ScheduleForm,
  scheduleForm,
} from "../services/template-schedule-form";

export const handle = pageTitle("templateDesign.schedule.title");

/** A template's assignments, calendar items and notification settings as a form. */
export const loader = tenantLoader(
  { permission: "programs.view", params: templateParams },
  async ({ params, tenant, may, withTenant }) => {
    const template = await withTenant((db) => loadTemplate(db, tenant.id, params.templateId));
    return {
      ...presentTemplateSchedule(template),
      tenantSlug: tenant.slug,
      mayManage: may("programs.manage"),
    };
  },
);

/** Saves the form: a new version when cohorts run on the current one; nothing at all when the input is bad. */
export const action = templatePartAction({
  form: scheduleForm,
  fieldName: templateScheduleFieldName,
  change: definitionFromScheduleForm,
});

const numberInput = { inputMode: "numeric", autoComplete: "off" } as const;

const calendarKinds = ["training", "event", "mentoring_day"] as const;
const weeks = ["1", "2", "3", "4", "5"] as const;
const weekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;
const repeats = ["none", "monthly"] as const;

/** A calendar item as the add button makes it: a two-hour training on a date, once. */
const newCalendarItem = {
  kind: "training",
  onKind: "day",
  repeat: "none",
  startTime: "14:00",
  endTime: "16:00",
  days: "1",
  audience: "all",
};

export default function TemplateSchedule() {
  const { t } = useTranslation();
  const { template, values, activityMonths, tenantSlug, mayManage } = useLoaderData<typeof loader>();
  const { form, fields, refusal, saved } = useTemplatePartForm<ScheduleForm>({
    id: "template-schedule",
    schema: scheduleForm,
    defaultValue: values,
  });
  const assignments = fields.assignments.getFieldList();
  const calendar = fields.calendar.getFieldList();
  const notifications = fields.notifications.getFieldset();

  /** Move up, move down and remove for item `index` of a list of `count`, named by `item`. */
  const listButtons = (name: string, index: number, count: number, item: string) =>
    mayManage ? (
      <div className="button-row">
        {index > 0 ? (
          <button type="submit" {...form.reorder.getButtonProps({ name, from: index, to: index - 1 })}>
            {t("templateDesign.list.moveUp", { item })}
          </button>
        ) : null}
        {index < count - 1 ? (
          <button type="submit" {...form.reorder.getButtonProps({ name, from: index, to: index + 1 })}>
            {t("templateDesign.list.moveDown", { item })}
          </button>
        ) : null}
        <button type="submit" {...form.remove.getButtonProps({ name, index })}>
          {t("templateDesign.list.remove", { item })}
        </button>
      </div>
    ) : null;

  const assignmentFieldset = (assignment: (typeof assignments)[number], index: number) => {
    const field = assignment.getFieldset();
    const title = field.title.getFieldset();
    const description = field.description.getFieldset();
    const number = index + 1;
    const label = (key: MessageKeyUnder<"templateDesign.schedule.assignments.field">) =>
      t(`templateDesign.schedule.assignments.field.${key}`, { number });
    return (
      <fieldset key={assignment.key} className="card" data-testid="assignment">
        <legend>{label("item")}</legend>
        <div className="field-grid">
          <InputField meta={title.ko} label={label("titleKo")} />
          <InputField meta={title.en} label={label("titleEn")} />
          <InputField meta={field.month} label={label("month")} {...numberInput} />
          <InputField meta={field.dueDay} label={label("dueDay")} {...numberInput} />
        </div>
        <div className="field-grid">
          <TextareaField meta={description.ko} label={label("descriptionKo")} rows={2} />
          <TextareaField meta={description.en} label={label("descriptionEn")} rows={2} />
        </div>
        {listButtons(
          fields.assignments.name,
          index,
          assignments.length,
          t("templateDesign.schedule.assignments.item", { number }),
        )}
      </fieldset>
    );
  };

  const calendarFieldset = (entry: (typeof calendar)[number], index: number) => {
    const field = entry.getFieldset();
    const title = field.title.getFieldset();
    const description = field.description.getFieldset();
    const on = field.on.getFieldset();
    const number = index + 1;
    const label = (key: MessageKeyUnder<"templateDesign.schedule.calendar.field">) =>
      t(`templateDesign.schedule.calendar.field.${key}`, { number });
    const byWeekday = field.onKind.value === "weekday";
    return (
      <fieldset key={entry.key} className="card" data-testid="calendar-item">
        <legend>{label("item")}</legend>
        <div className="field-grid">
          <SelectField
            meta={field.kind}
            label={label("kind")}
            options={calendarKinds.map((kind) => ({
              value: kind,
              label: t(`templateDesign.schedule.calendar.kind.${kind}`),
            }))}
          />
          <InputField meta={title.ko} label={label("titleKo")} />
          <InputField meta={title.en} label={label("titleEn")} />
          <InputField meta={field.place} label={label("place")} />
        </div>
        <div className="field-grid">
          <InputField meta={field.month} label={label("month")} {...numberInput} />
          <RadioGroupField
            meta={field.onKind}
            label={label("onKind")}
            options={dayKinds.map((kind) => ({
              value: kind,
              label: t(`templateDesign.schedule.calendar.onKind.${kind}`),
            }))}
          />
          {byWeekday ? (
            <>
              <SelectField
                meta={on.week}
                label={label("week")}
                options={weeks.map((week) => ({
                  value: week,
                  label: t(`templateDesign.schedule.calendar.week.${week}`),
                }))}
              />
              <SelectField
                meta={on.weekday}
                label={label("weekday")}
                options={weekdays.map((weekday) => ({
                  value: weekday,
                  label: t(`templateDesign.schedule.calendar.weekday.${weekday}`),
                }))}
              />
            </>
          ) : (
            <InputField
              meta={on.day}
              label={label("day")}
              hint={t("templateDesign.schedule.calendar.dayHint")}
              {...numberInput}
            />
          )}
          <SelectField
            meta={field.repeat}
            label={label("repeat")}
            options={repeats.map((repeat) => ({
              value: repeat,
              label: t(`templateDesign.schedule.calendar.repeat.${repeat}`),
            }))}
          />
        </div>
        <div className="field-grid">
          <InputField meta={field.startTime} type="time" label={label("startTime")} />
          <InputField meta={field.endTime} type="time" label={label("endTime")} />
          <InputField
            meta={field.days}
            label={label("days")}
            hint={t("templateDesign.schedule.calendar.daysHint")}
            {...numberInput}
          />
          <SelectField
            meta={field.audience}
            label={label("audience")}
            options={calendarAudiences.map((audience) => ({
              value: audience,
              label: t(`templateDesign.schedule.calendar.audience.${audience}`),
            }))}
          />
        </div>
        <CheckboxField
          meta={field.attendance}
          label={label("attendance")}
          hint={t("templateDesign.schedule.calendar.attendanceHint")}
        />
        <div className="field-grid">
          <TextareaField meta={description.ko} label={label("descriptionKo")} rows={2} />
          <TextareaField meta={description.en} label={label("descriptionEn")} rows={2} />
        </div>
        {listButtons(
          fields.calendar.name,
          index,
          calendar.length,
          t("templateDesign.schedule.calendar.item", { number }),
        )}
      </fieldset>
    );
  };

  return (
    <>
      <TemplatePageHeading
        title="templateDesign.schedule.title"
        tenantSlug={tenantSlug}
        template={template}
      />
      <p>{t("templateDesign.schedule.intro", { months: activityMonths })}</p>
      <TemplatePartForm
        form={form}
        title={t("templateDesign.schedule.title")}
        save={t("templateDesign.schedule.save")}
        mayManage={mayManage}
        refusal={refusal}
        saved={saved}
      >
        <fieldset>
          <legend>{t("templateDesign.schedule.assignments.legend")}</legend>
          <p className="field__hint">
            {t("templateDesign.schedule.assignments.hint", { months: activityMonths })}
          </p>
          {fields.assignments.errors?.[0] ? (
            <p id={fields.assignments.errorId} className="field__error">
              {fields.assignments.errors[0]}
            </p>
          ) : null}
          {assignments.length === 0 ? <p>{t("templateDesign.schedule.assignments.none")}</p> : null}
          {assignments.map(assignmentFieldset)}
          {mayManage ? (
            <div className="button-row">
              <button
                type="submit"
                {...form.insert.getButtonProps({
                  name: fields.assignments.name,
                  defaultValue: {
                    month: String(Math.min(assignments.length + 1, activityMonths)),
                    dueDay: "25",
                  },
                })}
              >
                {t("templateDesign.schedule.assignments.add")}
              </button>
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t("templateDesign.schedule.calendar.legend")}</legend>
          <p className="field__hint">
            {t("templateDesign.schedule.calendar.hint", { months: activityMonths })}
          </p>
          {fields.calendar.errors?.[0] ? (
            <p id={fields.calendar.errorId} className="field__error">
              {fields.calendar.errors[0]}
            </p>
          ) : null}
          {calendar.length === 0 ? <p>{t("templateDesign.schedule.calendar.none")}</p> : null}
          {calendar.map(calendarFieldset)}
          {mayManage ? (
            <div className="button-row">
              <button
                type="submit"
                {...form.insert.getButtonProps({
                  name: fields.calendar.name,
                  defaultValue: { ...newCalendarItem, month: "1", on: { day: "1" } },
                })}
              >
                {t("templateDesign.schedule.calendar.add")}
              </button>
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t("templateDesign.schedule.notifications.legend")}</legend>
          <p className="field__hint">{t("templateDesign.schedule.notifications.hint")}</p>
          <div className="field-grid">
            <InputField
              meta={notifications.assignmentReminderDays}
              label={t("templateDesign.schedule.notifications.assignmentReminderDays")}
              hint={t("templateDesign.schedule.notifications.assignmentReminderDaysHint")}
              {...numberInput}
            />
            <InputField
              meta={notifications.silentTeamDays}
              label={t("templateDesign.schedule.notifications.silentTeamDays")}
              hint={t("templateDesign.schedule.notifications.silentTeamDaysHint")}
              {...numberInput}
            />
          </div>
        </fieldset>
      </TemplatePartForm>
    </>
  );
}
