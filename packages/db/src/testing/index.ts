import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { config } from "@mentoring/config";
import { createDatabase, type Database } from "../database";
import {
  connect,
  credentialsOf,
  type DatabaseUrls,
  databaseExists,
  provisionDatabase,
  provisioningFingerprint,
  withDatabase,
} from "../provision";
import { type SeedSummary, seedAll } from "../seed";

/**
 * Integration tests run against the real PostgreSQL, each test file in a fresh database copied from a
 * migrated template, connected as the app role so row-level security is in force.
 */

export const TEST_TEMPLATE_DATABASE = "mentoring_test_template";
/** The migrated template with the two real cities seeded (`seedAll`): most integration tests start there. */
export const SEEDED_TEST_TEMPLATE_DATABASE = "mentoring_test_seeded";

function urlsFor(database: string): DatabaseUrls {
  const { DATABASE_ADMIN_URL, DATABASE_OWNER_URL, DATABASE_URL, DATABASE_INSIGHTS_URL } = config();
  return {
    admin: DATABASE_ADMIN_URL,
    owner: withDatabase(DATABASE_OWNER_URL, database),
    app: withDatabase(DATABASE_URL, database),
    insights: withDatabase(DATABASE_INSIGHTS_URL, database),
  };
}

const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
async function templateIsCurrent(urls: DatabaseUrls): Promise<boolean> {
  if (!(await databaseExists(urls.admin, TEST_TEMPLATE_DATABASE))) return false;
  const admin = await connect(urls.admin);
  try {
    const { rows } = await admin.query<{ label: string | null }>(
      "select shobj_description(oid, 'pg_database') as label from pg_database where datname = $1",
      [TEST_TEMPLATE_DATABASE],
    );
    // Provisioning also installs functions, policies and privileges: made by other code, it is stale.
    if (rows[0]?.label !== (await provisioningFingerprint())) return false;
  } finally {
    await admin.end();
  }
  const expected = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const client = await connect(urls.owner);
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      "select migration_name from _prisma_migrations where finished_at is not null order by migration_name",
    );
    return JSON.stringify(rows.map((row) => row.migration_name)) === JSON.stringify(expected);
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/**
 * Migrates the template database when it is missing or behind the migrations folder, and seeds its copy,
 * the seeded template, when that is missing or was made from other migrations, another seed or on another
 * day (the seed's invitations expire). Test processes started together wait for one another here.
 */
export async function ensureTestTemplate(): Promise<void> {
  const urls = urlsFor(TEST_TEMPLATE_DATABASE);
  // As the administrator: on a new machine the owner role is made by provisioning itself.
  const maintenance = await connect(urls.admin);
  try {
    await maintenance.query("select pg_advisory_lock(hashtext('mentoring test templates'))");
    if (!(await templateIsCurrent(urls))) await provisionDatabase(urls);
    const fingerprint = await seededTemplateFingerprint();
    if ((await readSeededTemplate(maintenance))?.fingerprint !== fingerprint) {
      await makeSeededTemplate(maintenance, fingerprint);
    }
  } finally {
    await maintenance.end();
  }
}

interface SeededTemplateLabel {
  fingerprint: string;
  seeded: SeedSummary[];
}

const seedDir = fileURLToPath(new URL("../seed", import.meta.url));

/** What the seeded template is made from: the migrations, the seed's sources and the day. */
async function seededTemplateFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of (await readdir(migrationsDir)).sort()) hash.update(entry);
  hash.update(await provisioningFingerprint());
  for (const file of (await readdir(seedDir)).filter((name) => name.endsWith(".ts")).sort()) {
    hash.update(file).update(await readFile(`${seedDir}/${file}`));
  }
  hash.update(new Date().toISOString().slice(0, 10));
  return hash.digest("hex");
}

/** The seeded template's label, kept as the database's comment (a copy does not carry it). */
async function readSeededTemplate(client: Awaited<ReturnType<typeof connect>>) {
  const { rows } = await client.query<{ label: string | null }>(
    "select shobj_description(oid, 'pg_database') as label from pg_database where datname = $1",
    [SEEDED_TEST_TEMPLATE_DATABASE],
  );
  const label = rows[0]?.label;
  return label ? (JSON.parse(label) as SeededTemplateLabel) : undefined;
}

async function makeSeededTemplate(client: Awaited<ReturnType<typeof connect>>, fingerprint: string) {
  const name = SEEDED_TEST_TEMPLATE_DATABASE;
  const { user: owner } = credentialsOf(urlsFor(name).owner);
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEST_TEMPLATE_DATABASE}" OWNER "${owner}"`);
  const db = createDatabase(urlsFor(name).app, { poolSize: 1 });
  try {
    const seeded = await seedAll(db);
    const label: SeededTemplateLabel = { fingerprint, seeded };
    await client.query(`COMMENT ON DATABASE "${name}" IS ${client.escapeLiteral(JSON.stringify(label))}`);
  } finally {
    await db.disconnect();
  }
}

export interface TestDatabase {
  name: string;
  urls: DatabaseUrls;
  /** Connected as the app role. */
  db: Database;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return copyDatabase(TEST_TEMPLATE_DATABASE);
}

export interface SeededTestDatabase extends TestDatabase {
  /** What `seedAll` wrote: Yongin's and Gangneung's tenant ids, directories and accounts. */
  seeded: SeedSummary[];
}

/** A fresh database with the two real cities already seeded, as `seedAll` leaves them. */
export async function createSeededTestDatabase(): Promise<SeededTestDatabase> {
  const maintenance = await connect(withDatabase(urlsFor(TEST_TEMPLATE_DATABASE).owner, "postgres"));
  const label = await readSeededTemplate(maintenance).finally(() => maintenance.end());
  if (!label) throw new Error("the seeded test template is missing: run ensureTestTemplate() first");
  return { ...(await copyDatabase(SEEDED_TEST_TEMPLATE_DATABASE)), seeded: label.seeded };
}

async function copyDatabase(template: string): Promise<TestDatabase> {
  const name = `mentoring_test_${randomBytes(6).toString("hex")}`;
  const urls = urlsFor(name);
  const { user: owner } = credentialsOf(urls.owner);
  const maintenance = await connect(withDatabase(urls.owner, "postgres"));
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await maintenance.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER "${owner}"`);
        break;
      } catch (error) {
        // Two files copying the template at the same instant: the second waits and tries again.
        if ((error as { code?: string }).code !== "55006" || attempt === 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await maintenance.end();
  }
  const db = createDatabase(urls.app, { poolSize: 4 });
  return {
    name,
    urls,
    db,
    async drop() {
      await db.disconnect();
      // As the administrator: a connection the test opened itself (or one the pool is still closing) belongs
      // to the app role, and only a superuser may end another role's session for the FORCE drop.
      const admin = await connect(urls.admin);
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

export {
  copyOrganisation,
  type OrganisationCopy,
  remappedIds,
  uuidColumnsOf,
} from "./copy-organisation";
export {
  type InsightCohortFixture,
  type InsightTenantFixture,
  publishInsightFixture,
  sampleInsightCohorts,
} from "./insight-aggregates";
export { type PrivateServer, startPrivateServer } from "./private-server";
export { type ReplicaFigures, type StreamingReplica, startStreamingReplica } from "./replica";
