import { expect, test } from "@playwright/test";
import { baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

test("pages carry security headers: a CSP with a script nonce, no framing, no sniffing", async ({ page }) => {
  const response = await page.goto(`${baseURL()}/sign-in`);
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["x-request-id"]).toMatch(/^[\w-]{8,}$/);
  // Over plain http there is no HSTS: it is sent only behind TLS.
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("a form post without the CSRF token is refused and changes nothing", async ({ page }) => {
  await page.goto(`${baseURL()}/sign-in`);
  const response = await page.request.post(`${baseURL()}/sign-in`, {
    form: { email: "sujin.kwon@yongin.example.kr", password: "e2e-password-long-enough" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session=");
});

test("an English-speaking browser gets English pages until the language is switched", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  await page.goto(`${baseURL()}/sign-in`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Change language: 한국어" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("로그인");
  await expectOnlyTranslatedText(page);
  await context.close();
});

test("on a phone the pages keep working: no sideways scrolling, the skip link reaches the content", async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: "ko-KR",
    viewport: { width: 360, height: 740 },
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(`${baseURL()}/sign-in`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "본문 바로가기" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.screenshot({ path: ".tmp/e2e-artifacts/sign-in-phone.png", fullPage: true });
  await expectAccessible(page);
  await context.close();
});
