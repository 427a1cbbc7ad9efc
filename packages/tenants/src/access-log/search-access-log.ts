import { literalLikeText, type Prisma, type TenantDb } from "@mentoring/db";
import { type AccessKind, accessKinds, addDays, calendarDateSchema, startOfDayIn } from "@mentoring/domain";
import { z } from "zod";

export const ACCESS_LOG_PAGE_SIZE = 50;
/** The most rows one CSV export of a search holds (newest first). */
export const ACCESS_LOG_EXPORT_LIMIT = 5_000;
/** People named per row on the page; the rest are counted. */
const NAMES_SHOWN = 5;

/**
 * The privacy officer's search as the address carries it; every filter optional, and one that does not
 * parse is left out rather than refused, so a hand-edited address still shows the log.
 */
export const accessLogSearchQuery = z.object({
  /** Part of the name or the employee number of the person whose data was viewed. */
  person: z.string().trim().max(100).optional().catch(undefined),
  /** Part of the viewer's name or e-mail address. */
  viewer: z.string().trim().max(254).optional().catch(undefined),
  kind: z.enum(accessKinds).optional().catch(undefined),
  /** First and last day, on the tenant's calendar. */
  from: calendarDateSchema.optional().catch(undefined),
  to: calendarDateSchema
    .refine((date) => date < "9999-12-31")
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AccessLogSearch = z.output<typeof accessLogSearchQuery>;

export interface AccessLogRow {
  id: string;
  at: Date;
  kind: AccessKind;
  viewer: { displayName: string; email: string } | null;
  /** The people viewed, by name (at most a few on the page, all of them in an export). */
  subjects: { name: string; employeeNumber: string }[];
  subjectCount: number;
  cohort: string | null;
  team: number | null;
  clientAddress: string;
  requestId: string | null;
}

/**
 * The tenant's access log, newest first, filtered by the person viewed, the viewer, the kind and the days
 * (tenant's calendar): one page (`all: false`) with the number of pages, or every matching row up to
 * ACCESS_LOG_EXPORT_LIMIT for the CSV export. Each row names its viewer, the people viewed, the cohort
 * and team it was about.
 */
export async function searchAccessLog(
  tx: TenantDb,
  input: { tenantId: string; timeZone: string; search: AccessLogSearch; all?: boolean },
) {
  const { tenantId, timeZone, search } = input;
  const personIds = search.person
    ? (
        await tx.staffMember.findMany({
          where: {
            tenantId,
            OR: [
              { name: { contains: literalLikeText(search.person), mode: "insensitive" } },
              { employeeNumber: { contains: literalLikeText(search.person), mode: "insensitive" } },
            ],
          },
          select: { id: true },
          take: 500,
        })
      ).map((staff) => staff.id)
    : undefined;
  const viewerIds = search.viewer
    ? (
        await tx.membership.findMany({
          where: {
            tenantId,
            user: {
              OR: [
                { displayName: { contains: literalLikeText(search.viewer), mode: "insensitive" } },
                { email: { contains: literalLikeText(search.viewer.toLowerCase()) } },
              ],
            },
          },
          select: { userId: true },
        })
      ).map((member) => member.userId)
    : undefined;
  const at: { gte?: Date; lt?: Date } = {};
  if (search.from) at.gte = startOfDayIn(search.from, timeZone);
  if (search.to) at.lt = startOfDayIn(addDays(search.to, 1), timeZone);
  const where: Prisma.AccessLogWhereInput = {
    tenantId,
    ...(personIds ? { subjectStaffIds: { hasSome: personIds } } : {}),
    ...(viewerIds ? { viewerUserId: { in: viewerIds } } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.from || search.to ? { at } : {}),
  };
  const logs = await tx.accessLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: input.all ? 0 : (search.page - 1) * ACCESS_LOG_PAGE_SIZE,
    take: input.all ? ACCESS_LOG_EXPORT_LIMIT : ACCESS_LOG_PAGE_SIZE,
  });
  const total = input.all ? logs.length : await tx.accessLog.count({ where });

  const shown = (ids: string[]) => (input.all ? ids : ids.slice(0, NAMES_SHOWN));
  const staffIds = [...new Set(logs.flatMap((log) => shown(log.subjectStaffIds)))];
  const userIds = [...new Set(logs.map((log) => log.viewerUserId))];
  const cohortIds = [...new Set(logs.flatMap((log) => (log.cohortId ? [log.cohortId] : [])))];
  const teamIds = [...new Set(logs.flatMap((log) => (log.teamId ? [log.teamId] : [])))];
  const [staff, users, cohorts, teams] = await Promise.all([
    tx.staffMember.findMany({
      where: { tenantId, id: { in: staffIds } },
      select: { id: true, name: true, employeeNumber: true },
    }),
    tx.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, displayName: true, email: true },
    }),
    tx.cohort.findMany({ where: { tenantId, id: { in: cohortIds } }, select: { id: true, title: true } }),
    tx.team.findMany({ where: { tenantId, id: { in: teamIds } }, select: { id: true, number: true } }),
  ]);
  const staffById = new Map(staff.map((person) => [person.id, person]));
  const userById = new Map(users.map((user) => [user.id, user]));
  const cohortById = new Map(cohorts.map((cohort) => [cohort.id, cohort.title]));
  const teamById = new Map(teams.map((team) => [team.id, team.number]));
  const rows = logs.map(
    (log): AccessLogRow => ({
      id: log.id,
      at: log.at,
      kind: log.kind,
      viewer: userById.get(log.viewerUserId) ?? null,
      subjects: shown(log.subjectStaffIds).flatMap((id) => {
        const person = staffById.get(id);
        return person ? [{ name: person.name, employeeNumber: person.employeeNumber }] : [];
      }),
      subjectCount: log.subjectCount,
      cohort: log.cohortId ? (cohortById.get(log.cohortId) ?? null) : null,
      team: log.teamId ? (teamById.get(log.teamId) ?? null) : null,
      clientAddress: log.clientAddress,
      requestId: log.requestId,
    }),
  );
  return { rows, total, pages: Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE)) };
}
