import { type AppErrorCode, isAppError } from "@mentoring/domain";
import { approveApplication, listPendingApplications, rejectApplication } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { formatDateTime } from "../services/format.server";
import { platformRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** The operator reviews organisations' applications: approve (tenant + admin invitation) or reject. */
export const loader = platformRoute("platform.tenants.manage", async ({ request, context, user }) => {
  const applications = await listPendingApplications(context.services.db);
  const locale = await localeOf(request);
  return {
    // The operator works on Korean time, whatever the organisation's zone.
    applications: applications.map((application) => ({
      ...application,
      receivedOn: formatDateTime(application.createdAt, locale, "Asia/Seoul", { dateStyle: "medium" }),
    })),
    userName: user.displayName,
  };
});

const reviewForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("approve"),
    applicationId: z.string().uuid(),
    slug: z.string().trim().toLowerCase(),
  }),
  z.object({
    intent: z.literal("reject"),
    applicationId: z.string().uuid(),
    reason: z.string().trim().max(500).default(""),
  }),
]);

/** The review's refusals, shown beside the application's slug field. */
const refusals: AppErrorCode[] = [
  "onboarding.invalid_slug",
  "onboarding.slug_taken",
  "onboarding.already_reviewed",
];

export const action = platformRoute("platform.tenants.manage", async ({ request, context, user }) => {
  const parsed = reviewForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response(null, { status: 400 });
  const form = parsed.data;
  const { services, requestId } = context;
  try {
    if (form.intent === "approve") {
      const approved = await approveApplication(services.db, {
        applicationId: form.applicationId,
        slug: form.slug,
        operatorId: user.id,
        locale: await localeOf(request),
        appUrl: services.config.APP_URL,
        requestId,
      });
      return { message: "onboarding.applications.approved", ...approved };
    }
    const rejected = await rejectApplication(services.db, {
      applicationId: form.applicationId,
      reason: form.reason,
      operatorId: user.id,
    });
    return { message: "onboarding.applications.rejected", ...rejected };
  } catch (error) {
    if (!isAppError(error, ...refusals)) throw error;
    return { applicationId: form.applicationId, error: error.messageKey };
  }
});

export default function Applications() {
  const { t } = useTranslation();
  const { applications, userName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <Shell title={t("app.name")} homeTo="/platform" nav={platformNav} userName={userName}>
      <h1>{t("onboarding.applications.title")}</h1>
      {result && "message" in result && result.message ? (
        <p role="status" className="form-status">
          {t(result.message, { organisation: result.organisation, email: result.email })}
        </p>
      ) : null}
      {applications.length === 0 ? <p>{t("onboarding.applications.none")}</p> : null}
      {applications.map((application) => {
        const error =
          result && "error" in result && result.applicationId === application.id ? result.error : undefined;
        const slugId = `slug-${application.id}`;
        return (
          <section key={application.id} className="card" aria-labelledby={`application-${application.id}`}>
            <h2 id={`application-${application.id}`}>{application.organisationName}</h2>
            <dl className="facts">
              <dt>{t("onboarding.signup.kind")}</dt>
              <dd>{t(`tenantKind.${application.kind}`)}</dd>
              <dt>{t("onboarding.signup.region")}</dt>
              <dd>{t(`region.${application.region}`, { defaultValue: application.region })}</dd>
              <dt>{t("onboarding.applications.contact")}</dt>
              <dd>
                {application.contactName} ({application.contactEmail})
              </dd>
              <dt>{t("onboarding.applications.receivedAt")}</dt>
              <dd>{application.receivedOn}</dd>
            </dl>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="applicationId" value={application.id} />
              <div className="field">
                <label htmlFor={slugId}>{t("onboarding.applications.slug")}</label>
                <p id={`${slugId}-hint`} className="field__hint">
                  {t("onboarding.applications.slugHint")}
                </p>
                <input
                  id={slugId}
                  name="slug"
                  autoComplete="off"
                  aria-describedby={`${slugId}-hint${error ? ` ${slugId}-error` : ""}`}
                  aria-invalid={error ? true : undefined}
                />
                {error ? (
                  <p id={`${slugId}-error`} className="field__error">
                    {t(error)}
                  </p>
                ) : null}
              </div>
              <button type="submit" name="intent" value="approve" className="button-primary">
                {t("onboarding.applications.approve")}
              </button>{" "}
              <button type="submit" name="intent" value="reject">
                {t("onboarding.applications.reject")}
              </button>
            </Form>
          </section>
        );
      })}
    </Shell>
  );
}
