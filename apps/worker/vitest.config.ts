import { testConfig } from "../../vitest.shared";
import { testStorageDir } from "./test/storage-dir";

export default testConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    // Files the jobs store (certificate PDFs and ZIPs) go to a folder of this run, removed after it.
    env: { STORAGE_DIR: testStorageDir },
  },
});
