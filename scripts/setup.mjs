// `npm run setup`: installs dependencies, generates the Prisma client, checks PostgreSQL and Redis, and
// migrates the database named in DATABASE_URL. Safe to run again.
import { prepare } from "./lib.mjs";

prepare({ databases: [null] });
