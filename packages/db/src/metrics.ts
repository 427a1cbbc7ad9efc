import { Gauge, type Registry } from "prom-client";
import type { PoolUse } from "./database";
import type { ReplicaLagReader } from "./replica-lag";

/**
 * The database's figures on a process's Prometheus registry, the same on the web and the worker: the
 * pool's use, and the read replica's lag when one is configured (read from both servers when scraped).
 */
export function registerDatabaseGauges(
  registry: Registry,
  poolUse: () => PoolUse,
  replicaLag?: ReplicaLagReader,
): void {
  new Gauge({
    name: "db_pool_connections",
    help: "Database connections of this process's pool: open, idle, most allowed, and queries waiting",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const use = poolUse();
      this.set({ state: "open" }, use.open);
      this.set({ state: "idle" }, use.idle);
      this.set({ state: "max" }, use.max);
      this.set({ state: "waiting" }, use.waiting);
    },
  });
  if (!replicaLag) return;
  new Gauge({
    name: "db_replica_up",
    help: "1 when the primary and the read replica answered the lag query within its timeout, else 0",
    registers: [registry],
    async collect() {
      this.set((await replicaLag.read()).up);
    },
  });
  new Gauge({
    name: "db_replica_replay_lag_seconds",
    help: "Seconds the read replica's replay is behind the primary (0 caught up, NaN not answered)",
    registers: [registry],
    async collect() {
      this.set((await replicaLag.read()).seconds);
    },
  });
  new Gauge({
    name: "db_replica_replay_lag_bytes",
    help: "Bytes of the primary's WAL the read replica has not replayed (NaN not answered)",
    registers: [registry],
    async collect() {
      this.set((await replicaLag.read()).bytes);
    },
  });
}
