import { AppError, localize } from "@mentoring/domain";
import { checkIn, getCheckIn } from "@mentoring/programs";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CheckInConfirm } from "../components/check-in-confirm";
import { pageTitle } from "../components/page-title";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { checkInCode, id } from "../services/route-params";

export const handle = pageTitle("attendance.checkIn.title");

/**
 * Where the QR code on the coordinator's screen leads a participant's phone: signed in (sign-in comes
 * back here), they confirm with one tap and are marked present, their own attendance only.
 */
const params = z.object({ itemId: id });

export const loader = tenantLoader(
  { permission: "activities.log", params, query: checkInCode },
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

export const action = tenantAction(
  { permission: "activities.log", params, form: checkInCode },
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
  const answer = useActionData<typeof action>();
  return (
    <CheckInConfirm
      title={t("attendance.checkIn.title")}
      intro={t("attendance.checkIn.intro", { title })}
      present={present}
      code={code}
      answer={answer}
      done={(checkedIn) => t("attendance.checkIn.done", { title: checkedIn.title })}
    />
  );
}
