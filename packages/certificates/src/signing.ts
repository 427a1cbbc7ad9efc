import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { decryptSecret, encryptSecret, SecretBoxError } from "@mentoring/auth";
import {
  type CertificateContent,
  type CertificateContentInput,
  canonicalContent,
  certificateContentSchema,
} from "./certificate-content";

/**
 * Each tenant signs its certificates with its own Ed25519 key (node:crypto). The public key is kept in
 * the clear (the verify page needs it); the private key only sealed with DATA_ENCRYPTION_KEY through
 * @mentoring/auth's secret box, bound to the tenant so a sealed key copied to another tenant's row does
 * not open there.
 */

export interface TenantSigningKey {
  /** Short name of the key, to pick the right one after a rotation: hex of SHA-256(public key), 16 digits. */
  keyId: string;
  /** The raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  /** The PKCS #8 private key, sealed (AES-256-GCM) for this tenant. */
  sealedPrivateKey: string;
}

export class SigningKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SigningKeyError";
  }
}

const sealContext = (tenantId: string) => `certificate-signing-key:${tenantId}`;

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" });
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string")
    throw new SigningKeyError("not an Ed25519 key");
  return Buffer.from(jwk.x, "base64url");
}

const keyIdOf = (raw: Buffer) => createHash("sha256").update(raw).digest("hex").slice(0, 16);

/** A new key pair for a tenant, the private half sealed with `encryptionKey` (64 hex digits). */
export function generateSigningKey(tenantId: string, encryptionKey: string): TenantSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(publicKey);
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  let sealedPrivateKey: string;
  try {
    sealedPrivateKey = encryptSecret(pkcs8, encryptionKey, sealContext(tenantId));
  } catch (error) {
    throw new SigningKeyError(`cannot seal the signing key: ${(error as Error).message}`, { cause: error });
  }
  return { keyId: keyIdOf(raw), publicKey: raw.toString("base64url"), sealedPrivateKey };
}

/**
 * The tenant's private key, ready to sign. Throws SigningKeyError when it does not open with
 * `encryptionKey` (another DATA_ENCRYPTION_KEY, another tenant's row, an altered value) or does not
 * belong to the stored public key.
 */
export function openSigningKey(key: TenantSigningKey, tenantId: string, encryptionKey: string): KeyObject {
  let pkcs8: string;
  try {
    pkcs8 = decryptSecret(key.sealedPrivateKey, encryptionKey, sealContext(tenantId));
  } catch (error) {
    if (error instanceof SecretBoxError)
      throw new SigningKeyError(
        `the certificate signing key ${key.keyId} of tenant ${tenantId} does not open: ${error.message}. ` +
          "Is DATA_ENCRYPTION_KEY the one the key was sealed with?",
        { cause: error },
      );
    throw error;
  }
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8, "base64"), format: "der", type: "pkcs8" });
  if (!rawPublicKey(createPublicKey(privateKey)).equals(Buffer.from(key.publicKey, "base64url")))
    throw new SigningKeyError(`the private key of ${key.keyId} does not match its public key`);
  return privateKey;
}

/** The Ed25519 signature (base64url) over the certificate's canonical content. */
export function signCertificate(content: CertificateContent, privateKey: KeyObject): string {
  return sign(null, canonicalContent(content), privateKey).toString("base64url");
}

/** The bytes, or null unless `text` is their one base64url spelling (Node's decoder skips stray characters). */
function strictBase64url(text: unknown, length: number): Buffer | null {
  if (typeof text !== "string") return null;
  const bytes = Buffer.from(text, "base64url");
  return bytes.length === length && bytes.toString("base64url") === text ? bytes : null;
}

export type Verification = "valid" | "invalid";

/**
 * "valid" only when `signature` is the tenant key's signature over exactly this content. Content that is
 * not a certificate, a malformed signature or key, all answer "invalid": never an exception, since these
 * come from whoever asks the public verify page.
 */
export function verifyCertificate(
  content: CertificateContentInput | CertificateContent,
  signature: string,
  publicKey: string,
): Verification {
  const parsed = certificateContentSchema.safeParse(content);
  if (!parsed.success) return "invalid";
  const signatureBytes = strictBase64url(signature, 64);
  const keyBytes = strictBase64url(publicKey, 32);
  if (!signatureBytes || !keyBytes) return "invalid";
  try {
    const key = createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: keyBytes.toString("base64url") },
      format: "jwk",
    });
    return verify(null, canonicalContent(parsed.data), key, signatureBytes) ? "valid" : "invalid";
  } catch {
    return "invalid";
  }
}

export type CertificateStatus = "valid" | "invalid" | "revoked";

/**
 * What the verify page says. A forged certificate is "invalid" even when a real one with its serial
 * was revoked: only a genuine certificate can be "revoked".
 */
export function certificateStatus(certificate: {
  content: CertificateContentInput | CertificateContent;
  signature: string;
  publicKey: string;
  revokedAt: Date | null;
}): CertificateStatus {
  if (verifyCertificate(certificate.content, certificate.signature, certificate.publicKey) === "invalid")
    return "invalid";
  return certificate.revokedAt ? "revoked" : "valid";
}
