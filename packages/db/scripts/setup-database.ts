// Creates the roles and the database when missing, applies migrations as the owner and grants the app
// role. Safe to run on every start. Usage: tsx scripts/setup-database.ts [database-name] [--fresh]
// Without a name it sets up the database named in DATABASE_URL; --fresh drops it first, so that every
// migration is applied from empty (the test template uses it).
import { config } from "@mentoring/config";
import { dropDatabase, provisionDatabase, withDatabase } from "../src/provision";

const { DATABASE_ADMIN_URL, DATABASE_OWNER_URL, DATABASE_URL, DATABASE_INSIGHTS_URL } = config();
const args = process.argv.slice(2);
const fresh = args.includes("--fresh");
const database = args.find((arg) => !arg.startsWith("--")) ?? new URL(DATABASE_URL).pathname.slice(1);
const urls = {
  admin: DATABASE_ADMIN_URL,
  owner: withDatabase(DATABASE_OWNER_URL, database),
  app: withDatabase(DATABASE_URL, database),
  insights: withDatabase(DATABASE_INSIGHTS_URL, database),
};
try {
  if (fresh) await dropDatabase(urls.admin, database);
  await provisionDatabase(urls);
  console.log(`database ${database}: roles, migrations, functions and privileges in place`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
