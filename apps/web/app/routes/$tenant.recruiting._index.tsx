import { AppError } from "@mentoring/domain";
import {
  departmentsNamedIn,
  listRecruitingCohorts,
  listStaffApplications,
  tenantToday,
  withdrawApplication,
} from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConsentWithdrawalLink } from "../components/consent-link";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { RecruitmentWindowNote } from "../components/recruitment-window";
import {
  type AnnouncementView,
  type OwnApplicationView,
  presentAnnouncement,
  presentOwnApplication,
} from "../presenters/recruiting.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("recruitment.list.title");

/** Staff: the cohorts recruiting now, and one's own applications with their state. */
export const loader = tenantLoader(
  { permission: "applications.submit" },
  async ({ tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    const { announcements, departments, mine } = await withTenant(async (db) => {
      const announcements = await listRecruitingCohorts(db, { tenantId: tenant.id });
      const rules = announcements.flatMap((announcement) =>
        announcement.roles.map((role) => role.eligibility),
      );
      return {
        announcements,
        departments: await departmentsNamedIn(db, tenant.id, rules),
        // An account not linked to the staff directory has no applications, and cannot make any.
        mine: staffMemberId ? await listStaffApplications(db, { tenantId: tenant.id, staffMemberId }) : null,
      };
    });
    return {
      announcements: announcements.map((announcement) =>
        presentAnnouncement(announcement, departments, tenantToday(tenant.timeZone)),
      ),
      mine: mine?.map((application) => presentOwnApplication(application, locale, tenant.timeZone)) ?? null,
      base: `/${tenant.slug}/recruiting`,
    };
  },
);

const withdrawForm = z.object({ intent: z.literal("withdraw"), cohortId: id });

/** Withdrawing one of one's applications, from its row. */
export const action = tenantAction(
  { permission: "applications.submit", form: withdrawForm },
  async ({ form, tenant, membership, user, requestId, services, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("recruitment.no_staff_record");
    await withTenant((db) =>
      withdrawApplication(db, {
        tenantId: tenant.id,
        actorUserId: user.id,
        requestId,
        now: new Date(),
        appUrl: services.config.APP_URL,
        cohortId: form.cohortId,
        staffMemberId,
      }),
    );
    return { withdrawn: form.cohortId };
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

function Places({ role }: { role: AnnouncementView["roles"][number] }) {
  const { t } = useTranslation();
  return role.left > 0
    ? t("recruitment.announcement.placesLeft", { quota: role.quota, left: role.left })
    : t("recruitment.announcement.placesFull", { quota: role.quota, waitlisted: role.waitlisted });
}

function AnnouncementCard({ announcement, base }: { announcement: AnnouncementView; base: string }) {
  const { t } = useTranslation();
  return (
    <li className="card announcement">
      <h3>{announcement.title}</h3>
      <dl className="facts">
        <dt>{t("recruitment.announcement.program")}</dt>
        <dd>{announcement.programName}</dd>
        <dt>{t("recruitment.announcement.kind")}</dt>
        <dd>{t(`recruitment.kind.${announcement.kind}`)}</dd>
        <dt>{t("recruitment.announcement.period")}</dt>
        <dd>{t("recruitment.announcement.periodValue", announcement.period)}</dd>
      </dl>
      {announcement.roles.map((role) => (
        <div key={role.role}>
          <h4>{t(`recruitment.role.${role.role}`)}</h4>
          <p>
            <Places role={role} />
          </p>
          <RoleRules role={role} />
        </div>
      ))}
      <RecruitmentWindowNote window={announcement.window} />
      <p>
        <Link to={`${base}/${announcement.cohortId}`} className="button-secondary">
          {t("recruitment.list.view", { title: announcement.title })}
        </Link>
      </p>
    </li>
  );
}

function ApplicationStatus({ application }: { application: OwnApplicationView }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`recruitment.status.${application.status}`)}
      {application.waitlistPosition !== null ? (
        <> ({t("recruitment.mine.position", { position: application.waitlistPosition })})</>
      ) : null}
      {application.consentPending ? <> · {t("recruitment.mine.consentPending")}</> : null}
      {application.rejectionReason ? (
        <>
          <br />
          {t("recruitment.mine.reason", { reason: application.rejectionReason })}
        </>
      ) : null}
    </>
  );
}

function WithdrawButton({ application }: { application: OwnApplicationView }) {
  const { t } = useTranslation();
  if (!application.mayWithdraw) return null;
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="cohortId" value={application.cohortId} />
      <button
        type="submit"
        aria-label={t("recruitment.mine.withdrawLabel", { title: application.cohortTitle })}
      >
        {t("recruitment.mine.withdraw")}
      </button>
    </Form>
  );
}

export default function Recruiting() {
  const { t } = useTranslation();
  const { announcements, mine, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refusal = isRefusal(result) ? result.error?.[""]?.[0] : undefined;
  return (
    <>
      <h1>{t("recruitment.list.title")}</h1>
      <p>{t("recruitment.list.intro")}</p>
      {result && !isRefusal(result) ? (
        <p role="status" className="form-status">
          {t("recruitment.result.withdrawn")}
        </p>
      ) : null}
      {refusal ? (
        <p role="alert" className="form-error">
          {refusal}
        </p>
      ) : null}
      <h2>{t("recruitment.list.open")}</h2>
      {announcements.length === 0 ? (
        <p>{t("recruitment.list.none")}</p>
      ) : (
        <ul className="announcement-list">
          {announcements.map((announcement) => (
            <AnnouncementCard key={announcement.cohortId} announcement={announcement} base={base} />
          ))}
        </ul>
      )}
      <h2>{t("recruitment.mine.title")}</h2>
      {mine === null ? (
        <p>{t("recruitment.apply.noStaffRecord")}</p>
      ) : (
        <DataTable
          caption={t("recruitment.mine.caption")}
          captionHidden
          rows={mine}
          rowKey={(application) => application.applicationId}
          empty={t("recruitment.mine.none")}
          columns={[
            {
              key: "cohort",
              header: t("recruitment.mine.cohort"),
              cell: (application) => (
                <Link to={`${base}/${application.cohortId}`}>{application.cohortTitle}</Link>
              ),
            },
            {
              key: "role",
              header: t("recruitment.mine.role"),
              cell: (application) => t(`recruitment.role.${application.role}`),
            },
            {
              key: "status",
              header: t("recruitment.mine.status"),
              cell: (application) => <ApplicationStatus application={application} />,
            },
            {
              key: "submittedAt",
              header: t("recruitment.mine.submittedAt"),
              cell: (application) => application.submittedAt,
            },
            {
              key: "action",
              header: t("recruitment.mine.action"),
              cell: (application) => (
                <>
                  <WithdrawButton application={application} />
                  {application.consentPending || application.status === "withdrawn" ? null : (
                    <ConsentWithdrawalLink
                      cohortId={application.cohortId}
                      cohortTitle={application.cohortTitle}
                    />
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
