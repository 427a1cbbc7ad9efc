import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { defaultNamespace, resources } from "./resources";
import "./typed-keys";

// The type check is the test here: it fails if `t()` accepts a key that has no message.
describe("typed message keys", () => {
  it("take the keys of the Korean messages and refuse any other", async () => {
    const i18n = createInstance();
    await i18n.init({ lng: "ko", resources, defaultNS: defaultNamespace });
    expect(i18n.t("nav.home")).toBe("홈");
    // @ts-expect-error: no message has this key
    expect(i18n.t("no.such.key")).toBe("no.such.key");
  });
});
