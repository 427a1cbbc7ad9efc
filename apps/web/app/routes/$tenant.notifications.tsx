import { AppError } from "@mentoring/domain";
import {
  getNotificationPreferences,
  listMyNotifications,
  markNotificationsRead,
  saveNotificationPreferences,
} from "@mentoring/programs";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../services/format.server";
import { noticeText } from "../services/notice-text.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("notifications.title");

const kinds = [
  "team_published",
  "ceremony_scheduled",
  "certificate_issued",
  "assignment_set",
  "assignment_due_soon",
  "assignment_late",
  "revision_requested",
  "submission_featured",
  "event_tomorrow",
  "team_nudge",
  "award_granted",
  "consent_withdrawn",
  "correction_resolved",
  "board_proposal_updated",
] as const;

/**
 * A person's notifications, newest first, each worded in their language with where it leads and whether
 * they read it; marking one or all read; and, per kind, whether it comes by mail and in the app.
 */
export const loader = tenantLoader(
  { permission: "tenant.home.view" },
  async ({ tenant, membership, locale, t, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) return { staff: false as const, notifications: [], unread: 0, choices: [] };
    const { mine, choices } = await withTenant(async (db) => {
      const acting = { tenantId: tenant.id, staffMemberId };
      return {
        mine: await listMyNotifications(db, acting),
        choices: await getNotificationPreferences(db, acting),
      };
    });
    return {
      staff: true as const,
      unread: mine.unread,
      notifications: mine.notifications.map((notice) => ({
        id: notice.id,
        kind: notice.kind,
        text: noticeText(notice, t, locale, tenant.timeZone),
        link: notice.link,
        read: notice.readAt !== null,
        when: formatDateTime(notice.createdAt, locale, tenant.timeZone, {
          dateStyle: "medium",
          timeStyle: "short",
        }),
      })),
      choices,
    };
  },
);

const kind = z.enum(kinds);
const notificationsForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["read", "open"]), notificationId: z.string().uuid() }),
  z.object({ intent: z.literal("read_all") }),
  z.object({
    intent: z.literal("preferences"),
    email: z.array(kind).default([]),
    inApp: z.array(kind).default([]),
  }),
]);

export const action = tenantAction(
  { permission: "tenant.home.view", form: notificationsForm },
  async ({ form, tenant, membership, withTenant }) => {
    const { staffMemberId } = membership;
    // A member without a staff record is told nothing, so has nothing to mark or choose.
    if (!staffMemberId) throw new AppError("activity.not_in_team");
    const acting = { tenantId: tenant.id, staffMemberId };
    if (form.intent === "preferences") {
      await withTenant((db) =>
        saveNotificationPreferences(db, { ...acting, email: form.email, inApp: form.inApp }),
      );
      return { intent: form.intent };
    }
    const notificationId = form.intent === "read_all" ? "all" : form.notificationId;
    const { link } = await withTenant((db) =>
      markNotificationsRead(db, { ...acting, notificationId, now: new Date() }),
    );
    // Opening a notice reads it: marked, then where it leads (a stored path of this tenant, never the form's).
    if (form.intent === "open" && link?.startsWith(`/${tenant.slug}/`)) throw redirect(link);
    return { intent: form.intent };
  },
);

export default function Notifications() {
  const { t } = useTranslation();
  const { staff, notifications, unread, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const done =
    result && !isRefusal(result)
      ? {
          read: t("notifications.marked"),
          open: t("notifications.marked"),
          read_all: t("notifications.markedAll"),
          preferences: t("notifications.preferences.saved"),
        }[result.intent]
      : null;
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <p>{t("notifications.intro")}</p>
      {result && isRefusal(result) ? (
        <p role="alert" className="form-error">
          {result.error?.[""]?.[0]}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="form-status">
          {done}
        </p>
      ) : null}
      {!staff ? (
        <p>{t("notifications.noStaff")}</p>
      ) : (
        <>
          <section aria-labelledby="notifications-list" className="notice-list">
            <h2 id="notifications-list">{t("notifications.caption")}</h2>
            <p data-testid="unread-count">
              {unread > 0 ? t("notifications.bell", { count: unread }) : t("notifications.bellNone")}
            </p>
            {unread > 0 ? (
              <Form method="post" className="row-actions">
                <CsrfInput />
                <button type="submit" name="intent" value="read_all" disabled={busy}>
                  {t("notifications.markAllRead")}
                </button>
              </Form>
            ) : null}
            {notifications.length === 0 ? (
              <p>{t("notifications.empty")}</p>
            ) : (
              <ul className="notices">
                {notifications.map((notice) => (
                  <li
                    key={notice.id}
                    className={notice.read ? "notice" : "notice notice--unread"}
                    data-testid="notice"
                  >
                    <p className="notice__meta">
                      <span className={notice.read ? "badge" : "badge badge--hard"}>
                        {notice.read ? t("notifications.read") : t("notifications.unread")}
                      </span>{" "}
                      {t(`notifications.kind.${notice.kind}`)} · <time>{notice.when}</time>
                    </p>
                    <p id={`notice-${notice.id}`} className="notice__text">
                      {notice.text}
                    </p>
                    <div className="row-actions">
                      {notice.read ? (
                        <Link to={notice.link} aria-describedby={`notice-${notice.id}`}>
                          {t("notifications.open")}
                        </Link>
                      ) : (
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="notificationId" value={notice.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="open"
                            className="button-link"
                            disabled={busy}
                            aria-describedby={`notice-${notice.id}`}
                          >
                            {t("notifications.open")}
                          </button>
                        </Form>
                      )}
                      {notice.read ? null : (
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="notificationId" value={notice.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="read"
                            disabled={busy}
                            aria-describedby={`notice-${notice.id}`}
                          >
                            {t("notifications.markRead")}
                          </button>
                        </Form>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="notification-preferences" className="card">
            <h2 id="notification-preferences">{t("notifications.preferences.title")}</h2>
            <p>{t("notifications.preferences.intro")}</p>
            <Form method="post">
              <CsrfInput />
              <DataTable
                caption={t("notifications.preferences.caption")}
                captionHidden
                rows={choices}
                rowKey={(choice) => choice.kind}
                empty={null}
                columns={[
                  {
                    key: "kind",
                    header: t("notifications.preferences.kind"),
                    cell: (choice) => t(`notifications.kind.${choice.kind}`),
                  },
                  ...(["email", "inApp"] as const).map((channel) => ({
                    key: channel,
                    header: t(`notifications.preferences.${channel}`),
                    cell: (choice: (typeof choices)[number]) => (
                      <>
                        <input
                          type="checkbox"
                          id={`${channel}-${choice.kind}`}
                          name={channel}
                          value={choice.kind}
                          defaultChecked={choice[channel]}
                        />
                        <label htmlFor={`${channel}-${choice.kind}`} className="visually-hidden">
                          {t(`notifications.preferences.${channel}For`, {
                            kind: t(`notifications.kind.${choice.kind}`),
                          })}
                        </label>
                      </>
                    ),
                  })),
                ]}
              />
              <button type="submit" name="intent" value="preferences" disabled={busy}>
                {t("notifications.preferences.save")}
              </button>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
