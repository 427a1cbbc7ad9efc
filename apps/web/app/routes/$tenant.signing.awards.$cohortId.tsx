import { approveAwards, getCohortAwards, returnAwards } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AwardDecisionStatus, AwardGrantsTable } from "../components/award-decision";
import { CsrfInput } from "../components/csrf-input";
import { pageTitle } from "../components/page-title";
import { useRefreshWhile } from "../components/use-refresh-while";
import { presentCohortAwards } from "../presenters/cohort-awards.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("awards.page.title", { cohort: data.cohort.title }),
);

/**
 * The executive's decision on a cohort's proposed awards: the winning teams with their members and
 * prizes; approve (each team's 표창장 is signed and made, the winners told) or return with a comment.
 */
export const loader = tenantLoader(
  { permission: "certificates.sign", params: cohortParams },
  async ({ params, tenant, locale, withTenant }) => {
    const awards = await withTenant((db) =>
      getCohortAwards(db, { tenantId: tenant.id, cohortId: params.cohortId, locale }),
    );
    return { ...presentCohortAwards(awards, null, locale, tenant.timeZone), tenantSlug: tenant.slug };
  },
);

const decideForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("return"), comment: z.string().default("") }),
]);

export const action = tenantAction(
  { permission: "certificates.sign", params: cohortParams, form: decideForm },
  async ({ params, form, tenant, user, requestId, services, withTenant }) => {
    const acting = { tenantId: tenant.id, cohortId: params.cohortId, actorUserId: user.id, requestId };
    if (form.intent === "approve") {
      await withTenant((db) =>
        approveAwards(db, {
          ...acting,
          encryptionKey: services.config.DATA_ENCRYPTION_KEY,
          appUrl: services.config.APP_URL,
          now: new Date(),
        }),
      );
    } else {
      await withTenant((db) => returnAwards(db, { ...acting, comment: form.comment, now: new Date() }));
    }
    return { intent: form.intent };
  },
);

export default function DecideAwards() {
  const { t } = useTranslation();
  const { cohort, decision, tenantSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useRefreshWhile(
    decision?.status === "approved" &&
      decision.grants.some((grant) => grant.certificate && !grant.certificate.ready),
  );
  return (
    <>
      <h1>{t("awards.page.title", { cohort: cohort.title })}</h1>
      <p>
        <Link to={`/${tenantSlug}/signing`}>{t("certificates.signing.back")}</Link>
      </p>
      <AwardDecisionStatus decision={decision} />
      {isRefusal(result) ? (
        <p role="alert" className="form-error">
          {result.error?.[""]?.[0]}
        </p>
      ) : result ? (
        <p role="status" className="form-status">
          {t(result.intent === "approve" ? "awards.page.approved" : "awards.page.returned")}
        </p>
      ) : null}
      {decision ? <AwardGrantsTable grants={decision.grants} /> : null}
      {decision?.status === "proposed" ? (
        <div className="card">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" disabled={busy}>
              {t("awards.page.approve")}
            </button>
          </Form>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="return" />
            <p>
              <label htmlFor="award-return-comment">{t("awards.page.comment")}</label>
              <textarea id="award-return-comment" name="comment" maxLength={2000} rows={3} />
            </p>
            <button type="submit" disabled={busy}>
              {t("awards.page.return")}
            </button>
          </Form>
        </div>
      ) : null}
    </>
  );
}
