import { applicationRoles } from "@mentoring/domain";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import {
  type AnnouncementView,
  type ApplyOutcome,
  announcementPage,
  answerNomination,
  type OwnApplicationView,
  type Phrase,
  submitApplication,
  withdrawOwnApplication,
} from "../services/recruitment.server";

const cohortIdSchema = z.string().uuid();

/** A cohort's announcement: what it is, who may apply, its schedule, and the person's own application. */
export const loader = tenantRoute(
  "applications.submit",
  async ({ request, params, context, tenant, membership }) => {
    const cohortId = cohortIdSchema.safeParse(params.cohortId);
    if (!cohortId.success) throw notFound();
    const page = await announcementPage(
      context.services,
      tenant,
      cohortId.data,
      membership.staffMemberId,
      await localeOf(request),
    );
    return { ...page, staffLinked: membership.staffMemberId !== null, back: `/${tenant.slug}/recruiting` };
  },
);

const applyForm = z.object({
  role: z.enum(applicationRoles, { errorMap: () => ({ message: "recruitment.apply.roleRequired" }) }),
  consent: z.string({ required_error: "recruitment.error.consentRequired" }),
});

type FieldErrors = { role?: string; consent?: string };

type ActionResult =
  | { intent: "apply"; outcome: ApplyOutcome }
  | { intent: "apply" | "consent"; fieldErrors: FieldErrors }
  | { intent: "consent" | "decline" | "withdraw"; done: true }
  | { intent: string; error: Phrase };

export const action = tenantRoute(
  "applications.submit",
  async ({ request, params, context, tenant, membership, user }): Promise<ActionResult> => {
    const cohortId = cohortIdSchema.safeParse(params.cohortId);
    if (!cohortId.success) throw notFound();
    const form = Object.fromEntries(await request.formData());
    const intent = String(form.intent ?? "");
    const staffMemberId = membership.staffMemberId;
    if (!staffMemberId) return { intent, error: { key: "recruitment.apply.noStaffRecord" } };
    const base = {
      tenant,
      userId: user.id,
      requestId: context.requestId,
      cohortId: cohortId.data,
      staffMemberId,
    };
    if (intent === "apply") {
      const parsed = applyForm.safeParse(form);
      if (!parsed.success) {
        const errors = parsed.error.flatten().fieldErrors;
        return { intent, fieldErrors: { role: errors.role?.[0], consent: errors.consent?.[0] } };
      }
      const result = await submitApplication(context.services, {
        ...base,
        role: parsed.data.role,
        consentVersion: parsed.data.consent,
      });
      return result.ok ? { intent, outcome: result.value } : { intent, error: result.error };
    }
    if (intent === "consent" || intent === "decline") {
      const consent = typeof form.consent === "string" ? form.consent : null;
      if (intent === "consent" && !consent)
        return { intent, fieldErrors: { consent: "recruitment.error.consentRequired" } };
      const result = await answerNomination(context.services, {
        ...base,
        consentVersion: consent,
        agree: intent === "consent",
      });
      return result.ok ? { intent, done: true } : { intent, error: result.error };
    }
    if (intent === "withdraw") {
      const result = await withdrawOwnApplication(context.services, base);
      return result.ok ? { intent, done: true } : { intent, error: result.error };
    }
    throw new Response(null, { status: 400 });
  },
);

function RoleRules({ role }: { role: AnnouncementView["roles"][number] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {role.rules.map((rule) => (
        <li key={`${rule.key}:${JSON.stringify(rule.params ?? {})}`}>{t(rule.key, rule.params)}</li>
      ))}
    </ul>
  );
}

