import { createUser } from "./factories";
import { expect, test } from "./fixtures";
import {
  accounts,
  baseURL,
  E2E_PASSWORD,
  expectAccessible,
  expectOnlyTranslatedText,
  signIn,
} from "./support";

// These tests only read the seeded cities; the throttling test locks an account of its own.

test("a Yongin coordinator opening a Gangneung page gets 404, as if Gangneung did not exist", async ({
  page,
  login,
}) => {
  await login(accounts.yonginCoordinator);
  await page.goto(`${baseURL()}/`);
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

test("a participant opening an admin page gets 403 with the reason and a request id", async ({
  page,
  login,
}) => {
  await login(accounts.yonginParticipant);
  await page.goto(`${baseURL()}/`);
  await expect(page).toHaveURL(`${baseURL()}/yongin`);
  await expect(page.getByRole("link", { name: "구성원 관리" })).toHaveCount(0);
  // The organisation's administrative counts are not a participant's business.
  await expect(page.getByRole("heading", { level: 2, name: "현황" })).toHaveCount(0);

  const response = await page.goto(`${baseURL()}/yongin/admin/members`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("접근 권한이 없습니다");
  await expect(page.getByText(/요청 번호: [\w-]+/)).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page);
});

test("the organisation admin sees the members and pending invitations", async ({ page, login }) => {
  await login(accounts.yonginAdmin);
  await page.goto(`${baseURL()}/yongin`);
  await expect(page.getByRole("region", { name: "현황" }).getByText("직원", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "구성원 관리" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("구성원 관리");
  await expect(page.getByRole("cell", { name: accounts.yonginCoordinator })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "trainer@yongin-institute.example.kr" })).toBeVisible();
  await expectAccessible(page);
  const people = await page.locator("tbody th, tbody td").allTextContents();
  await expectOnlyTranslatedText(page, ["용인특례시", "박성훈", ...people]);
});

test("the platform operator sees every organisation and its status, and no staff data", async ({
  page,
  login,
  db,
}) => {
  await login(accounts.operator);
  await page.goto(`${baseURL()}/`);
  await expect(page).toHaveURL(`${baseURL()}/platform`);
  await expect(page.getByRole("rowheader", { name: "용인특례시" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "강릉시" })).toBeVisible();
  await expectAccessible(page);
  // Other tests add organisations of their own while this one runs: their names, addresses and regions
  // are data too (read after the page, so that every one it lists is known).
  const tenants = await db.platform.tenant.findMany({ select: { name: true, slug: true, region: true } });
  await expectOnlyTranslatedText(page, [
    "플랫폼 운영자",
    ...tenants.flatMap((tenant) => [tenant.name, `/${tenant.slug}`, tenant.region]),
  ]);

  const tenantPage = await page.goto(`${baseURL()}/yongin`);
  expect(tenantPage?.status()).toBe(404);
});

// Defect, open: since sign-in answers refusals through the route builder (401/429), one of the four
// wrong-password posts sometimes shows no message (2 of 3 runs on a clean clone). Fixed first next session.
test("wrong passwords are throttled after five attempts, with a message saying when to retry", async ({
  page,
  db,
}) => {
  // An account of its own: it stays locked for fifteen minutes.
  const { email } = await createUser(db, { password: E2E_PASSWORD });
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, email, "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다");
  }
  const refusal = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/sign-in"),
  );
  await signIn(page, email, "not-the-password");
  await expect(page.getByRole("alert")).toHaveText(/로그인 시도가 너무 많습니다. \d+분 후 다시 시도하세요/);
  expect((await refusal).status()).toBe(429);
  expect(Number((await refusal).headers()["retry-after"])).toBeGreaterThan(0);
  await expectAccessible(page);

  // Even the right password waits until the block ends.
  await signIn(page, email);
  await expect(page.getByRole("alert")).toHaveText(/로그인 시도가 너무 많습니다/);
});
