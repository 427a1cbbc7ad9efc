// Page benchmark: the production build of the web app against a raw node:http + pg baseline
// (raw-baseline.ts) doing the same work, side by side in one run, on the same data (data.ts).
//
// For each page × connection level: a warm-up of each server, then rounds alternating app, raw, app, raw
// (A/B, so that drift in the machine's load falls on both alike), each a closed loop of keep-alive
// connections. Prints req/s (median of rounds), p50/p95/p99 over every request of the rounds, the app/raw
// ratio (median of the per-pair ratios), CPU time per request of each server and of its PostgreSQL
// backends (from /proc: on a machine shared with other work, req/s and latencies move with its load, CPU
// per request much less), page sizes, and the web process's RSS (VmRSS sampled, VmHWM).
//
// Usage: npm run bench -w @mentoring/web (or `npm run bench` at the root, with every other bench).
//   BENCH_PAGES        pages to run, comma-separated (default: all):
//                      home,participant,overview,applicants,matching,team,verify (participant: the tenant home as a
//                      mentee sees it, with the next assignment and event)
//   BENCH_CONNECTIONS  connection levels (default 1,10,50; the participant's home 1,20: its target is at 20)
//   BENCH_SECONDS      seconds per round (default 5); BENCH_WARMUP_SECONDS (default 2); BENCH_PAIRS (default 2)
//   BENCH_THINK_MS     each connection's mean pause between requests (default 0: saturated; see load.ts)
//   BENCH_PROCESSES    processes of each server, the app's and the baseline's, connections spread over them
//                      (default 1; the national bench runs one per core, as deployed)
//   BENCH_WEB_DIR      the apps/web folder whose build to serve (default: this one), e.g. a git worktree of
//                      an older commit, to measure before and after a change against the same baseline. The
//                      data is still made by this tree's seed and use cases: the build served must read what
//                      they write (a build older than a change to the stored template definitions answers 500)
//   BENCH_SKIP_BUILD   1: serve the build already there instead of building first
//   BENCH_LOG_LEVEL    the web's LOG_LEVEL (default info, as production)
//   BENCH_WEB_NODE_ARGS  Node options for the web process, space-separated (default: those of its `start`
//                      script, so that the bench measures the memory settings production runs with), e.g.
//                      "--cpu-prof --cpu-prof-dir=.tmp/prof" to profile it (written when the run ends)
// No Accept-Encoding is sent: both answer uncompressed, so gzip's CPU stays out of the comparison.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { createBenchData } from "./data";
import { load, median, memoryOf, nextAddress, percentiles, type Round } from "./load";
import {
  benchTargets,
  ownWebDir,
  type PageName,
  pageNames,
  type ServerPair,
  startServerPair,
} from "./servers";

const tmpDir = join(ownWebDir, ".tmp");

const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 5);
const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const pairs = Number(env.BENCH_PAIRS ?? 2);
const thinkMs = Number(env.BENCH_THINK_MS ?? 0);
const webDir = env.BENCH_WEB_DIR ?? ownWebDir;
const processes = Number(env.BENCH_PROCESSES ?? 1);

const chosen = env.BENCH_PAGES ? env.BENCH_PAGES.split(",").map((name) => name.trim()) : [...pageNames];
for (const name of chosen)
  if (!pageNames.includes(name as PageName)) throw new Error(`unknown page ${name}: ${pageNames.join(", ")}`);
const levelsOf = (page: PageName): number[] =>
  env.BENCH_CONNECTIONS
    ? env.BENCH_CONNECTIONS.split(",").map(Number)
    : page === "participant"
      ? [1, 20]
      : [1, 10, 50];

const webNodeArgs = env.BENCH_WEB_NODE_ARGS
  ? env.BENCH_WEB_NODE_ARGS.split(/\s+/).filter(Boolean)
  : undefined;

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

