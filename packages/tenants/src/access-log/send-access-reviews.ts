import type { Database, TenantDb } from "@mentoring/db";
import {
  type AccessEvent,
  type AccessKind,
  type AccessReviewSummary,
  previousAccessMonth,
  reviewAccessMonth,
} from "@mentoring/domain";
import { queueEmail } from "@mentoring/mail";

/** Views listed one by one in the mail per list (exports, outside working hours); the rest are counted. */
const LISTED_IN_MAIL = 20;

export interface AccessReviewRun {
  tenants: number;
  /** Reviews made by this run (a tenant and month already reviewed is not made again). */
  reviews: number;
  mails: number;
}

interface Officer {
  email: string;
  displayName: string;
  locale: string | null;
}

/**
 * The monthly review of the personal-data access log (the 1st of each month): for every tenant in use, the
 * month before `now` on its own calendar is reviewed by the domain's rules (totals by kind, unusual volume,
 * every export, views outside working hours), stored once per tenant and month, and mailed in the same
 * transaction to each of its privacy officers in their language. Idempotent per tenant and month: a second
 * run finds the review stored and sends nothing (two runs at once: the second waits on the first's key).
 */
export async function sendAccessReviews(
  db: Database,
  input: { now: Date; appUrl: string },
): Promise<AccessReviewRun> {
  const tenants = await db.platform.tenant.findMany({
    where: { status: { in: ["trial", "active", "read_only"] } },
    select: { id: true, slug: true, name: true, nameEn: true, locale: true, timeZone: true },
    orderBy: { createdAt: "asc" },
  });
  const run: AccessReviewRun = { tenants: tenants.length, reviews: 0, mails: 0 };
  for (const tenant of tenants) {
    const month = previousAccessMonth(input.now, tenant.timeZone);
    await db.withTenant(tenant.id, async (tx) => {
      const monthColumn = new Date(`${month.firstDay}T00:00:00Z`);
      const events = await monthEvents(tx, tenant.id, month.start, month.end);
      const summary = reviewAccessMonth(events, month, tenant.timeZone);
      const officers = await privacyOfficers(tx, tenant.id);
      const created = await tx.accessReview.createMany({
        data: [
          {
            tenantId: tenant.id,
            month: monthColumn,
            summary: summary as never,
            recipientCount: officers.length,
          },
        ],
        skipDuplicates: true,
      });
      if (created.count === 0) return;
      run.reviews += 1;
      const viewerNames = await namesOf(tx, tenant.id, summary);
      const viewer = (id: string) => viewerNames.get(id) ?? id;
      const listed = (rows: AccessReviewSummary["exports"]) =>
        rows.slice(0, LISTED_IN_MAIL).map((row) => ({
          viewer: viewer(row.viewerUserId),
          kind: row.kind,
          people: row.people,
          at: new Date(row.at),
        }));
      const search = new URLSearchParams({ from: month.firstDay, to: month.lastDay });
      for (const officer of officers) {
        const locale = officer.locale === "en" || officer.locale === "ko" ? officer.locale : tenant.locale;
        await queueEmail(tx, {
          to: officer.email,
          locale: locale === "en" ? "en" : "ko",
          message: {
            kind: "access_review",
            name: officer.displayName,
            tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
            month: monthColumn,
            views: summary.views,
            byKind: summary.byKind,
            unusual: summary.unusual.map((row) => ({
              viewer: viewer(row.viewerUserId),
              people: row.people,
              views: row.views,
            })),
            median: summary.median,
            exports: listed(summary.exports),
            exportCount: summary.exports.length,
            outOfHours: listed(summary.outOfHours),
            outOfHoursCount: summary.outOfHours.length,
            timeZone: tenant.timeZone,
            link: `${input.appUrl}/${tenant.slug}/admin/access-log?${search.toString()}`,
          },
        });
        run.mails += 1;
      }
    });
  }
  return run;
}

async function monthEvents(tx: TenantDb, tenantId: string, start: Date, end: Date): Promise<AccessEvent[]> {
  const rows = await tx.accessLog.findMany({
    where: { tenantId, at: { gte: start, lt: end } },
    select: {
      id: true,
      viewerUserId: true,
      kind: true,
      subjectStaffIds: true,
      subjectCount: true,
      cohortId: true,
      at: true,
    },
  });
  return rows.map((row) => ({ ...row, kind: row.kind as AccessKind }));
}

async function privacyOfficers(tx: TenantDb, tenantId: string): Promise<Officer[]> {
  const members = await tx.membership.findMany({
    where: { tenantId, roles: { has: "privacy_officer" } },
    select: { user: { select: { email: true, displayName: true, locale: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((member) => member.user);
}

/** The viewers the mail names: by their account's name. */
async function namesOf(tx: TenantDb, tenantId: string, summary: AccessReviewSummary) {
  const ids = [
    ...new Set(
      [...summary.unusual, ...summary.exports, ...summary.outOfHours].map((row) => row.viewerUserId),
    ),
  ];
  const members = await tx.membership.findMany({
    where: { tenantId, userId: { in: ids } },
    select: { userId: true, user: { select: { displayName: true } } },
  });
  return new Map(members.map((member) => [member.userId, member.user.displayName]));
}
