// Directory import at the size of a large city: a CP949 CSV (as Korean Excel saves it) of 25,000 and of
// 100,000 rows is validated and applied into a fresh test database, each size in a process of its own.
// Targets: the largest size validated and applied in under 30 s, and a peak heap that does not grow with
// the file (the largest size's within 20% of the smallest's). Exits 1 when a target is missed.
//
// How it is measured: wall seconds of validate + apply. Peak heap is the most of V8's used heap (live
// objects and garbage not yet collected: what the process holds) sampled every 10 ms from the start of
// validation to the end of applying; each size runs in a fresh process started with --expose-gc, which
// collects once before each phase so that generating the file does not count. CPU seconds of this
// process and of its PostgreSQL backends (read from /proc) stand beside wall seconds: on a shared machine
// wall time includes waiting for a core, so the load average is printed with each size too.
// Usage: npm run bench -w @mentoring/directory (BENCH_SIZES=25000,100000 for other sizes)
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import type { Database } from "@mentoring/db";
import { createTestDatabase } from "@mentoring/db/testing";
import { LocalFileStorage } from "@mentoring/storage";
import iconv from "iconv-lite";
import { applyImport } from "../src/apply-import";
import { uploadKey } from "../src/upload-key";
import { validateImport } from "../src/validate-import";

const SIZES = (process.env.BENCH_SIZES ?? "25000,100000").split(",").map(Number);
const TARGET_SECONDS = 30;
/** How much more the largest size's peak heap may be than the smallest's. */
const HEAP_GROWTH_ALLOWED = 0.2;
/** The line a child process prints its figures on. */
const RESULT = "bench-result ";

const FAMILY = [
  "김",
  "이",
  "박",
  "최",
  "정",
  "강",
  "조",
  "윤",
  "장",
  "임",
  "한",
  "오",
  "서",
  "신",
  "권",
  "황",
];
const GIVEN = [
  "민준",
  "서연",
  "도윤",
  "지우",
  "하준",
  "서윤",
  "시우",
  "하은",
  "지호",
  "수아",
  "예준",
  "지민",
];
const TITLES = ["주무관", "주무관", "주무관", "팀장", "과장"];
const DEPARTMENTS = Array.from({ length: 60 }, (_, i) => ({
  code: `dept-${String(i).padStart(2, "0")}`,
  name: `${["총무", "인사", "세정", "회계", "복지", "교통", "건축", "환경", "문화", "관광"][i % 10]}${Math.floor(i / 10) + 1}과`,
}));

interface Phase {
  seconds: number;
  cpuSeconds: number;
  postgresCpuSeconds: number;
  peakHeapMB: number;
  peakRssMB: number;
}
interface Figures {
  rows: number;
  megabytes: number;
  /** One-minute load average before validation and after applying. */
  load: [number, number];
  validate: Phase;
  apply: Phase;
}