mkdirSync(tmpDir, { recursive: true });
log("seeding: Yongin and Gangneung, their programs, a matched, published and certified cohort");
const data = await createBenchData();
const prefix = `bench-${randomBytes(4).toString("hex")}`;
let servers: ServerPair | undefined;
// Stopped by hand (Ctrl-C): the servers and the database go with the run, as after a finished one.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.allSettled([servers?.stop(), data.database.drop()]).then(() => process.exit(130));
  });
}
try {
  if (env.BENCH_SKIP_BUILD !== "1") {
    log(`building the web app (npm run build in ${webDir})`);
    const build = spawnSync("npm", ["run", "build"], { cwd: webDir, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("the web build failed");
  }
  const secret = randomBytes(32).toString("hex");
  servers = await startServerPair({
    name: "pages",
    data,
    webDir,
    webNodeArgs,
    processes,
    secret,
    prefix,
    tmpDir,
    env,
  });
  const { app: appServer, raw: rawServer } = servers;
  const [webPort, rawPort] = [appServer.ports[0], rawServer.ports[0]];
  log(
    `web (pids ${appServer.pids}) on ${appServer.ports}, raw baseline (pids ${rawServer.pids}) on ${rawServer.ports}`,
  );
  const targets = await benchTargets(data, secret);

  // Each page once from each server: both must answer 200, and the HTML is kept to compare by eye.
  const htmlDir = join(tmpDir, "bench-html");
  mkdirSync(htmlDir, { recursive: true });
  for (const name of chosen as PageName[]) {
    for (const [side, port] of [
      ["app", webPort],
      ["raw", rawPort],
    ] as const) {
      const target = targets[name];
      const response = await fetch(`http://127.0.0.1:${port}${target.path}`, {
        headers: target.perAddress ? { ...target.headers, "x-forwarded-for": nextAddress() } : target.headers,
        redirect: "manual",
      });
      const html = await response.text();
      writeFileSync(join(htmlDir, `${name}.${side}.html`), html);
      if (response.status !== 200)
        throw new Error(`${side} answered ${name} (${target.path}) with ${response.status}`);
    }
  }
  log(`each page answered 200 by both (HTML in ${htmlDir}); ${data.people} people in ${data.teams} teams`);

  // RSS of each web process, sampled through the whole run; the peak per step is kept.
  let stepPeak = 0;
  const sampler = setInterval(() => {
    for (const pid of appServer.pids) stepPeak = Math.max(stepPeak, memoryOf(pid).rss);
  }, 200);

  const rows: Record<string, string | number>[] = [];
  const steps = (chosen as PageName[]).reduce((sum, name) => sum + levelsOf(name).length, 0);
  let step = 0;
  for (const name of chosen as PageName[]) {
    for (const connections of levelsOf(name)) {
      step++;
      stepPeak = 0;
      const target = targets[name];
      await load(appServer, target, connections, warmupSeconds, thinkMs);
      await load(rawServer, target, connections, warmupSeconds, thinkMs);
      const app: Round[] = [];
      const base: Round[] = [];
      for (let pair = 0; pair < pairs; pair++) {
        app.push(await load(appServer, target, connections, seconds, thinkMs));
        base.push(await load(rawServer, target, connections, seconds, thinkMs));
      }
      const ratio = median(app.map((round, i) => round.rps / (base[i] as Round).rps));
      const a = percentiles(app.flatMap((round) => round.latencies));
      const r = percentiles(base.flatMap((round) => round.latencies));
      const appRps = median(app.map((round) => round.rps));
      const rawRps = median(base.map((round) => round.rps));
      const perRequest = (rounds: Round[], of: (round: Round) => number) =>
        rounds.reduce((sum, round) => sum + of(round), 0) /
        Math.max(
          1,
          rounds.reduce((sum, round) => sum + round.requests, 0),
        );
      const cpuPerRequest = (rounds: Round[]) => perRequest(rounds, (round) => round.cpuMs);
      const dbPerRequest = (rounds: Round[]) => perRequest(rounds, (round) => round.dbCpuMs);
      const errors = [...app, ...base].reduce((sum, round) => sum + round.errors, 0);
      const load1 = loadavg()[0] ?? 0;
      rows.push({
        page: name,
        conns: connections,
        "app req/s": Math.round(appRps),
        "raw req/s": Math.round(rawRps),
        "app/raw": Number(ratio.toFixed(2)),
        "app p50": Number(a.p50.toFixed(1)),
        "app p95": Number(a.p95.toFixed(1)),
        "app p99": Number(a.p99.toFixed(1)),
        "raw p50": Number(r.p50.toFixed(1)),
        "raw p95": Number(r.p95.toFixed(1)),
        "raw p99": Number(r.p99.toFixed(1)),
        "app CPU ms/req": Number(cpuPerRequest(app).toFixed(1)),
        "raw CPU ms/req": Number(cpuPerRequest(base).toFixed(1)),
        "app DB ms/req": Number(dbPerRequest(app).toFixed(1)),
        "raw DB ms/req": Number(dbPerRequest(base).toFixed(1)),
        "app KB": Number(((app[0]?.bytes ?? 0) / 1024).toFixed(1)),
        "raw KB": Number(((base[0]?.bytes ?? 0) / 1024).toFixed(1)),
        "RSS MB": Math.round(stepPeak),
        errors,
        load: Number(load1.toFixed(2)),
      });
      log(
        `[${step}/${steps}] ${name} × ${connections}: app ${Math.round(appRps)} req/s (p95 ${a.p95.toFixed(1)} ms), raw ${Math.round(rawRps)} req/s (p95 ${r.p95.toFixed(1)} ms), app/raw ${ratio.toFixed(2)}, CPU/req app ${cpuPerRequest(app).toFixed(1)} + DB ${dbPerRequest(app).toFixed(1)} ms, raw ${cpuPerRequest(base).toFixed(1)} + DB ${dbPerRequest(base).toFixed(1)} ms, RSS ${Math.round(stepPeak)} MB${errors ? `, ${errors} errors` : ""}`,
      );
    }
  }
  clearInterval(sampler);
  const memories = appServer.pids.map(memoryOf);
  const memory = {
    rss: Math.max(...memories.map((m) => m.rss)),
    peak: Math.max(...memories.map((m) => m.peak)),
  };

  console.log(
    `\nPages of the production build (${webDir}) against the raw baseline; latencies in ms; ${pairs} pairs of ${seconds} s rounds per row; load average 1/5/15 min at the end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.table(rows);
  console.log(
    `web process${processes > 1 ? "es (the largest)" : ""}: RSS ${memory.rss.toFixed(0)} MB now, peak (VmHWM) ${memory.peak.toFixed(0)} MB`,
  );

  // The issue's targets, so a reader sees at once where the app stands (a benchmark reports, it fails nothing).
  const row = (page: PageName, conns: number) => rows.find((r) => r.page === page && r.conns === conns);
  const targetsMet: { target: string; value: string; met: string }[] = [];
  const check = (label: string, value: number | undefined, ok: (v: number) => boolean) => {
    if (value === undefined) return;
    targetsMet.push({ target: label, value: String(value), met: ok(value) ? "yes" : "NO" });
  };
  for (const page of ["applicants", "team"] as const)
    for (const conns of [10, 50])
      check(`${page} app/raw ≥ 0.5 at ${conns}`, row(page, conns)?.["app/raw"] as number, (v) => v >= 0.5);
  for (const page of ["home", "applicants", "team"] as const) {
    check(`${page} p95 < 100 ms at 10`, row(page, 10)?.["app p95"] as number, (v) => v < 100);
    check(`${page} p95 < 400 ms at 50`, row(page, 50)?.["app p95"] as number, (v) => v < 400);
  }
  check("matching p95 < 300 ms at 10", row("matching", 10)?.["app p95"] as number, (v) => v < 300);
  check("participant home p95 < 100 ms at 20", row("participant", 20)?.["app p95"] as number, (v) => v < 100);
  check("web RSS peak < 400 MB", Math.round(memory.peak), (v) => v < 400);
  console.table(targetsMet);
} finally {
  await servers?.stop();
  const redis = new Redis(env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await data.database.drop();
}
