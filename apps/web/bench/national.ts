// National load: the pages a coordinator and a participant open most, at 50 concurrent connections, in a
// database holding every Korean local government (243 organisations, 383,000 staff, each with a year's
// cohort), against the same pages of the same city in the bench's own database (Yongin and Gangneung
// alone), each beside the raw node:http + pg baseline serving the same data (raw-baseline.ts).
//
// The large database is the bench's own (data.ts) with Gangneung copied whole (directory, memberships,
// templates, its cohort with applications, surveys and teams) into 241 more organisations, then each
// directory grown to its share of 383,000 staff. The pages measured are Yongin's, identical in both.
// Rounds alternate small-app, large-app, small-raw, large-raw, so drift in the machine's load falls on all.
//
// Usage: npx tsx bench/national.ts (apps/web; in `npm run bench`).
//   BENCH_TENANTS       organisations in the large database (default 243)
//   BENCH_STAFF         staff in the large database, all organisations together (default 383000)
//   BENCH_CONNECTIONS   concurrent users (default 50)
//   BENCH_THINK_MS      their mean pause between pages, for the latency they see (default 1000; each page is
//                       also measured with no pause, the saturated throughput of which app/raw is the ratio)
//   BENCH_PROCESSES     processes of each server, the app's and the baseline's, connections spread over them
//                       (default 1). Each process has a pool of DATABASE_POOL_SIZE: the four servers' pools
//                       together must fit PostgreSQL's max_connections (100 here; 2 processes: set it to 10)
//   BENCH_KEEP          1: keep both databases after the run (their names are printed) to study plans
//   BENCH_SECONDS       seconds per round (default 8), BENCH_PAIRS rounds per server and row (default 3): the
//                       p95s compared are those of people browsing, tens of ms, where a few slow answers move
//                       them; fewer samples made the large/small ratio swing from 0.6 to 3 between runs
//   BENCH_WARMUP_SECONDS, BENCH_SKIP_BUILD, BENCH_LOG_LEVEL: as pages.ts
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { TenantKind } from "@mentoring/db";
import { connect, withDatabase } from "@mentoring/db/provision";
import { copyOrganisation } from "@mentoring/db/testing";
import { Redis } from "ioredis";
import { type BenchData, createBenchData } from "./data";
import { load, median, percentiles, type Round, type Server, type Target } from "./load";
import { benchTargets, ownWebDir, type ServerPair, startServerPair } from "./servers";

const env = process.env;
const tenants = Number(env.BENCH_TENANTS ?? 243);
const staffTotal = Number(env.BENCH_STAFF ?? 383_000);
const users = Number(env.BENCH_CONNECTIONS ?? 50);
const thinkMs = Number(env.BENCH_THINK_MS ?? 1000);
// Without pauses, 50 connections keep 50 requests in the server at every moment: the latency is then
// 50 / throughput (Little's law), whatever the page. With pauses, as people browse, it is what they wait.
const modes = [
  { label: "saturated", thinkMs: 0 },
  { label: `${thinkMs} ms pauses`, thinkMs },
] as const;
const seconds = Number(env.BENCH_SECONDS ?? 8);
const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const pairs = Number(env.BENCH_PAIRS ?? 3);
const pages = ["applicants", "participant"] as const;
const processes = Number(env.BENCH_PROCESSES ?? 1);
const tmpDir = join(ownWebDir, ".tmp");

