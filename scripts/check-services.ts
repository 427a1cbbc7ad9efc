// Says within seconds whether PostgreSQL and Redis answer, and how to start the one that does not.
import { config } from "@mentoring/config";
import { DatabaseUnreachableError } from "@mentoring/db";
import { connect } from "@mentoring/db/provision";
import { assertRedisReachable } from "@mentoring/jobs";

const settings = config();
let failed = false;
try {
  const client = await connect(settings.DATABASE_ADMIN_URL);
  const { rows } = await client.query<{ server_version: string }>("show server_version");
  await client.end();
  console.log(
    `PostgreSQL ${rows[0]?.server_version} answers at ${new URL(settings.DATABASE_ADMIN_URL).host}`,
  );
} catch (error) {
  failed = true;
  console.error(
    error instanceof DatabaseUnreachableError ? error.message : `PostgreSQL: ${(error as Error).message}`,
  );
}
try {
  await assertRedisReachable(settings.REDIS_URL);
  console.log(`Redis answers at ${new URL(settings.REDIS_URL).host}`);
} catch (error) {
  failed = true;
  console.error((error as Error).message);
}
process.exit(failed ? 1 : 0);
