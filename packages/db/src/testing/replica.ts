import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { config } from "@mentoring/config";
import { connect } from "../provision";
import {
  freePort,
  giveToPostgres,
  run,
  serverMajorVersion,
  serverPrograms,
  waitUntil,
} from "./postgres-programs";

/**
 * A streaming replica of the local PostgreSQL cluster, made for a test and removed after it: pg_basebackup
 * of the whole cluster into a temporary folder, started as a hot standby on a free port of 127.0.0.1
 * (docs/operations.md, "Read replica"). The primary is DATABASE_ADMIN_URL's server.
 *
 * The one change made to the primary, once and only when missing: a pg_hba.conf line letting replication
 * connections in from 127.0.0.1, with the authentication the file already asks of other local connections,
 * then a configuration reload. wal_level must already allow replication ("replica", PostgreSQL's default):
 * changing it needs a restart of the server, which a test must not do to a shared machine; it says so.
 *
 * No replication slot: one left behind by a test that died would make the primary keep WAL forever. The
 * standby streams from the moment its base backup ends, long before that WAL is recycled.
 */
export interface StreamingReplica {
  port: number;
  /** `url` (any role, any database of the cluster) pointed at the replica. */
  urlOf(url: string): string;
  /** Stops replaying WAL (pg_wal_replay_pause): the replica shows the cluster as it was, and lags. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** What making it took, for docs/operations.md. */
  figures: ReplicaFigures;
  stop(): Promise<void>;
}

export interface ReplicaFigures {
  /** Bytes the base backup copied (the data folder before the replica started). */
  baseBackupBytes: number;
  baseBackupSeconds: number;
  /** From pg_ctl start to accepting connections in recovery. */
  startSeconds: number;
  /** Whether this run had to add the replication line to the primary's pg_hba.conf. */
  hbaLineAdded: boolean;
}

function folderBytes(folder: string): number {
  return Number(run("du", ["-sb", folder], false).split("\t")[0]);
}

/**
 * Lets replication connections in from 127.0.0.1 when no line of the primary's pg_hba.conf does, using the
 * authentication method of the line that admits ordinary connections from there. Serialised by an advisory
 * lock: test processes started together add it once.
 */
async function allowLocalReplication(adminUrl: string): Promise<boolean> {
  const admin = await connect(adminUrl);
  try {
    await admin.query("select pg_advisory_lock(hashtext('mentoring replica hba'))");
    const { rows: levels } = await admin.query<{ wal_level: string; senders: string }>(
      "select current_setting('wal_level') as wal_level, current_setting('max_wal_senders') as senders",
    );
    const { wal_level, senders } = levels[0] as { wal_level: string; senders: string };
    if (!["replica", "logical"].includes(wal_level) || Number(senders) < 1)
      throw new Error(
        `PostgreSQL runs with wal_level=${wal_level}, max_wal_senders=${senders}: a replica needs wal_level=replica ` +
          "and max_wal_senders of 1 or more, which take effect only after a restart of the server (set them in " +
          "postgresql.conf or a conf.d file, then restart it).",
      );
    // Lines that admit a TCP connection from 127.0.0.1: for replication, and (for its method) for databases.
    const matching = `type like 'host%' and (address in ('all', 'samehost', 'samenet') or
      (address ~ '^[0-9.]+$' and inet '127.0.0.1' & netmask::inet = address::inet & netmask::inet))`;
    const { rows: replication } = await admin.query(
      `select 1 from pg_hba_file_rules where error is null and 'replication' = any(database) and ${matching}`,
    );
    if (replication.length > 0) return false;
    const { rows: ordinary } = await admin.query<{ auth_method: string; file: string }>(
      `select auth_method, current_setting('hba_file') as file from pg_hba_file_rules
       where error is null and 'all' = any(database) and ${matching} order by line_number limit 1`,
    );
    const method = ordinary[0]?.auth_method ?? "scram-sha-256";
    const file = ordinary[0]?.file ?? (await admin.query("show hba_file")).rows[0].hba_file;
    writeFileSync(
      file,
      `${readFileSync(file, "utf8").replace(/\n?$/, "\n")}` +
        '# Added by the mentoring platform\'s read-replica test (docs/operations.md, "Read replica"):\n' +
        "# streaming replication from this host, authenticated as the connections above.\n" +
        `host    replication     all             127.0.0.1/32            ${method}\n`,
      { flag: "w" },
    );
    await admin.query("select pg_reload_conf()");
    return true;
  } finally {
    await admin.end();
  }
}

