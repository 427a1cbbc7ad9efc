import type { listMembers } from "@mentoring/tenants";
import { formatDateTime } from "../services/format.server";

type Members = Awaited<ReturnType<typeof listMembers>>;

/** The members page: members as they are, open invitations with their expiry worded. */
export function presentMembers({ members, invitations }: Members, locale: string, timeZone: string) {
  return {
    members,
    invitations: invitations.map((invitation) => ({
      ...invitation,
      expiresOn: formatDateTime(invitation.expiresAt, locale, timeZone, { dateStyle: "medium" }),
    })),
  };
}
