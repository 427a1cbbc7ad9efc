import { spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, readdirSync } from "node:fs";
import { connect } from "../provision";

/**
 * PostgreSQL's own server programs (initdb, pg_ctl, pg_basebackup), run for a test on this machine: where
 * Debian installs them, running them as the postgres user (the server refuses to run as root, and its data
 * folder must belong to the user it runs as), and waiting for a server to come up. Shared by the streaming
 * replica (replica.ts) and the private server (private-server.ts).
 */

export { freePort } from "../pgbouncer";

/** The major version of the server at `adminUrl` (a replica's programs must match its primary's). */
export async function serverMajorVersion(adminUrl: string): Promise<number> {
  const admin = await connect(adminUrl);
  const { rows } = await admin
    .query<{ major: number }>("select current_setting('server_version_num')::int / 10000 as major")
    .finally(() => admin.end());
  return rows[0]?.major as number;
}

/** The newest PostgreSQL major version whose server programs Debian installed, or null. */
export function newestInstalledMajor(): number | null {
  const installed = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql")
        .filter((name) => /^\d+$/.test(name) && existsSync(`/usr/lib/postgresql/${name}/bin/initdb`))
        .map(Number)
    : [];
  return installed.length > 0 ? Math.max(...installed) : null;
}

/**
 * The folder of Debian's server programs of that major version. Throws, saying what to do, when they are
 * missing or when this process can run them neither as postgres (root) nor as itself (postgres).
 */
export function serverPrograms(major: number | null): string {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (major === null || !existsSync(`${bin}/pg_ctl`))
    throw new Error(
      `No PostgreSQL ${major ?? ""} server programs in /usr/lib/postgresql: a test's own server needs ` +
        `them installed (apt-get install postgresql${major ? `-${major}` : ""}).`,
    );
  const user = process.getuid?.();
  if (user !== 0 && user !== Number(run("id", ["-u", "postgres"], false)))
    throw new Error(
      "A test server's data folder must belong to the postgres user: run the tests as root or postgres.",
    );
  return bin;
}

/** The command and its arguments, as the postgres user when asked and this process is root. */
function asUser(command: string, args: string[], asPostgres: boolean): [string, string[]] {
  return asPostgres && process.getuid?.() === 0
    ? ["runuser", ["-u", "postgres", "--", command, ...args]]
    : [command, args];
}

/** Runs a program to its end (blocking: for set-up and exit handlers); its output, or an error saying why it failed. */
export function run(command: string, args: string[], asPostgres: boolean): string {
  const [file, argv] = asUser(command, args, asPostgres);
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`,
    );
  return result.stdout;
}

/** `run` without blocking the event loop: for what a test does while its load keeps running. */
export function runAsync(command: string, args: string[], asPostgres: boolean): Promise<string> {
  const [file, argv] = asUser(command, args, asPostgres);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) =>
      status === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(" ")} failed (${status}): ${output}`)),
    );
  });
}

/** Gives the folder (not what it holds) to the postgres user when this process is root. */
export function giveToPostgres(folder: string): void {
  if (process.getuid?.() !== 0) return;
  const uid = Number(run("id", ["-u", "postgres"], false));
  const gid = Number(run("id", ["-g", "postgres"], false));
  chownSync(folder, uid, gid);
}

/** Polls `probe` every 100 ms (a probe that throws counts as false) until it holds, or throws `what` after the time. */
export async function waitUntil(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms: it did not`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
