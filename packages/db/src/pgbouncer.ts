import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * PgBouncer in transaction pooling mode in front of one PostgreSQL server, its configuration generated into
 * a temporary folder: for the multi-process topology (scripts/topology) and for the tests that prove
 * nothing depends on a session outliving its transaction (test/transaction-pooling.test.ts).
 *
 * Every database name is passed through to the same name upstream (`* =`), so a test database works as
 * the main one does. Clients authenticate with SCRAM against the passwords of the roles given (the ones
 * in the app's URLs); PgBouncer logs in upstream with the same password, which a trust setup ignores.
 * Only the roles listed may connect.
 */
export interface PgBouncerOptions {
  /** The PostgreSQL server behind it. */
  upstream: { host: string; port: number };
  /** The roles that may connect through it, with the passwords their URLs carry. */
  users: { user: string; password: string }[];
  /** Server connections per database and role: what PostgreSQL sees however many clients connect. */
  poolSize?: number;
  /** The port to listen on (a free one unless told; a restart keeps it). */
  port?: number;
}

export interface PgBouncer {
  port: number;
  pid: number;
  /** The URL given with its host and port replaced by PgBouncer's. */
  urlFor(url: string): string;
  /** Its log so far (connections, errors), for a test's failure message or a fault report. */
  log(): string;
  /** SIGTERM (PgBouncer's immediate shutdown: clients' connections are closed), then started again. */
  restart(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"];

/** The pgbouncer binary (PGBOUNCER_BIN, Debian's place, or the PATH), or null when none is installed. */
export function findPgBouncer(): string | null {
  const fromEnv = process.env.PGBOUNCER_BIN;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const known = CANDIDATES.find((path) => existsSync(path));
  if (known) return known;
  const which = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on the port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A user PgBouncer may drop to when started as root (it refuses to run as root). */
function unprivilegedUser(): { name: string; uid: number; gid: number } {
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const name of ["nobody", "postgres"]) {
    const line = passwd.find((entry) => entry.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(":");
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error("PgBouncer does not run as root, and neither nobody nor postgres exists to run it as");
}

export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const binary = findPgBouncer();
  if (!binary)
    throw new Error(
      "pgbouncer is not installed: `npm test` installs it (apt-get install pgbouncer), or set PGBOUNCER_BIN",
    );
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "pgbouncer-"));
  const logFile = join(dir, "pgbouncer.log");
  writeFileSync(
    join(dir, "userlist.txt"),
    `${options.users.map(({ user, password }) => `${quoted(user)} ${quoted(password)}`).join("\n")}\n`,
    { mode: 0o600 },
  );
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${options.upstream.host} port=${options.upstream.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      // TCP only: no socket file left in /tmp by a killed run.
      "unix_socket_dir =",
      // A role whose URL carries no password (a trust setup) cannot answer SCRAM: then PgBouncer, listening
      // on 127.0.0.1 alone, trusts the roles it lists, as PostgreSQL does.
      `auth_type = ${options.users.every(({ password }) => password !== "") ? "scram-sha-256" : "trust"}`,
      `auth_file = ${join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize ?? 20}`,
      "max_client_conn = 1000",
      // After PostgreSQL refused a login (a restart), try again within a second, not the default 15.
      "server_login_retry = 1",
      // A client waiting this long for a server connection is told so rather than left hanging.
      "query_wait_timeout = 30",
      `logfile = ${logFile}`,
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? unprivilegedUser() : null;
  if (runAs) {
    chownSync(dir, runAs.uid, runAs.gid);
    for (const file of ["userlist.txt", "pgbouncer.ini"]) chownSync(join(dir, file), runAs.uid, runAs.gid);
  }

  let child: ChildProcess;
  const launch = async () => {
    child = spawn(binary, [...(runAs ? ["-u", runAs.name] : []), join(dir, "pgbouncer.ini")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    const deadline = Date.now() + 10_000;
    while (!(await listening(port))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`pgbouncer did not start on port ${port}:\n${stderr}${readLog()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
  const terminate = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  await launch();
  return {
    port,
    get pid() {
      return child.pid ?? 0;
    },
    urlFor(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    log: readLog,
    async restart({ downMs = 0 } = {}) {
      await terminate();
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    async stop() {
      await terminate();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The users and passwords of the given PostgreSQL URLs, once each: what PgBouncer's auth file lists. */
export function usersOf(urls: string[]): { user: string; password: string }[] {
  const users = new Map<string, string>();
  for (const url of urls) {
    const parsed = new URL(url);
    users.set(decodeURIComponent(parsed.username), decodeURIComponent(parsed.password));
  }
  return [...users].map(([user, password]) => ({ user, password }));
}
