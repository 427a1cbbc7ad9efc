import { describe, expect, it } from "vitest";
import { cohortKindOf } from "./cohort-kinds.server";

const cityA = "a0000000-0000-4000-8000-000000000001";
const cityB = "b0000000-0000-4000-8000-000000000002";
const cohort = "c0000000-0000-4000-8000-000000000003";

describe("a cohort's kind, remembered", () => {
  it("is read once for a tenant's cohort, then answered from memory", async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      return "board" as const;
    };
    expect(await cohortKindOf(cityA, cohort, read)).toBe("board");
    expect(await cohortKindOf(cityA, cohort, read)).toBe("board");
    expect(reads).toBe(1);
  });

  it("is read again for another tenant asking with the same cohort id", async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      throw new Error("no such cohort in this tenant");
    };
    await expect(cohortKindOf(cityB, cohort, read)).rejects.toThrow("no such cohort");
    expect(reads).toBe(1);
  });

  it("is not remembered when the read fails", async () => {
    const other = "c0000000-0000-4000-8000-000000000004";
    await expect(
      cohortKindOf(cityA, other, async () => {
        throw new Error("not found");
      }),
    ).rejects.toThrow("not found");
    expect(await cohortKindOf(cityA, other, async () => "reverse")).toBe("reverse");
  });
});
