import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretBoxError } from "./secret-box";

const key = "6d656e746f72696e672d6c6f63616c2d646576656c6f706d656e742d6b657921";
const otherKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

/** Flips one bit of the base64url part at `index` of a sealed value. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index] as string, "base64url");
  bytes[0] = (bytes[0] as number) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("secret box", () => {
  it("opens what it sealed, Korean text included", () => {
    const secret = "s3cr3t-클라이언트-비밀";
    expect(decryptSecret(encryptSecret(secret, key), key)).toBe(secret);
    expect(decryptSecret(encryptSecret("", key), key)).toBe("");
  });

  it("never stores the plaintext and seals the same secret differently each time", () => {
    const first = encryptSecret("client-secret", key);
    const second = encryptSecret("client-secret", key);
    expect(first).not.toContain("client-secret");
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it.each([
    ["iv", 1],
    ["tag", 2],
    ["ciphertext", 3],
  ])("detects a changed %s", (_part, index) => {
    const sealed = encryptSecret("client-secret", key);
    expect(() => decryptSecret(tamper(sealed, index), key)).toThrow(SecretBoxError);
  });

  it("refuses to open with another key", () => {
    expect(() => decryptSecret(encryptSecret("client-secret", key), otherKey)).toThrow(SecretBoxError);
  });

  it("binds the context: a value sealed for one tenant does not open for another", () => {
    const sealed = encryptSecret("client-secret", key, "tenant-a");
    expect(decryptSecret(sealed, key, "tenant-a")).toBe("client-secret");
    expect(() => decryptSecret(sealed, key, "tenant-b")).toThrow(SecretBoxError);
  });

  it("refuses malformed values and keys", () => {
    expect(() => decryptSecret("plain-text", key)).toThrow(SecretBoxError);
    expect(() => decryptSecret("v2.a.b.c", key)).toThrow(SecretBoxError);
    expect(() => encryptSecret("x", "abc")).toThrow(SecretBoxError);
  });
});
