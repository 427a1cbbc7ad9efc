import { expect, test } from "@playwright/test";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, mailsTo, signInAs } from "./support";

test("an admin invites an evaluator by e-mail, and the invitee signs up through the link and lands in Yongin", async ({
  page: admin,
  browser,
}) => {
  await signInAs(admin, accounts.yonginAdmin);
  await admin.goto(`${baseURL()}/yongin/admin/members`);
  const invitee = "outside.trainer@example.kr";
  await admin.getByLabel("초대할 이메일").fill(invitee);
  await admin.getByRole("group", { name: "역할", exact: true }).getByLabel("평가위원").check();
  await admin.getByRole("button", { name: "초대 메일 보내기" }).click();
  await expect(admin.getByRole("status")).toHaveText(`${invitee} 주소로 초대 메일을 보냈습니다`);
  await expect(admin.getByRole("cell", { name: invitee })).toBeVisible();
  await expectAccessible(admin);

  await expect.poll(() => mailsTo(invitee).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mail = mailsTo(invitee).at(-1);
  expect(mail?.subject).toBe("용인특례시 멘토링 플랫폼에 초대되었습니다");
  const link = mail?.text.match(/https?:\/\/\S+\/join\/yongin\/[\w-]+/)?.[0];
  expect(link, mail?.text).toBeDefined();

  // The invitee, in a browser of their own (no admin cookies).
  const page = await (await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul" })).newPage();
  await page.goto(link as string);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("용인특례시 초대");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [invitee, "용인특례시"]);
  await page.getByLabel("이름").fill("외부강사");
  await page.getByLabel("비밀번호", { exact: true }).fill("trainer-password-123");
  await page.getByRole("button", { name: "가입하고 참여하기" }).click();
  await expect(page).toHaveURL(`${baseURL()}/yongin`);
  await expect(page.getByRole("listitem").filter({ hasText: "평가위원" })).toBeVisible();

  // The link is spent.
  await page.goto(link as string);
  await expect(page.getByRole("alert")).toHaveText(/초대 링크가 올바르지 않거나 만료되었습니다/);
});

test("the organisation's last admin cannot take away their own admin role", async ({ page }) => {
  await signInAs(page, accounts.yonginAdmin);
  await page.goto(`${baseURL()}/yongin/admin/members`);
  const own = page.getByRole("group", { name: "박성훈님의 역할" });
  await own.getByLabel("기관 관리자").uncheck();
  await own.getByLabel("프로그램 담당자").check();
  await page.locator("form", { has: own }).getByRole("button", { name: "역할 저장" }).click();
  await expect(page.getByRole("alert")).toHaveText("기관 관리자가 한 명 이상 있어야 합니다");
  await page.reload();
  await expect(page.getByRole("group", { name: "박성훈님의 역할" }).getByLabel("기관 관리자")).toBeChecked();
  await expect(
    page.getByRole("group", { name: "박성훈님의 역할" }).getByLabel("프로그램 담당자"),
  ).not.toBeChecked();
});
