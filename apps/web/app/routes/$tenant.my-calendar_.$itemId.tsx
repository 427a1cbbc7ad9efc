import { AppError, calendarDateIn, localize } from "@mentoring/domain";
import { getMyCalendarItem, signUpForEvent, withdrawFromEvent } from "@mentoring/programs";
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { pageTitle } from "../components/page-title";
import { formatClock, formatDateTime } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle<typeof loader>((_t, data) => data.item.title);

/**
 * One item of a participant's calendar on their phone: what, when and where, a link to add it to their
 * calendar app, and for an event that takes sign-ups the places left, when sign-up closes, and one button
 * to take a place or give it back. Another person's item (another team's, the other role's) is not found.
 */
const params = z.object({ itemId: id });

export const loader = tenantLoader(
  { permission: "own_team.view", params },
  async ({ params, tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("calendar.item_not_found");
    const { item, signUp } = await withTenant((db) =>
      getMyCalendarItem(db, { tenantId: tenant.id, itemId: params.itemId, staffMemberId, now: new Date() }),
    );
    const long = { dateStyle: "long", timeStyle: "short" } as const;
    const at = (moment: Date) => formatDateTime(moment, locale, tenant.timeZone, long);
    const when = item.dueAt
      ? at(item.dueAt)
      : item.startsAt && item.endsAt
        ? `${at(item.startsAt)} ~ ${
            calendarDateIn(item.startsAt, tenant.timeZone) === calendarDateIn(item.endsAt, tenant.timeZone)
              ? formatClock(item.endsAt, locale, tenant.timeZone)
              : at(item.endsAt)
          }`
        : "";
    return {
      tenantSlug: tenant.slug,
      item: {
        id: item.id,
        kind: item.kind,
        title: localize({ ko: item.title, en: item.titleEn ?? undefined }, locale),
        description: item.description
          ? localize({ ko: item.description, en: item.descriptionEn ?? undefined }, locale)
          : "",
        place: item.place,
        when,
        cohortTitle: item.cohort.title,
      },
      signUp: signUp && {
        ...signUp,
        closesAt: signUp.closesAt ? at(signUp.closesAt) : null,
      },
    };
  },
);

const signUpForm = z.object({ intent: z.enum(["sign_up", "withdraw"]) });

export const action = tenantAction(
  { permission: "own_team.view", params, form: signUpForm },
  async ({ params, form, tenant, membership, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("calendar.item_not_found");
    const acting = { tenantId: tenant.id, itemId: params.itemId, staffMemberId, now: new Date() };
    if (form.intent === "withdraw") {
      const { withdrawn } = await withTenant((db) => withdrawFromEvent(db, acting));
      return { intent: form.intent, changed: withdrawn };
    }
    const { alreadySignedUp } = await withTenant((db) => signUpForEvent(db, acting));
    return { intent: form.intent, changed: !alreadySignedUp };
  },
);

/** A refused sign-up (full, closed) reads the places again too, so the page shows why beside the message. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" ? true : defaultShouldRevalidate;

export default function MyCalendarItem() {
  const { t } = useTranslation();
  const { tenantSlug, item, signUp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const done =
    result && !isRefusal(result)
      ? result.intent === "withdraw"
        ? t("calendar.signUp.withdrawn")
        : result.changed
          ? t("calendar.signUp.signedUp")
          : t("calendar.signUp.already")
      : null;
  return (
    <article aria-labelledby="item-title" className="card">
      <p>
        <Link to={`/${tenantSlug}/my-calendar`}>{t("calendar.item.back")}</Link>
      </p>
      <p className="survey-meta">
        {t(`calendar.kind.${item.kind}`)} · {item.cohortTitle}
      </p>
      <h1 id="item-title">{item.title}</h1>
      <dl className="facts">
        <dt>{t("calendar.item.when")}</dt>
        <dd>{item.when}</dd>
        {item.place ? (
          <>
            <dt>{t("calendar.item.place")}</dt>
            <dd>{item.place}</dd>
          </>
        ) : null}
      </dl>
      {item.description ? <p>{item.description}</p> : null}
      <p>
        <a href={`/${tenantSlug}/my-calendar/${item.id}/ics`} download>
          {t("calendar.item.addToCalendar")}
        </a>
      </p>
      {signUp ? (
        <section aria-labelledby="sign-up-title" className="sign-up">
          <h2 id="sign-up-title">{t("calendar.signUp.title")}</h2>
          <p data-testid="places">
            {signUp.placesLeft === null
              ? t("calendar.signUp.noLimit")
              : t("calendar.signUp.placesLeft", { count: signUp.placesLeft })}{" "}
            · {t("calendar.signUp.taken", { count: signUp.taken })}
          </p>
          {signUp.closesAt ? <p>{t("calendar.signUp.closes", { when: signUp.closesAt })}</p> : null}
          {done ? (
            <p role="status" className="form-status">
              {done}
            </p>
          ) : null}
          {isRefusal(result) ? (
            <p role="alert" className="form-error">
              {result.error?.[""]?.[0]}
            </p>
          ) : null}
          {signUp.signedUp ? (
            <>
              {done ? null : <p className="form-status">{t("calendar.signUp.youAreIn")}</p>}
              {signUp.mayWithdraw ? (
                <Form method="post">
                  <CsrfInput />
                  <button
                    type="submit"
                    name="intent"
                    value="withdraw"
                    className="button-secondary"
                    disabled={busy}
                  >
                    {t("calendar.signUp.withdraw")}
                  </button>
                </Form>
              ) : null}
            </>
          ) : signUp.refusal === "calendar.sign_up_closed" ? (
            <p>{t("calendar.signUp.closed")}</p>
          ) : signUp.refusal === "calendar.event_full" ? (
            <p>{t("calendar.signUp.full")}</p>
          ) : (
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="sign_up" className="button-primary" disabled={busy}>
                {t("calendar.signUp.action")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}
