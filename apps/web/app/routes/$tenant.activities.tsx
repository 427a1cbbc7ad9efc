import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError } from "@mentoring/domain";
import { listAttachments, listTeamActivities, logActivity, tenantToday } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type AttachmentItem, AttachmentList } from "../components/attachments";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FilePicker } from "../components/file-picker";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, InputField, RadioGroupField, TextareaField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { besideFields, isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("activities.mine.title");

/**
 * A participant's activity log, phone first: log a meeting, counselling or team activity in a few taps
 * (today's date and the member alone are the defaults) with its photos, uploaded as they are chosen, and
 * read back what the team logged, notes and photos included.
 */
export const loader = tenantLoader(
  { permission: "activities.log" },
  async ({ tenant, membership, withTenant }) => {
    const { staffMemberId } = membership;
    const { teams, photos } = staffMemberId
      ? await withTenant(
          async (db) => {
            const teams = await listTeamActivities(db, { tenantId: tenant.id, staffMemberId });
            const activityIds = teams.flatMap((team) => team.activities.map((activity) => activity.id));
            return { teams, photos: await listAttachments(db, { tenantId: tenant.id, activityIds }) };
          },
          // A teammate's meetings and counselling notes, read by the others of the team (the member's own
          // meetings are left out of the record by recordAccess).
          {
            accessLog: ({ teams }) => ({
              kind: "counselling_meetings",
              subjects: {
                applicationIds: teams.flatMap((team) =>
                  team.activities.flatMap((activity) =>
                    activity.kind === "meeting" ? activity.participantIds : [],
                  ),
                ),
              },
            }),
          },
        )
      : { teams: [], photos: new Map() };
    return { teams, photos: Object.fromEntries(photos), today: tenantToday(tenant.timeZone) };
  },
);

// Texts, the day and the length are checked by the use case, whose messages name each field.
const logForm = z.object({
  cohortId: id,
  kind: z.enum(["meeting", "team_activity"]),
  happenedOn: z.string().default(""),
  minutes: z.string().default(""),
  place: z.string().default(""),
  topic: z.string().default(""),
  notes: z.string().default(""),
  participantIds: z.array(id).default([]),
  /** Photos uploaded for it (their attachments' ids). */
  photoIds: z.array(id).default([]),
});

export const action = tenantAction(
  {
    permission: "activities.log",
    form: logForm,
    whichForm: (sent) => ({ cohortId: sent.cohortId }),
  },
  async ({ form, tenant, membership, user, requestId, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("activity.not_in_team");
    const minutes = form.minutes.trim() === "" ? null : Number(form.minutes);
    const { activityId } = await withTenant((db) =>
      logActivity(db, {
        tenantId: tenant.id,
        cohortId: form.cohortId,
        staffMemberId,
        kind: form.kind,
        happenedOn: form.happenedOn,
        // Not a number: the use case refuses it beside the field.
        minutes,
        place: form.place,
        topic: form.topic,
        notes: form.notes,
        participantIds: form.participantIds,
        photoIds: form.photoIds,
        today: tenantToday(tenant.timeZone),
        actorUserId: user.id,
        requestId,
      }),
    );
    return { cohortId: form.cohortId, activityId };
  },
);

type Team = ReturnType<typeof useLoaderData<typeof loader>>["teams"][number];

export default function ActivityLog() {
  const { t } = useTranslation();
  const { teams, photos, today } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("activities.mine.title")}</h1>
      {teams.length === 0 ? (
        <section aria-labelledby="no-team" className="card">
          <h2 id="no-team">{t("activities.mine.none")}</h2>
          <p>{t("activities.mine.noneHint")}</p>
        </section>
      ) : (
        <>
          <p>{t("activities.mine.intro")}</p>
          {teams.map((team) => (
            <TeamLog key={team.cohortId} team={team} today={today} photos={photos} />
          ))}
        </>
      )}
    </>
  );
}

