import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets the platform must use again later (an SSO client secret), kept in the database encrypted with
 * AES-256-GCM under DATA_ENCRYPTION_KEY. The sealed form is `v1.<iv>.<tag>.<ciphertext>` (base64url), so
 * the format can change without guessing. `context` (e.g. the tenant id) is bound as additional data: a
 * sealed value copied into another tenant's row does not open there.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

function keyFrom(hex: string): Buffer {
  if (!/^[0-9a-f]{64}$/i.test(hex))
    throw new SecretBoxError("the encryption key must be 64 hexadecimal characters");
  return Buffer.from(hex, "hex");
}

export function encryptSecret(plaintext: string, keyHex: string, context = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(keyHex), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Opens what encryptSecret sealed; throws SecretBoxError when the value was altered, or the key or context differ. */
export function decryptSecret(sealed: string, keyHex: string, context = ""): string {
  const key = keyFrom(keyHex);
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError("not a sealed secret");
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url")) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError(
      "the sealed secret does not open with this key (altered, or another key or context)",
    );
  }
}
