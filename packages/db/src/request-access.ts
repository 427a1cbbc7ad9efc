import type { MembershipRole, PlatformRole, TenantStatus } from "./generated/prisma/client";
import type { Sql } from "./tenant-sql";

/** Who a request comes from, read from its session: the user, and their membership in the tenant named. */
export interface RequestAccess {
  user: {
    id: string;
    email: string;
    displayName: string;
    locale: string | null;
    platformRole: PlatformRole | null;
  };
  /** The tenant of the address, when it exists (whatever its status), else null. */
  tenant: {
    id: string;
    slug: string;
    name: string;
    nameEn: string | null;
    status: TenantStatus;
    timeZone: string;
    locale: string;
    brandColor: string | null;
    subscriptionStatus: string | null;
    pastDueSince: Date | null;
    trialEndsAt: Date | null;
  } | null;
  /**
   * The user's membership in that tenant, or null; with how many of their notices there are unread (the
   * bell on every page).
   */
  membership: {
    id: string;
    roles: MembershipRole[];
    staffMemberId: string | null;
    unreadNotifications: number;
  } | null;
}

interface Row {
  user_id: string;
  email: string;
  display_name: string;
  user_locale: string | null;
  platform_role: RequestAccess["user"]["platformRole"];
  tenant_id: string | null;
  slug: string | null;
  name: string | null;
  name_en: string | null;
  status: TenantStatus | null;
  time_zone: string | null;
  tenant_locale: string | null;
  brand_color: string | null;
  subscription_status: string | null;
  past_due_since: Date | null;
  trial_ends_at: Date | null;
  membership_id: string | null;
  roles: MembershipRole[] | null;
  staff_member_id: string | null;
  unread_notifications: number | null;
}

/**
 * The session with this token hash (live: not revoked, not expired), its user, the tenant at `tenantSlug`
 * and the user's membership there, in one statement: a page's layout and the page itself share it, so a
 * request pays one round trip to learn who asks. The membership comes through session_membership()
 * (src/provision.ts), which answers only for the session's own user: no tenant context is needed; the
 * count of their unread notices through session_unread_notifications(), the same way.
 * Null when there is no such session.
 */
export async function findRequestAccess(
  platformSql: Sql,
  { tokenHash, tenantSlug }: { tokenHash: string; tenantSlug: string | null },
): Promise<RequestAccess | null> {
  const {
    rows: [row],
  } = await platformSql.query<Row>(
    `
    select u.id as user_id, u.email, u.display_name, u.locale as user_locale,
      u.platform_role::text as platform_role,
      t.id as tenant_id, t.slug, t.name, t.name_en, t.status::text as status, t.time_zone,
      t.locale as tenant_locale, t.brand_color, t.subscription_status, t.past_due_since, t.trial_ends_at,
      m.id as membership_id, m.roles::text[] as roles, m.staff_member_id,
      case when m.staff_member_id is null then 0
        else public.session_unread_notifications(s.token_hash, t.id) end as unread_notifications
    from public.sessions s
    join public.users u on u.id = s.user_id
    left join public.tenants t on t.slug = $2
    left join lateral public.session_membership(s.token_hash, t.id) m on true
    where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [tokenHash, tenantSlug],
  );
  if (!row) return null;
  return {
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      locale: row.user_locale,
      platformRole: row.platform_role,
    },
    tenant:
      row.tenant_id === null
        ? null
        : {
            id: row.tenant_id,
            slug: row.slug as string,
            name: row.name as string,
            nameEn: row.name_en,
            status: row.status as TenantStatus,
            timeZone: row.time_zone as string,
            locale: row.tenant_locale as string,
            brandColor: row.brand_color,
            subscriptionStatus: row.subscription_status,
            pastDueSince: row.past_due_since,
            trialEndsAt: row.trial_ends_at,
          },
    membership:
      row.membership_id === null
        ? null
        : {
            id: row.membership_id,
            roles: row.roles ?? [],
            staffMemberId: row.staff_member_id,
            unreadNotifications: row.unread_notifications ?? 0,
          },
  };
}
