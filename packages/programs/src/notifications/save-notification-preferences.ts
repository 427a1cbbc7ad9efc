import { NotificationKind, type TenantDb } from "@mentoring/db";

/**
 * Saves a person's choices: for each kind, whether it comes by mail and whether it shows in the app. A
 * kind not named is switched off on the channels not listed for it: the form sends the boxes left ticked.
 * Only the kinds switched off somewhere are kept (no row means both on).
 */
export async function saveNotificationPreferences(
  tx: TenantDb,
  input: {
    tenantId: string;
    staffMemberId: string;
    /** The kinds to receive by mail, and the kinds to see in the app. */
    email: readonly NotificationKind[];
    inApp: readonly NotificationKind[];
  },
): Promise<{ switchedOff: number }> {
  const { tenantId, staffMemberId } = input;
  const email = new Set(input.email);
  const inApp = new Set(input.inApp);
  const off = Object.values(NotificationKind)
    .map((kind) => ({ kind, email: email.has(kind), inApp: inApp.has(kind) }))
    .filter((choice) => !choice.email || !choice.inApp);
  await tx.notificationPreference.deleteMany({ where: { tenantId, staffMemberId } });
  if (off.length > 0)
    await tx.notificationPreference.createMany({
      data: off.map((choice) => ({ tenantId, staffMemberId, ...choice })),
    });
  return { switchedOff: off.length };
}
