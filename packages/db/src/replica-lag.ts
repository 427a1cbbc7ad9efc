import { createOwnConnection } from "./probe";

/** How far the read replica's replay is behind the primary, as the metrics endpoints report it. */
export interface ReplicaLag {
  /** 1 when the primary and the replica both answered within the timeout, 0 otherwise. */
  up: 0 | 1;
  /**
   * Seconds since the primary committed the last transaction the replica has replayed, while the replica
   * has not replayed everything the primary had written when asked; 0 once it has. NaN when not answered.
   */
  seconds: number;
  /** Bytes of the primary's WAL the replica had not replayed when asked. NaN when not answered. */
  bytes: number;
}

export interface ReplicaLagReader {
  /** The lag now, read within `timeoutMs`; never rejects (a replica away is `up: 0`). */
  read(timeoutMs?: number): Promise<ReplicaLag>;
  close(): Promise<void>;
}

/** How long a scrape waits for the two answers: Prometheus's own scrape timeout is 10 s by default. */
export const REPLICA_LAG_TIMEOUT_MS = 2_000;

/**
 * Reads the read replica's lag (ADR 0028) on two connections of its own, one to the primary and one to the
 * replica, outside the pools: a scrape does not wait behind the requests queued for a pooled connection,
 * and a replica that hangs does not hold one. The primary's WAL position is read first, then what the
 * replica has replayed of it. Without a write since the replica replayed the last one, the lag is 0
 * however long ago that was (PostgreSQL's pg_last_xact_replay_timestamp() alone would grow while the
 * primary is idle); a record written between the two reads can show one scrape a lag as old as the last
 * commit, which an alert's "for 5 minutes" lets pass. Reads asked for while one runs share its answer
 * (one scrape asks once for its three figures).
 */
export function createReplicaLagReader(primaryUrl: string, replicaUrl: string): ReplicaLagReader {
  const primary = createOwnConnection(primaryUrl, "metrics");
  const replica = createOwnConnection(replicaUrl, "metrics");
  let running: Promise<ReplicaLag> | null = null;
  const measure = async (timeoutMs: number): Promise<ReplicaLag> => {
    const deadline = Date.now() + timeoutMs;
    try {
      const [written] = await primary.query<{ lsn: string }>(
        "select pg_current_wal_lsn()::text as lsn",
        [],
        timeoutMs,
      );
      // On a server that is not in recovery (a replica URL naming a primary) nothing is replayed: no lag.
      const [lag] = await replica.query<{ seconds: number | null; bytes: number }>(
        `select case when coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) then 0
                     when pg_last_xact_replay_timestamp() is null then null
                     else greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp())) end::float8
                  as seconds,
                greatest(0, coalesce(pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()), 0))::float8 as bytes`,
        [written?.lsn],
        Math.max(1, deadline - Date.now()),
      );
      // Behind, with no transaction replayed since the replica started: how long is not known.
      return { up: 1, seconds: lag?.seconds ?? Number.NaN, bytes: lag?.bytes ?? Number.NaN };
    } catch {
      return { up: 0, seconds: Number.NaN, bytes: Number.NaN };
    }
  };
  return {
    read(timeoutMs = REPLICA_LAG_TIMEOUT_MS) {
      if (!running)
        running = measure(timeoutMs).finally(() => {
          running = null;
        });
      return running;
    },
    async close() {
      await Promise.all([primary.close(), replica.close()]);
    },
  };
}