export async function startStreamingReplica(): Promise<StreamingReplica> {
  const adminUrl = config().DATABASE_ADMIN_URL;
  const primary = new URL(adminUrl);
  // pg_ctl must match the copied data folder: the primary's own major version.
  const BIN = serverPrograms(await serverMajorVersion(adminUrl));
  const hbaLineAdded = await allowLocalReplication(adminUrl);

  const folder = mkdtempSync(path.join(os.tmpdir(), "mentoring-replica-"));
  const data = path.join(folder, "data");
  giveToPostgres(folder);
  const port = await freePort();
  let started = false;
  const stopNow = () => {
    if (started) {
      started = false;
      try {
        run(`${BIN}/pg_ctl`, ["-D", data, "-m", "immediate", "stop"], true);
      } catch {
        // Stopped already: nothing left to stop.
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };
  // A test process that ends without its afterAll leaves no server running behind it.
  process.once("exit", stopNow);

  try {
    const backupStarted = Date.now();
    // -R: standby.signal and primary_conninfo written for us; -X stream: the WAL of the backup's own span
    // comes with it; --no-sync: a test's copy need not reach the disk.
    // The reload that admits replication takes effect a moment after it is asked for: a few tries.
    for (let attempt = 1; ; attempt++) {
      rmSync(data, { recursive: true, force: true });
      try {
        run(
          `${BIN}/pg_basebackup`,
          [
            "-h",
            primary.hostname,
            "-p",
            primary.port || "5432",
            "-U",
            decodeURIComponent(primary.username) || "postgres",
            "-D",
            data,
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "--no-sync",
          ],
          true,
        );
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
    const baseBackupSeconds = (Date.now() - backupStarted) / 1000;
    const baseBackupBytes = folderBytes(data);

    // Debian keeps the configuration outside the data folder: the replica gets its own, with the settings a
    // hot standby must hold at least at the primary's values.
    const admin = await connect(adminUrl);
    const { rows } = await admin
      .query<{ name: string; setting: string }>(
        `select name, setting from pg_settings where name in ('max_connections', 'max_worker_processes',
          'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction', 'hba_file', 'ident_file')`,
      )
      .finally(() => admin.end());
    const setting = (name: string) => rows.find((row) => row.name === name)?.setting as string;
    const hba = path.join(data, "pg_hba.conf");
    const ident = path.join(data, "pg_ident.conf");
    copyFileSync(setting("hba_file"), hba);
    if (existsSync(setting("ident_file"))) copyFileSync(setting("ident_file"), ident);
    else writeFileSync(ident, "");
    writeFileSync(
      path.join(data, "postgresql.conf"),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${folder}'`,
        "hot_standby = on",
        ...[
          "max_connections",
          "max_worker_processes",
          "max_wal_senders",
          "max_prepared_transactions",
          "max_locks_per_transaction",
        ].map((name) => `${name} = ${setting(name)}`),
        "shared_buffers = 32MB",
        "fsync = off",
        "",
      ].join("\n"),
    );
    if (process.getuid?.() === 0) run("chown", ["-R", "postgres:postgres", data], false);

    const startAt = Date.now();
    run(
      `${BIN}/pg_ctl`,
      ["-D", data, "-l", path.join(folder, "replica.log"), "-w", "-t", "60", "start"],
      true,
    );
    started = true;
    const replicaAdmin = (() => {
      const url = new URL(adminUrl);
      url.port = String(port);
      return url.toString();
    })();
    await waitUntil(
      async () => {
        const client = await connect(replicaAdmin);
        try {
          return (await client.query("select pg_is_in_recovery() as standby")).rows[0].standby === true;
        } finally {
          await client.end();
        }
      },
      30_000,
      "the replica should have accepted connections in recovery",
    );
    const startSeconds = (Date.now() - startAt) / 1000;

    const onReplica = async <T>(sql: string): Promise<T> => {
      const client = await connect(replicaAdmin);
      try {
        return (await client.query(sql)).rows[0] as T;
      } finally {
        await client.end();
      }
    };
    const replica: StreamingReplica = {
      port,
      urlOf(url) {
        const parsed = new URL(url);
        parsed.hostname = "127.0.0.1";
        parsed.port = String(port);
        return parsed.toString();
      },
      async pause() {
        await onReplica("select pg_wal_replay_pause()");
        await waitUntil(
          async () =>
            (await onReplica<{ state: string }>("select pg_get_wal_replay_pause_state() as state")).state ===
            "paused",
          10_000,
          "replay should have paused",
        );
      },
      async resume() {
        await onReplica("select pg_wal_replay_resume()");
      },
      async caughtUp(timeoutMs = 30_000) {
        const main = await connect(adminUrl);
        const { lsn } = (await main.query("select pg_current_wal_insert_lsn()::text as lsn")).rows[0];
        await main.end();
        await waitUntil(
          async () =>
            (
              await onReplica<{ done: boolean }>(
                `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as done`,
              )
            ).done === true,
          timeoutMs,
          `the replica should have replayed up to ${lsn}`,
        );
      },
      figures: { baseBackupBytes, baseBackupSeconds, startSeconds, hbaLineAdded },
      async stop() {
        process.removeListener("exit", stopNow);
        stopNow();
      },
    };
    return replica;
  } catch (error) {
    process.removeListener("exit", stopNow);
    const log = path.join(folder, "replica.log");
    const tail = existsSync(log) ? `\n${readFileSync(log, "utf8").slice(-2_000)}` : "";
    stopNow();
    throw new Error(`${(error as Error).message}${tail}`);
  }
}
