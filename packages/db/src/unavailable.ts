/**
 * Whether an error says the database could not be reached or the connection was lost (PostgreSQL or the
 * pooler in front of it restarting, a network cut), as opposed to a query that failed on its own merits.
 * The first kind passes by itself: a request that met it is answered "unavailable, try again" (503), not
 * as a fault of the app (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const { code, kind, message, meta, cause } = current as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
      cause?: unknown;
    };
    if (typeof code === "string" && (SOCKET_CODES.has(code) || isConnectionSqlState(code))) return true;
    if (typeof code === "string" && PRISMA_CONNECTION_CODES.has(code)) return true;
    // A failed COMMIT reaches the caller as the adapter's own error, its kind in `cause`, unwrapped.
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    const adapterCause = meta?.driverAdapterError?.cause;
    if (typeof adapterCause?.kind === "string" && ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (typeof adapterCause?.code === "string" && isConnectionSqlState(adapterCause.code)) return true;
    if (typeof message === "string" && PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message)))
      return true;
    current = cause;
  }
  return false;
}

/** Node's codes of a connection refused, reset or timed out. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/**
 * SQLSTATE class 08 (connection exception; PgBouncer's own errors to a client arrive as 08P01), and the
 * server shutting down or starting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
 */
const isConnectionSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code);

/** Prisma's: cannot reach the server, timed out reaching it, the server closed the connection. */
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1017"]);

/** The pg adapter's names for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

/** pg's messages for a connection lost without a code. */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /timeout exceeded when trying to connect/,
  /^Client was closed and is not queryable/,
];
