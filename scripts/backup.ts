// `npm run backup -- --out <folder> [--database <name>] [--storage <dir>]`: the database (pg_dump, custom
// format, as the administrator: every tenant table FORCEs row-level security, so only a superuser or a
// BYPASSRLS role sees all rows) and then the storage directory (tar.gz), with a manifest of both. The
// database first: a file written in between is then a file no row names, never a row without its file.
// docs/operations.md describes the procedure; apps/web/test/restore-drill.test.ts runs it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { config } from "@mentoring/config";
import { withDatabase } from "@mentoring/db/provision";

const settings = config();
const { values } = parseArgs({
  options: {
    out: { type: "string" },
    database: { type: "string", default: new URL(settings.DATABASE_URL).pathname.slice(1) },
    storage: { type: "string", default: settings.STORAGE_DIR },
  },
});
if (!values.out) {
  console.error("usage: npm run backup -- --out <folder> [--database <name>] [--storage <dir>]");
  process.exit(2);
}
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const files = { database: path.join(out, "database.dump"), storage: path.join(out, "storage.tar.gz") };
for (const file of Object.values(files))
  if (existsSync(file)) {
    console.error(`${file} exists already: back up into a new folder`);
    process.exit(2);
  }

const startedAt = new Date();
step(`1/2 database ${values.database} → ${files.database}`, "pg_dump", [
  "--format=custom",
  `--file=${files.database}`,
  withDatabase(settings.DATABASE_ADMIN_URL, values.database),
]);
const storage = path.resolve(values.storage);
mkdirSync(storage, { recursive: true });
step(`2/2 storage ${storage} → ${files.storage}`, "tar", ["-C", storage, "-czf", files.storage, "."]);

const manifest = {
  database: values.database,
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  files: {
    "database.dump": { bytes: statSync(files.database).size, sha256: await sha256(files.database) },
    "storage.tar.gz": { bytes: statSync(files.storage).size, sha256: await sha256(files.storage) },
  },
};
writeFileSync(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`backup complete: ${out}`);

function step(title: string, command: string, args: string[]) {
  const started = Date.now();
  process.stdout.write(`${title} … `);
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (result.status !== 0) {
    console.log("failed");
    console.error(result.stderr || result.error?.message);
    process.exit(1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}
