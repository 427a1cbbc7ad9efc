import { type FieldMetadata, getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError, applicationRoles, CONSENT_VERSION } from "@mentoring/domain";
import {
  applyToCohort,
  consentToNomination,
  getCohortAnnouncement,
  tenantToday,
  withdrawApplication,
} from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { CheckboxField, lastResultOf, RadioGroupField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { RecruitmentWindowNote } from "../components/recruitment-window";
import {
  type AnnouncementView,
  type OwnApplicationView,
  presentAnnouncement,
  presentApplyOutcome,
  presentOwnApplication,
} from "../presenters/recruiting.server";
import { isRefusal, type Refusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle<typeof loader>((_t, data) => data.announcement.title);

/** A cohort's announcement: what it is, who may apply, its schedule, and the person's own application. */
export const loader = tenantLoader(
  { permission: "applications.submit", params: cohortParams },
  async ({ params, tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    const { announcement, application, departments } = await withTenant((db) =>
      getCohortAnnouncement(db, { tenantId: tenant.id, cohortId: params.cohortId, staffMemberId }),
    );
    const view = presentAnnouncement(announcement, departments, tenantToday(tenant.timeZone));
    return {
      announcement: view,
      application: application ? presentOwnApplication(application, locale, tenant.timeZone) : null,
      recruiting: announcement.status === "recruiting",
      // Applying needs the cohort recruiting and today one of its days of recruitment.
      accepting: announcement.status === "recruiting" && view.window.state === "open",
      consentVersion: CONSENT_VERSION,
      staffLinked: staffMemberId !== null,
      back: `/${tenant.slug}/recruiting`,
    };
  },
);

/** The box's value is the version of the consent text shown; the use case refuses any other. */
const consent = z.string({ required_error: "recruitment.error.consentRequired" });

/** Applying, a nominee's consent or refusal, and withdrawing, each its own form on the page. */
const announcementForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("apply"),
    role: z.enum(applicationRoles, { message: "recruitment.apply.roleRequired" }),
    consent,
  }),
  z.object({ intent: z.literal("consent"), consent }),
  z.object({ intent: z.literal("decline") }),
  z.object({ intent: z.literal("withdraw") }),
]);

export const action = tenantAction(
  { permission: "applications.submit", params: cohortParams, form: announcementForm },
  async ({ params, form, tenant, membership, user, requestId, services, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("recruitment.no_staff_record");
    const acting = {
      tenantId: tenant.id,
      actorUserId: user.id,
      requestId,
      now: new Date(),
      appUrl: services.config.APP_URL,
      cohortId: params.cohortId,
      staffMemberId,
    };
    switch (form.intent) {
      case "apply": {
        const placed = await withTenant((db) =>
          applyToCohort(db, { ...acting, role: form.role, consentVersion: form.consent }),
        );
        return { intent: form.intent, outcome: presentApplyOutcome(placed) };
      }
      case "consent":
        await withTenant((db) => consentToNomination(db, { ...acting, consentVersion: form.consent }));
        return { intent: form.intent, done: true as const };
      case "decline":
      case "withdraw":
        // Declining a nomination is withdrawing the application it made; the audit tells them apart.
        await withTenant((db) => withdrawApplication(db, acting));
        return { intent: form.intent, done: true as const };
    }
  },
);

type ActionResult = NonNullable<ReturnType<typeof useActionData<typeof action>>>;
type FormFields<Intent> = Extract<z.input<typeof announcementForm>, { intent: Intent }>;

/** The browser's constraints of the page's forms, from the schema the server parses with. */
const constraint = getZodConstraint(announcementForm);

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
function ConsentText({ version }: { version: typeof CONSENT_VERSION }) {
  const { t } = useTranslation();
  const key = `recruitment.consent.${version}` as const;
  const tenantSlug = useParams().tenant ?? "";
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
      <p>
        <Link to={`/${tenantSlug}/privacy`}>{t("retention.consentLink")}</Link>
      </p>
    </section>
  );
}

