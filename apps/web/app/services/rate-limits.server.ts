import { AppError } from "@mentoring/domain";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import type { Services } from "./services.server";

/**
 * Every rate limit of the web app, in one place. Counters live in Redis, shared by every web process. When
 * Redis cannot be reached each limiter falls back to a stricter counter in this process's memory (logged),
 * so that an outage neither signs anyone out of the platform nor lifts the limits: each process counts for
 * itself then, hence the smaller numbers.
 */

interface Rule {
  /** Attempts (for sign-in: wrong passwords) allowed within the window. */
  points: number;
  windowSeconds: number;
  /** The same, counted by one process while Redis is away. */
  fallbackPoints: number;
}

const QUARTER_HOUR = 15 * 60;

export const limitRules = {
  /** Wrong passwords from one address, whichever accounts: then the address waits out the window. */
  signInAddress: { points: 20, windowSeconds: QUARTER_HOUR, fallbackPoints: 10 },
  /** Wrong passwords for one account from one address: then that address waits, for that account only. */
  signInAccountAddress: { points: 5, windowSeconds: QUARTER_HOUR, fallbackPoints: 3 },
  /**
   * Wrong passwords for one account from every address together. Past this the account is slowed, never
   * locked: one attempt per `signInPace` window, from anywhere, so its owner still gets in.
   */
  signInAccount: { points: 10, windowSeconds: QUARTER_HOUR, fallbackPoints: 5 },
  signInPace: { points: 1, windowSeconds: 30, fallbackPoints: 1 },
  /** The owner of a throttled account is told once within this window, however long an attack lasts. */
  signInNotice: { points: 1, windowSeconds: 60 * 60, fallbackPoints: 1 },
  /** Password reset mails asked for from one address, and for one address. */
  passwordResetAddress: { points: 5, windowSeconds: QUARTER_HOUR, fallbackPoints: 3 },
  passwordResetEmail: { points: 3, windowSeconds: 60 * 60, fallbackPoints: 2 },
  /** Organisations' applications from one address. */
  signupAddress: { points: 5, windowSeconds: 60 * 60, fallbackPoints: 3 },
  /** Certificate checks from one address. */
  verifyAddress: { points: 30, windowSeconds: 60, fallbackPoints: 15 },
} as const satisfies Record<string, Rule>;

type LimitName = keyof typeof limitRules;

/** Seconds to wait, as a refusal says it (Retry-After) and shows it (whole minutes, at least one). */
export interface Wait {
  seconds: number;
  minutes: number;
}

export function waitOf(ms: number): Wait {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return { seconds, minutes: Math.max(1, Math.ceil(seconds / 60)) };
}

/** The refusal of a request over its limit: 429, the wait in its message and in Retry-After. */
export function tooManyRequests(wait: Wait): AppError {
  return new AppError("rate_limit.exceeded", { minutes: wait.minutes }, { retryAfterSeconds: wait.seconds });
}

const WARN_EVERY_MS = 60_000;

/** The in-process stand-in for a limiter while Redis is away; says so in the log, once a minute at most. */
class FallbackLimiter extends RateLimiterMemory {
  private warnedAt = 0;

  constructor(
    rule: Rule,
    private readonly name: string,
    private readonly log: Logger,
  ) {
    super({ points: rule.fallbackPoints, duration: rule.windowSeconds, keyPrefix: name });
  }

  private warn() {
    const now = Date.now();
    if (now - this.warnedAt < WARN_EVERY_MS) return;
    this.warnedAt = now;
    this.log.warn(
      { limit: this.name },
      "rate limit counted in this process: Redis is unreachable, so stricter per-process limits apply",
    );
  }

  override consume(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.warn();
    return super.consume(key, points, options);
  }

  override penalty(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.warn();
    return super.penalty(key, points, options);
  }

  override get(key: string | number, options?: Record<string, unknown>) {
    this.warn();
    return super.get(key, options);
  }

  override block(key: string | number, seconds: number, options?: Record<string, unknown>) {
    this.warn();
    return super.block(key, seconds, options);
  }

  override delete(key: string | number, options?: Record<string, unknown>) {
    this.warn();
    return super.delete(key, options);
  }
}

type Limiters = Record<LimitName, RateLimiterRedis>;

const created = new WeakMap<Services, Limiters>();

function limitersOf(services: Services): Limiters {
  let limiters = created.get(services);
  if (!limiters) {
    const entries = Object.entries(limitRules).map(([name, rule]) => [
      name,
      new RateLimiterRedis({
        storeClient: services.redis,
        keyPrefix: `${services.config.QUEUE_PREFIX}:limit:${name}`,
        points: rule.points,
        duration: rule.windowSeconds,
        // A connection that is down answers from the fallback at once instead of waiting on Redis.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new FallbackLimiter(rule, name, services.log),
      }),
    ]);
    limiters = Object.fromEntries(entries) as Limiters;
    created.set(services, limiters);
  }
  return limiters;
}

