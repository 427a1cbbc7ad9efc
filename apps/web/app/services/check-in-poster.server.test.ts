import { describe, expect, it } from "vitest";
import { checkInPoster } from "./check-in-poster.server";

const config = {
  SESSION_SECRET: "a-session-secret-long-enough-for-tests",
  APP_URL: "https://mentoring.example.kr",
};
const tenant = { id: "7d1f3c1e-8a55-4a0e-9a65-0f1a2b3c4d5e", slug: "gangneung", timeZone: "Asia/Seoul" };
const target = { itemId: "2b9f6a0e-4c1d-4e8a-b3f2-9d8c7b6a5e4f" };

const posterAt = (now: Date, locale: "ko" | "en" = "ko") =>
  checkInPoster({ config, tenant, locale, target, path: `check-in/${target.itemId}`, now });

describe("the check-in poster", () => {
  it("links to the item's check-in with a signed code that runs out a quarter of an hour on", async () => {
    const now = new Date("2026-12-04T05:00:00Z");
    const poster = await posterAt(now);
    const url = new URL(poster.url);
    expect(url.origin + url.pathname).toBe(
      `https://mentoring.example.kr/gangneung/check-in/${target.itemId}`,
    );
    // The code carries the moment it runs out, a quarter of an hour on, and its signature.
    expect(url.searchParams.get("code")).toMatch(
      new RegExp(`^${now.getTime() / 1000 + 15 * 60}\\.[\\w-]{43}$`),
    );
    expect(poster.image).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("says until what time the code works, on the city's clock", async () => {
    // 14:00 in Seoul.
    expect((await posterAt(new Date("2026-12-04T05:00:00Z"))).until).toBe("14:15");
  });

  it("says the day as well when the code runs past midnight", async () => {
    // 23:55 in Seoul: the code works until 00:10 the next day.
    const late = await posterAt(new Date("2026-12-04T14:55:00Z"));
    expect(late.until).toContain("00:10");
    expect(late.until).toContain("12. 5.");
    const lateEn = await posterAt(new Date("2026-12-04T14:55:00Z"), "en");
    expect(lateEn.until).toContain("Dec 5, 2026");
  });
});