/** What the last action came to; a refusal's field messages are shown at their fields instead. */
function Outcome({ result }: { result: ActionResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (isRefusal(result)) {
    const message = result.error?.[""]?.[0];
    return message ? (
      <p role="alert" className="form-error">
        {message}
      </p>
    ) : null;
  }
  if (result.intent === "apply") {
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
  const key = ({ consent: "consented", decline: "declined", withdraw: "withdrawn" } as const)[result.intent];
  return (
    <p role="status" className="form-status">
      {t(`recruitment.result.${key}`)}
    </p>
  );
}

function OwnApplication({ application, board }: { application: OwnApplicationView; board: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t("recruitment.mine.current")}</h2>
      <dl className="facts" data-testid="own-application">
        <dt>{t("recruitment.mine.role")}</dt>
        <dd>{board ? t("board.memberRole") : t(`recruitment.role.${application.role}`)}</dd>
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

/** The last post's refusal, when the form of `intent` posted it (the form's values come back with it). */
function refusalOf(result: ActionResult | undefined, intent: string): Refusal | undefined {
  return isRefusal(result) && result.initialValue?.intent === intent ? result : undefined;
}

/** The page's form that posts `intent`: its errors are the last post's when that form sent it. */
function useIntentForm<Intent extends "apply" | "consent">(intent: Intent, result: ActionResult | undefined) {
  return useForm<FormFields<Intent>>({
    lastResult: lastResultOf(refusalOf(result, intent), result),
    constraint,
  });
}

/** The consent box under the consent text: ticking it agrees to this version of the text. */
function ConsentCheck({ meta, version }: { meta: FieldMetadata<string | undefined>; version: string }) {
  const { t } = useTranslation();
  return (
    <CheckboxField
      meta={meta}
      value={version}
      label={t("recruitment.apply.agree")}
      className="consent-check"
    />
  );
}

function NominationAnswer({
  application,
  consentVersion,
  result,
}: {
  application: OwnApplicationView;
  consentVersion: typeof CONSENT_VERSION;
  result: ActionResult | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("consent", result);
  return (
    <section aria-labelledby="nomination-title">
      <h2 id="nomination-title">{t("recruitment.nomination.title")}</h2>
      <p>{t("recruitment.nomination.intro", { role: t(`recruitment.role.${application.role}`) })}</p>
      <ConsentText version={consentVersion} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="consent" />
        <ConsentCheck meta={fields.consent} version={consentVersion} />
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
  );
}

function ApplyForm({
  announcement,
  consentVersion,
  result,
}: {
  announcement: AnnouncementView;
  consentVersion: typeof CONSENT_VERSION;
  result: ActionResult | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("apply", result);
  return (
    <section aria-labelledby="apply-title">
      <h2 id="apply-title">{t("recruitment.apply.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="apply" />
        <RadioGroupField
          meta={fields.role}
          label={t("recruitment.apply.role")}
          options={announcement.roles.map(({ role }) => ({
            value: role,
            // A junior board's one role: its members apply as 위원.
            label: announcement.kind === "board" ? t("board.memberRole") : t(`recruitment.role.${role}`),
          }))}
        />
        <ConsentText version={consentVersion} />
        <ConsentCheck meta={fields.consent} version={consentVersion} />
        <button type="submit" className="button-primary">
          {t("recruitment.apply.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function CohortAnnouncement() {
  const { t } = useTranslation();
  const { announcement, application, recruiting, accepting, consentVersion, staffLinked, back } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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
        {announcement.kind === "board" ? null : (
          <>
            <dt>{t("recruitment.announcement.teamShape")}</dt>
            <dd>{t("recruitment.announcement.teamShapeValue", { mentors, mentees })}</dd>
          </>
        )}
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
            <h3>
              {announcement.kind === "board" ? t("board.memberRole") : t(`recruitment.role.${role.role}`)}
            </h3>
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
      <DataTable
        caption={t("recruitment.announcement.scheduleCaption", { title: announcement.title })}
        captionHidden
        rows={announcement.schedule}
        rowKey={(item) => item.field}
        empty={null}
        columns={[
          {
            key: "phase",
            header: t("recruitment.announcement.phase"),
            cell: (item) => t(`recruitment.schedule.${item.field}`),
          },
          { key: "date", header: t("recruitment.announcement.date"), cell: (item) => item.date },
        ]}
      />
      {application ? (
        <OwnApplication application={application} board={announcement.kind === "board"} />
      ) : null}
      {application?.consentPending ? (
        <NominationAnswer application={application} consentVersion={consentVersion} result={result} />
      ) : null}
      {!live && accepting ? (
        staffLinked ? (
          <ApplyForm announcement={announcement} consentVersion={consentVersion} result={result} />
        ) : (
          <p>{t("recruitment.apply.noStaffRecord")}</p>
        )
      ) : null}
      {recruiting && !accepting && !live ? (
        <>
          <RecruitmentWindowNote window={announcement.window} />
          {/* What applying will ask agreement to, readable before it opens. */}
          <ConsentText version={consentVersion} />
        </>
      ) : null}
      {!recruiting && !live ? <p>{t("recruitment.announcement.closed")}</p> : null}
    </>
  );
}
