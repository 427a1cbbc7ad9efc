import { yonginSeed } from "@mentoring/db/seed";
import type { Page } from "@playwright/test";
import iconv from "iconv-lite";
import { createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

// The Yongin HR team uploads its directory as Korean Excel saves a CSV (CP949): a first file with three
// bad rows is refused row by row and changes nothing; the fixed file is applied and the count goes up.
// In a city of its own with Yongin's directory, so that no other test changes the count meanwhile.

const yongin = yonginSeed();
const admin = seededPerson(yongin, accounts.yonginAdmin);

const HEADERS = "사번,성명,부서,직급,직위,임용일,이메일,휴대전화,출생연도";
const good = [
  "E2E-0001,강하늘,인사과,9급,주무관,2025-03-04,haneul.kang@yongin.example.kr,010-0000-1001,2000",
  "E2E-0002,윤서아,personnel,지방행정서기보,주무관,2025.03.04,seoa.yoon@yongin.example.kr,010-0000-1002,1999",
  "E2E-0003,장도윤,총무과,8급,주무관,2024/09/02,,,",
  "E2E-0004,임지우,세정과,9급,주무관,2025-03-04,,,2001",
  "E2E-0005,한예린,인사과,지방행정주사보,주무관,2019-01-02,,,1990",
];
const bad = {
  noName: "E2E-0006,,인사과,9급,주무관,2025-03-04,,,",
  badGrade: "E2E-0007,정민서,인사과,열급,주무관,2025-03-04,,,",
  future: "E2E-0008,오지호,인사과,9급,주무관,2099-01-01,,,",
};
const fixed = [
  "E2E-0006,신유나,인사과,9급,주무관,2025-03-04,,,",
  "E2E-0007,정민서,인사과,9급,주무관,2025-03-04,,,",
  "E2E-0008,오지호,인사과,9급,주무관,2025-03-04,,,",
];

const cp949 = (rows: string[]) => iconv.encode(`${[HEADERS, ...rows].join("\r\n")}\r\n`, "cp949");

async function activeStaff(page: Page, city: TestTenant): Promise<number> {
  await page.goto(`${baseURL()}/${city.slug}/admin/directory`);
  const text = await page.getByTestId("active-staff").textContent();
  return Number((text ?? "").replace(/\D/g, ""));
}

async function upload(page: Page, city: TestTenant, name: string, bytes: Buffer) {
  await page.goto(`${baseURL()}/${city.slug}/admin/directory`);
  await page.getByLabel("명부 파일").setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
  await page.getByRole("button", { name: "올리고 검사하기" }).click();
  await page.waitForURL(new RegExp(`/${city.slug}/admin/directory/[0-9a-f-]{36}$`));
}

test("an administrator uploads a directory with errors, fixes it and applies it", async ({
  page,
  login,
  db,
}) => {
  const city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: admin, roles: ["tenant_admin"] }],
  });
  const frame = [city.name, admin.name];
  await login(city.staff(admin).email);
  const before = await activeStaff(page, city);
  expect(before).toBeGreaterThan(100);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("직원 명부");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame);

  // Rows 2-6 are good; rows 7, 8 and 9 are not (the header is row 1, as in Excel).
  await upload(page, city, "직원명부-오류.csv", cp949([...good, bad.noName, bad.badGrade, bad.future]));
  await expect(page.getByTestId("import-status")).toHaveText("오류 있음", { timeout: 20_000 });
  const rows = page.getByTestId("invalid-rows").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveText(/^7\s*E2E-0006\s*성명\s*값이 비어 있습니다$/);
  await expect(rows.nth(1)).toHaveText(/^8\s*E2E-0007\s*정민서\s*직급\s*알 수 없는 직급입니다: '열급'/);
  await expect(rows.nth(2)).toHaveText(
    /^9\s*E2E-0008\s*오지호\s*임용일\s*임용일 2099-01-01이 오늘 이후입니다$/,
  );
  await expect(page.getByRole("alert")).toHaveText(/아무것도 반영되지 않았습니다/);
  await expect(page.getByRole("button", { name: "명부에 반영하기" })).toHaveCount(0);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, "E2E-0006", "E2E-0007", "E2E-0008", "정민서", "오지호"]);

  // Nothing was written by the failed attempt.
  expect(await activeStaff(page, city)).toBe(before);
  await expect(page.getByRole("rowheader", { name: "직원명부-오류.csv" })).toBeVisible();
  await expect(page.getByRole("row", { name: /직원명부-오류\.csv/ })).toContainText("오류 있음");
  const uploadedAt = await page.locator("tbody td:nth-child(2)").allTextContents();
  await expectOnlyTranslatedText(page, [...frame, "직원명부-오류.csv", ...uploadedAt]);

  await upload(page, city, "직원명부.csv", cp949([...good, ...fixed]));
  await expect(page.getByTestId("import-status")).toHaveText("반영 대기", { timeout: 20_000 });
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("새 직원8");
  await expect(summary).toContainText("오류 행0");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame);

  await page.getByRole("button", { name: "명부에 반영하기" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("반영 완료", { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "명부에 반영했습니다" })).toHaveText(
    `명부에 반영했습니다. 현재 재직 직원은 ${new Intl.NumberFormat("ko").format(before + 8)}명입니다.`,
  );
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame);

  expect(await activeStaff(page, city)).toBe(before + 8);
});

test("a coordinator, who may not import, cannot open an import page", async ({ page, login }) => {
  await login(accounts.yonginCoordinator);
  await page.goto(`${baseURL()}/`);
  await expect(page).toHaveURL(`${baseURL()}/yongin`);
  const response = await page.goto(
    `${baseURL()}/yongin/admin/directory/00000000-0000-4000-8000-000000000000`,
  );
  expect(response?.status()).toBe(403);
});
