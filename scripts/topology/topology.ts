// The platform as several processes, as a city-scale deployment runs it on one host: two web processes
// and two workers, HAProxy in front of the webs, PgBouncer (transaction pooling) between every process and
// PostgreSQL, one Redis. Each process is started with its package's own `npm start`. Used by
// `npm run topology`, `npm run faults:topology` and the browser tests' topology stage (npm test).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, type PgBouncer, startPgBouncer, usersOf } from "@mentoring/db/pgbouncer";
import { resources } from "@mentoring/i18n";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface TopologyOptions {
  /** What every web and worker process gets (secrets, SMTP, Redis, queue prefix…), before the topology's own. */
  env: Record<string, string | undefined>;
  /** The app role's URL and the insights role's, direct to PostgreSQL: the processes get PgBouncer's. */
  databaseUrl: string;
  insightsUrl: string;
  /** The web build to serve (relative to apps/web), already built. */
  webBuildDir: string;
  webs?: number;
  workers?: number;
  /** The proxy's port (a free one unless told). */
  port?: number;
  /** Where each process's output goes, one file per process. */
  logDir: string;
  /** Server connections PgBouncer keeps per database and role. */
  serverPoolSize?: number;
}

export interface Member {
  name: string;
  /** The port it answers health checks on (a web's own HTTP port, a worker's health port). */
  port: number;
  readonly pid: number;
  readonly running: boolean;
  /** Sends the signal to its process group (npm and the node process it started). */
  kill(signal: NodeJS.Signals): void;
  /** Resolves when it has exited. */
  exited(): Promise<void>;
  /** Starts it again, as it was, and waits until its /readyz answers. */
  start(): Promise<void>;
  /** SIGTERM, then waits for the graceful shutdown. */
  stop(): Promise<void>;
}

export interface Topology {
  /** The proxy's base URL: what people (and the browser tests) use. */
  url: string;
  webs: Member[];
  workers: Member[];
  bouncer: PgBouncer;
  /** The URLs the processes connect with (through PgBouncer). */
  pooledUrls: { app: string; insights: string };
  /** Stops the proxy, the webs and workers (gracefully) and PgBouncer, in that order. */
  stop(): Promise<void>;
}

/**
 * Processes still running when this process exits without stopping them (a failed step, an uncaught
 * error): killed then, synchronously, rather than left holding their ports. The webs and workers run in
 * process groups of their own, which their parent's end does not reach.
 */
const leftBehind = new Set<() => void>();
process.once("exit", () => {
  for (const kill of leftBehind) kill();
});

const CANDIDATES = ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"];

