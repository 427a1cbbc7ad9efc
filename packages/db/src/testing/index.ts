import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { config } from "@mentoring/config";
import { createDatabase, type Database } from "../database";
import {
  connect,
  credentialsOf,
  type DatabaseUrls,
  databaseExists,
  provisionDatabase,
  withDatabase,
} from "../provision";

/**
 * Integration tests run against the real PostgreSQL, each test file in a fresh database copied from a
 * migrated template, connected as the app role so row-level security is in force.
 */

export const TEST_TEMPLATE_DATABASE = "mentoring_test_template";

function urlsFor(database: string): DatabaseUrls {
  const { DATABASE_ADMIN_URL, DATABASE_OWNER_URL, DATABASE_URL } = config();
  return {
    admin: DATABASE_ADMIN_URL,
    owner: withDatabase(DATABASE_OWNER_URL, database),
    app: withDatabase(DATABASE_URL, database),
  };
}

const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

async function templateIsCurrent(urls: DatabaseUrls): Promise<boolean> {
  if (!(await databaseExists(urls.admin, TEST_TEMPLATE_DATABASE))) return false;
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

/** Migrates the template database when it is missing or behind the migrations folder. */
export async function ensureTestTemplate(): Promise<void> {
  const urls = urlsFor(TEST_TEMPLATE_DATABASE);
  if (await templateIsCurrent(urls)) return;
  await provisionDatabase(urls);
}

export interface TestDatabase {
  name: string;
  urls: DatabaseUrls;
  /** Connected as the app role. */
  db: Database;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `mentoring_test_${randomBytes(6).toString("hex")}`;
  const urls = urlsFor(name);
  const { user: owner } = credentialsOf(urls.owner);
  const maintenance = await connect(withDatabase(urls.owner, "postgres"));
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await maintenance.query(
          `CREATE DATABASE "${name}" TEMPLATE "${TEST_TEMPLATE_DATABASE}" OWNER "${owner}"`,
        );
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