/** The PIPA consent text of the current version, in full. */
function ConsentText({ version }: { version: string }) {
  const { t } = useTranslation();
  const key = `recruitment.consent.${version}`;
  return (
    <section id="consent-text" className="consent" aria-labelledby="consent-title">
      <h3 id="consent-title">{t("recruitment.apply.consentTitle")}</h3>
      <p>{t(`${key}.intro`)}</p>
      <dl>
        {(["purpose", "items", "retention", "refusal"] as const).map((part) => (
          <div key={part}>
            <dt>{t(`${key}.${part}Label`)}</dt>
            <dd>{t(`${key}.${part}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ConsentCheckbox({ version, error }: { version: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <div className="field consent-check">
      <input
        type="checkbox"
        id="consent"
        name="consent"
        value={version}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "consent-error" : undefined}
      />{" "}
      <label htmlFor="consent">{t("recruitment.apply.agree")}</label>
      {error ? (
        <p id="consent-error" className="field__error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function Outcome({ result }: { result: ActionResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return null;
  if ("error" in result)
    return (
      <p role="alert" className="form-error">
        {t(result.error.key, result.error.params)}
      </p>
    );
  if ("outcome" in result) {
    const { outcome } = result;
    if (outcome.outcome === "refused")
      return (
        <div role="alert" className="refusal">
          <p>{t("recruitment.result.refused")}</p>
          <ul>
            {outcome.reasons.map((reason) => (
              <li key={reason.key}>{t(reason.key, reason.params)}</li>
            ))}
          </ul>
        </div>
      );
    return (
      <p role="status" className="form-status">
        {outcome.outcome === "accepted"
          ? t("recruitment.result.accepted")
          : t("recruitment.result.waitlisted", { position: outcome.position })}
      </p>
    );
  }
  if ("done" in result) {
    const key = { consent: "consented", decline: "declined", withdraw: "withdrawn" }[result.intent];
    return (
      <p role="status" className="form-status">
        {t(`recruitment.result.${key}`)}
      </p>
    );
  }
  return null;
}

function OwnApplication({ application }: { application: OwnApplicationView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t("recruitment.mine.current")}</h2>
      <dl className="facts" data-testid="own-application">
        <dt>{t("recruitment.mine.role")}</dt>
        <dd>{t(`recruitment.role.${application.role}`)}</dd>
        <dt>{t("recruitment.mine.status")}</dt>
        <dd>
          {t(`recruitment.status.${application.status}`)}
          {application.waitlistPosition !== null ? (
            <> ({t("recruitment.mine.position", { position: application.waitlistPosition })})</>
          ) : null}
          {application.nominated ? <> · {t("recruitment.mine.nominated")}</> : null}
        </dd>
        {application.rejectionReason ? (
          <>
            <dt>{t("recruitment.status.rejected")}</dt>
            <dd>{t("recruitment.mine.reason", { reason: application.rejectionReason })}</dd>
          </>
        ) : null}
        <dt>{t("recruitment.mine.submittedAt")}</dt>
        <dd>{application.submittedAt}</dd>
      </dl>
      {application.mayWithdraw && !application.consentPending ? (
        <Form method="post" className="withdraw-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="button-secondary">
            {t("recruitment.mine.withdraw")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export default function CohortAnnouncement() {
  const { t } = useTranslation();
  const { announcement, application, accepting, consentVersion, staffLinked, back } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldErrors: FieldErrors = result && "fieldErrors" in result ? result.fieldErrors : {};
  const live = application && (application.status === "accepted" || application.status === "waitlisted");
  const [mentors, mentees] = announcement.teamShape;
  return (
    <>
      <p>
        <Link to={back}>{t("recruitment.announcement.back")}</Link>
      </p>
      <h1>{announcement.title}</h1>
      <Outcome result={result} />
      <dl className="facts">
        <dt>{t("recruitment.announcement.program")}</dt>
        <dd>{announcement.programName}</dd>
        <dt>{t("recruitment.announcement.kind")}</dt>
        <dd>{t(`recruitment.kind.${announcement.kind}`)}</dd>
        <dt>{t("recruitment.announcement.period")}</dt>
        <dd>{t("recruitment.announcement.periodValue", announcement.period)}</dd>
        <dt>{t("recruitment.announcement.teamShape")}</dt>
        <dd>{t("recruitment.announcement.teamShapeValue", { mentors, mentees })}</dd>
      </dl>
      {announcement.description ? (
        <>
          <h2>{t("recruitment.announcement.description")}</h2>
          <p className="announcement-description">{announcement.description}</p>
        </>
      ) : null}
      <h2>{t("recruitment.announcement.eligibility")}</h2>
      <div className="announcement-roles">
        {announcement.roles.map((role) => (
          <div key={role.role} className="card">
            <h3>{t(`recruitment.role.${role.role}`)}</h3>
            <p>
              {role.left > 0
                ? t("recruitment.announcement.placesLeft", { quota: role.quota, left: role.left })
                : t("recruitment.announcement.placesFull", {
                    quota: role.quota,
                    waitlisted: role.waitlisted,
                  })}
            </p>
            <RoleRules role={role} />
          </div>
        ))}
      </div>
      <p>{t("recruitment.rule.judgedOn", { date: announcement.period.from })}</p>
      <h2>{t("recruitment.announcement.schedule")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">
            {t("recruitment.announcement.scheduleCaption", { title: announcement.title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("recruitment.announcement.phase")}</th>
              <th scope="col">{t("recruitment.announcement.date")}</th>
            </tr>
          </thead>
          <tbody>
            {announcement.schedule.map((item) => (
              <tr key={item.field}>
                <th scope="row">{t(`recruitment.schedule.${item.field}`)}</th>
                <td>{item.date}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {application ? <OwnApplication application={application} /> : null}
      {application?.consentPending ? (
        <section aria-labelledby="nomination-title">
          <h2 id="nomination-title">{t("recruitment.nomination.title")}</h2>
          <p>{t("recruitment.nomination.intro", { role: t(`recruitment.role.${application.role}`) })}</p>
          <ConsentText version={consentVersion} />
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="consent" />
            <ConsentCheckbox version={consentVersion} error={fieldErrors.consent} />
            <button type="submit" className="button-primary">
              {t("recruitment.nomination.consent")}
            </button>
          </Form>
          <Form method="post" className="decline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="decline" />
            <button type="submit" className="button-secondary">
              {t("recruitment.nomination.decline")}
            </button>
          </Form>
        </section>
      ) : null}
      {!live && accepting ? (
        staffLinked ? (
          <section aria-labelledby="apply-title">
            <h2 id="apply-title">{t("recruitment.apply.title")}</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="apply" />
              <fieldset aria-describedby={fieldErrors.role ? "role-error" : undefined}>
                <legend>{t("recruitment.apply.role")}</legend>
                <ul className="checkbox-list">
                  {announcement.roles.map((role) => (
                    <li key={role.role}>
                      <input
                        type="radio"
                        id={`role-${role.role}`}
                        name="role"
                        value={role.role}
                        required
                        aria-invalid={fieldErrors.role ? true : undefined}
                      />{" "}
                      <label htmlFor={`role-${role.role}`}>{t(`recruitment.role.${role.role}`)}</label>
                    </li>
                  ))}
                </ul>
                {fieldErrors.role ? (
                  <p id="role-error" className="field__error">
                    {t(fieldErrors.role)}
                  </p>
                ) : null}
              </fieldset>
              <ConsentText version={consentVersion} />
              <ConsentCheckbox version={consentVersion} error={fieldErrors.consent} />
              <button type="submit" className="button-primary">
                {t("recruitment.apply.submit")}
              </button>
            </Form>
          </section>
        ) : (
          <p>{t("recruitment.apply.noStaffRecord")}</p>
        )
      ) : null}
      {!accepting && !live ? <p>{t("recruitment.announcement.closed")}</p> : null}
    </>
  );
}
