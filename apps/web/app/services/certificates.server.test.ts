import { describe, expect, it } from "vitest";
import { instantAt } from "./certificates.server";

describe("the ceremony's date and time on the tenant's clock", () => {
  it("reads 14:00 in Seoul as 05:00 UTC", () => {
    expect(instantAt("2025-04-15", "14:00", "Asia/Seoul")?.toISOString()).toBe("2025-04-15T05:00:00.000Z");
  });

  it("crosses the date line backwards for an early morning in Seoul", () => {
    expect(instantAt("2025-01-01", "08:30", "Asia/Seoul")?.toISOString()).toBe("2024-12-31T23:30:00.000Z");
  });

  it("follows summer time where a zone has it", () => {
    expect(instantAt("2025-07-01", "12:00", "Europe/Berlin")?.toISOString()).toBe("2025-07-01T10:00:00.000Z");
    expect(instantAt("2025-01-15", "12:00", "Europe/Berlin")?.toISOString()).toBe("2025-01-15T11:00:00.000Z");
  });

  it("refuses a day or time that does not exist", () => {
    expect(instantAt("2025-02-30", "14:00", "Asia/Seoul")).toBeNull();
    expect(instantAt("2025-04-15", "24:00", "Asia/Seoul")).toBeNull();
    expect(instantAt("2025-04-15", "2pm", "Asia/Seoul")).toBeNull();
    expect(instantAt("", "", "Asia/Seoul")).toBeNull();
  });
});
