import type { TenantDb } from "@mentoring/db";

/** How many featured works the showcase shows, newest first. */
const SHOWCASE_SIZE = 60;

/**
 * The tenant's showcase: team work the coordinators accepted and featured, newest first, with its
 * assignment, cohort and team. What every staff member may see: the work, not the review.
 */
export async function listShowcase(tx: TenantDb, input: { tenantId: string }) {
  const { tenantId } = input;
  const featured = await tx.submission.findMany({
    where: { tenantId, featuredAt: { not: null }, status: "accepted" },
    orderBy: [{ featuredAt: "desc" }, { id: "asc" }],
    take: SHOWCASE_SIZE,
    select: {
      id: true,
      text: true,
      links: true,
      featuredAt: true,
      team: { select: { number: true } },
      item: {
        select: { title: true, titleEn: true, cohort: { select: { title: true } } },
      },
    },
  });
  return featured.map((work) => ({
    id: work.id,
    text: work.text,
    links: work.links,
    featuredAt: work.featuredAt as Date,
    teamNumber: work.team.number,
    title: work.item.title,
    titleEn: work.item.titleEn,
    cohortTitle: work.item.cohort.title,
  }));
}

export type ShowcaseWork = Awaited<ReturnType<typeof listShowcase>>[number];
