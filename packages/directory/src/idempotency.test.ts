import { describe, expect, it } from "vitest";
import { importRequestFingerprint, isValidIdempotencyKey } from "./idempotency";

describe("isValidIdempotencyKey", () => {
  it.each([
    ["a UUID", "0b6f8a52-3c1e-4f7e-9a3d-2f1c5e8b7a90", true],
    ["one character", "x", true],
    ["255 characters", "k".repeat(255), true],
    ["every visible ASCII sign", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", true],
    ["nothing", "", false],
    ["256 characters", "k".repeat(256), false],
    ["300 characters", "k".repeat(300), false],
    ["a NUL", "key\u0000", false],
    ["another control character", "key\u0001", false],
    ["DEL", "key\u007F", false],
    ["a space", "my key", false],
    ["a tab", "my\tkey", false],
    ["Korean", "가져오기-1", false],
    ["a Latin-1 letter", "clé", false],
  ])("%s: %s", (_, key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });
});

describe("importRequestFingerprint", () => {
  const request = {
    fileName: "직원.csv",
    bytes: new TextEncoder().encode("사번,성명\nA-1,김민준\n"),
    full: false,
    applyWhenValid: false,
    createMissingDepartments: false,
    deactivateMissing: false,
  };

  it("is the same for the same request, bytes copied or not", () => {
    expect(importRequestFingerprint({ ...request, bytes: new Uint8Array(request.bytes) })).toBe(
      importRequestFingerprint(request),
    );
    expect(importRequestFingerprint(request)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["another body", { bytes: new TextEncoder().encode("사번,성명\nA-2,이서연\n") }],
    ["another file name", { fileName: "staff.csv" }],
    ["a full import", { full: true }],
    ["applying when valid", { applyWhenValid: true }],
    ["creating departments", { createMissingDepartments: true }],
    ["deactivating the missing", { deactivateMissing: true }],
  ])("differs for %s", (_, change) => {
    expect(importRequestFingerprint({ ...request, ...change })).not.toBe(importRequestFingerprint(request));
  });
});