/** One organisation's tables in key order: what the copies hold. */
const ORGANISATION_TABLES = [
  "departments",
  "staff_members",
  "memberships",
  "program_templates",
  "program_template_versions",
  "cohorts",
  "applications",
  "matching_runs",
  "teams",
  "team_members",
  "calendar_items",
  "survey_rounds",
  "survey_responses",
] as const;
const KINDS: TenantKind[] = ["basic_government", "basic_government", "metropolitan_government"];
const REGIONS = ["서울특별시", "부산광역시", "경기도", "강원특별자치도", "충청남도", "전라북도", "경상남도"];

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Gangneung copied into the other organisations, and every directory grown to its share of the staff. */
async function fillNation(data: BenchData): Promise<{ tenants: number; staff: number }> {
  const { db } = data.database;
  const source = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } });
  const copies = await copyOrganisation(
    db,
    source.id,
    ORGANISATION_TABLES,
    Array.from({ length: tenants - 2 }, (_, index) => ({
      slug: `city-${index + 1}`,
      name: `도시 ${index + 1}`,
      kind: KINDS[index % KINDS.length] as TenantKind,
      region: REGIONS[index % REGIONS.length] as string,
    })),
    (done) => {
      if (done % 40 === 0) log(`  ${done + 2}/${tenants} organisations`);
    },
  );
  // As the administrator: row-level security shows the owner no tenant's rows outside a tenant's context.
  const admin = await connect(withDatabase(data.database.urls.admin, data.database.name));
  try {
    const count = async () =>
      Number((await admin.query<{ n: string }>("select count(*)::text as n from staff_members")).rows[0]?.n);
    const missing = Math.max(0, staffTotal - (await count()));
    // New officials of every grade and department, numbered after the copied directory's own.
    for (const [index, tenantId] of copies.entries()) {
      const share = Math.floor(missing / copies.length) + (index < missing % copies.length ? 1 : 0);
      await db.withTenantSql(
        tenantId,
        (sql) =>
          sql.query(
            `insert into staff_members (tenant_id, employee_number, name, department_id, grade, position_title, hire_date, email)
             select $1::uuid, 'N' || lpad(n::text, 7, '0'), '직원' || n, d.ids[1 + n % array_length(d.ids, 1)],
                    6 + n % 4, '주무관', date '2010-03-01' + (n % 5000), 'n' || n || '@city.example.go.kr'
               from generate_series(1, $2::int) n,
                    (select array_agg(id order by code) as ids from departments where tenant_id = $1::uuid) d`,
            [tenantId, share],
          ),
        { timeout: 600_000, synchronousCommit: false },
      );
      if ((index + 1) % 40 === 0) log(`  directories grown: ${index + 1}/${copies.length}`);
    }
    await admin.query("analyze");
    return { tenants: copies.length + 2, staff: await count() };
  } finally {
    await admin.end();
  }
}

mkdirSync(tmpDir, { recursive: true });
const prefix = `bench-${randomBytes(4).toString("hex")}`;
const secret = randomBytes(32).toString("hex");
const running: ServerPair[] = [];
const databases: BenchData[] = [];
const cleanUp = async () => {
  await Promise.allSettled(running.map((pair) => pair.stop()));
  if (env.BENCH_KEEP === "1")
    for (const data of databases)
      console.log(`kept database ${data.database.name}: ${data.database.urls.admin}`);
  else await Promise.allSettled(databases.map((data) => data.database.drop()));
  const redis = new Redis(env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));

