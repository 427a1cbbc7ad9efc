import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonical JSON", () => {
  it("gives one text whatever order the keys were written in", () => {
    const a = { serial: "X", tenant: { name: "용인특례시", id: "1" }, mentors: ["김민준"] };
    const b = { mentors: ["김민준"], tenant: { id: "1", name: "용인특례시" }, serial: "X" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(
      '{"mentors":["김민준"],"serial":"X","tenant":{"id":"1","name":"용인특례시"}}',
    );
  });

  it("treats a name typed as decomposed jamo (as macOS does) like the composed name", () => {
    const composed = "홍길동";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(canonicalJson({ name: decomposed })).toBe(canonicalJson({ name: composed }));
  });

  it("keeps the order of lists, which is the order names are printed in", () => {
    expect(canonicalJson(["이서연", "김민준"])).not.toBe(canonicalJson(["김민준", "이서연"]));
  });

  it("refuses values without one meaning: undefined, NaN, dates, class instances", () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/value\.a is undefined/);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/finite/);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/plain data/);
    expect(() => canonicalJson(new Map())).toThrow(/plain data/);
  });
});
