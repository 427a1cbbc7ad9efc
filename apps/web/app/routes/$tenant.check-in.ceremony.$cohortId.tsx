import { AppError } from "@mentoring/domain";
import { checkInToCeremony, getCeremonyCheckIn } from "@mentoring/programs";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckInConfirm } from "../components/check-in-confirm";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../services/format.server";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { checkInCode, cohortParams } from "../services/route-params";

export const handle = pageTitle("attendance.ceremony.checkInTitle");

/**
 * Where the ceremony's QR code leads a participant's phone: signed in (sign-in comes back here), they
 * confirm with one tap and are marked present at their cohort's ceremony, their own attendance only.
 * The same signed, time-limited codes as trainings and events, made for this ceremony alone.
 */
export const loader = tenantLoader(
  { permission: "activities.log", params: cohortParams, query: checkInCode },
  async ({ params, query, tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("attendance.not_for_you");
    const { cohort, ceremony, present } = await withTenant((db) =>
      getCeremonyCheckIn(db, { tenantId: tenant.id, cohortId: params.cohortId, staffMemberId }),
    );
    return {
      cohortTitle: cohort.title,
      when: formatDateTime(ceremony.startsAt, locale, tenant.timeZone, {
        dateStyle: "long",
        timeStyle: "short",
      }),
      place: ceremony.place,
      present,
      code: query.code,
    };
  },
);

export const action = tenantAction(
  { permission: "activities.log", params: cohortParams, form: checkInCode },
  async ({ params, form, tenant, membership, user, services, requestId, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("attendance.not_for_you");
    return withTenant((db) =>
      checkInToCeremony(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        staffMemberId,
        code: form.code,
        secret: services.config.SESSION_SECRET,
        actorUserId: user.id,
        now: new Date(),
        requestId,
      }),
    );
  },
);

export default function CeremonyCheckIn() {
  const { t } = useTranslation();
  const { cohortTitle, when, place, present, code } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <CheckInConfirm
      title={t("attendance.ceremony.checkInTitle")}
      intro={t("attendance.ceremony.checkInIntro", { cohort: cohortTitle, when, place })}
      present={present}
      code={code}
      answer={answer}
      done={(checkedIn) => t("attendance.ceremony.done", { cohort: checkedIn.cohortTitle })}
    />
  );
}
