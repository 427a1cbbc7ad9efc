import { listActivityPhotos } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fileHref } from "../components/attachments";
import { CohortNav } from "../components/cohort-nav";
import { pageTitle } from "../components/page-title";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("files.gallery.title", { cohort: data.cohort.title }),
);

/**
 * The photos a cohort's teams uploaded with their activities, by team, for who runs the program: the
 * thumbnails open the photos. Nothing else of an activity shows here (its topic and notes are the team's).
 */
export const loader = tenantLoader(
  { permission: "programs.view", params: cohortParams },
  async ({ params, tenant, withTenant }) => {
    const page = await withTenant((db) =>
      listActivityPhotos(db, { tenantId: tenant.id, cohortId: params.cohortId }),
    );
    return { ...page, tenantSlug: tenant.slug };
  },
);

export default function ActivityPhotos() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const withPhotos = page.teams.filter((team) => team.photos.length > 0);
  return (
    <>
      <h1>{t("files.gallery.title", { cohort: page.cohort.title })}</h1>
      <CohortNav tenantSlug={page.tenantSlug} cohortId={page.cohort.id} />
      <p>{t("files.gallery.intro")}</p>
      {withPhotos.length === 0 ? <p>{t("files.gallery.empty")}</p> : null}
      {withPhotos.map((team) => (
        <section key={team.teamNumber} aria-labelledby={`team-${team.teamNumber}`} className="card">
          <h2 id={`team-${team.teamNumber}`}>{t("files.gallery.team", { number: team.teamNumber })}</h2>
          <ul className="photo-grid">
            {team.photos.map((photo) => {
              const alt = t("files.gallery.photoOf", { number: team.teamNumber, date: photo.happenedOn });
              return (
                <li key={photo.id}>
                  <a href={fileHref(page.tenantSlug, photo.id)}>
                    {photo.hasThumbnail ? (
                      <img src={fileHref(page.tenantSlug, photo.id, true)} alt={alt} loading="lazy" />
                    ) : (
                      alt
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
