import { AppError } from "@mentoring/domain";
import { getConsentWithdrawal, withdrawConsent } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("myData.withdraw.title", { cohort: data.cohortTitle }),
);

/**
 * Withdrawing consent for a cohort, explained before it is done: what happens (the application withdrawn,
 * the team left, the answers no longer used, the coordinators told) and what the law keeps, then one button.
 * Reached from "내 정보", the recruiting page and the team page. Not their cohort: not found.
 */
export const loader = tenantLoader(
  { permission: "own_data.manage", params: cohortParams },
  async ({ params, tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("my_data.no_application");
    const view = await withTenant((db) =>
      getConsentWithdrawal(db, { tenantId: tenant.id, cohortId: params.cohortId, staffMemberId }),
    );
    return {
      cohortTitle: view.cohortTitle,
      effects: view.effects,
      withdrawnAt: view.withdrawnAt
        ? formatDateTime(view.withdrawnAt, locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" })
        : null,
      back: `/${tenant.slug}/my-data`,
    };
  },
);

const withdrawForm = z.object({ intent: z.literal("withdraw") });

export const action = tenantAction(
  { permission: "own_data.manage", params: cohortParams, form: withdrawForm },
  async ({ params, tenant, user, membership, requestId, services, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("my_data.no_application");
    const done = await withTenant((db) =>
      withdrawConsent(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        staffMemberId,
        actorUserId: user.id,
        now: new Date(),
        requestId,
        appUrl: services.config.APP_URL,
      }),
    );
    return { outcome: done.outcome, leftTeam: done.leftTeam };
  },
);

export default function WithdrawConsent() {
  const { t } = useTranslation();
  const { cohortTitle, effects, withdrawnAt, back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const done = result && !isRefusal(result) ? result : null;
  return (
    <>
      <h1>{t("myData.withdraw.title", { cohort: cohortTitle })}</h1>
      {result && isRefusal(result) ? (
        <p role="alert" className="form-error">
          {result.error?.[""]?.[0]}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="form-status">
          {done.leftTeam !== null
            ? t("myData.withdraw.doneTeam", { cohort: cohortTitle, number: done.leftTeam })
            : t("myData.withdraw.done", { cohort: cohortTitle })}
        </p>
      ) : withdrawnAt ? (
        <p role="status" className="form-status">
          {t("myData.withdraw.alreadyWithdrawn", { at: withdrawnAt })}
        </p>
      ) : (
        <>
          <p>{t("myData.withdraw.intro")}</p>
          <section aria-labelledby="happens-heading" className="card">
            <h2 id="happens-heading">{t("myData.withdraw.happens")}</h2>
            <ul data-testid="consequences">
              {effects.withdrawsApplication ? <li>{t("myData.withdraw.applicationWithdrawn")}</li> : null}
              {effects.placeToWaitlist ? <li>{t("myData.withdraw.placeToWaitlist")}</li> : null}
              {effects.leavesTeam !== null ? (
                <li>{t("myData.withdraw.leavesTeam", { number: effects.leavesTeam })}</li>
              ) : null}
              <li>{t("myData.withdraw.noMatching")}</li>
              <li>{t("myData.withdraw.coordinatorTold")}</li>
            </ul>
          </section>
          <section aria-labelledby="kept-heading" className="card">
            <h2 id="kept-heading">{t("myData.withdraw.kept")}</h2>
            <ul>
              <li>{t("myData.withdraw.keptApplication")}</li>
              {effects.keepsCertificates ? <li>{t("myData.withdraw.keptCertificates")}</li> : null}
              {effects.keepsRecords ? <li>{t("myData.withdraw.keptRecords")}</li> : null}
              <li>{t("myData.withdraw.keptAudit")}</li>
            </ul>
          </section>
          <Form method="post" className="row-actions">
            <CsrfInput />
            <button type="submit" name="intent" value="withdraw" className="button-primary" disabled={busy}>
              {t("myData.withdraw.confirm")}
            </button>
            <Link to={back}>{t("myData.withdraw.cancel")}</Link>
          </Form>
        </>
      )}
      {done || withdrawnAt ? (
        <p>
          <Link to={back}>{t("myData.withdraw.back")}</Link>
        </p>
      ) : null}
    </>
  );
}
