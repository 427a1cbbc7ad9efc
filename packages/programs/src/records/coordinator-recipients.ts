import type { TenantDb } from "@mentoring/db";
import type { NoticeRecipient } from "./notify";

/**
 * The tenant's coordinators as people to tell: those on the staff (notify() gives them a notice and a
 * mail), and those without a staff record (an outside or operator-made account: a mail to their account's
 * address alone, as they have no bell).
 */
export async function coordinatorRecipients(
  tx: TenantDb,
  tenantId: string,
): Promise<{
  staff: NoticeRecipient[];
  accountsOnly: { name: string; email: string; locale: string | null }[];
}> {
  const coordinators = await tx.membership.findMany({
    where: { tenantId, roles: { has: "coordinator" } },
    orderBy: { createdAt: "asc" },
    select: {
      staffMemberId: true,
      user: { select: { email: true, displayName: true, locale: true } },
      staffMember: { select: { name: true, email: true } },
    },
  });
  const staff: NoticeRecipient[] = [];
  const accountsOnly: { name: string; email: string; locale: string | null }[] = [];
  for (const coordinator of coordinators) {
    if (coordinator.staffMemberId && coordinator.staffMember)
      staff.push({
        staffMemberId: coordinator.staffMemberId,
        name: coordinator.staffMember.name,
        // The address they sign in with reaches them even when the directory has none.
        email: coordinator.staffMember.email ?? coordinator.user.email,
        locale: coordinator.user.locale,
      });
    else
      accountsOnly.push({
        name: coordinator.user.displayName,
        email: coordinator.user.email,
        locale: coordinator.user.locale,
      });
  }
  return { staff, accountsOnly };
}
