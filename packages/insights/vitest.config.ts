import { testConfig } from "../../vitest.shared";

export default testConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
  },
});
