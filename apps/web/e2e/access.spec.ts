import { expect, test } from "@playwright/test";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, signIn } from "./support";

test("a Yongin coordinator opening a Gangneung page gets 404, as if Gangneung did not exist", async ({
  page,
}) => {
  await signIn(page, accounts.yonginCoordinator);
  await expect(page).toHaveURL(`${baseURL()}/yongin`);
  await expectOnlyTranslatedText(page, ["용인특례시", "권수진"]);

  const response = await page.goto(`${baseURL()}/gangneung`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("페이지를 찾을 수 없습니다");
  const unknown = await page.goto(`${baseURL()}/no-such-city`);
  expect(unknown?.status()).toBe(404);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page);
});

test("a participant opening an admin page gets 403 with the reason and a request id", async ({ page }) => {
  await signIn(page, accounts.yonginParticipant);
  await expect(page).toHaveURL(`${baseURL()}/yongin`);
  await expect(page.getByRole("link", { name: "구성원 관리" })).toHaveCount(0);

  const response = await page.goto(`${baseURL()}/yongin/admin/members`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("접근 권한이 없습니다");
  await expect(page.getByText(/요청 번호: [\w-]+/)).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page);
});

test("the organisation admin sees the members and pending invitations", async ({ page }) => {
  await signIn(page, accounts.yonginAdmin);
  await page.getByRole("link", { name: "구성원 관리" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("구성원 관리");
  await expect(page.getByRole("cell", { name: accounts.yonginCoordinator })).toBeVisible();
  await expect(page.getByRole("cell", { name: "trainer@yongin-institute.example.kr" })).toBeVisible();
  await expectAccessible(page);
  const people = await page.locator("tbody td").allTextContents();
  await expectOnlyTranslatedText(page, ["용인특례시", "박성훈", ...people]);
});

test("the platform operator sees every organisation and its status, and no staff data", async ({ page }) => {
  await signIn(page, accounts.operator);
  await expect(page).toHaveURL(`${baseURL()}/platform`);
  await expect(page.getByRole("cell", { name: "용인특례시" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "강릉시" })).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [
    "플랫폼 운영자",
    "용인특례시",
    "강릉시",
    "경기도",
    "강원특별자치도",
    "yongin",
    "gangneung",
  ]);

  const tenantPage = await page.goto(`${baseURL()}/yongin`);
  expect(tenantPage?.status()).toBe(404);
});

test("wrong passwords are throttled after five attempts, with a message saying when to retry", async ({
  page,
}) => {
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, accounts.gangneungExecutive, "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다");
  }
  await signIn(page, accounts.gangneungExecutive, "not-the-password");
  await expect(page.getByRole("alert")).toHaveText(/로그인 시도가 너무 많습니다. \d+분 후에 다시 시도하세요/);
  await expectAccessible(page);

  // Even the right password waits until the block ends.
  await signIn(page, accounts.gangneungExecutive);
  await expect(page.getByRole("alert")).toHaveText(/로그인 시도가 너무 많습니다/);
});
