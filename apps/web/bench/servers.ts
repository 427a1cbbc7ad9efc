// The two servers a page benchmark compares, started against one bench database: the production build of
// the web app and the raw node:http + pg baseline (raw-baseline.ts), their PostgreSQL backends named so the
// CPU each causes can be told apart; and the pages they are asked for, as the people who open them.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { newToken } from "@mentoring/auth";
import { connect } from "@mentoring/db/provision";
import type { BenchData } from "./data";
import { cookieValue, cpuMsOf, freePort, type Server, type Target, waitFor } from "./load";
import { startCommand } from "./start-command";

export const ownWebDir = fileURLToPath(new URL("..", import.meta.url));

export const pageNames = [
  "home",
  "participant",
  "overview",
  "applicants",
  "matching",
  "team",
  "verify",
] as const;
export type PageName = (typeof pageNames)[number];

export interface ServerPair {
  app: Server;
  raw: Server;
  stop(): Promise<void>;
}

export interface ServerPairOptions {
  /** Names the log files and the database connections: `<prefix>-<name>-web`, `<prefix>-<name>-raw`. */
  name: string;
  data: BenchData;
  /** The apps/web folder whose build is served. */
  webDir: string;
  /** Node options of the web process (default: those of its `start` script). */
  webNodeArgs?: string[];
  /**
   * Processes of each server, each on a port of its own (default 1). Deployed, the web runs as several
   * processes behind the proxy (infra/, the topology); the baseline gets as many, so that both may use
   * every core.
   */
  processes?: number;
  /** Signs the session and CSRF cookies: the same for every pair of a run. */
  secret: string;
  /** Queue prefix and connection names of the run. */
  prefix: string;
  tmpDir: string;
  env: NodeJS.ProcessEnv;
}

export async function startServerPair(options: ServerPairOptions): Promise<ServerPair> {
  const { name, data, webDir, secret, prefix, tmpDir, env, processes = 1 } = options;
  const startup = startCommand(webDir);
  const portsOf = () => Promise.all(Array.from({ length: processes }, () => freePort()));
  const [webPorts, rawPorts] = [await portsOf(), await portsOf()];
  const serverEnv = {
    ...env,
    NODE_ENV: "production" as const,
    LOG_LEVEL: env.BENCH_LOG_LEVEL ?? "info",
    QUEUE_PREFIX: prefix,
    SESSION_SECRET: secret,
    DATA_ENCRYPTION_KEY: "0".repeat(64),
    STRIPE_SECRET_KEY: "sk_test_bench",
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    APP_URL: `http://127.0.0.1:${webPorts[0]}`,
    // The load generator stands in for the proxy: its X-Forwarded-For is believed, by both servers.
    TRUSTED_PROXIES: "loopback",
  };
  const children: ChildProcess[] = [];
  /** Process `index` of one side; its PostgreSQL sessions are named for the side, shared by its processes. */
  const start = (
    side: string,
    index: number,
    cwd: string,
    entry: string[],
    nodeArgs: string[],
    extraEnv = {},
  ) => {
    const output = openSync(join(tmpDir, `bench-${name}-${side}${index || ""}.log`), "w");
    const url = new URL(data.database.urls.app);
    url.searchParams.set("application_name", `${prefix}-${name}-${side}`);
    const child = spawn(process.execPath, [...nodeArgs, ...entry], {
      cwd,
      env: { ...serverEnv, ...extraEnv, DATABASE_URL: url.href },
      stdio: ["ignore", output, output],
    });
    children.push(child);
    return child;
  };
  const webs = webPorts.map((port, index) =>
    start("web", index, webDir, startup.entry, options.webNodeArgs ?? startup.nodeFlags, {
      ...startup.env,
      WEB_PORT: String(port),
    }),
  );
  const raws = rawPorts.map((port, index) =>
    start("raw", index, ownWebDir, ["--import", "tsx", "bench/raw-baseline.ts"], [], {
      RAW_PORT: String(port),
    }),
  );
  const stop = async () => {
    await monitor?.end();
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  };
  let monitor: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    await Promise.all([
      ...webs.map((web, i) => waitFor(`http://127.0.0.1:${webPorts[i]}/readyz`, web, `web (${name})`)),
      ...raws.map((raw, i) =>
        waitFor(`http://127.0.0.1:${rawPorts[i]}/readyz`, raw, `raw baseline (${name})`),
      ),
    ]);
    // As the administrator: only it sees every session's application_name.
    monitor = await connect(data.database.urls.admin);
    const admin = monitor;
    const backendsOf = (side: string) => async () => {
      const { rows } = await admin.query<{ pid: number }>(
        "select pid from pg_stat_activity where datname = $1 and application_name = $2",
        [data.database.name, `${prefix}-${name}-${side}`],
      );
      const cpu = new Map<number, number>();
      for (const { pid } of rows) {
        try {
          cpu.set(pid, cpuMsOf(pid));
        } catch {
          // Ended between the query and the read.
        }
      }
      return cpu;
    };
    const pidsOf = (children: ChildProcess[]) => children.map((child) => child.pid as number);
    return {
      app: { ports: webPorts, pids: pidsOf(webs), backends: backendsOf("web") },
      raw: { ports: rawPorts, pids: pidsOf(raws), backends: backendsOf("raw") },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Each page the benchmark knows, with the cookies of the person who opens it. */
export async function benchTargets(data: BenchData, secret: string): Promise<Record<PageName, Target>> {
  const csrf = await cookieValue("csrf", newToken(), secret);
  const as = async (token: string) => ({
    cookie: `${await cookieValue("session", token, secret)}; ${csrf}`,
    "accept-language": "ko-KR,ko;q=0.9",
  });
  const cohort = `/${data.tenantSlug}/programs/cohorts/${data.cohortId}`;
  return {
    home: { path: `/${data.tenantSlug}`, headers: await as(data.tokens.admin) },
    participant: { path: `/${data.tenantSlug}`, headers: await as(data.tokens.participant) },
    overview: { path: cohort, headers: await as(data.tokens.coordinator) },
    applicants: { path: `${cohort}/applicants`, headers: await as(data.tokens.coordinator) },
    matching: { path: `${cohort}/matching`, headers: await as(data.tokens.coordinator) },
    team: { path: `/${data.tenantSlug}/team`, headers: await as(data.tokens.participant) },
    verify: {
      path: `/verify/${data.serial}`,
      headers: { cookie: csrf, "accept-language": "ko-KR" },
      perAddress: true,
    },
  };
}
