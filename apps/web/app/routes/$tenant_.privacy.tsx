import { CONSENT_VERSION } from "@mentoring/domain";
import { getPrivacyPolicy } from "@mentoring/tenants";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { RetentionPeriods } from "../components/retention-periods";
import { Shell } from "../components/shell";
import { presentPrivacyPolicy } from "../presenters/retention.server";
import { publicLoader } from "../services/route-builder.server";

export const handle = pageTitle<typeof loader>((t, data) => t("retention.policy.title", { name: data.name }));

/**
 * An organisation's privacy policy (개인정보 처리방침, 개인정보 보호법 제30조), public: anyone may read it,
 * signed in or not; an address that is no organisation's is 404. Generated from what the platform holds:
 * the organisation (the controller), us as its processor and what it entrusts to us, the purposes and items
 * of the consent text, the retention periods it chose, how data is destroyed, the data subject's rights
 * and how to use them, its privacy officers (members holding that role) and the date it last changed.
 */
export const loader = publicLoader(
  { params: z.object({ tenant: z.string().max(100) }) },
  async ({ params, services, t, locale }) => {
    const policy = await getPrivacyPolicy(services.db, { slug: params.tenant });
    return {
      slug: policy.tenant.slug,
      ...presentPrivacyPolicy(policy, { t, locale, timeZone: policy.tenant.timeZone }),
    };
  },
);

export default function PrivacyPolicy() {
  const { t } = useTranslation();
  const { slug, name, periods, officers, date } = useLoaderData<typeof loader>();
  const consent = `recruitment.consent.${CONSENT_VERSION}` as const;
  return (
    <Shell title={name} homeTo={`/${slug}`} privacyPolicyTo={`/${slug}/privacy`}>
      <article className="privacy-policy">
        <h1>{t("retention.policy.title", { name })}</h1>
        <p>{t("retention.policy.intro", { name })}</p>
        <section aria-labelledby="policy-purpose">
          <h2 id="policy-purpose">{t("retention.policy.purposeHeading")}</h2>
          <p>{t(`${consent}.purpose`)}</p>
        </section>
        <section aria-labelledby="policy-items">
          <h2 id="policy-items">{t("retention.policy.itemsHeading")}</h2>
          <p>{t(`${consent}.items`)}</p>
        </section>
        <section aria-labelledby="policy-retention">
          <h2 id="policy-retention">{t("retention.policy.retentionHeading")}</h2>
          <p>{t("retention.policy.retentionIntro")}</p>
          <RetentionPeriods caption={t("retention.policy.retentionCaption")} periods={periods} />
        </section>
        <section aria-labelledby="policy-destruction">
          <h2 id="policy-destruction">{t("retention.policy.destructionHeading")}</h2>
          <p>{t("retention.policy.destruction")}</p>
          <p>{t("retention.policy.pseudonymisation")}</p>
          <p>{t("retention.policy.certificates")}</p>
        </section>
        <section aria-labelledby="policy-entrustment">
          <h2 id="policy-entrustment">{t("retention.policy.entrustmentHeading")}</h2>
          <p>{t("retention.policy.entrustmentIntro")}</p>
          <DataTable
            caption={t("retention.policy.entrustmentCaption")}
            rows={[
              {
                key: "platform",
                trustee: t("retention.policy.trustee", { platform: t("app.name") }),
                task: t("retention.policy.task"),
              },
              {
                key: "billing",
                trustee: t("retention.policy.billingTrustee"),
                task: t("retention.policy.billingTask"),
              },
            ]}
            rowKey={(row) => row.key}
            empty={t("retention.page.none")}
            columns={[
              { key: "trustee", header: t("retention.policy.trusteeColumn"), cell: (row) => row.trustee },
              { key: "task", header: t("retention.policy.taskColumn"), cell: (row) => row.task },
            ]}
          />
          <p>{t("retention.policy.thirdParty")}</p>
        </section>
        <section aria-labelledby="policy-rights">
          <h2 id="policy-rights">{t("retention.policy.rightsHeading")}</h2>
          <p>{t("retention.policy.rights")}</p>
        </section>
        <section aria-labelledby="policy-safety">
          <h2 id="policy-safety">{t("retention.policy.safetyHeading")}</h2>
          <p>{t("retention.policy.safety")}</p>
        </section>
        <section aria-labelledby="policy-officer">
          <h2 id="policy-officer">{t("retention.policy.officerHeading")}</h2>
          <p>{t("retention.policy.officerIntro")}</p>
          <DataTable
            caption={t("retention.policy.officerCaption")}
            rows={officers}
            rowKey={(row) => row.key}
            empty={t("retention.policy.noOfficer")}
            columns={[
              { key: "name", header: t("retention.policy.nameColumn"), cell: (row) => row.name },
              {
                key: "department",
                header: t("retention.policy.departmentColumn"),
                cell: (row) => row.department,
              },
              { key: "contact", header: t("retention.policy.contactColumn"), cell: (row) => row.contact },
            ]}
          />
        </section>
        <section aria-labelledby="policy-remedy">
          <h2 id="policy-remedy">{t("retention.policy.remedyHeading")}</h2>
          <p>{t("retention.policy.remedy")}</p>
        </section>
        <section aria-labelledby="policy-date">
          <h2 id="policy-date">{t("retention.policy.dateHeading")}</h2>
          <p>{t("retention.policy.date", { date })}</p>
        </section>
      </article>
    </Shell>
  );
}
