import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the jobs under test store files: a folder of this test run (read by the config and removed after). */
export const testStorageDir = join(tmpdir(), `mentoring-worker-tests-${process.pid}`);
