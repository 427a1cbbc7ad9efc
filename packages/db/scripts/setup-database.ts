// Creates the roles and the database when missing, applies migrations as the owner and grants the app
// role. Safe to run on every start. Usage: tsx scripts/setup-database.ts [database-name]
// Without a name it sets up the database named in DATABASE_URL.
import { config } from "@mentoring/config";
import { provisionDatabase, withDatabase } from "../src/provision";

const { DATABASE_ADMIN_URL, DATABASE_OWNER_URL, DATABASE_URL } = config();
const database = process.argv[2] ?? new URL(DATABASE_URL).pathname.slice(1);
try {
  await provisionDatabase({
    admin: DATABASE_ADMIN_URL,
    owner: withDatabase(DATABASE_OWNER_URL, database),
    app: withDatabase(DATABASE_URL, database),
  });
  console.log(`database ${database}: roles, migrations and privileges in place`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
