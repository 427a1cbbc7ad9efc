import type { Database, TenantDb } from "@mentoring/db";
import type { TenantRole } from "@mentoring/domain";
import { usableInvitation } from "../records/invitation";

export type InvitationView =
  | { state: "invalid" }
  | { state: "new_account"; email: string; roles: TenantRole[] }
  | { state: "sign_in_first"; email: string; roles: TenantRole[] }
  | { state: "wrong_account"; roles: TenantRole[] }
  | { state: "ready"; roles: TenantRole[] };

/** A nominee's invitation: who was nominated, and for which cohort. */
export interface NominationInvitationView {
  cohortId: string;
  cohortTitle: string;
  name: string;
}

export interface InvitingTenantView {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
}

/**
 * What the person opening an invitation link can do: sign up, sign in first, or join at once. Null when
 * the link's tenant does not exist or is closed (its existence stays private).
 */
export async function viewInvitation(
  db: Database,
  input: { slug: string; token: string; signedInUser: { id: string; email: string } | null },
): Promise<{
  tenant: InvitingTenantView;
  view: InvitationView;
  nomination: NominationInvitationView | null;
} | null> {
  const { slug, token, signedInUser } = input;
  const found = await db.platform.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, nameEn: true, status: true },
  });
  if (!found || found.status === "closed") return null;
  const tenant = { id: found.id, slug: found.slug, name: found.name, nameEn: found.nameEn };
  return db.withTenant(tenant.id, async (tx) => {
    const invitation = await usableInvitation(tx, tenant.id, token);
    if (!invitation) return { tenant, view: { state: "invalid" as const }, nomination: null };
    const { email, roles } = invitation;
    const nomination = await nominationOf(tx, invitation);
    if (signedInUser) {
      const state = signedInUser.email === email ? ("ready" as const) : ("wrong_account" as const);
      return { tenant, view: { state, roles }, nomination };
    }
    const account = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const view: InvitationView = account
      ? { state: "sign_in_first", email, roles }
      : { state: "new_account", email, roles };
    return { tenant, view, nomination };
  });
}

async function nominationOf(
  tx: TenantDb,
  invitation: { tenantId: string; staffMemberId: string | null; cohortId: string | null },
): Promise<NominationInvitationView | null> {
  const { tenantId, staffMemberId, cohortId } = invitation;
  if (!staffMemberId || !cohortId) return null;
  const staff = await tx.staffMember.findFirst({
    where: { tenantId, id: staffMemberId },
    select: { name: true },
  });
  const cohort = await tx.cohort.findFirst({ where: { tenantId, id: cohortId }, select: { title: true } });
  return staff && cohort ? { cohortId, cohortTitle: cohort.title, name: staff.name } : null;
}
