import { signedWebhook, subscriptionEvent } from "@mentoring/billing/testing";
import { gangneungSeed } from "@mentoring/db/seed";
import type { Page } from "@playwright/test";
import { createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

const gangneung = gangneungSeed();
/** Gangneung's administrator: the general affairs team leader. */
const admin = seededPerson(
  gangneung,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "팀장",
);

async function postWebhook(page: Page, event: object) {
  const { body, header } = signedWebhook(event, process.env.E2E_STRIPE_WEBHOOK_SECRET as string);
  return page.request.post(`${baseURL()}/webhooks/stripe`, {
    data: body,
    headers: { "content-type": "application/json", "stripe-signature": header },
  });
}

test("a city subscribes by invoice; past due, it turns read-only with a banner and takes no change until paid", async ({
  page,
  login,
  db,
}) => {
  // A city of its own, with Gangneung's directory (the plan follows its size): read-only for a while.
  const city = await createTenant(db, {
    like: gangneung,
    accounts: [{ person: admin, roles: ["tenant_admin"] }],
  });
  await login(city.staff(admin).email);
  await page.goto(`${baseURL()}/${city.slug}`);
  await page.getByRole("link", { name: "요금 및 결제" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("요금 및 결제");
  await expectAccessible(page);
  await page.getByLabel("사업자등록번호").last().fill("220-81-62517");
  const started = page.getByRole("status").filter({ hasText: "구독이 시작되었습니다" });
  await page.getByRole("button", { name: "구독 시작" }).click();
  await expect(started).toBeVisible();
  await expectAccessible(page);

  // Stripe reports the subscription past due (signed like Stripe signs it).
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: city.id } });
  const fixture = {
    subscriptionId: tenant.stripeSubscriptionId as string,
    customerId: tenant.stripeCustomerId as string,
    planCode: tenant.planCode as string,
    periodEnd: Math.floor(Date.now() / 1000) + 3600,
  };
  const refused = await page.request.post(`${baseURL()}/webhooks/stripe`, {
    data: "{}",
    headers: { "stripe-signature": "t=1,v1=forged" },
  });
  expect(refused.status()).toBe(400);
  // Stripe's clock: the subscription fell past due a minute ago (with no grace in these tests, that is
  // read-only at once), and is paid thirty seconds later.
  const late = Math.floor(Date.now() / 1000) - 60;
  expect(
    (
      await postWebhook(
        page,
        subscriptionEvent("customer.subscription.updated", late, { ...fixture, status: "past_due" }),
      )
    ).status(),
  ).toBe(200);

  await expect(async () => {
    await page.goto(`${baseURL()}/${city.slug}`);
    await expect(page.getByRole("status").filter({ hasText: "현재 읽기 전용입니다" })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, admin.name]);

  // Reading works; changing does not.
  await page.getByRole("link", { name: "구성원 관리" }).click();
  await page.getByLabel("초대할 이메일").fill(`someone@${city.slug}.example.kr`);
  await page.getByRole("group", { name: "역할", exact: true }).getByLabel("참여자").check();
  await page.getByRole("button", { name: "초대 메일 보내기" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("읽기 전용 기관입니다");

  // Paid: full access again.
  expect(
    (
      await postWebhook(
        page,
        subscriptionEvent("customer.subscription.updated", late + 30, { ...fixture, status: "active" }),
      )
    ).status(),
  ).toBe(200);
  await expect(async () => {
    await page.goto(`${baseURL()}/${city.slug}`);
    await expect(page.getByRole("status").filter({ hasText: "읽기 전용" })).toHaveCount(0, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
});

test("the operator sees every organisation's plan, status and monthly revenue", async ({ page, login }) => {
  await login(accounts.operator);
  await page.goto(`${baseURL()}/platform`);
  await page.getByRole("link", { name: "요금 현황" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: /강릉시/ })).toBeVisible();
  await expectAccessible(page);
});
