import { yonginSeed } from "@mentoring/db/seed";
import { createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import {
  accounts,
  baseURL,
  E2E_PASSWORD,
  expectAccessible,
  expectOnlyTranslatedText,
  mailsTo,
  signIn,
} from "./support";

const yongin = yonginSeed();
const evaluator = seededPerson(yongin, accounts.yonginEvaluator);

test("a password reset mail arrives at the SMTP server and its link sets a new password", async ({
  page,
  db,
}) => {
  // An evaluator of a city of its own: their password changes for good.
  const city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: evaluator, roles: ["evaluator"] }],
    staff: () => false,
    password: E2E_PASSWORD,
  });
  const { email } = city.staff(evaluator);
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByRole("link", { name: "비밀번호를 잊으셨나요?" }).click();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page);
  await page.getByLabel("이메일").fill(email);
  await page.getByRole("button", { name: "재설정 링크 받기" }).click();
  await expect(page.getByRole("status")).toContainText("재설정 링크를 보냈습니다");

  await expect.poll(() => mailsTo(email).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mail = mailsTo(email).at(-1);
  const link = mail?.text.match(/https?:\/\/\S+\/password\/reset\/[\w-]+/)?.[0];
  expect(link, mail?.text).toBeDefined();

  await page.goto(link as string);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("새 비밀번호 설정");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page);
  await page.getByLabel("새 비밀번호", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("새 비밀번호 확인").fill("a-brand-new-password");
  await page.getByRole("button", { name: "비밀번호 변경" }).click();
  await expect(page.getByRole("status")).toHaveText("비밀번호를 변경했습니다. 새 비밀번호로 로그인하세요");

  await signIn(page, email, "a-brand-new-password");
  await expect(page).toHaveURL(`${baseURL()}/${city.slug}`);

  // The link works once.
  await page.goto(link as string);
  await expect(page.getByRole("alert")).toHaveText(
    "재설정 링크가 올바르지 않거나 만료되었습니다. 다시 요청하세요",
  );
  await expectAccessible(page);
});