const MB = 1024 * 1024;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds so far of each PostgreSQL backend serving this database (none where /proc is not readable). */
async function postgresCpu(db: Database, name: string): Promise<Map<number, number>> {
  const backends = await db.platform.$queryRaw<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = ${name}`;
  const cpu = new Map<number, number>();
  for (const { pid } of backends) {
    try {
      // Fields 14 and 15 of /proc/PID/stat (after the name in parentheses): user and system ticks.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // another machine's server, or the backend has ended
    }
  }
  return cpu;
}

/** Runs one phase after a full collection, sampling the heap every 10 ms. */
async function measured<T>(db: Database, name: string, work: () => Promise<T>) {
  (globalThis as { gc?: () => void }).gc?.();
  let heap = 0;
  let rss = 0;
  const sample = () => {
    heap = Math.max(heap, v8.getHeapStatistics().used_heap_size);
    rss = Math.max(rss, process.memoryUsage.rss());
  };
  sample();
  const timer = setInterval(sample, 10);
  const postgresBefore = await postgresCpu(db, name);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  sample();
  let postgresCpuSeconds = 0;
  for (const [pid, total] of await postgresCpu(db, name))
    postgresCpuSeconds += total - (postgresBefore.get(pid) ?? 0);
  const phase: Phase = {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    postgresCpuSeconds,
    peakHeapMB: heap / MB,
    peakRssMB: rss / MB,
  };
  return { result, phase };
}

/** One size, in this process: prints its figures as one JSON line for the parent. */
async function runOne(rows: number) {
  const folder = await mkdtemp(path.join(os.tmpdir(), "directory-bench-"));
  const csvPath = path.join(folder, "직원명부.csv");
  const database = await createTestDatabase();
  const { db } = database;
  try {
    const tenant = await db.platform.tenant.create({
      data: {
        slug: "bench-city",
        name: "벤치시",
        kind: "basic_government",
        region: "경기도",
        status: "active",
        // The plan whose import limits take the benchmark's 100,000 rows.
        planCode: "metro_yearly",
      },
    });
    await db.withTenant(tenant.id, (tx) =>
      tx.department.createMany({ data: DEPARTMENTS.map((d) => ({ tenantId: tenant.id, ...d })) }),
    );
    const out = createWriteStream(csvPath);
    const write = async (text: string) => {
      if (!out.write(iconv.encode(text, "cp949"))) await once(out, "drain");
    };
    await write("사번,성명,부서,직급,직위,임용일,이메일,휴대전화,출생연도\r\n");
    for (let i = 0; i < rows; i++) {
      const grade = 5 + (i % 5);
      const year = 1990 + (i % 35);
      const department = DEPARTMENTS[i % DEPARTMENTS.length] as (typeof DEPARTMENTS)[number];
      await write(
        `${[
          `B${String(i).padStart(7, "0")}`,
          `${FAMILY[i % FAMILY.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
          i % 2 === 0 ? department.code : department.name,
          i % 3 === 0 ? `지방행정${["사무관", "주사", "주사보", "서기", "서기보"][grade - 5]}` : `${grade}급`,
          TITLES[i % TITLES.length],
          `${year}.${String(1 + (i % 12)).padStart(2, "0")}.${String(1 + (i % 28)).padStart(2, "0")}`,
          `staff${i}@bench.example.kr`,
          `010-${String(i % 10_000).padStart(4, "0")}-${String((i * 13) % 10_000).padStart(4, "0")}`,
          year - 25,
        ].join(",")}\r\n`,
      );
    }
    out.end();
    await once(out, "finish");
    const size = (await stat(csvPath)).size;

    const store = new LocalFileStorage(path.join(folder, "uploads"));
    const importId = randomUUID();
    await store.put(uploadKey(tenant.id, importId), createReadStream(csvPath));
    await db.withTenant(tenant.id, (tx) =>
      tx.directoryImport.create({
        data: { id: importId, tenantId: tenant.id, fileName: "직원명부.csv", format: "csv", full: true },
      }),
    );

    const loadBefore = os.loadavg()[0] as number;
    const validated = await measured(db, database.name, () =>
      validateImport(db, store, { tenantId: tenant.id, importId }),
    );
    if (validated.result.status !== "ready")
      throw new Error(`validation ended ${JSON.stringify(validated.result)}`);
    const applied = await measured(db, database.name, () =>
      applyImport(db, { tenantId: tenant.id, importId }),
    );
    if (applied.result.status !== "applied" || applied.result.applied.created !== rows)
      throw new Error(`apply ended ${JSON.stringify(applied.result)}`);
    const figures: Figures = {
      rows,
      megabytes: size / MB,
      load: [loadBefore, os.loadavg()[0] as number],
      validate: validated.phase,
      apply: applied.phase,
    };
    console.log(`${RESULT}${JSON.stringify(figures)}`);
  } finally {
    await database.drop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Runs one size in a fresh process, so that no size inherits another's heap. */
async function inChild(rows: number): Promise<Figures> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url)], {
    env: { ...process.env, DIRECTORY_BENCH_CHILD_ROWS: String(rows) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    output += text;
  });
  const [code] = await once(child, "exit");
  const line = output.split("\n").find((text) => text.startsWith(RESULT));
  if (code !== 0 || !line) throw new Error(`the ${rows}-row run failed (exit ${code}):\n${output}`);
  return JSON.parse(line.slice(RESULT.length)) as Figures;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main() {
  const results: Figures[] = [];
  for (const rows of SIZES) results.push(await inChild(rows));
  console.log("\ndirectory import (validate + apply of a CP949 CSV)");
  console.table(
    results.map((r) => ({
      rows: r.rows.toLocaleString("en"),
      "file MB": fixed(r.megabytes),
      "wall s": fixed(r.validate.seconds + r.apply.seconds),
      "validate s": fixed(r.validate.seconds),
      "apply s": fixed(r.apply.seconds),
      "node CPU s": fixed(r.validate.cpuSeconds + r.apply.cpuSeconds),
      "PostgreSQL CPU s": fixed(r.validate.postgresCpuSeconds + r.apply.postgresCpuSeconds),
      "peak heap MB": fixed(Math.max(r.validate.peakHeapMB, r.apply.peakHeapMB), 0),
      "peak RSS MB": fixed(Math.max(r.validate.peakRssMB, r.apply.peakRssMB), 0),
      load: `${fixed(r.load[0], 2)} → ${fixed(r.load[1], 2)}`,
    })),
  );
  const smallest = results[0] as Figures;
  const largest = results[results.length - 1] as Figures;
  const heapOf = (r: Figures) => Math.max(r.validate.peakHeapMB, r.apply.peakHeapMB);
  const seconds = largest.validate.seconds + largest.apply.seconds;
  const growth = heapOf(largest) / heapOf(smallest) - 1;
  const missed = [
    seconds >= TARGET_SECONDS &&
      `${largest.rows.toLocaleString("en")} rows took ${fixed(seconds)} s (target < ${TARGET_SECONDS} s)`,
    growth > HEAP_GROWTH_ALLOWED &&
      `peak heap grew ${fixed(growth * 100, 0)}% from ${smallest.rows.toLocaleString("en")} to ${largest.rows.toLocaleString("en")} rows (target ≤ ${HEAP_GROWTH_ALLOWED * 100}%)`,
  ].filter((text): text is string => typeof text === "string");
  console.log(
    `${largest.rows.toLocaleString("en")} rows: ${fixed(seconds)} s (target < ${TARGET_SECONDS} s); peak heap ${fixed(growth * 100, 0)}% over ${smallest.rows.toLocaleString("en")} rows' (target ≤ ${HEAP_GROWTH_ALLOWED * 100}%)`,
  );
  for (const text of missed) console.log(`MISSED: ${text}`);
  process.exitCode = missed.length > 0 ? 1 : 0;
}

if (process.env.DIRECTORY_BENCH_CHILD_ROWS) await runOne(Number(process.env.DIRECTORY_BENCH_CHILD_ROWS));
else await main();
