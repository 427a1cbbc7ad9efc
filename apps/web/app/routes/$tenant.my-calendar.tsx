import { AppError, localize } from "@mentoring/domain";
import { createCalendarFeed, getMyCalendar, revokeCalendarFeed } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("calendar.mine.title");

/**
 * A participant's program calendar: their trainings, events, mentoring days and due dates, each to add
 * to a calendar app, and a subscription address that keeps the app up to date (made anew, or ended, here).
 */
export const loader = tenantLoader(
  { permission: "own_team.view" },
  async ({ tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    const page = staffMemberId
      ? await withTenant((db) => getMyCalendar(db, { tenantId: tenant.id, staffMemberId }))
      : { items: [], feedSince: null };
    const long = { dateStyle: "long", timeStyle: "short" } as const;
    return {
      tenantSlug: tenant.slug,
      feedSince: page.feedSince ? formatDateTime(page.feedSince, locale, tenant.timeZone, long) : null,
      items: page.items.map((item) => ({
        id: item.id,
        kind: item.kind,
        title: localize({ ko: item.title, en: item.titleEn ?? undefined }, locale),
        when: formatDateTime((item.dueAt ?? item.startsAt) as Date, locale, tenant.timeZone, long),
        place: item.place,
        cohortTitle: item.cohortTitle,
        signUp: item.signUp,
      })),
    };
  },
);

const feedForm = z.object({ intent: z.enum(["create", "revoke"]) });

export const action = tenantAction(
  { permission: "own_team.view", form: feedForm },
  async ({ form, tenant, membership, user, services, withTenant }) => {
    const { staffMemberId } = membership;
    // A member without a staff record takes part in no cohort, so has no program calendar.
    if (!staffMemberId) throw new AppError("activity.not_in_team");
    const acting = { tenantId: tenant.id, staffMemberId, actorUserId: user.id, now: new Date() };
    if (form.intent === "revoke") {
      await withTenant((db) => revokeCalendarFeed(db, acting));
      return { intent: form.intent, url: null };
    }
    const { token } = await withTenant((db) => createCalendarFeed(db, acting));
    return { intent: form.intent, url: `${services.config.APP_URL}/feeds/${tenant.slug}/${token}` };
  },
);

export default function MyCalendar() {
  const { t } = useTranslation();
  const { tenantSlug, feedSince, items } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const made = result && !isRefusal(result) && result.url ? result.url : null;
  return (
    <>
      <h1>{t("calendar.mine.title")}</h1>
      <p>{t("calendar.mine.intro")}</p>
      <section aria-labelledby="feed-title" className="card">
        <h2 id="feed-title">{t("calendar.feed.title")}</h2>
        {made ? (
          <div role="status" className="form-status">
            <p>{t("calendar.feed.made")}</p>
            <p>
              <code data-testid="feed-url">{made}</code>
            </p>
          </div>
        ) : result && !isRefusal(result) ? (
          <p role="status" className="form-status">
            {t("calendar.feed.revoked")}
          </p>
        ) : null}
        <p>{feedSince ? t("calendar.feed.since", { when: feedSince }) : t("calendar.feed.none")}</p>
        <Form method="post" className="row-actions">
          <CsrfInput />
          <button type="submit" name="intent" value="create" disabled={busy}>
            {t(feedSince ? "calendar.feed.renew" : "calendar.feed.create")}
          </button>
          {feedSince ? (
            <button type="submit" name="intent" value="revoke" disabled={busy}>
              {t("calendar.feed.revoke")}
            </button>
          ) : null}
        </Form>
      </section>
      <DataTable
        caption={t("calendar.mine.caption")}
        rows={items}
        rowKey={(item) => item.id}
        empty={t("calendar.mine.empty")}
        columns={[
          { key: "when", header: t("calendar.column.when"), cell: (item) => item.when },
          {
            key: "title",
            header: t("calendar.column.title"),
            cell: (item) => (
              <>
                <Link id={`item-${item.id}`} to={`/${tenantSlug}/my-calendar/${item.id}`}>
                  {item.title}
                </Link>{" "}
                · {t(`calendar.kind.${item.kind}`)}
                {item.signUp ? ` · ${t("calendar.signUpTaken")}` : null}
              </>
            ),
          },
          { key: "place", header: t("calendar.column.place"), cell: (item) => item.place || "—" },
          {
            key: "download",
            header: t("calendar.mine.download"),
            cell: (item) => (
              <a
                href={`/${tenantSlug}/my-calendar/${item.id}/ics`}
                download
                aria-describedby={`item-${item.id}`}
              >
                {t("calendar.mine.addToCalendar")}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}