/**
 * Whether a counter has reached its limit: the milliseconds until it frees, else 0. Judged by the points
 * left, which the answering limiter (Redis or the fallback, each with its own limit) works out.
 */
function reached(state: RateLimiterRes | null): number {
  return state && state.remainingPoints <= 0 ? Math.max(state.msBeforeNext, 1) : 0;
}

/** Takes one point of `name` for `key`: null when taken, else the wait until one is free. */
async function tryTake(services: Services, name: LimitName, key: string): Promise<Wait | null> {
  try {
    await limitersOf(services)[name].consume(key);
    return null;
  } catch (refusal) {
    if (refusal instanceof Error) throw refusal;
    return waitOf((refusal as RateLimiterRes).msBeforeNext);
  }
}

/** Takes one point of `name` for `key`; over the limit, refuses with 429 (and nothing else is done). */
async function take(services: Services, name: LimitName, key: string): Promise<void> {
  const wait = await tryTake(services, name, key);
  if (wait) throw tooManyRequests(wait);
}

const accountKey = (email: string) => email.trim().toLowerCase();
const accountAddressKey = (email: string, address: string) => `${accountKey(email)} ${address}`;

/**
 * Password sign-in. A stranger's wrong passwords lock out the stranger's address, not the account: the
 * owner, elsewhere, still signs in. Many addresses together only slow the account down.
 */
export const signInLimits = {
  /** Before checking a password: the wait when this attempt may not be made now, else null. */
  async before(services: Services, { email, address }: { email: string; address: string }) {
    const limiters = limitersOf(services);
    const [byAddress, byAccountAddress, byAccount] = await Promise.all([
      limiters.signInAddress.get(address),
      limiters.signInAccountAddress.get(accountAddressKey(email, address)),
      limiters.signInAccount.get(accountKey(email)),
    ]);
    const blocked = Math.max(reached(byAddress), reached(byAccountAddress));
    if (blocked > 0) return waitOf(blocked);
    return reached(byAccount) > 0 ? tryTake(services, "signInPace", accountKey(email)) : null;
  },

  /**
   * Counts a wrong password. Returns the wait when this failure locked the address out, and whether the
   * account's owner is to be told that it is throttled (once an hour at most).
   */
  async failed(services: Services, { email, address }: { email: string; address: string }) {
    const limiters = limitersOf(services);
    const [byAddress, byAccountAddress, byAccount] = await Promise.all([
      limiters.signInAddress.penalty(address),
      limiters.signInAccountAddress.penalty(accountAddressKey(email, address)),
      limiters.signInAccount.penalty(accountKey(email)),
    ]);
    const addressFull = reached(byAddress) > 0;
    const accountAddressFull = reached(byAccountAddress) > 0;
    await Promise.all([
      addressFull ? limiters.signInAddress.block(address, QUARTER_HOUR) : null,
      accountAddressFull
        ? limiters.signInAccountAddress.block(accountAddressKey(email, address), QUARTER_HOUR)
        : null,
    ]);
    const accountThrottled = accountAddressFull || reached(byAccount) > 0;
    const notifyOwner =
      accountThrottled && (await tryTake(services, "signInNotice", accountKey(email))) === null;
    return { wait: addressFull || accountAddressFull ? waitOf(QUARTER_HOUR * 1000) : null, notifyOwner };
  },

  /** A right password: this address starts afresh for this account. */
  async succeeded(services: Services, { email, address }: { email: string; address: string }) {
    await limitersOf(services).signInAccountAddress.delete(accountAddressKey(email, address));
  },

  /**
   * After the owner set a new password: the account is no longer slowed, and the address they did it
   * from may sign in again. Other addresses' locks stay: they were not the owner's.
   */
  async lift(services: Services, { email, address }: { email: string; address: string }) {
    const limiters = limitersOf(services);
    await Promise.all([
      limiters.signInAccount.delete(accountKey(email)),
      limiters.signInPace.delete(accountKey(email)),
      limiters.signInAccountAddress.delete(accountAddressKey(email, address)),
    ]);
  },
};

/** Asking for a password reset mail: per address, and per e-mail address asked for. */
export async function limitPasswordResetRequest(
  services: Services,
  { email, address }: { email: string; address: string },
) {
  await take(services, "passwordResetAddress", address);
  await take(services, "passwordResetEmail", accountKey(email));
}

/** An organisation's application at /signup, per address. */
export async function limitSignup(services: Services, { address }: { address: string }) {
  await take(services, "signupAddress", address);
}

/** The public certificate check at /verify, per address. */
export async function limitVerification(services: Services, { address }: { address: string }) {
  await take(services, "verifyAddress", address);
}
