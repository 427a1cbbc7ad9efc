import { randomBytes } from "node:crypto";

/**
 * Certificate serial numbers: 27 random symbols of Crockford's base 32 (135 bits, unguessable) and one
 * check symbol, printed in seven groups of four: `7KQ2-M9XA-…-R4TV`. The canonical form (upper case,
 * grouped) is what is printed, signed, stored and put in the verification URL.
 *
 * The check symbol comes from Damm's algorithm over GF(32) instead of Crockford's own mod-37 check,
 * whose five extra symbols (`* ~ $ = U`) are awkward in URLs, file names and on the phone. It detects
 * every single mistyped symbol and every swap of two neighbouring symbols, so a typo is caught before
 * any lookup.
 */

export type Serial = string & { readonly __brand: "CertificateSerial" };

/** Crockford's base 32: digits and upper-case letters without I, L, O and U. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_SYMBOLS = 27;
const GROUP = 4;
export const SERIAL_LENGTH = RANDOM_SYMBOLS + 1;

const VALUE_OF = new Map<string, number>([...ALPHABET].map((symbol, value) => [symbol, value]));
// Crockford's decoding: letters people mistake for digits read as those digits.
for (const [alias, symbol] of [
  ["O", "0"],
  ["I", "1"],
  ["L", "1"],
] as const)
  VALUE_OF.set(alias, VALUE_OF.get(symbol) as number);

/**
 * Multiplies by the generator x in GF(32) = GF(2)[x]/(x^5 + x^2 + 1). With it, `a ∗ b = 2a ⊕ b` is a
 * totally anti-symmetric quasigroup ((c∗a)∗b = (c∗b)∗a only when a = b), which is what Damm needs.
 */
function double(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ 0b100101 : shifted;
}

/** Damm's interim value after the symbols: 0 for a string that carries its own correct check symbol. */
function interim(values: readonly number[]): number {
  let carry = 0;
  for (const value of values) carry = double(carry) ^ value;
  return carry;
}

function group(symbols: string): Serial {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join("-") as Serial;
}

/** A new random serial. `random` (at least 27 bytes, for tests) defaults to the system's secure source. */
export function newSerial(random: Uint8Array = randomBytes(RANDOM_SYMBOLS)): Serial {
  if (random.length < RANDOM_SYMBOLS) throw new RangeError(`a serial needs ${RANDOM_SYMBOLS} random bytes`);
  const values = Array.from(random.subarray(0, RANDOM_SYMBOLS), (byte) => byte & 0b11111);
  values.push(double(interim(values)));
  return group(values.map((value) => ALPHABET[value]).join(""));
}

export type SerialParse = { ok: true; serial: Serial } | { ok: false; reason: "format" | "checksum" };

/**
 * Reads a serial as a person may type it: any case, with or without hyphens or spaces, O for 0 and I or
 * L for 1. "format" when it cannot be a serial (length, symbols), "checksum" when it is mistyped.
 */
export function parseSerial(text: string): SerialParse {
  const symbols = text.replace(/[\s-]/g, "").toUpperCase();
  if (symbols.length !== SERIAL_LENGTH) return { ok: false, reason: "format" };
  const values: number[] = [];
  for (const symbol of symbols) {
    const value = VALUE_OF.get(symbol);
    if (value === undefined) return { ok: false, reason: "format" };
    values.push(value);
  }
  if (interim(values) !== 0) return { ok: false, reason: "checksum" };
  return { ok: true, serial: group(values.map((value) => ALPHABET[value]).join("")) };
}

/** The public page that confirms a certificate: `{baseUrl}/verify/{serial}`. */
export function verificationUrl(baseUrl: string, serial: Serial): string {
  return `${baseUrl.replace(/\/+$/, "")}/verify/${serial}`;
}
