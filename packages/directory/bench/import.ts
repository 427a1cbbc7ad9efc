// Directory import at the size of a large city: a 100,000-row CP949 CSV (as Korean Excel saves it) is
// validated and applied into a fresh test database. Prints seconds and peak memory per phase; the target
// is under 30 s in all and memory that does not grow with the file. Usage: npm run bench -w @mentoring/directory
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { cliProgress } from "@mentoring/db/cli-progress";
import { createTestDatabase } from "@mentoring/db/testing";
import { LocalFileStorage } from "@mentoring/storage";
import iconv from "iconv-lite";
import { applyImport } from "../src/apply-import";
import { uploadKey } from "../src/upload-key";
import { validateImport } from "../src/validate-import";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
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

/** Peak resident set and heap while `work` runs, sampled every 20 ms. */
async function measured<T>(phase: string, work: () => Promise<T>) {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  const started = performance.now();
  const result = await work();
  clearInterval(timer);
  sample();
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  rows.push({
    phase,
    seconds: ((performance.now() - started) / 1000).toFixed(1),
    "peak RSS MB": mb(rss),
    "peak heap MB": mb(heap),
  });
  return result;
}
const rows: Record<string, string>[] = [];

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

  await measured("generate CSV (CP949)", async () => {
    const out = createWriteStream(csvPath);
    const write = async (text: string) => {
      if (!out.write(iconv.encode(text, "cp949"))) await once(out, "drain");
    };
    await write("사번,성명,부서,직급,직위,임용일,이메일,휴대전화,출생연도\r\n");
    for (let i = 0; i < ROWS; i++) {
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
  });
  const size = (await stat(csvPath)).size;

  const store = new LocalFileStorage(path.join(folder, "uploads"));
  const importId = randomUUID();
  await store.put(uploadKey(tenant.id, importId), createReadStream(csvPath));
  await db.withTenant(tenant.id, (tx) =>
    tx.directoryImport.create({
      data: { id: importId, tenantId: tenant.id, fileName: "직원명부.csv", format: "csv", full: true },
    }),
  );

  const validated = await measured("validate", () =>
    validateImport(
      db,
      store,
      { tenantId: tenant.id, importId },
      { onProgress: cliProgress("validating", 100) },
    ),
  );
  if (validated.status !== "ready") throw new Error(`validation ended ${JSON.stringify(validated)}`);
  const applied = await measured("apply (one transaction)", () =>
    applyImport(db, { tenantId: tenant.id, importId }, { onProgress: cliProgress("applying  ", 100) }),
  );
  if (applied.status !== "applied" || applied.applied.created !== ROWS)
    throw new Error(`apply ended ${JSON.stringify(applied)}`);
  const total = rows.slice(1).reduce((sum, row) => sum + Number(row.seconds), 0);

  console.log(
    `\ndirectory import: ${ROWS.toLocaleString("en")} rows, ${(size / 1024 / 1024).toFixed(1)} MB CP949 CSV`,
  );
  console.table(rows);
  console.log(`validate + apply: ${total.toFixed(1)} s (target < 30 s)`);
} finally {
  await database.drop();
  await rm(folder, { recursive: true, force: true });
}
