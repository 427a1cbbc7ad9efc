/**
 * One byte sequence for one meaning, so that a signature made today verifies tomorrow on another machine:
 * JSON with object keys sorted (by UTF-16 code unit, as in RFC 8785), no white space, every string in
 * Unicode NFC (a name typed on a Mac arrives decomposed, "홍" as three jamo), and only plain data.
 * Anything else (undefined, NaN, dates, class instances) is refused rather than guessed at.
 */

export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue };

function write(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.normalize("NFC"));
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number`);
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(",")}]`;
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null)
        throw new TypeError(`${path} is not plain data (${prototype?.constructor?.name ?? "unknown"})`);
      const entries = Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => [key.normalize("NFC"), item] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (let i = 1; i < entries.length; i++)
        if (entries[i]?.[0] === entries[i - 1]?.[0])
          throw new TypeError(`${path} has two keys that are the same in NFC: ${entries[i]?.[0]}`);
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item, `${path}.${key}`)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`${path} is ${typeof value}, which has no canonical form`);
  }
}

/** The canonical JSON text of `value`. */
export function canonicalJson(value: unknown): string {
  return write(value, "value");
}

/** The canonical form as UTF-8 bytes: what is signed and hashed. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), "utf8");
}
