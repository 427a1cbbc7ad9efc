import type { Database } from "@mentoring/db";
import type { TenantRole } from "@mentoring/domain";
import { usableInvitation } from "../records/invitation";

export type InvitationView =
  | { state: "invalid" }
  | { state: "new_account"; email: string; roles: TenantRole[] }
  | { state: "sign_in_first"; email: string; roles: TenantRole[] }
  | { state: "wrong_account"; roles: TenantRole[] }
  | { state: "ready"; roles: TenantRole[] };

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
): Promise<{ tenant: InvitingTenantView; view: InvitationView } | null> {
  const { slug, token, signedInUser } = input;
  const found = await db.platform.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, nameEn: true, status: true },
  });
  if (!found || found.status === "closed") return null;
  const tenant = { id: found.id, slug: found.slug, name: found.name, nameEn: found.nameEn };
  const view = await db.withTenant(tenant.id, async (tx): Promise<InvitationView> => {
    const invitation = await usableInvitation(tx, tenant.id, token);
    if (!invitation) return { state: "invalid" };
    const { email, roles } = invitation;
    if (signedInUser)
      return signedInUser.email === email ? { state: "ready", roles } : { state: "wrong_account", roles };
    const account = await tx.user.findUnique({ where: { email }, select: { id: true } });
    return account ? { state: "sign_in_first", email, roles } : { state: "new_account", email, roles };
  });
  return { tenant, view };
}
