import { describe, expect, it } from "vitest";
import { newSerial, parseSerial, SERIAL_LENGTH, verificationUrl } from "./serial";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("certificate serials", () => {
  it("are 28 symbols of Crockford base 32 in seven groups of four", () => {
    const serial = newSerial();
    expect(serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
    expect(serial.replaceAll("-", "")).toHaveLength(SERIAL_LENGTH);
  });

  it("are different every time (135 random bits)", () => {
    const serials = new Set(Array.from({ length: 5000 }, () => newSerial()));
    expect(serials.size).toBe(5000);
  });

  it("read back as themselves", () => {
    const serial = newSerial();
    expect(parseSerial(serial)).toEqual({ ok: true, serial });
  });

  it("are read as people type them: lower case, without hyphens, with spaces, O for 0 and I or L for 1", () => {
    const serial = newSerial(new Uint8Array(27).fill(1)); // symbols "1", so the aliases apply
    const typed = serial.replaceAll("-", "").toLowerCase().replace("1", "l").replace("1", "I");
    expect(parseSerial(typed)).toEqual({ ok: true, serial });
    expect(parseSerial(` ${serial.replaceAll("-", " ")} `)).toEqual({ ok: true, serial });
    const zeros = newSerial(new Uint8Array(27));
    expect(parseSerial(zeros.replaceAll("0", "o"))).toEqual({ ok: true, serial: zeros });
  });

  it("catch every mistyped symbol and every swap of neighbours before any lookup", () => {
    for (let round = 0; round < 40; round++) {
      const symbols = newSerial().replaceAll("-", "");
      for (let i = 0; i < symbols.length; i++) {
        for (const other of ALPHABET) {
          if (other === symbols[i]) continue;
          const typo = symbols.slice(0, i) + other + symbols.slice(i + 1);
          expect(parseSerial(typo)).toEqual({ ok: false, reason: "checksum" });
        }
        const [a, b] = [symbols[i], symbols[i + 1]];
        if (b !== undefined && a !== b) {
          const swapped = symbols.slice(0, i) + b + a + symbols.slice(i + 2);
          expect(parseSerial(swapped)).toEqual({ ok: false, reason: "checksum" });
        }
      }
    }
  });

  it("refuse what cannot be a serial: wrong length, symbols outside the alphabet", () => {
    const serial = newSerial();
    expect(parseSerial(serial.slice(0, -1))).toEqual({ ok: false, reason: "format" });
    expect(parseSerial(`${serial}0`)).toEqual({ ok: false, reason: "format" });
    expect(parseSerial(`U${serial.slice(1)}`)).toEqual({ ok: false, reason: "format" });
    expect(parseSerial("")).toEqual({ ok: false, reason: "format" });
  });

  it("link to the public verify page", () => {
    const serial = newSerial();
    expect(verificationUrl("https://mentoring.example.kr/", serial)).toBe(
      `https://mentoring.example.kr/verify/${serial}`,
    );
  });
});
