import pg from "pg";

/**
 * The readiness check's own connection to the database, beside the process's pool. Asked through the pool,
 * `select 1` waited behind every request queued for a connection: under load the check took longer than
 * the proxy allows, and the proxy took busy but healthy web processes out of rotation (both at once in the
 * fault test, every request then refused). This connection answers whether the database (or PgBouncer in
 * front of it) takes a query now, whatever the pool's queue; one that broke is dropped and the next check
 * connects again.
 */
export interface DatabaseProbe {
  /** Resolves when the database answered `select 1` within `timeoutMs`; rejects with why not. */
  check(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * One connection of its own, outside every pool, for the questions a process asks about its database
 * (readiness, replication lag) that must not wait in the pool's queue: opened on first use, each query
 * bounded by a timeout, dropped when it broke or timed out and opened again by the next query.
 */
export interface OwnConnection {
  /** The rows of `text`, answered within `timeoutMs` (connecting included); rejects with why not. */
  query<Row extends pg.QueryResultRow>(text: string, values: unknown[], timeoutMs: number): Promise<Row[]>;
  close(): Promise<void>;
}

export function createOwnConnection(url: string, applicationName: string): OwnConnection {
  let client: Promise<pg.Client> | null = null;
  const drop = (broken: Promise<pg.Client>) => {
    if (client === broken) client = null;
    void broken.then((connection) => connection.end()).catch(() => {});
  };
  const connected = (timeoutMs: number) => {
    if (!client) {
      const connection = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: timeoutMs,
        application_name: applicationName,
      });
      const opening: Promise<pg.Client> = connection.connect().then(() => connection);
      // A connection ended by the server between two queries must not end the process.
      connection.on("error", () => drop(opening));
      client = opening;
    }
    return client;
  };
  return {
    async query<Row extends pg.QueryResultRow>(text: string, values: unknown[], timeoutMs: number) {
      const current = connected(timeoutMs);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const result = await Promise.race([
          current.then((connection) => connection.query<Row>(text, values)),
          timedOut,
        ]);
        return result.rows;
      } catch (error) {
        drop(current);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      const current = client;
      client = null;
      if (current) await current.then((connection) => connection.end()).catch(() => {});
    },
  };
}

export function createDatabaseProbe(url: string): DatabaseProbe {
  const connection = createOwnConnection(url, "readiness");
  return {
    async check(timeoutMs = 2_000) {
      await connection.query("select 1", [], timeoutMs);
    },
    close: () => connection.close(),
  };
}
