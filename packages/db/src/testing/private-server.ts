import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect } from "../provision";
import {
  freePort,
  giveToPostgres,
  newestInstalledMajor,
  run,
  runAsync,
  serverPrograms,
  waitUntil,
} from "./postgres-programs";

/**
 * A PostgreSQL server of a test's own: a new cluster (initdb) in a temporary folder, on a free port of
 * 127.0.0.1 with trust authentication, removed when stopped or when the process exits. For what a test
 * must not do to the machine's shared server (other tests and CI use it): restart it, for one
 * (`npm run faults:topology`). Empty but for its superuser `postgres`: provision it (provisionDatabase)
 * with URLs pointed at it by `urlOf`.
 */
export interface PrivateServer {
  port: number;
  /** The temporary folder holding its data, socket and log: gone once stopped. */
  folder: string;
  /** The superuser's URL, to the `postgres` database. */
  adminUrl: string;
  /** `url` (any role, any database) with this server's host and port. */
  urlOf(url: string): string;
  /**
   * pg_ctl stop -m fast (sessions ended, 57P01 to their clients), `downMs` with no server, then started
   * again; resolves once it accepts connections. Does not block the event loop: a load may run meanwhile.
   */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Its server log so far, for a failure message. */
  log(): string;
  stop(): Promise<void>;
}

export async function startPrivateServer(): Promise<PrivateServer> {
  const BIN = serverPrograms(newestInstalledMajor());
  const folder = mkdtempSync(path.join(os.tmpdir(), "mentoring-private-pg-"));
  const data = path.join(folder, "data");
  const logFile = path.join(folder, "server.log");
  giveToPostgres(folder);
  const port = await freePort();
  let running = false;
  const stopNow = () => {
    if (running) {
      running = false;
      try {
        run(`${BIN}/pg_ctl`, ["-D", data, "-m", "immediate", "stop"], true);
      } catch {
        // Stopped already: nothing left to stop.
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };
  // A process that ends without stopping it (a failed step, Ctrl-C) leaves no server running behind it.
  process.once("exit", stopNow);
  const log = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
  const startArgs = ["-D", data, "-l", logFile, "-w", "-t", "60", "start"];
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const accepting = () =>
    waitUntil(
      async () => {
        const client = await connect(adminUrl);
        await client.end();
        return true;
      },
      30_000,
      `the private PostgreSQL on port ${port} should have accepted connections`,
    );

  try {
    // --no-sync and fsync off: a test's cluster need not survive the machine's crash; commits still wait for
    // their WAL write (synchronous_commit stays on), so a fast shutdown loses no committed write.
    // C.UTF-8, as the machine's own cluster.
    run(
      `${BIN}/initdb`,
      ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
      true,
    );
    writeFileSync(
      path.join(data, "postgresql.conf"),
      [
        readFileSync(path.join(data, "postgresql.conf"), "utf8"),
        "# The private server of a test (packages/db/src/testing/private-server.ts):",
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        // Its socket in its own folder: nothing of it left in /var/run/postgresql.
        `unix_socket_directories = '${folder}'`,
        "max_connections = 200",
        "shared_buffers = 64MB",
        "fsync = off",
        "full_page_writes = off",
        "",
      ].join("\n"),
    );
    run(`${BIN}/pg_ctl`, startArgs, true);
    running = true;
    await accepting();
  } catch (error) {
    process.removeListener("exit", stopNow);
    const tail = log().slice(-2_000);
    stopNow();
    throw new Error(`${(error as Error).message}${tail ? `\n${tail}` : ""}`);
  }

  return {
    port,
    folder,
    adminUrl,
    urlOf(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    async restart({ downMs = 0 } = {}) {
      await runAsync(`${BIN}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"], true);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await runAsync(`${BIN}/pg_ctl`, startArgs, true);
      await accepting();
    },
    log,
    async stop() {
      process.removeListener("exit", stopNow);
      stopNow();
    },
  };
}
