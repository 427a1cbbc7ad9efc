// Writes the next migration: the SQL that takes prisma/migrated-schema.prisma (the schema the existing
// migrations produce) to prisma/schema.prisma, then records the new schema as migrated.
// Usage: npm run migration:new -w @mentoring/db -- <name in snake_case>
// Why not `migrate dev` or `--from-migrations`: see docs/adr/0002-prisma-offline.md.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { runPrisma } from "../src/provision";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -w @mentoring/db -- <name in snake_case>");
  process.exit(1);
}

const output = await runPrisma([
  "migrate",
  "diff",
  "--from-schema-datamodel",
  "prisma/migrated-schema.prisma",
  "--to-schema-datamodel",
  "prisma/schema.prisma",
  "--script",
]);
const sql = output
  .split("\n")
  .filter((line) => !line.startsWith("Loaded Prisma config"))
  .join("\n")
  .trim();
if (sql === "" || sql.includes("This is an empty migration")) {
  console.log("prisma/schema.prisma has no change that needs a migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `prisma/migrations/${stamp}_${name}`;
await mkdir(new URL(`../${folder}/`, import.meta.url), { recursive: true });
await writeFile(new URL(`../${folder}/migration.sql`, import.meta.url), `${sql}\n`);
await copyFile(
  new URL("../prisma/schema.prisma", import.meta.url),
  new URL("../prisma/migrated-schema.prisma", import.meta.url),
);
console.log(
  `wrote ${folder}/migration.sql\nReview it, and add row-level security (ENABLE, FORCE, policy) for every new tenant table.`,
);
