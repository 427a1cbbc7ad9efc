import { readFileSync } from "node:fs";
import { yonginSeed } from "@mentoring/db/seed";
import { publishInsightFixture, sampleInsightCohorts } from "@mentoring/db/testing";
import { createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import {
  accounts,
  baseURL,
  expectAccessible,
  expectOnlyTranslatedText,
  mailsTo,
  signIn,
  watchErrors,
} from "./support";

// Issue 17's national insights in Chromium: the operator creates a national analyst, who sets a password
// from the mailed link, compares the published figures as distributions, reads the methodology, downloads
// exactly what is shown as CSV and finds no organisation's page; an organisation's admin opts in from the
// settings and sees their city against the distribution of basic governments. The figures are published
// as the nightly aggregation leaves them (already suppressed), for seven organisations of the test's own.

const yongin = yonginSeed();
const adminPerson = seededPerson(yongin, accounts.yonginAdmin);
const stamp = Date.now().toString(36);
const analyst = { name: "한분석", email: `analyst-${stamp}@mois.example.kr`, agency: "행정안전부" };
const namedCity = `공개시 ${stamp}`;
let city: TestTenant;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: adminPerson, roles: ["tenant_admin"] }],
    staff: () => false,
  });
  const others = [];
  for (let i = 1; i <= 6; i++) {
    others.push(
      await db.platform.tenant.create({
        data: {
          slug: `e2e-insights-${stamp}-${i}`,
          name: i === 1 ? namedCity : `비교시 ${stamp} ${i}`,
          kind: "basic_government",
          region: i % 2 ? "충청북도" : "전라남도",
        },
      }),
    );
  }
  // The test's city last: its completion rate (0.88 and 0.92) is the highest of the seven.
  const tenants = [
    ...others.map((row, i) => ({
      tenantId: row.id,
      name: row.name,
      kind: row.kind,
      region: row.region,
      named: i === 0,
    })),
    { tenantId: city.id, name: city.name, kind: "basic_government" as const, region: "경기도" },
  ];
  await publishInsightFixture(db, { cohorts: sampleInsightCohorts(tenants) });
});

