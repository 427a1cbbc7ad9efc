import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { gangneung, yongin, yonginPair } from "../test/fixtures";
import { type CertificateContent, certificateContentSchema } from "./certificate-content";
import { newSerial } from "./serial";
import {
  certificateStatus,
  generateSigningKey,
  openSigningKey,
  SigningKeyError,
  signCertificate,
  verifyCertificate,
} from "./signing";

const ENCRYPTION_KEY = "a".repeat(64);
const key = generateSigningKey(yongin.id, ENCRYPTION_KEY);
const privateKey = openSigningKey(key, yongin.id, ENCRYPTION_KEY);
const content = certificateContentSchema.parse(yonginPair());
const signature = signCertificate(content, privateKey);

/** Every signed field, changed the way a forger (or a typo) would. */
const changes: Record<string, (c: CertificateContent) => unknown> = {
  serial: (c) => ({ ...c, serial: newSerial() }),
  "tenant id": (c) => ({ ...c, tenant: { ...c.tenant, id: gangneung.id } }),
  "tenant name": (c) => ({ ...c, tenant: { ...c.tenant, name: "강릉시" } }),
  program: (c) => ({ ...c, program: "리버스 멘토링" }),
  cohort: (c) => ({ ...c, cohort: "2025년 2기" }),
  "a mentor's name": (c) => ({ ...c, mentors: ["김민주"] }),
  "a mentee added": (c) => ({ ...c, mentees: [...c.mentees, "박서준"] }),
  "the mentees' order": (c) => ({ ...c, mentees: [...c.mentees].reverse() }),
  date: (c) => ({ ...c, date: "2025-04-16" }),
  "signer name": (c) => ({ ...c, signer: { ...c.signer, name: "홍길순" } }),
  "signer title": (c) => ({ ...c, signer: { ...c.signer, title: "시장" } }),
  "issued at": (c) => ({ ...c, issuedAt: "2025-04-15T01:00:01.000Z" }),
};

describe("a certificate's signature", () => {
  it("verifies for the content it was made over", () => {
    expect(verifyCertificate(content, signature, key.publicKey)).toBe("valid");
    expect(certificateStatus({ content, signature, publicKey: key.publicKey, revokedAt: null })).toBe(
      "valid",
    );
  });

  it("verifies content read back in another form of the same meaning (keys reordered, NFD names)", () => {
    const reread = JSON.parse(
      JSON.stringify({ ...content, mentors: content.mentors.map((n) => n.normalize("NFD")) }),
    );
    expect(verifyCertificate(reread, signature, key.publicKey)).toBe("valid");
  });

  it.each(Object.keys(changes))("fails when %s changes", (field) => {
    const changed = (changes[field] as (c: CertificateContent) => unknown)(content);
    expect(verifyCertificate(changed as CertificateContent, signature, key.publicKey)).toBe("invalid");
  });

  it("fails when the signature is tampered with, cut short or not base64url", () => {
    const bytes = Buffer.from(signature, "base64url");
    bytes[10] = (bytes[10] as number) ^ 1;
    expect(verifyCertificate(content, bytes.toString("base64url"), key.publicKey)).toBe("invalid");
    expect(verifyCertificate(content, signature.slice(0, -2), key.publicKey)).toBe("invalid");
    expect(verifyCertificate(content, `${signature}!`, key.publicKey)).toBe("invalid");
    expect(verifyCertificate(content, "", key.publicKey)).toBe("invalid");
  });

  it("fails under another tenant's key, and with a malformed key", () => {
    const other = generateSigningKey(gangneung.id, ENCRYPTION_KEY);
    expect(verifyCertificate(content, signature, other.publicKey)).toBe("invalid");
    expect(verifyCertificate(content, signature, "not a key")).toBe("invalid");
  });

  it("fails for content that is not a certificate, without throwing", () => {
    expect(
      verifyCertificate({ ...content, extra: 1 } as unknown as CertificateContent, signature, key.publicKey),
    ).toBe("invalid");
    expect(verifyCertificate(null as unknown as CertificateContent, signature, key.publicKey)).toBe(
      "invalid",
    );
  });
});

describe("a certificate's status", () => {
  it("is revoked when a genuine certificate was revoked", () => {
    expect(certificateStatus({ content, signature, publicKey: key.publicKey, revokedAt: new Date() })).toBe(
      "revoked",
    );
  });

  it("is invalid, not revoked, for a forgery of a revoked certificate", () => {
    const forged = { ...content, mentors: ["김민주"] };
    expect(
      certificateStatus({ content: forged, signature, publicKey: key.publicKey, revokedAt: new Date() }),
    ).toBe("invalid");
  });
});

describe("a tenant's signing key", () => {
  it("round-trips through encryption: the opened key signs what the public key verifies", () => {
    const fresh = generateSigningKey(gangneung.id, ENCRYPTION_KEY);
    const opened = openSigningKey(fresh, gangneung.id, ENCRYPTION_KEY);
    expect(verifyCertificate(content, signCertificate(content, opened), fresh.publicKey)).toBe("valid");
    expect(fresh.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(fresh.publicKey, "base64url")).toHaveLength(32);
  });

  it("is stored sealed: the private key's bytes do not appear in it", () => {
    const der = privateKey.export({ format: "der", type: "pkcs8" });
    expect(key.sealedPrivateKey).toMatch(/^v1\./);
    expect(key.sealedPrivateKey).not.toContain(der.toString("base64"));
    expect(key.sealedPrivateKey).not.toContain(der.subarray(-32).toString("base64url"));
  });

  it("does not open with another encryption key, and says so", () => {
    const wrongKey = randomBytes(32).toString("hex");
    expect(() => openSigningKey(key, yongin.id, wrongKey)).toThrow(SigningKeyError);
    expect(() => openSigningKey(key, yongin.id, wrongKey)).toThrow(
      /signing key [0-9a-f]{16} of tenant .* does not open.*DATA_ENCRYPTION_KEY/,
    );
  });

  it("does not open as another tenant's key, nor with a malformed encryption key", () => {
    expect(() => openSigningKey(key, gangneung.id, ENCRYPTION_KEY)).toThrow(SigningKeyError);
    expect(() => openSigningKey(key, yongin.id, "short")).toThrow(/64 hexadecimal characters/);
  });

  it("refuses a sealed key that belongs to another public key", () => {
    const other = generateSigningKey(yongin.id, ENCRYPTION_KEY);
    expect(() =>
      openSigningKey({ ...key, sealedPrivateKey: other.sealedPrivateKey }, yongin.id, ENCRYPTION_KEY),
    ).toThrow(/does not match its public key/);
  });
});
