import { describe, expect, it } from "vitest";
import { forEachTenant } from "./each-tenant";

describe("working through the tenants", () => {
  it("works on every tenant once, never on more than three at a time", async () => {
    const tenants = Array.from({ length: 20 }, (_, index) => `tenant-${index}`);
    const done: string[] = [];
    let inside = 0;
    let mostAtOnce = 0;
    await forEachTenant(tenants, async (tenant) => {
      inside++;
      mostAtOnce = Math.max(mostAtOnce, inside);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(tenant);
      inside--;
    });
    expect(done.sort()).toEqual([...tenants].sort());
    expect(mostAtOnce).toBe(3);
  });

  it("stops starting tenants after a failure, lets those under way finish, and throws it", async () => {
    const finished: number[] = [];
    const run = forEachTenant([0, 1, 2, 3, 4, 5, 6, 7], async (tenant) => {
      if (tenant === 1) throw new Error("tenant 1's transaction failed");
      await new Promise((resolve) => setImmediate(resolve));
      finished.push(tenant);
    });
    await expect(run).rejects.toThrow("tenant 1's transaction failed");
    expect(finished.sort()).toEqual([0, 2]);
  });

  it("does nothing for no tenants", async () => {
    await expect(forEachTenant([], async () => {})).resolves.toBeUndefined();
  });
});
