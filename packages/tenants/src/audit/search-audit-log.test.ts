import { describe, expect, it } from "vitest";
import { auditSearchQuery } from "./search-audit-log";

describe("the audit search's date range", () => {
  it("keeps real days and drops what is not one, so a mistyped date filters nothing", () => {
    expect(auditSearchQuery.parse({ from: "2025-01-01", to: "2025-01-31" })).toMatchObject({
      from: "2025-01-01",
      to: "2025-01-31",
    });
    expect(auditSearchQuery.parse({ from: "2025-02-30", to: "2025-13-01" })).toMatchObject({
      from: undefined,
      to: undefined,
    });
  });

  it("drops a last day that has no next day to end at", () => {
    expect(auditSearchQuery.parse({ to: "9999-12-31" }).to).toBeUndefined();
  });
});
