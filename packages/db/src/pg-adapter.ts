import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * Prisma's PostgreSQL adapter on a pool that survives connections the server ends (a restart, a
 * failover, an administrator), in two ways the adapter alone does not:
 * - every connection is listened to for its whole life: the pool and the adapter listen only while it is
 *   idle or in a transaction, and an unheard 'error' event between two queries ends the process;
 * - a transaction whose COMMIT or ROLLBACK fails still hands its connection back (Prisma releases it only
 *   after the statement succeeded): the pool drops the broken connection instead of keeping it checked
 *   out forever, which after a few outages left no connection to work with.
 */
export function createPgAdapter(
  url: string,
  pooling: { size: number; idleSeconds: number },
  onConnectionError?: (error: Error) => void,
  onStatement?: (sql: string) => void,
): { adapter: PrismaPg; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: pooling.size,
    idleTimeoutMillis: pooling.idleSeconds * 1000,
  });
  pool.on("connect", (connection) => {
    connection.on("error", (error) => onConnectionError?.(error));
    if (onStatement) observeStatements(connection, onStatement);
  });
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      releasedEvenWhenEndFails(await startTransaction(isolationLevel));
    return adapter;
  };
  return { adapter: factory, pool };
}

function releasedEvenWhenEndFails(transaction: Transaction): Transaction {
  // The adapter's commit() and rollback() only hand the connection back: the SQL goes through executeRaw.
  const handBack = transaction.rollback.bind(transaction);
  let handedBack = false;
  const handBackOnce = async () => {
    if (handedBack) return;
    handedBack = true;
    await handBack();
  };
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.commit = handBackOnce;
  transaction.rollback = handBackOnce;
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (/^\s*(COMMIT|ROLLBACK)\s*$/i.test(query.sql)) await handBackOnce();
      throw error;
    }
  };
  return transaction;
}

/** Tells `onStatement` the text of every statement the connection sends: one call, one round trip. */
function observeStatements(connection: pg.PoolClient, onStatement: (sql: string) => void): void {
  const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
  (connection as { query: unknown }).query = (...args: unknown[]) => {
    const [first] = args;
    const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
    if (text !== undefined) onStatement(text);
    return query(...args);
  };
}
