import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { hashToken, isBearer, newToken, sameToken } from "./token";

describe("passwords", () => {
  it("are stored as argon2id hashes that verify the right password only", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "Correct horse battery staple")).toBe(false);
  });

  it("never verify for an account without a password", async () => {
    expect(await verifyPassword(null, "anything")).toBe(false);
  });

  it("treat a corrupt hash as a mismatch, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

describe("tokens", () => {
  it("are unguessable and URL-safe, and stored only as their hash", () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
  });

  it("compare in constant time and only when equal", () => {
    expect(sameToken("abc", "abc")).toBe(true);
    expect(sameToken("abc", "abd")).toBe(false);
    expect(sameToken("abc", "abcd")).toBe(false);
  });

  it("accept a bearer header carrying exactly the expected token, and none when no token is expected", () => {
    expect(isBearer("Bearer s3cret-token", "s3cret-token")).toBe(true);
    expect(isBearer("Bearer s3cret-tokem", "s3cret-token")).toBe(false);
    expect(isBearer("s3cret-token", "s3cret-token")).toBe(false);
    expect(isBearer(undefined, "s3cret-token")).toBe(false);
    expect(isBearer("Bearer ", undefined)).toBe(false);
  });
});
