// `npm run restore -- --from <backup folder> --database <new name> --storage <empty dir>`: a backup made by
// `npm run backup` into a NEW database and a new storage directory (never over the running ones: point
// DATABASE_URL and STORAGE_DIR at them once checked), then migrations newer than the backup and the
// roles' privileges (the roles are cluster-wide and not in a dump: run `npm run setup` once on a new
// server first). Stop the web app and the worker before switching them over.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { config } from "@mentoring/config";
import { connect, credentialsOf, withDatabase } from "@mentoring/db/provision";

const settings = config();
const { values } = parseArgs({
  options: { from: { type: "string" }, database: { type: "string" }, storage: { type: "string" } },
});
if (!values.from || !values.database || !values.storage) {
  console.error(
    "usage: npm run restore -- --from <backup folder> --database <new name> --storage <empty dir>",
  );
  process.exit(2);
}
const from = path.resolve(values.from);
const storage = path.resolve(values.storage);
const database = values.database;
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
  console.error(`${database}: a database name of lower-case letters, digits and underscores`);
  process.exit(2);
}
if (existsSync(storage) && readdirSync(storage).length > 0) {
  console.error(`${storage} is not empty: restore into a new storage directory`);
  process.exit(2);
}

await step("1/5 checking the backup's files against its manifest", () => {
  const manifest = JSON.parse(readFileSync(path.join(from, "manifest.json"), "utf8")) as {
    files: Record<string, { sha256: string }>;
  };
  for (const [file, { sha256 }] of Object.entries(manifest.files)) {
    const actual = createHash("sha256")
      .update(readFileSync(path.join(from, file)))
      .digest("hex");
    if (actual !== sha256) throw new Error(`${file} does not match the manifest: damaged or changed`);
  }
});
await step(`2/5 creating database ${database}`, async () => {
  const admin = await connect(settings.DATABASE_ADMIN_URL);
  try {
    const { user: owner } = credentialsOf(settings.DATABASE_OWNER_URL);
    // CREATE DATABASE fails when the name is taken: a restore never replaces a database.
    await admin.query(`CREATE DATABASE "${database}" OWNER "${owner}"`);
  } finally {
    await admin.end();
  }
});
await step("3/5 restoring the database (one transaction)", () =>
  run("pg_restore", [
    "--exit-on-error",
    "--single-transaction",
    `--dbname=${withDatabase(settings.DATABASE_ADMIN_URL, database)}`,
    path.join(from, "database.dump"),
  ]),
);
await step(`4/5 unpacking the storage into ${storage}`, () => {
  mkdirSync(storage, { recursive: true });
  run("tar", ["-C", storage, "-xzf", path.join(from, "storage.tar.gz")]);
});
await step("5/5 migrations newer than the backup, functions and privileges", () =>
  run(process.execPath, ["--import", "tsx", "packages/db/scripts/setup-database.ts", database]),
);
console.log(`restore complete: database ${database}, storage ${storage}`);

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd: path.join(import.meta.dirname, ".."),
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr || result.error?.message || `${command} failed`);
}

async function step(title: string, work: () => void | Promise<void>) {
  const started = Date.now();
  process.stdout.write(`${title} … `);
  try {
    await work();
  } catch (error) {
    console.log("failed");
    console.error((error as Error).message);
    process.exit(1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
