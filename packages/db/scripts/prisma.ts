// The Prisma CLI with the variables it needs to run offline, e.g. `tsx scripts/prisma.ts generate`.
import { runPrisma } from "../src/provision";

try {
  process.stdout.write(await runPrisma(process.argv.slice(2)));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