export function findHaproxy(): string | null {
  const fromEnv = process.env.HAPROXY_BIN;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const known = CANDIDATES.find((path) => existsSync(path));
  if (known) return known;
  const which = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

async function waitReady(url: string, member: { running: boolean; name: string }, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!member.running) throw new Error(`${member.name} exited before it was ready`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${member.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
}

/** A process started by `npm start` in a workspace, in a process group of its own, its output to a file. */
function member(
  name: string,
  workspace: string,
  port: number,
  env: Record<string, string | undefined>,
  logDir: string,
): Member {
  let child: ChildProcess | undefined;
  let exit: Promise<void> = Promise.resolve();
  const self: Member = {
    name,
    port,
    get pid() {
      return child?.pid ?? 0;
    },
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    kill(signal) {
      if (!self.running || !child?.pid) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Gone already.
      }
    },
    exited: () => exit,
    async start() {
      const log = openSync(join(logDir, `${name}.log`), "a");
      // Detached: its own process group, so that a signal reaches npm and the node process it started.
      child = spawn("npm", ["start", "--silent", "-w", workspace], {
        cwd: root,
        env: env as NodeJS.ProcessEnv,
        stdio: ["ignore", log, log],
        detached: true,
      });
      const started = child;
      const killGroup = () => self.kill("SIGKILL");
      leftBehind.add(killGroup);
      exit = new Promise((resolve) =>
        started.once("exit", () => {
          leftBehind.delete(killGroup);
          resolve();
        }),
      );
      closeSync(log);
      await waitReady(`http://127.0.0.1:${port}/readyz`, self);
    },
    async stop() {
      if (!self.running) return;
      self.kill("SIGTERM");
      await exit;
    },
  };
  return self;
}

/** The proxy's own answer while no web process is ready: the app's "briefly unavailable" page, in both languages. */
function unavailablePage(): string {
  const { ko, en } = { ko: resources.ko.common.error, en: resources.en.common.error };
  const html = (text: string) =>
    text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
  const body = [
    "<!DOCTYPE html>",
    '<html lang="ko"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(ko.unavailable)}</title></head>`,
    '<body><main id="main">',
    `<h1>${html(ko.unavailable)}</h1><p>${html(ko.unavailableHelp)}</p>`,
    `<div lang="en"><h2>${html(en.unavailable)}</h2><p>${html(en.unavailableHelp)}</p></div>`,
    "</main></body></html>",
  ].join("\n");
  return [
    "HTTP/1.1 503 Service Unavailable",
    "Content-Type: text/html; charset=utf-8",
    "Cache-Control: no-store",
    "Retry-After: 5",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "",
    body,
  ].join("\r\n");
}

/**
 * HAProxy's configuration: round robin over the webs, each checked every second on /readyz (out after three
 * failures, back after one success) and taken out at once when a connection to it fails. A request whose
 * connection could not be made is sent to another web, whatever its method (it never arrived anywhere); a
 * GET, HEAD or OPTIONS whose answer never came (the web died under it) is sent again too, a POST never.
 */
function haproxyConfig(port: number, webs: Member[], errorFile: string): string {
  return [
    "global",
    "  maxconn 4096",
    // Into haproxy.log: the requests that ended abnormally or with a 5xx, with their termination state.
    "  log stderr format raw local0 info",
    "defaults",
    "  mode http",
    "  log global",
    "  option httplog",
    "  option dontlog-normal",
    "  timeout connect 1s",
    // Imports, report downloads and the browser tests' longest journeys: minutes, not seconds.
    "  timeout client 5m",
    "  timeout server 5m",
    "  timeout http-request 30s",
    "  timeout http-keep-alive 10s",
    // A web starved of CPU answers its check late: out only after three slow answers, not one.
    "  timeout check 3s",
    "  retries 2",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response",
    `  errorfile 503 ${errorFile}`,
    "frontend web",
    `  bind 127.0.0.1:${port}`,
    "  option forwardfor",
    // L7 retries only for requests that change nothing (METH_GET covers HEAD); a POST is never sent twice.
    "  http-request disable-l7-retry unless METH_GET || METH_OPTIONS",
    "  default_backend webs",
    "backend webs",
    "  balance roundrobin",
    "  option httpchk GET /readyz",
    "  http-check expect status 200",
    "  default-server check inter 1s fall 3 rise 1 observe layer4 error-limit 1 on-error mark-down",
    ...webs.map((web) => `  server ${web.name} 127.0.0.1:${web.port}`),
    "",
  ].join("\n");
}

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const haproxy = findHaproxy();
  if (!haproxy)
    throw new Error(
      "haproxy is not installed: `npm test` installs it (apt-get install haproxy), or set HAPROXY_BIN",
    );
  mkdirSync(options.logDir, { recursive: true });
  const undo: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step().catch(() => {});
    undo.length = 0;
  };
  try {
    const upstream = new URL(options.databaseUrl);
    const bouncer = await startPgBouncer({
      upstream: { host: upstream.hostname, port: Number(upstream.port || 5432) },
      users: usersOf([options.databaseUrl, options.insightsUrl]),
      poolSize: options.serverPoolSize ?? 20,
    });
    const killBouncer = () => {
      try {
        process.kill(bouncer.pid, "SIGKILL");
      } catch {
        // Stopped already.
      }
    };
    leftBehind.add(killBouncer);
    undo.push(async () => {
      await bouncer.stop();
      leftBehind.delete(killBouncer);
    });
    const pooledUrls = {
      app: bouncer.urlFor(options.databaseUrl),
      insights: bouncer.urlFor(options.insightsUrl),
    };
    const proxyPort = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${proxyPort}`;
    const common = {
      ...options.env,
      DATABASE_URL: pooledUrls.app,
      DATABASE_INSIGHTS_URL: pooledUrls.insights,
      APP_URL: url,
      WEB_BUILD_DIR: options.webBuildDir,
      // HAProxy on this host adds X-Forwarded-For: believed from it alone.
      TRUSTED_PROXIES: "loopback",
    };
    const webs: Member[] = [];
    for (let index = 1; index <= (options.webs ?? 2); index++) {
      const port = await freePort();
      webs.push(
        member(`web${index}`, "@mentoring/web", port, { ...common, WEB_PORT: String(port) }, options.logDir),
      );
    }
    const workers: Member[] = [];
    for (let index = 1; index <= (options.workers ?? 2); index++) {
      const port = await freePort();
      workers.push(
        member(
          `worker${index}`,
          "@mentoring/worker",
          port,
          { ...common, WORKER_HEALTH_PORT: String(port) },
          options.logDir,
        ),
      );
    }
    // Workers stop after the webs: jobs the webs enqueued last are still taken.
    undo.push(() => Promise.all(workers.map((worker) => worker.stop())));
    undo.push(() => Promise.all(webs.map((web) => web.stop())));
    await Promise.all([...webs, ...workers].map((one) => one.start()));

    const dir = mkdtempSync(join(tmpdir(), "haproxy-"));
    undo.push(async () => rmSync(dir, { recursive: true, force: true }));
    const errorFile = join(dir, "503.http");
    writeFileSync(errorFile, unavailablePage());
    const configFile = join(dir, "haproxy.cfg");
    writeFileSync(configFile, haproxyConfig(proxyPort, webs, errorFile));
    const check = spawnSync(haproxy, ["-c", "-q", "-f", configFile], { encoding: "utf8" });
    if (check.status !== 0)
      throw new Error(`haproxy refused its configuration:\n${check.stderr}${check.stdout}`);
    const proxyLog = openSync(join(options.logDir, "haproxy.log"), "a");
    const proxy = spawn(haproxy, ["-db", "-f", configFile], { stdio: ["ignore", proxyLog, proxyLog] });
    closeSync(proxyLog);
    const killProxy = () => proxy.kill("SIGKILL");
    leftBehind.add(killProxy);
    const proxyExited = new Promise((resolve) =>
      proxy.once("exit", () => {
        leftBehind.delete(killProxy);
        resolve(undefined);
      }),
    );
    undo.push(async () => {
      if (proxy.exitCode !== null || proxy.signalCode !== null) return;
      // SIGUSR1: a soft stop, finishing the requests in flight.
      proxy.kill("SIGUSR1");
      const stopped = await Promise.race([proxyExited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) proxy.kill("SIGKILL");
      await proxyExited;
    });
    await waitReady(`${url}/readyz`, {
      name: "haproxy",
      get running() {
        return proxy.exitCode === null;
      },
    });
    return { url, webs, workers, bouncer, pooledUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
