import { approveApplication, listPendingApplications, rejectApplication } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { pageTitle } from "../components/page-title";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { presentApplications } from "../presenters/platform-applications.server";
import { isRefusal } from "../services/refusal";
import { platformAction, platformLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("onboarding.applications.title");

/** The operator reviews organisations' applications: approve (tenant + admin invitation) or reject. */
export const loader = platformLoader(
  { permission: "platform.tenants.manage" },
  async ({ user, locale, services }) => ({
    applications: presentApplications(await listPendingApplications(services.db), locale),
    userName: user.displayName,
  }),
);

const reviewForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("approve"),
    applicationId: id,
    slug: z.string().trim().toLowerCase().default(""),
  }),
  z.object({
    intent: z.literal("reject"),
    applicationId: id,
    reason: z.string().trim().max(500).default(""),
  }),
]);

export const action = platformAction(
  {
    permission: "platform.tenants.manage",
    form: reviewForm,
    fieldName: (path, t) => (path === "slug" ? t("onboarding.applications.slug") : null),
    // A refusal is shown beside its application's address field.
    whichForm: (sent) => ({ applicationId: sent.applicationId }),
  },
  async ({ form, user, locale, services, requestId }) => {
    if (form.intent === "approve") {
      const approved = await approveApplication(services.db, {
        applicationId: form.applicationId,
        slug: form.slug,
        operatorId: user.id,
        locale,
        appUrl: services.config.APP_URL,
        requestId,
      });
      return { outcome: "approved" as const, ...approved };
    }
    const rejected = await rejectApplication(services.db, {
      applicationId: form.applicationId,
      reason: form.reason,
      operatorId: user.id,
    });
    return { outcome: "rejected" as const, ...rejected };
  },
);

export default function Applications() {
  const { t } = useTranslation();
  const { applications, userName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <Shell title={t("app.name")} homeTo="/platform" nav={platformNav} userName={userName}>
      <h1>{t("onboarding.applications.title")}</h1>
      {result && "outcome" in result ? (
        <p role="status" className="form-status">
          {t(`onboarding.applications.${result.outcome}`, {
            organisation: result.organisation,
            email: result.email,
          })}
        </p>
      ) : null}
      {applications.length === 0 ? <p>{t("onboarding.applications.none")}</p> : null}
      {applications.map((application) => {
        const error =
          isRefusal(result) && result.applicationId === application.id ? result.error?.[""]?.[0] : undefined;
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
                    {error}
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