try {
  if (env.BENCH_SKIP_BUILD !== "1") {
    log("building the web app (npm run build)");
    const build = spawnSync("npm", ["run", "build"], {
      cwd: ownWebDir,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (build.status !== 0) throw new Error("the web build failed");
  }
  log("seeding the small database: Yongin and Gangneung, a matched, published and certified cohort");
  const small = await createBenchData();
  databases.push(small);
  log("seeding the large database: the same, then the nation");
  const large = await createBenchData();
  databases.push(large);
  const nation = await fillNation(large);
  log(`large database: ${nation.tenants} organisations, ${nation.staff.toLocaleString("en")} staff`);

  const sides = [] as { label: string; pair: ServerPair; data: BenchData }[];
  for (const [label, data] of [
    ["small", small],
    ["large", large],
  ] as const) {
    const pair = await startServerPair({
      name: label,
      data,
      webDir: ownWebDir,
      processes,
      secret,
      prefix,
      tmpDir,
      env,
    });
    running.push(pair);
    sides.push({ label, pair, data });
  }
  const targetsOf = new Map(
    await Promise.all(
      sides.map(async (side) => [side.label, await benchTargets(side.data, secret)] as const),
    ),
  );
  for (const side of sides)
    for (const page of pages) {
      const target = targetsOf.get(side.label)?.[page];
      if (!target) throw new Error(`no target ${page}`);
      for (const port of [...side.pair.app.ports, ...side.pair.raw.ports]) {
        const response = await fetch(`http://127.0.0.1:${port}${target.path}`, {
          headers: target.headers,
          redirect: "manual",
        });
        await response.arrayBuffer();
        if (response.status !== 200)
          throw new Error(`${side.label} answered ${page} with ${response.status}`);
      }
    }
  log("each page answered 200 by the app and the baseline on both databases");

  const rows: Record<string, string | number>[] = [];
  for (const page of pages)
    for (const mode of modes) {
      const connections = users;
      const servers: { key: string; server: Server; page: Target }[] = sides.flatMap((side) => {
        const target = targetsOf.get(side.label)?.[page];
        if (!target) return [];
        return [
          { key: `${side.label} app`, server: side.pair.app, page: target },
          { key: `${side.label} raw`, server: side.pair.raw, page: target },
        ];
      });
      for (const { server, page: target } of servers)
        await load(server, target, connections, warmupSeconds, mode.thinkMs);
      const rounds = new Map<string, Round[]>(servers.map(({ key }) => [key, []]));
      for (let pair = 0; pair < pairs; pair++)
        for (const { key, server, page: target } of servers) {
          // The server's pool closed its connections while the other three servers had their rounds (idle
          // 10 s): a second of load first, so the round measures warm sessions as a steady stream would.
          await load(server, target, connections, 1, mode.thinkMs);
          rounds.get(key)?.push(await load(server, target, connections, seconds, mode.thinkMs));
        }
      const of = (key: string) => rounds.get(key) ?? [];
      const rps = (key: string) => median(of(key).map((round) => round.rps));
      const p = (key: string) => percentiles(of(key).flatMap((round) => round.latencies));
      const ratio = (a: string, b: string) =>
        median(of(a).map((round, index) => round.rps / (of(b)[index] as Round).rps));
      const perRequest = (key: string, field: "cpuMs" | "dbCpuMs") =>
        (
          of(key).reduce((sum, round) => sum + round[field], 0) /
          Math.max(
            1,
            of(key).reduce((sum, round) => sum + round.requests, 0),
          )
        ).toFixed(1);
      const errors = servers.reduce(
        (sum, { key }) => sum + of(key).reduce((n, round) => n + round.errors, 0),
        0,
      );
      for (const side of ["small", "large"]) {
        const app = p(`${side} app`);
        const raw = p(`${side} raw`);
        rows.push({
          page,
          database: side,
          users: connections,
          mode: mode.label,
          "app req/s": Math.round(rps(`${side} app`)),
          "raw req/s": Math.round(rps(`${side} raw`)),
          "app/raw": Number(ratio(`${side} app`, `${side} raw`).toFixed(2)),
          "app p50": Number(app.p50.toFixed(1)),
          "app p95": Number(app.p95.toFixed(1)),
          "app p99": Number(app.p99.toFixed(1)),
          "raw p95": Number(raw.p95.toFixed(1)),
          // CPU per request of each server and its PostgreSQL backends: what the load average moves least.
          "app CPU+DB ms": `${perRequest(`${side} app`, "cpuMs")} + ${perRequest(`${side} app`, "dbCpuMs")}`,
          "raw CPU+DB ms": `${perRequest(`${side} raw`, "cpuMs")} + ${perRequest(`${side} raw`, "dbCpuMs")}`,
          "large/small req/s": side === "large" ? Number(ratio("large app", "small app").toFixed(2)) : "",
          errors,
          load: Number((loadavg()[0] ?? 0).toFixed(2)),
        });
      }
      log(
        `${page}, ${connections} users, ${mode.label}: ${JSON.stringify(rows.slice(-2).map((row) => [row.database, row["app p95"], row["app req/s"]]))}`,
      );
    }

  console.log(
    `\nYongin's pages in a database of ${nation.tenants} organisations and ${nation.staff.toLocaleString("en")} staff (large) and in the bench's own (small); latencies in ms; ${processes} process${processes > 1 ? "es" : ""} per server, the connections spread over them; ${pairs} rounds of ${seconds} s per server and row; load average at the end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.table(rows);
  const row = (page: string, database: string, mode: (typeof modes)[number]) =>
    rows.find((r) => r.page === page && r.database === database && r.mode === mode.label);
  const [saturated, browsing] = modes;
  const checks: { target: string; value: string; met: string }[] = [];
  const check = (label: string, value: number | undefined, ok: (v: number) => boolean) => {
    if (value === undefined) return;
    checks.push({ target: label, value: String(value), met: ok(value) ? "yes" : "NO" });
  };
  for (const page of pages) {
    const large = row(page, "large", browsing);
    const small = row(page, "small", browsing);
    check(
      `${page}: p95 < 100 ms, ${users} users with ${browsing.label}, ${nation.tenants} organisations`,
      large?.["app p95"] as number,
      (v) => v < 100,
    );
    if (large && small)
      check(
        `${page}: p95 within 10% of the small database (large/small)`,
        Number(((large["app p95"] as number) / (small["app p95"] as number)).toFixed(2)),
        (v) => v <= 1.1,
      );
    const largeSaturated = row(page, "large", saturated);
    check(
      `${page}: saturated throughput within 10% of the small database (large/small)`,
      largeSaturated?.["large/small req/s"] as number,
      (v) => v >= 0.9,
    );
    check(
      `${page}: app/raw saturated throughput ≥ 0.5`,
      largeSaturated?.["app/raw"] as number,
      (v) => v >= 0.5,
    );
  }
  console.table(checks);
} finally {
  await cleanUp();
}
