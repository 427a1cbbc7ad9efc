// `npm run bench`: every package's benchmark, one after another (they would disturb each other's
// figures in parallel), each printing a table. Benchmarks use their own databases copied from the
// migrated test template.
import { prepare, run } from "./lib.mjs";

process.env.TURBO_TELEMETRY_DISABLED = "1";
prepare({ databases: ["mentoring_test_template"] });
process.exit(run("npx", ["turbo", "run", "bench", "--concurrency=1", "--output-logs=full"]));
