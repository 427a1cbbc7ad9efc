import { Redis, type RedisOptions } from "ioredis";

/**
 * Two kinds of Redis connection, as BullMQ advises: producers fail fast (a request errors at once when
 * Redis is down, so the outbox keeps the work); workers wait and reconnect for as long as it takes.
 */
export function producerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 3_000,
    ...options,
  });
}

export function workerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectTimeout: 3_000, ...options });
}

export class RedisUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const { hostname, port } = new URL(url);
    super(
      [
        `Redis is not reachable at ${hostname}:${port || 6379} (${(cause as Error).message}).`,
        "Start it, then run the command again. On this kind of machine:",
        `  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no`,
        "With Docker: docker compose -f infra/compose.yaml up -d redis",
        "Or point REDIS_URL at a server you have.",
      ].join("\n"),
    );
    this.name = "RedisUnreachableError";
  }
}

/** Answers within a few seconds whether Redis is there, instead of retrying forever. */
export async function assertRedisReachable(url: string): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 3_000,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new RedisUnreachableError(url, error);
  } finally {
    probe.disconnect();
  }
}
