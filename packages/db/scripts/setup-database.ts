// Creates the roles and the database when missing, applies migrations as the owner and grants the app
// role. Safe to run on every start. Usage: tsx scripts/setup-database.ts
import { config } from "@mentoring/config";
import { provisionDatabase } from "../src/provision";

const { DATABASE_ADMIN_URL, DATABASE_OWNER_URL, DATABASE_URL } = config();
try {
  await provisionDatabase({ admin: DATABASE_ADMIN_URL, owner: DATABASE_OWNER_URL, app: DATABASE_URL });
  console.log(`database ready: ${new URL(DATABASE_URL).pathname.slice(1)} (migrations applied)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
