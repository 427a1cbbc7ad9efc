// The domain returns codes; this package words them. A code without a message in every locale would
// reach a user as a raw key.
import { appErrors, auditActions, eligibilityFailureCodes } from "@mentoring/domain";
import { describe, expect, it } from "vitest";
import { missingKeys } from "./message-keys";
import { supportedLocales } from "./resources";

describe.each(supportedLocales)("messages in %s", (locale) => {
  it("word every eligibility failure the domain can return", () => {
    const keys = eligibilityFailureCodes.map((code) => `eligibility.failure.${code}`);
    expect(missingKeys(keys, locale)).toEqual([]);
  });

  it("label every audit action the code writes, for the audit log", () => {
    const keys = auditActions.map((action) => `auditAction.${action}`);
    expect(missingKeys(keys, locale)).toEqual([]);
  });

  it("word every refusal a use case can answer with", () => {
    const keys = Object.values(appErrors).map((definition) => definition.message);
    expect(missingKeys(keys, locale)).toEqual([]);
  });
});
