import { yonginSeed } from "@mentoring/db/seed";
import { createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { startOidcProvider, type TestProvider } from "./oidc-provider";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

// Single sign-on through a real OpenID provider (oidc-provider) started here on 127.0.0.1: the admin
// configures it on the admin page, then staff sign in at the provider and land in the tenant. A city of
// its own (Yongin's admin and coordinator): once configured, its sign-in page offers single sign-on.

test.describe.configure({ mode: "serial" });

const yongin = yonginSeed();
const admin = seededPerson(yongin, accounts.yonginAdmin);
const coordinator = seededPerson(yongin, accounts.yonginCoordinator);
const IDP_PASSWORD = "identity-provider-password";
let city: TestTenant;
let provider: TestProvider;
const redirectUri = () => `${baseURL()}/sso/${city.slug}/callback`;

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: yongin,
    accounts: [
      { person: admin, roles: ["tenant_admin"] },
      { person: coordinator, roles: ["coordinator"] },
    ],
    staff: () => false,
  });
  provider = await startOidcProvider({
    redirectUris: [redirectUri()],
    accounts: [
      {
        sub: "yongin-idp-0001",
        username: "sujin.kwon",
        password: IDP_PASSWORD,
        claims: { email: city.staff(coordinator).email, email_verified: true, name: coordinator.name },
      },
      {
        sub: "yongin-idp-0999",
        username: "visitor",
        password: IDP_PASSWORD,
        claims: { email: `visitor@${city.slug}.example.kr`, email_verified: true, name: "방문자" },
      },
    ],
  });
});

test.afterAll(async () => {
  await provider?.close();
});

test("before it is configured, /sso/{tenant}/start is not found", async ({ page }) => {
  const response = await page.goto(`${baseURL()}/sso/${city.slug}/start`);
  expect(response?.status()).toBe(404);
});

test("the admin configures single sign-on against the organisation's provider", async ({ page, login }) => {
  await login(city.staff(admin).email);
  await page.goto(`${baseURL()}/${city.slug}/admin/sso`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("통합 로그인(SSO) 설정");
  await expect(page.getByText(redirectUri(), { exact: true })).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, admin.name, redirectUri()]);

  // Nothing filled in: every required field says so.
  await page.getByRole("button", { name: "설정 저장" }).click();
  await expect(page.getByText("입력 내용을 확인하세요")).toBeVisible();
  await expect(page.getByText("필수 입력 항목입니다")).toHaveCount(2);
  await expect(page.getByText("클라이언트 시크릿을 입력하세요")).toHaveCount(0);

  // An issuer that answers nothing: discovery fails and nothing is saved.
  await page.getByLabel("발급자(Issuer) URL").fill("http://127.0.0.1:9");
  await page.getByLabel("클라이언트 ID").fill(provider.clientId);
  await page.getByLabel("클라이언트 시크릿").fill(provider.clientSecret);
  await page.getByRole("button", { name: "설정 저장" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "발급자 주소에서 OpenID Connect 설정을 가져오지 못했습니다. 주소와 인증 시스템 상태를 확인하세요",
  );
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, admin.name, redirectUri()]);

  await page.getByLabel("발급자(Issuer) URL").fill(provider.issuer);
  await page.getByLabel("클라이언트 시크릿").fill(provider.clientSecret);
  await page.getByLabel("이메일 주소").check();
  await page.getByLabel("통합 로그인 사용").check();
  await page.getByRole("button", { name: "설정 저장" }).click();
  await expect(page.getByRole("status")).toHaveText("통합 로그인 설정을 저장했습니다");

  // The secret is never shown back; the rest is.
  await page.reload();
  await expect(page.getByLabel("발급자(Issuer) URL")).toHaveValue(provider.issuer);
  await expect(page.getByLabel("클라이언트 ID")).toHaveValue(provider.clientId);
  await expect(page.getByLabel("클라이언트 시크릿")).toHaveValue("");
  await expect(page.getByText("저장된 시크릿이 있습니다", { exact: false })).toBeVisible();
  expect(await page.content()).not.toContain(provider.clientSecret);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, admin.name, redirectUri()]);
});

test("a staff member signs in at the provider and lands signed in on the organisation's home", async ({
  page,
}) => {
  // A fresh browser context: nobody is signed in.
  await page.goto(`${baseURL()}/sso/${city.slug}/start`);
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByLabel("Username").fill("sujin.kwon");
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page).toHaveURL(`${baseURL()}/${city.slug}`);
  await expect(page.getByText(`${coordinator.name}님으로 로그인됨`)).toBeVisible();
  const cookies = await page.context().cookies(baseURL());
  expect(cookies.find((cookie) => cookie.name === "sso_flow")).toBeUndefined();
  expect(cookies.find((cookie) => cookie.name === "session")?.httpOnly).toBe(true);
});

test("someone the provider knows but the organisation does not is refused with a translated page", async ({
  page,
}) => {
  await page.goto(`${baseURL()}/sso/${city.slug}/start`);
  await page.getByLabel("Username").fill("visitor");
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  const callback = page.waitForResponse((response) => response.url().startsWith(redirectUri()));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Allow" }).click();

  expect((await callback).status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("통합 로그인에 실패했습니다");
  await expect(page.getByRole("alert")).toHaveText(
    "인증 시스템의 계정과 일치하는 구성원이 이 기관에 없습니다. 기관 관리자에게 등록을 요청하세요",
  );
  await expectAccessible(page);
  await expectOnlyTranslatedText(page);
  // Not signed in: the tenant's pages still ask for sign-in.
  await page.goto(`${baseURL()}/${city.slug}`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?redirectTo=%2F${city.slug}$`));
});
