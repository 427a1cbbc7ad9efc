import type { TenantDb } from "@mentoring/db";
import type { AccessReviewSummary } from "@mentoring/domain";

/** Reviews shown on the access log page, newest first. */
const REVIEWS_SHOWN = 12;

/**
 * The monthly reviews already made for the tenant (the mail's figures, kept), newest first: the month's
 * first day, how many views, exports, views outside working hours and unusual viewers, and how many
 * privacy officers it was sent to.
 */
export async function listAccessReviews(tx: TenantDb, input: { tenantId: string }) {
  const reviews = await tx.accessReview.findMany({
    where: { tenantId: input.tenantId },
    orderBy: { month: "desc" },
    take: REVIEWS_SHOWN,
    select: { id: true, month: true, summary: true, recipientCount: true },
  });
  return reviews.map((review) => {
    const summary = review.summary as unknown as Partial<AccessReviewSummary>;
    return {
      id: review.id,
      /** "YYYY-MM-DD", the month's first day. */
      firstDay: review.month.toISOString().slice(0, 10),
      views: summary.views ?? 0,
      exports: summary.exports?.length ?? 0,
      outOfHours: summary.outOfHours?.length ?? 0,
      unusual: summary.unusual?.length ?? 0,
      recipients: review.recipientCount,
    };
  });
}
