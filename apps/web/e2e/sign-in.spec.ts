import { yonginSeed } from "@mentoring/db/seed";
import { createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, E2E_PASSWORD, expectAccessible, signIn } from "./support";

// An account of its own (Yongin's coordinator in a city of its own): switching the language saves the
// account's preference, which every later sign-in of that account would pick up.
const yongin = yonginSeed();
const coordinator = seededPerson(yongin, accounts.yonginCoordinator);

test("a coordinator signs in, sees the organisation's home in Korean, switches to English and signs out", async ({
  page,
  db,
}) => {
  const city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
    staff: () => false,
    password: E2E_PASSWORD,
  });
  await page.goto(`${baseURL()}/${city.slug}`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?redirectTo=%2F${city.slug}$`));
  await expectAccessible(page);

  await signIn(page, city.staff(coordinator).email);
  await expect(page).toHaveURL(`${baseURL()}/${city.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${city.name} 홈`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expectAccessible(page);

  await page.getByRole("button", { name: "언어 변경: English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${city.nameEn} home`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);

  // Back to Korean, the preference this account started with, then out.
  await page.getByRole("button", { name: "Change language: 한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page).toHaveURL(`${baseURL()}/sign-in`);
  await page.goto(`${baseURL()}/${city.slug}`);
  await expect(page).toHaveURL(/\/sign-in/);
});
