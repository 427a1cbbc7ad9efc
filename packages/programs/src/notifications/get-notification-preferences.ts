import { NotificationKind, type TenantDb } from "@mentoring/db";

export interface NotificationChoice {
  kind: NotificationKind;
  email: boolean;
  inApp: boolean;
}

/** A person's choice for every kind of notice, in the order the page lists them: both on unless switched off. */
export async function getNotificationPreferences(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<NotificationChoice[]> {
  const { tenantId, staffMemberId } = input;
  const saved = new Map(
    (
      await tx.notificationPreference.findMany({
        where: { tenantId, staffMemberId },
        select: { kind: true, email: true, inApp: true },
      })
    ).map((choice) => [choice.kind, choice]),
  );
  return Object.values(NotificationKind).map((kind) => ({
    kind,
    email: saved.get(kind)?.email ?? true,
    inApp: saved.get(kind)?.inApp ?? true,
  }));
}
