import { localize } from "@mentoring/domain";
import { listAttachments, listShowcase } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type AttachmentItem, AttachmentList } from "../components/attachments";
import { pageTitle } from "../components/page-title";
import { SubmissionLinks } from "../components/submission-parts";
import { formatDateTime } from "../services/format.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("assignments.showcase.title");

/**
 * The tenant's showcase: featured team work with its files (photos, videos in a player), for its staff to
 * see (and to show at the staff assembly).
 */
export const loader = tenantLoader(
  { permission: "showcase.view" },
  async ({ tenant, locale, withTenant }) => {
    const { works, files } = await withTenant(async (db) => {
      const works = await listShowcase(db, { tenantId: tenant.id });
      const submissionIds = works.map((work) => work.id);
      return { works, files: await listAttachments(db, { tenantId: tenant.id, submissionIds }) };
    });
    return {
      files: Object.fromEntries(files) as Record<string, AttachmentItem[]>,
      works: works.map((work) => ({
        id: work.id,
        text: work.text,
        links: work.links,
        teamNumber: work.teamNumber,
        cohortTitle: work.cohortTitle,
        title: localize({ ko: work.title, en: work.titleEn ?? undefined }, locale),
        featuredAt: formatDateTime(work.featuredAt, locale, tenant.timeZone, { dateStyle: "long" }),
      })),
    };
  },
);

export default function Showcase() {
  const { t } = useTranslation();
  const { works, files } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("assignments.showcase.title")}</h1>
      <p>{t("assignments.showcase.intro")}</p>
      {works.length === 0 ? <p>{t("assignments.showcase.none")}</p> : null}
      {works.map((work) => (
        <article
          key={work.id}
          aria-labelledby={`work-${work.id}`}
          className="card"
          data-testid="showcase-work"
        >
          <h2 id={`work-${work.id}`}>
            {t("assignments.showcase.work", {
              cohort: work.cohortTitle,
              number: work.teamNumber,
              title: work.title,
            })}
          </h2>
          <p className="survey-meta">{t("assignments.showcase.featuredAt", { when: work.featuredAt })}</p>
          {work.text ? <p className="submission-text">{work.text}</p> : null}
          <SubmissionLinks links={work.links} />
          <AttachmentList files={files[work.id] ?? []} />
        </article>
      ))}
    </>
  );
}
