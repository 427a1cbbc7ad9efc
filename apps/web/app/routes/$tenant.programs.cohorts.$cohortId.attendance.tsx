import { localize } from "@mentoring/domain";
import { getItemAttendance, markAttendance } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CheckInPoster } from "../components/check-in-poster";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { checkInPoster } from "../services/check-in-poster.server";
import { formatDateTime } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("attendance.sheet.title");

/**
 * The attendance sheet of a training or event: everyone expected, marked one by one, by team or all at
 * once, and a QR code participants scan with their phones to check themselves in. For an event that takes
 * sign-ups, who signed up beside who came.
 */
export const loader = tenantLoader(
  {
    permission: "programs.manage",
    params: cohortParams,
    query: z.object({ item: id.optional().catch(undefined) }),
  },
  async ({ params, query, tenant, locale, services, withTenant }) => {
    const now = new Date();
    const page = await withTenant((db) =>
      getItemAttendance(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        itemId: query.item ?? null,
        now,
      }),
    );
    const title = (item: { title: string; titleEn: string | null }) =>
      localize({ ko: item.title, en: item.titleEn ?? undefined }, locale);
    const when = (moment: Date | null) =>
      moment
        ? formatDateTime(moment, locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" })
        : "";
    const sheet = page.sheet;
    return {
      cohort: page.cohort,
      tenantSlug: tenant.slug,
      items: page.items.map((item) => ({ id: item.id, label: `${title(item)} · ${when(item.startsAt)}` })),
      sheet: sheet && {
        itemId: sheet.item.id,
        title: title(sheet.item),
        when: when(sheet.item.startsAt),
        place: sheet.item.place,
        takesAttendance: sheet.item.attendance,
        signUps: sheet.signUps,
        summary: sheet.summary,
        people: sheet.people,
        teams: [...new Map(sheet.people.map((person) => [person.teamId, person.teamNumber])).entries()],
      },
      poster: sheet?.item.attendance
        ? await checkInPoster({
            config: services.config,
            tenant,
            locale,
            target: { itemId: sheet.item.id },
            path: `check-in/${sheet.item.id}`,
            now,
          })
        : null,
    };
  },
);

const markForm = z.object({
  itemId: id,
  present: z.enum(["true", "false"]),
  /** One person, one team (team:<id>), or everyone expected (all). */
  who: z.string().regex(/^(all|team:[0-9a-f-]{36}|person:[0-9a-f-]{36})$/i),
});

export const action = tenantAction(
  { permission: "programs.manage", params: cohortParams, form: markForm },
  async ({ params, form, tenant, user, requestId, withTenant }) => {
    const [kind, value = ""] = form.who.split(":");
    const who =
      kind === "all" ? ("all" as const) : kind === "team" ? { teamId: value } : { applicationIds: [value] };
    const { marked } = await withTenant((db) =>
      markAttendance(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        itemId: form.itemId,
        who,
        present: form.present === "true",
        actorUserId: user.id,
        requestId,
      }),
    );
    return { marked };
  },
);

type Person = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["sheet"]>["people"][number];

