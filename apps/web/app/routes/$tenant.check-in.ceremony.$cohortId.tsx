import { AppError } from "@mentoring/domain";
import { checkInToCeremony, getCeremonyCheckIn } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { formatDateTime } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

/**
 * Where the ceremony's QR code leads a participant's phone: signed in (sign-in comes back here), they
 * confirm with one tap and are marked present at their cohort's ceremony, their own attendance only.
 * The same signed, time-limited codes as trainings and events, made for this ceremony alone.
 */
const query = z.object({ code: z.string().max(200).default("") });

export const loader = tenantLoader(
  { permission: "activities.log", params: cohortParams, query },
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

const checkInForm = z.object({ code: z.string().max(200).default("") });

export const action = tenantAction(
  { permission: "activities.log", params: cohortParams, form: checkInForm },
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
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const done = result && !isRefusal(result);
  return (
    <section aria-labelledby="check-in-title" className="card">
      <h1 id="check-in-title">{t("attendance.ceremony.checkInTitle")}</h1>
      {done ? (
        <p role="status" className="form-status">
          {result.alreadyIn
            ? t("attendance.checkIn.already")
            : t("attendance.ceremony.done", { cohort: result.cohortTitle })}
        </p>
      ) : present ? (
        <p role="status" className="form-status">
          {t("attendance.checkIn.already")}
        </p>
      ) : (
        <>
          <p>{t("attendance.ceremony.checkInIntro", { cohort: cohortTitle, when, place })}</p>
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
