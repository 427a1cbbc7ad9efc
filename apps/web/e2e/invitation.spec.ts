import { yonginSeed } from "@mentoring/db/seed";
import { createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, mailsTo } from "./support";

// Each test in a city of its own whose one administrator is Yongin's (박성훈): an invitation adds a member,
// and a refused role change must not leave a shared city without its admin.

const yongin = yonginSeed();
const admin = seededPerson(yongin, accounts.yonginAdmin);

test("an admin invites an evaluator by e-mail, and the invitee signs up through the link and lands in the organisation", async ({
  page: adminPage,
  login,
  visitorPage,
  db,
}) => {
  const city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: admin, roles: ["tenant_admin"] }],
    staff: () => false,
  });
  await login(city.staff(admin).email);
  await adminPage.goto(`${baseURL()}/${city.slug}/admin/members`);
  const invitee = `outside.trainer@${city.slug}.example.kr`;
  await adminPage.getByLabel("초대할 이메일").fill(invitee);
  await adminPage.getByRole("group", { name: "역할", exact: true }).getByLabel("평가위원").check();
  await adminPage.getByRole("button", { name: "초대 메일 보내기" }).click();
  await expect(adminPage.getByRole("status")).toHaveText(`${invitee} 주소로 초대 메일을 보냈습니다`);
  await expect(adminPage.getByRole("rowheader", { name: invitee })).toBeVisible();
  await expectAccessible(adminPage);

  await expect.poll(() => mailsTo(invitee).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mail = mailsTo(invitee).at(-1);
  expect(mail?.subject).toBe(`${city.name} 멘토링 플랫폼에 초대되었습니다`);
  const link = mail?.text.match(new RegExp(`https?://\\S+/join/${city.slug}/[\\w-]+`))?.[0];
  expect(link, mail?.text).toBeDefined();

  // The invitee, in a browser of their own (no admin cookies).
  const page = await visitorPage();
  await page.goto(link as string);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${city.name} 초대`);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [invitee, city.name]);
  await page.getByLabel("이름").fill("외부강사");
  await page.getByLabel("비밀번호", { exact: true }).fill("trainer-password-123");
  await page.getByRole("button", { name: "가입하고 참여하기" }).click();
  await expect(page).toHaveURL(`${baseURL()}/${city.slug}`);
  await expect(page.getByRole("listitem").filter({ hasText: "평가위원" })).toBeVisible();

  // The link is spent.
  await page.goto(link as string);
  await expect(page.getByRole("alert")).toHaveText(/초대 링크가 올바르지 않거나 만료되었습니다/);
});

test("the organisation's last admin cannot take away their own admin role", async ({ page, login, db }) => {
  const city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: admin, roles: ["tenant_admin"] }],
    staff: () => false,
  });
  await login(city.staff(admin).email);
  await page.goto(`${baseURL()}/${city.slug}/admin/members`);
  const own = page.getByRole("group", { name: `${admin.name}님의 역할` });
  await own.getByLabel("기관 관리자").uncheck();
  await own.getByLabel("프로그램 담당자").check();
  await page.locator("form", { has: own }).getByRole("button", { name: "역할 저장" }).click();
  await expect(page.getByRole("alert")).toHaveText("기관 관리자가 한 명 이상 있어야 합니다");
  await page.reload();
  await expect(
    page.getByRole("group", { name: `${admin.name}님의 역할` }).getByLabel("기관 관리자"),
  ).toBeChecked();
  await expect(
    page.getByRole("group", { name: `${admin.name}님의 역할` }).getByLabel("프로그램 담당자"),
  ).not.toBeChecked();
});