export default function AttendanceSheet() {
  const { t } = useTranslation();
  const { cohort, tenantSlug, items, sheet, poster } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const markButton = (who: string, label: string, isPresent: boolean, describedBy?: string) => (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="itemId" value={sheet?.itemId} />
      <input type="hidden" name="who" value={who} />
      <button
        type="submit"
        name="present"
        value={String(isPresent)}
        disabled={busy}
        aria-describedby={describedBy}
      >
        {label}
      </button>
    </Form>
  );
  const status = (person: Person) =>
    person.present === null
      ? t("attendance.sheet.unknown")
      : person.present
        ? person.method === "check_in"
          ? `${t("attendance.sheet.present")} (${t("attendance.sheet.byCheckIn")})`
          : t("attendance.sheet.present")
        : t("attendance.sheet.absent");
  return (
    <>
      <h1>{t("attendance.sheet.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("attendance.sheet.intro")}</p>
      {result ? (
        isRefusal(result) ? (
          <p role="alert" className="form-error">
            {result.error?.[""]?.[0]}
          </p>
        ) : (
          <p role="status" className="form-status">
            {t("attendance.sheet.marked", { count: result.marked })}
          </p>
        )
      ) : null}
      {!sheet ? (
        <p>{t("attendance.sheet.none")}</p>
      ) : (
        <>
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="attendance-item">{t("attendance.sheet.choose")}</label>
              <select id="attendance-item" name="item" defaultValue={sheet.itemId}>
                {items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t("attendance.sheet.show")}</button>
          </Form>
          <section aria-labelledby="sheet-title" className="card">
            <h2 id="sheet-title">{sheet.title}</h2>
            <p className="survey-meta">
              {t("attendance.sheet.when", { when: sheet.when, place: sheet.place || "—" })}
            </p>
            {sheet.takesAttendance ? (
              <p data-testid="attendance-summary">{t("attendance.sheet.summary", sheet.summary)}</p>
            ) : (
              <p>{t("attendance.sheet.notTaken")}</p>
            )}
            {sheet.signUps ? (
              <p data-testid="sign-up-summary">
                {sheet.signUps.capacity === null
                  ? t("attendance.sheet.signUpsNoLimit", { taken: sheet.signUps.taken })
                  : t("attendance.sheet.signUps", {
                      taken: sheet.signUps.taken,
                      capacity: sheet.signUps.capacity,
                    })}
              </p>
            ) : null}
            {sheet.takesAttendance ? (
              <div className="row-actions">
                {markButton("all", t("attendance.sheet.allPresent"), true)}
                {sheet.teams.map(([teamId, number]) => (
                  <span key={teamId}>
                    {markButton(`team:${teamId}`, t("attendance.sheet.teamPresent", { number }), true)}
                  </span>
                ))}
              </div>
            ) : null}
            <DataTable
              caption={t("attendance.sheet.caption", { title: sheet.title })}
              rows={sheet.people}
              rowKey={(person) => person.applicationId}
              empty={t("attendance.sheet.none")}
              columns={[
                {
                  key: "name",
                  header: t("attendance.sheet.person"),
                  cell: (person) => <span id={`person-${person.applicationId}`}>{person.name}</span>,
                },
                {
                  key: "team",
                  header: t("attendance.sheet.team"),
                  cell: (person) => t("attendance.sheet.teamNumber", { number: person.teamNumber }),
                },
                {
                  key: "role",
                  header: t("attendance.sheet.role"),
                  cell: (person) => t(`attendance.sheet.roles.${person.role}`),
                },
                ...(sheet.signUps
                  ? [
                      {
                        key: "signedUp",
                        header: t("attendance.sheet.signedUp"),
                        cell: (person: Person) =>
                          person.signedUp
                            ? t("attendance.sheet.signedUpYes")
                            : t("attendance.sheet.signedUpNo"),
                      },
                    ]
                  : []),
                ...(sheet.takesAttendance
                  ? [{ key: "status", header: t("attendance.sheet.status"), cell: status }]
                  : []),
                ...(sheet.takesAttendance
                  ? [
                      {
                        key: "actions",
                        header: t("attendance.sheet.actions"),
                        cell: (person: Person) => (
                          <div className="row-actions">
                            {markButton(
                              `person:${person.applicationId}`,
                              t("attendance.sheet.markPresent"),
                              true,
                              `person-${person.applicationId}`,
                            )}
                            {markButton(
                              `person:${person.applicationId}`,
                              t("attendance.sheet.markAbsent"),
                              false,
                              `person-${person.applicationId}`,
                            )}
                          </div>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </section>
          {poster ? (
            <CheckInPoster
              poster={poster}
              headingId="qr-title"
              title={t("attendance.sheet.qrTitle")}
              intro={t("attendance.sheet.qrIntro", { until: poster.until })}
              alt={t("attendance.sheet.qrAlt", { title: sheet.title })}
              link={t("attendance.sheet.link")}
            >
              <input type="hidden" name="item" value={sheet.itemId} />
            </CheckInPoster>
          ) : null}
        </>
      )}
    </>
  );
}
