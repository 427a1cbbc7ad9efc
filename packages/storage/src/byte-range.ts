import type { ByteRange } from "./file-storage";

/**
 * What an HTTP Range header (RFC 9110 §14) asks of a file of `size` bytes: one range of bytes (`start`
 * and `end` included), "unsatisfiable" when it asks for none of them (answered 416), or null when the
 * whole file is to be sent: no header, another unit, several ranges (allowed to be answered whole) or a
 * header that does not parse (to be ignored, says the RFC).
 */
export function requestedRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (header === null) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start)) return "unsatisfiable";
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { start, end };
}
