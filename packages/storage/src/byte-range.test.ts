import { describe, expect, it } from "vitest";
import { requestedRange } from "./byte-range";

describe("the byte range a request asks for", () => {
  it("is the whole file without a header, for several ranges, another unit or a header that does not parse", () => {
    expect(requestedRange(null, 100)).toBeNull();
    expect(requestedRange("bytes=0-1,5-6", 100)).toBeNull();
    expect(requestedRange("items=0-5", 100)).toBeNull();
    expect(requestedRange("bytes=9-3", 100)).toBeNull();
    expect(requestedRange("bytes=-", 100)).toBeNull();
  });

  it("reads a start and an end, both included, cut at the file's last byte", () => {
    expect(requestedRange("bytes=0-0", 100)).toEqual({ start: 0, end: 0 });
    expect(requestedRange("bytes=10-19", 100)).toEqual({ start: 10, end: 19 });
    expect(requestedRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange("bytes=90-500", 100)).toEqual({ start: 90, end: 99 });
  });

  it("reads a suffix as the last bytes of the file", () => {
    expect(requestedRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange("bytes=-500", 100)).toEqual({ start: 0, end: 99 });
  });

  it("is unsatisfiable when it starts past the end or asks for no byte", () => {
    expect(requestedRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(requestedRange("bytes=-0", 100)).toBe("unsatisfiable");
    expect(requestedRange("bytes=0-", 0)).toBe("unsatisfiable");
  });
});
