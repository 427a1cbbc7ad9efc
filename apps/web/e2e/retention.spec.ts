import { randomUUID } from "node:crypto";
import { gangneungSeed, seededCohorts } from "@mentoring/db/seed";
import { createCohortFor, createTenant, gangneungTeam, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// Issue 17's retention as the people who use it, in a Gangneung city of the test's own holding a notice two
// years old: the privacy officer opens the retention preview from the navigation and sees it counted; the
// admin sets survey answers to 6 months (refused, translated, nothing changes) and then to 24; anyone,
// signed in or not, reads the organisation's privacy policy with the new period and the officer's name,
// linked from the footer of the organisation's pages.

test.describe.configure({ mode: "serial" });

const seed = gangneungSeed();
const admin = gangneungTeam.coordinator;
const officer = gangneungTeam.colleague;
const junior = gangneungTeam.juniors[0];

let city: TestTenant;
let cohortId = "";

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: admin, roles: ["tenant_admin"] },
      { person: officer, roles: ["privacy_officer"] },
      { person: junior, roles: ["participant"] },
    ],
    staff: () => false,
  });
  const tenantId = city.id;
  cohortId = (
    await createCohortFor(db, city, {
      template: "reverse_mentoring",
      recruitmentStart: seededCohorts.gangneung?.[0]?.recruitmentStart as string,
      phase: "recruiting",
      applicants: [],
      appUrl: baseURL(),
    })
  ).id;
  await db.withTenant(tenantId, (tx) =>
    tx.notification.create({
      data: {
        tenantId,
        staffMemberId: city.staff(admin).id,
        kind: "team_nudge",
        subject: `retention-e2e-${randomUUID()}`,
        link: `/${city.slug}/team`,
        inApp: true,
        createdAt: new Date(Date.now() - 2 * 365 * 86_400_000),
      },
    }),
  );
});

test("the privacy officer sees what the purge would destroy now, per kind and per table", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(officer).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}`);
  await page.getByRole("link", { name: "개인정보 보존·파기" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "개인정보 보존기간과 파기" })).toBeVisible();
  const preview = page.getByRole("table", { name: "종류별 파기 대상: 건수와 기간이 가장 먼저 시작된 항목" });
  await expect(preview.locator('[data-kind="notifications"] td').first()).toHaveText("1");
  await expect(preview.locator('[data-kind="program_records"] td').first()).toHaveText("0");
  const tables = page.getByRole("table", { name: "다음 파기에서 표별로 삭제하거나 가명처리할 행의 수" });
  await expect(tables.getByRole("row", { name: /알림/ })).toContainText("1");
  await expect(page.getByText("아직 파기 기록이 없습니다.")).toBeVisible();
  // The officer may look, not change: the periods' form is the admin's.
  await expect(page.getByRole("link", { name: "개인정보 보존기간" })).toHaveCount(0);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, officer.name]);
  await page.screenshot({ path: test.info().outputPath("retention-preview.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("the admin changes a period: out of bounds is refused in words and changes nothing", async ({
  pageAs,
  db,
}) => {
  const page = await pageAs(city.staff(admin).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}`);
  await page.getByRole("link", { name: "개인정보 보존기간" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "개인정보 보존기간과 파기" })).toBeVisible();
  const answers = page.getByLabel("설문·진단 응답 보존기간(개월)");
  await expect(answers).toHaveValue("36");
  await answers.fill("6");
  await page.getByRole("button", { name: "보존기간 저장" }).click();
  await expect(page.getByText("설문·진단 응답 보존기간(개월): 12 이상이어야 합니다")).toBeVisible();
  const stored = async () =>
    (
      await db.platform.tenant.findUniqueOrThrow({
        where: { id: city.id },
        select: { retentionMonths: true },
      })
    ).retentionMonths;
  expect(await stored()).toEqual({});
  await expectAccessible(page);

  await answers.fill("24");
  await page.getByRole("button", { name: "보존기간 저장" }).click();
  await expect(page.getByRole("status")).toHaveText("보존기간을 저장했습니다.");
  await expect(page.getByRole("status")).toBeFocused();
  // The refusal's message does not stay beside the saved value.
  await expect(page.getByText("설문·진단 응답 보존기간(개월): 12 이상이어야 합니다")).toHaveCount(0);
  await expect(answers).toHaveValue("24");
  await page.screenshot({ path: test.info().outputPath("retention-settings.png"), fullPage: true });
  expect(await stored()).toMatchObject({ survey_answers: 24 });
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, admin.name]);
  expect(errors).toEqual([]);
});

test("anyone reads the organisation's privacy policy, with the new period and its privacy officer", async ({
  pageAs,
  visitorPage,
}) => {
  // From the consent text on the recruiting page.
  const applicant = await pageAs(city.staff(junior).email);
  await applicant.goto(`${baseURL()}/${city.slug}/recruiting/${cohortId}`);
  await applicant.getByRole("link", { name: "개인정보 처리방침 전문 보기" }).click();
  await expect(applicant).toHaveURL(`${baseURL()}/${city.slug}/privacy`);
  // From the footer of the organisation's pages.
  const member = await pageAs(city.staff(admin).email);
  await member.goto(`${baseURL()}/${city.slug}`);
  await member.getByRole("contentinfo").getByRole("link", { name: "개인정보 처리방침" }).click();
  await expect(member).toHaveURL(`${baseURL()}/${city.slug}/privacy`);

  const page = await visitorPage();
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/privacy`);
  await expect(page.getByRole("heading", { level: 1, name: `${city.name} 개인정보 처리방침` })).toBeVisible();
  const periods = page.getByRole("table", { name: "개인정보 종류별 보유 기간과 기간이 끝난 뒤의 처리" });
  await expect(periods.locator('[data-kind="survey_answers"]')).toContainText("24개월");
  await expect(periods.locator('[data-kind="program_records"]')).toContainText("36개월");
  const officers = page.getByRole("table", { name: "개인정보 보호책임자: 이름, 부서, 연락처" });
  await expect(officers.getByRole("rowheader", { name: officer.name })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("table", { name: "개인정보 처리 위탁: 수탁자와 위탁 업무" })).toContainText(
    "Stripe",
  );
  await page.screenshot({ path: test.info().outputPath("privacy-policy.png"), fullPage: true });
  // On a phone, as a participant would read it.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: test.info().outputPath("privacy-policy-phone.png"), fullPage: true });

  expect(errors).toEqual([]);

  // An address that is no organisation's has no policy.
  const missing = await page.goto(`${baseURL()}/e2e-no-such-city-${randomUUID().slice(0, 6)}/privacy`);
  expect(missing?.status()).toBe(404);
});
