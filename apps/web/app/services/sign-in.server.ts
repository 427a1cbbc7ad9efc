import { verifyPassword } from "@mentoring/auth";
import { RateLimiterRedis } from "rate-limiter-flexible";
import type { Services } from "./services.server";

/**
 * Password sign-in, throttled: five failures for one account, or twenty from one address, within
 * fifteen minutes block further attempts for fifteen minutes. Success clears the account's count.
 */
export const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 20;
const WINDOW_SECONDS = 15 * 60;

const limiters = new WeakMap<Services, { account: RateLimiterRedis; ip: RateLimiterRedis }>();

function limitersFor(services: Services) {
  let pair = limiters.get(services);
  if (!pair) {
    const common = { storeClient: services.redis, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    pair = {
      account: new RateLimiterRedis({
        ...common,
        keyPrefix: `${services.config.QUEUE_PREFIX}:signin:account`,
        points: MAX_FAILURES_PER_ACCOUNT,
      }),
      ip: new RateLimiterRedis({
        ...common,
        keyPrefix: `${services.config.QUEUE_PREFIX}:signin:ip`,
        points: MAX_FAILURES_PER_IP,
      }),
    };
    limiters.set(services, pair);
  }
  return pair;
}

export type SignInResult =
  | { ok: true; userId: string; locale: string | null }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

function minutesUntil(ms: number) {
  return Math.max(1, Math.ceil(ms / 60_000));
}

export async function signIn(
  services: Services,
  email: string,
  password: string,
  ip: string,
): Promise<SignInResult> {
  const { account, ip: byIp } = limitersFor(services);
  const accountKey = email.toLowerCase();
  const [accountState, ipState] = await Promise.all([account.get(accountKey), byIp.get(ip)]);
  const blocked = [
    accountState && accountState.consumedPoints >= MAX_FAILURES_PER_ACCOUNT ? accountState.msBeforeNext : 0,
    ipState && ipState.consumedPoints >= MAX_FAILURES_PER_IP ? ipState.msBeforeNext : 0,
  ];
  const wait = Math.max(...blocked);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(wait) };

  const user = await services.db.platform.user.findUnique({
    where: { email: accountKey },
    select: { id: true, passwordHash: true, locale: true },
  });
  if (user && (await verifyPassword(user.passwordHash, password))) {
    await account.delete(accountKey);
    return { ok: true, userId: user.id, locale: user.locale };
  }
  if (!user) await verifyPassword(null, password);

  const [afterAccount, afterIp] = await Promise.all([account.penalty(accountKey, 1), byIp.penalty(ip, 1)]);
  if (
    afterAccount.consumedPoints >= MAX_FAILURES_PER_ACCOUNT ||
    afterIp.consumedPoints >= MAX_FAILURES_PER_IP
  ) {
    await Promise.all([
      afterAccount.consumedPoints >= MAX_FAILURES_PER_ACCOUNT
        ? account.block(accountKey, WINDOW_SECONDS)
        : null,
      afterIp.consumedPoints >= MAX_FAILURES_PER_IP ? byIp.block(ip, WINDOW_SECONDS) : null,
    ]);
    return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(WINDOW_SECONDS * 1000) };
  }
  return { ok: false, reason: "invalid" };
}
