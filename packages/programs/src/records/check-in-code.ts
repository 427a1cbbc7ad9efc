import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a check-in code shown on the coordinator's screen works. */
export const CHECK_IN_MINUTES = 15;

/** What a code checks people in to: one calendar item (a training, an event), or a cohort's ceremony. */
export type CheckInTarget = { itemId: string } | { ceremonyId: string };

const subject = (target: CheckInTarget) =>
  "itemId" in target ? `item|${target.itemId}` : `ceremony|${target.ceremonyId}`;

const signature = (secret: string, tenantId: string, target: CheckInTarget, until: number) =>
  createHmac("sha256", secret)
    .update(`check-in|${tenantId}|${subject(target)}|${until}`)
    .digest("base64url");

/**
 * A code for checking in to one item or ceremony of one tenant until a moment: "<until>.<signature>".
 * Shown as a QR code on the coordinator's screen; it cannot be used for another item, ceremony or tenant,
 * nor after `until`.
 */
export function issueCheckInCode(input: { secret: string; tenantId: string; now: Date } & CheckInTarget) {
  const until = Math.floor(input.now.getTime() / 1000) + CHECK_IN_MINUTES * 60;
  return {
    code: `${until}.${signature(input.secret, input.tenantId, input, until)}`,
    until: new Date(until * 1000),
  };
}

/** "valid", "expired", or "invalid" (not a code of this item or ceremony and tenant). */
export function readCheckInCode(
  input: { secret: string; tenantId: string; code: string; now: Date } & CheckInTarget,
): "valid" | "expired" | "invalid" {
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(input.code);
  if (!match) return "invalid";
  const until = Number(match[1]);
  const expected = Buffer.from(signature(input.secret, input.tenantId, input, until));
  const given = Buffer.from(match[2] as string);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return input.now.getTime() / 1000 > until ? "expired" : "valid";
}
