import { testConfig } from "../../vitest.shared";

export default testConfig({
  test: {
    include: ["app/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    globalSetup: ["./test/global-setup.ts"],
  },
});