test("the operator creates an analyst, who compares the distributions, reads the methodology, exports CSV and sees no organisation", async ({
  pageAs,
  visitorPage,
}) => {
  // 1. The operator creates the analyst from the platform's navigation.
  const operator = await pageAs(accounts.operator);
  await operator.goto(`${baseURL()}/platform`);
  await operator.getByRole("link", { name: "국가 통계 분석가" }).click();
  await expect(operator.getByRole("heading", { level: 1 })).toHaveText("국가 통계 분석가");
  await operator.getByLabel("이름").fill(analyst.name);
  await operator.getByLabel("이메일").fill(analyst.email);
  await operator.getByLabel("소속 기관").fill(analyst.agency);
  await operator.getByRole("button", { name: "계정 만들기" }).click();
  await expect(operator.getByRole("status")).toHaveText(
    `${analyst.email} 주소로 비밀번호 설정 링크를 보냈습니다.`,
  );
  await expect(operator.getByTestId(`analyst-${analyst.email}`)).toContainText("비밀번호 설정 전");
  await expectAccessible(operator);
  await operator.screenshot({ path: test.info().outputPath("platform-analysts.png"), fullPage: true });

  // 2. The analyst sets a password through the mailed link and signs in: home is /insights.
  await expect.poll(() => mailsTo(analyst.email).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mail = mailsTo(analyst.email).at(-1);
  expect(mail?.subject).toContain("국가 통계 분석가");
  const link = mail?.text.match(/https?:\/\/\S+\/password\/reset\/[\w-]+/)?.[0];
  expect(link, mail?.text).toBeDefined();
  const page = await visitorPage();
  const errors = watchErrors(page);
  await page.goto(link as string);
  await page.getByLabel("새 비밀번호", { exact: true }).fill("analyst-password-2026");
  await page.getByLabel("새 비밀번호 확인").fill("analyst-password-2026");
  await page.getByRole("button", { name: "비밀번호 변경" }).click();
  await expect(page.getByRole("status")).toHaveText("비밀번호를 변경했습니다. 새 비밀번호로 로그인하세요");
  await signIn(page, analyst.email, "analyst-password-2026");
  await expect(page).toHaveURL(`${baseURL()}/insights`);

  // 3. Completion by program kind: a chart of distributions with its table, the named city by name only.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("전국 멘토링 통계");
  await expect(page.getByTestId("insights-publication")).toContainText("기관 7곳 · 기수 14개");
  const chart = page.getByTestId("chart-insights");
  await expect(chart.getByRole("heading")).toHaveText("수료율: 프로그램 유형별 분포");
  await chart.getByText("표로 보기").click();
  // Reverse cohorts 0.70 … 0.88, standard 0.80 … 0.92, seven of each.
  await expect(page.getByTestId("group-reverse")).toContainText("역멘토링7");
  await expect(page.getByTestId("group-reverse").getByRole("cell").nth(2)).toHaveText("79%");
  await expect(page.getByTestId("group-standard").getByRole("cell").nth(2)).toHaveText("86%");
  const named = page.getByRole("region", { name: "이름 공개에 동의한 기관" }).first();
  await expect(named.getByRole("row")).toHaveCount(3);
  await expect(named).toContainText(namedCity);
  await expect(named).not.toContainText(city.name);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [analyst.name, namedCity]);
  await page.screenshot({ path: test.info().outputPath("insights.png"), fullPage: true });

  // 4. Satisfaction year over year: the suppressed 2026 cells are counted, not shown.
  await page.getByLabel("지표").selectOption({ label: "만족도 (5점 만점)" });
  await page.getByLabel("비교 기준").selectOption({ label: "연도" });
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/metric=satisfaction/);
  await expect(chart.getByRole("heading")).toHaveText("만족도 (5점 만점): 연도별 분포");
  await expect(chart).toContainText("가려진 셀 3개");
  await expectAccessible(page);

  // 5. The CSV holds exactly what the page shows.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "보이는 수치를 CSV로 내려받기" }).click();
  const file = readFileSync((await (await download).path()) as string);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = file.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe("만족도 (5점 만점): 연도별 분포");
  const shownRows = await page
    .getByTestId(/^group-/)
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent).join(",")));
  expect(shownRows).toHaveLength(2);
  for (const row of shownRows) expect(lines).toContain(row);

  // 6. The methodology.
  await page.getByRole("link", { name: "집계 방법", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("전국 통계 집계 방법");
  await expect(page.getByText("5명 미만에 관한 수치는 발표하지 않습니다.", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [analyst.name]);

  expect(errors).toEqual([]);

  // 7. No organisation's page: not the seeded city's, not the test's own.
  for (const path of [
    "/yongin",
    "/yongin/admin/settings",
    "/yongin/programs",
    `/${city.slug}`,
    `/${city.slug}/admin/insights`,
  ]) {
    const answer = await page.goto(`${baseURL()}${path}`);
    expect(answer?.status(), path).toBe(404);
  }

  // 8. Disabled by the operator, the analyst is signed out.
  await operator.reload();
  await operator.getByRole("button", { name: `${analyst.name} 사용 중지` }).click();
  await expect(operator.getByRole("status")).toContainText("사용 중지했습니다");
  await page.goto(`${baseURL()}/insights`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an organisation's admin opts in from the settings and sees their city against the distribution", async ({
  page,
  login,
}) => {
  await login(city.staff(adminPerson).email);
  await page.goto(`${baseURL()}/${city.slug}`);
  await page.getByRole("link", { name: "전국 비교" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("전국 기관과 비교");
  await expect(page.getByTestId("insights-not-opted-in")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "설정에서 참여하기" }).click();

  const sharing = page.getByTestId("insights-sharing");
  await expect(sharing).toContainText("5명 미만에 관한 수치는 가려지며");
  await expect(sharing).toContainText("사람의 이름이나 개인별 기록은 절대 공유되지 않습니다");
  await expect(page.getByTestId("insights-sharing-status")).toHaveText("현재 공유하지 않습니다.");
  await sharing.getByRole("button", { name: "전국 통계에 참여하기" }).click();
  await expect(sharing.getByRole("status")).toHaveText("전국 통계에 참여합니다.");
  await expect(page.getByTestId("insights-sharing-status")).toContainText("기관 이름은 표시되지 않습니다");
  await expectAccessible(page);

  await sharing.getByRole("link", { name: "전국과 비교하기" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("전국 기관과 비교");
  const positions = page.getByTestId("insights-positions");
  await expect(positions).toContainText("수료율이 기초자치단체 중 상위 25%에 속합니다.");
  await expect(page.getByTestId("chart-compare-completion_rate")).toContainText("90%");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, city.staff(adminPerson).name]);
  await page.screenshot({ path: test.info().outputPath("tenant-insights.png"), fullPage: true });

  // The change is in the organisation's audit log.
  await page.goto(`${baseURL()}/${city.slug}/admin/audit`);
  await expect(page.locator("tbody tr").filter({ hasText: "전국 통계 참여" })).toHaveCount(1);
});