function TeamLog({
  team,
  today,
  photos,
}: {
  team: Team;
  today: string;
  photos: Record<string, AttachmentItem[]>;
}) {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const mine = result?.cohortId === team.cohortId ? result : undefined;
  const logged = mine && !isRefusal(mine) ? mine.activityId : null;
  const headingId = `team-${team.cohortId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t("activities.mine.team", { cohort: team.cohortTitle, number: team.teamNumber })}
      </h2>
      <section aria-labelledby={`${headingId}-log`} className="card">
        <h3 id={`${headingId}-log`}>{t("activities.mine.logTitle")}</h3>
        {logged ? <FormAnswer answer={mine}>{t("activities.mine.logged")}</FormAnswer> : null}
        {/* A new form after each logged activity: it starts empty again. */}
        <LogForm
          key={logged ?? "new"}
          team={team}
          today={today}
          refusal={isRefusal(mine) ? mine : undefined}
        />
      </section>
      <DataTable
        caption={t("activities.mine.historyCaption", { number: team.teamNumber })}
        rows={team.activities}
        rowKey={(activity) => activity.id}
        empty={t("activities.mine.emptyHistory")}
        columns={[
          { key: "date", header: t("activities.mine.date"), cell: (activity) => activity.happenedOn },
          {
            key: "what",
            header: t("activities.mine.what"),
            cell: (activity) => (
              <>
                <strong>{activity.topic}</strong> · {t(`activities.kind.${activity.kind}`)}
                {activity.place ? ` · ${activity.place}` : ""}
                {activity.notes ? <p className="submission-text">{activity.notes}</p> : null}
                <AttachmentList files={photos[activity.id] ?? []} />
              </>
            ),
          },
          {
            key: "who",
            header: t("activities.mine.who"),
            cell: (activity) => activity.participants.join(", "),
          },
          {
            key: "length",
            header: t("activities.mine.length"),
            cell: (activity) =>
              activity.minutes === null
                ? "—"
                : t("activities.mine.minutesValue", { count: activity.minutes }),
          },
        ]}
      />
    </section>
  );
}

const logFields = [
  "kind",
  "happenedOn",
  "minutes",
  "place",
  "topic",
  "notes",
  "participantIds",
  "files",
] as const;

function LogForm({
  team,
  today,
  refusal,
}: {
  team: Team;
  today: string;
  refusal: ReturnType<typeof useActionData<typeof action>> | undefined;
}) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const busy = useNavigation().state === "submitting" || uploading;
  // One object per answer: conform takes a new lastResult as a new answer, and one made every render loops.
  const lastResult = useMemo(
    () => (isRefusal(refusal) ? besideFields(refusal, logFields) : undefined),
    [refusal],
  );
  const [form, field] = useForm<z.input<typeof logForm>>({
    id: `log-${team.cohortId}`,
    lastResult,
    constraint: getZodConstraint(logForm),
    defaultValue: { kind: "meeting", happenedOn: today },
  });
  const whoId = `log-${team.cohortId}-who`;
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="cohortId" value={team.cohortId} />
        <RadioGroupField
          meta={field.kind}
          label={t("activities.mine.kind")}
          options={(["meeting", "team_activity"] as const).map((kind) => ({
            value: kind,
            label: t(`activities.kind.${kind}`),
          }))}
        />
        <InputField
          meta={field.topic}
          label={t("activities.mine.topic")}
          hint={t("activities.mine.topicHint")}
          required
          maxLength={200}
        />
        <div className="ceremony-when">
          <InputField
            meta={field.happenedOn}
            type="date"
            label={t("activities.mine.happenedOn")}
            required
            max={today}
          />
          <InputField
            meta={field.minutes}
            type="number"
            label={t("activities.mine.minutes")}
            hint={t("activities.mine.minutesHint")}
            min={1}
            max={1440}
            inputMode="numeric"
          />
        </div>
        <InputField meta={field.place} label={t("activities.mine.place")} maxLength={200} />
        <fieldset aria-describedby={`${whoId}-hint`}>
          <legend>{t("activities.mine.participants")}</legend>
          <p id={`${whoId}-hint`} className="field__hint">
            {t("activities.mine.participantsHint")}
          </p>
          <ul className="checkbox-list">
            {team.members.map((member) => {
              const inputId = `${whoId}-${member.applicationId}`;
              return (
                <li key={member.applicationId}>
                  <input type="checkbox" id={inputId} name="participantIds" value={member.applicationId} />{" "}
                  <label htmlFor={inputId}>
                    {member.isMe ? t("activities.mine.me", { name: member.name }) : member.name}
                  </label>
                </li>
              );
            })}
          </ul>
          {field.participantIds.errors?.[0] ? (
            <p className="field__error">{field.participantIds.errors[0]}</p>
          ) : null}
        </fieldset>
        <TextareaField meta={field.notes} label={t("activities.mine.notes")} rows={3} maxLength={4000} />
        <FilePicker
          id={`photos-${team.cohortId}`}
          name="photoIds"
          only="photo"
          label={t("files.picker.photosLabel")}
          hint={t("files.picker.photosHint")}
          error={isRefusal(refusal) ? (refusal.error?.files?.[0] ?? undefined) : undefined}
          onBusyChange={setUploading}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {t("activities.mine.save")}
        </button>
      </Form>
    </>
  );
}
