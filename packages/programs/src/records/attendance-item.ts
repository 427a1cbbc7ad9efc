import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { type CohortMember, cohortMembers, isForItem } from "./cohort-members";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An item that takes attendance, and who is expected at it: the members of the cohort's published teams
 * it is for (everyone, one role, or one team). Not found for another tenant's or cohort's item. With
 * `orSignUp`, an event that takes sign-ups but no attendance is accepted too (to list who signed up).
 */
export async function attendanceItem(
  tx: TenantDb,
  tenantId: string,
  itemId: string,
  cohortId?: string,
  options: { orSignUp?: boolean } = {},
) {
  const item = UUID.test(itemId)
    ? await tx.calendarItem.findFirst({
        where: { tenantId, id: itemId, ...(cohortId && { cohortId }) },
        select: {
          id: true,
          cohortId: true,
          kind: true,
          title: true,
          titleEn: true,
          place: true,
          startsAt: true,
          endsAt: true,
          audience: true,
          teamId: true,
          attendance: true,
          signUp: true,
          capacity: true,
        },
      })
    : null;
  if (!item) throw new AppError("attendance.item_not_found");
  const listed = item.attendance || (options.orSignUp === true && item.signUp);
  if (!listed || item.kind === "assignment") throw new AppError("attendance.not_taken");
  return { item, expected: await expectedAt(tx, tenantId, item) };
}

/**
 * Who an item is for: the members of its cohort's published teams, everyone, one role or one team, with
 * their e-mail and language for reminders.
 */
export async function expectedAt(
  tx: TenantDb,
  tenantId: string,
  item: { cohortId: string; teamId: string | null; audience: "all" | "mentors" | "mentees" },
): Promise<CohortMember[]> {
  return (await cohortMembers(tx, tenantId, [item.cohortId])).filter((member) => isForItem(item, member));
}
