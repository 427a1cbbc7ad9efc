import { AppError, localize } from "@mentoring/domain";
import { checkIn, getCheckIn } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

/**
 * Where the QR code on the coordinator's screen leads a participant's phone: signed in (sign-in comes
 * back here), they confirm with one tap and are marked present, their own attendance only.
 */
const params = z.object({ itemId: id });
const query = z.object({ code: z.string().max(200).default("") });

export const loader = tenantLoader(
  { permission: "activities.log", params, query },
  async ({ params, query, tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("attendance.not_for_you");
    const { item, present } = await withTenant((db) =>
      getCheckIn(db, { tenantId: tenant.id, itemId: params.itemId, staffMemberId }),
    );
    return {
      title: localize({ ko: item.title, en: item.titleEn ?? undefined }, locale),
      present,
      code: query.code,
    };
  },
);

const checkInForm = z.object({ code: z.string().max(200).default("") });

export const action = tenantAction(
  { permission: "activities.log", params, form: checkInForm },
  async ({ params, form, tenant, membership, user, services, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("attendance.not_for_you");
    const result = await withTenant((db) =>
      checkIn(db, {
        tenantId: tenant.id,
        itemId: params.itemId,
        staffMemberId,
        code: form.code,
        secret: services.config.SESSION_SECRET,
        actorUserId: user.id,
        now: new Date(),
      }),
    );
    return {
      title: localize({ ko: result.title, en: result.titleEn ?? undefined }, locale),
      alreadyIn: result.alreadyIn,
    };
  },
);

export default function CheckIn() {
  const { t } = useTranslation();
  const { title, present, code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const done = result && !isRefusal(result);
  return (
    <section aria-labelledby="check-in-title" className="card">
      <h1 id="check-in-title">{t("attendance.checkIn.title")}</h1>
      {done ? (
        <p role="status" className="form-status">
          {result.alreadyIn
            ? t("attendance.checkIn.already")
            : t("attendance.checkIn.done", { title: result.title })}
        </p>
      ) : present ? (
        <p role="status" className="form-status">
          {t("attendance.checkIn.already")}
        </p>
      ) : (
        <>
          <p>{t("attendance.checkIn.intro", { title })}</p>
          {isRefusal(result) ? (
            <p role="alert" className="form-error">
              {result.error?.[""]?.[0]}
            </p>
          ) : null}
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="code" value={code} />
            <button type="submit" className="button-primary" disabled={busy}>
              {t("attendance.checkIn.confirm")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
