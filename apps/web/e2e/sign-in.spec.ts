import { expect, test } from "@playwright/test";
import { accounts, baseURL, expectAccessible, signIn } from "./support";

test("a Yongin coordinator signs in, sees Yongin's home in Korean, switches to English and signs out", async ({
  page,
}) => {
  await page.goto(`${baseURL()}/yongin`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fyongin/);
  await expectAccessible(page);

  await signIn(page, accounts.yonginCoordinator);
  await expect(page).toHaveURL(`${baseURL()}/yongin`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("용인특례시 홈");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expectAccessible(page);

  await page.getByRole("button", { name: "언어 변경: English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Yongin Special City home");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);

  // Back to Korean, the preference this account started with, then out.
  await page.getByRole("button", { name: "Change language: 한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page).toHaveURL(`${baseURL()}/sign-in`);
  await page.goto(`${baseURL()}/yongin`);
  await expect(page).toHaveURL(/\/sign-in/);
});
