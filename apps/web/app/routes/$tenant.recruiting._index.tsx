import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import {
  type AnnouncementView,
  type OwnApplicationView,
  type Phrase,
  recruitingOverview,
  withdrawOwnApplication,
} from "../services/recruitment.server";

/** Staff: the cohorts recruiting now, and one's own applications with their state. */
export const loader = tenantRoute("applications.submit", async ({ request, context, tenant, membership }) => {
  const overview = await recruitingOverview(
    context.services,
    tenant,
    membership.staffMemberId,
    await localeOf(request),
  );
  return { ...overview, base: `/${tenant.slug}/recruiting` };
});

const withdrawForm = z.object({ intent: z.literal("withdraw"), cohortId: z.string().uuid() });

export const action = tenantRoute(
  "applications.submit",
  async ({ request, context, tenant, membership, user }) => {
    const parsed = withdrawForm.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) throw new Response(null, { status: 400 });
    if (!membership.staffMemberId) return { error: { key: "recruitment.apply.noStaffRecord" } as Phrase };
    const result = await withdrawOwnApplication(context.services, {
      tenant,
      userId: user.id,
      requestId: context.requestId,
      cohortId: parsed.data.cohortId,
      staffMemberId: membership.staffMemberId,
    });
    return result.ok ? { withdrawn: parsed.data.cohortId } : { error: result.error };
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

export default function Recruiting() {
  const { t } = useTranslation();
  const { announcements, mine, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("recruitment.list.title")}</h1>
      <p>{t("recruitment.list.intro")}</p>
      {result && "withdrawn" in result ? (
        <p role="status" className="form-status">
          {t("recruitment.result.withdrawn")}
        </p>
      ) : null}
      {result && "error" in result && result.error ? (
        <p role="alert" className="form-error">
          {t(result.error.key, result.error.params)}
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
      ) : mine.length === 0 ? (
        <p>{t("recruitment.mine.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("recruitment.mine.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("recruitment.mine.cohort")}</th>
                <th scope="col">{t("recruitment.mine.role")}</th>
                <th scope="col">{t("recruitment.mine.status")}</th>
                <th scope="col">{t("recruitment.mine.submittedAt")}</th>
                <th scope="col">{t("recruitment.mine.action")}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((application) => (
                <tr key={application.applicationId}>
                  <th scope="row">
                    <Link to={`${base}/${application.cohortId}`}>{application.cohortTitle}</Link>
                  </th>
                  <td>{t(`recruitment.role.${application.role}`)}</td>
                  <td>
                    <ApplicationStatus application={application} />
                  </td>
                  <td>{application.submittedAt}</td>
                  <td>
                    {application.mayWithdraw ? (
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
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
