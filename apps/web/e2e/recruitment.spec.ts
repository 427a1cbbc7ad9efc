import { readFileSync } from "node:fs";
import { YONGIN_EDGE_CASES, yonginSeed } from "@mentoring/db/seed";
import { addDays, builtinTemplate } from "@mentoring/domain";
import { tenantToday } from "@mentoring/programs";
import type { Page } from "@playwright/test";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { recruitUntil } from "./factories/recruitment-dates";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, mailsTo } from "./support";

// Yongin's new-official mentoring, 2nd cohort: recruiting from 2025-07-01 (until a month from today) with no
// applications yet, in a city of its own with Yongin's directory (the applications below fill and free its
// places).
const seed = yonginSeed();
const person = (employeeNumber: string) =>
  seededPerson(seed, (staff) => staff.employeeNumber === employeeNumber);
/** Grade 6 with 28 years: neither a mentor's grade (7-8) nor a mentor's service (3-10 years). */
const veteran = person(YONGIN_EDGE_CASES.veteranOfficer.employeeNumber);
/** Grade 7 with exactly 10 years on 2025-07-01: an eligible mentor. */
const mentor = person(YONGIN_EDGE_CASES.mentorAtTenYears.employeeNumber);
/** Grade 7 with 3 years: nominated by the coordinator. */
const nominee = person(YONGIN_EDGE_CASES.mentorAtThreeYears.employeeNumber);
const coordinator = seededPerson(seed, accounts.yonginCoordinator);

const program = builtinTemplate("new_official_mentoring");
const cohortTitle = `${program.name} 2기`;

test.describe.configure({ mode: "serial" });

let city: TestTenant;
/** Text from the database the pages show besides the messages: names, titles, the program's own words. */
let data: string[];
let cohortPath: string;
const emailOf = (someone: typeof veteran) => city.staff(someone).email;

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinator, roles: ["coordinator"] },
      ...[veteran, mentor, nominee].map((someone) => ({ person: someone, roles: ["participant" as const] })),
    ],
  });
  const cohort = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    number: 2,
    recruitmentStart: "2025-07-01",
    phase: "recruiting",
    appUrl: baseURL(),
  });
  // Eligibility is judged on 2025-07-01; the people below apply today, so recruitment runs a month on.
  await recruitUntil(db, city, cohort.id, addDays(tenantToday("Asia/Seoul"), 30));
  data = [
    city.name,
    program.name,
    program.description,
    cohortTitle,
    veteran.name,
    mentor.name,
    nominee.name,
    coordinator.name,
  ];
});

async function openAnnouncement(page: Page) {
  await page.goto(`${baseURL()}/${city.slug}/recruiting`);
  await page.getByRole("link", { name: `${cohortTitle} 모집 공고 보기` }).click();
  await expect(page.getByRole("heading", { level: 1, name: cohortTitle })).toBeVisible();
  cohortPath = new URL(page.url()).pathname;
}

test("an official who is not eligible is told every reason, and nothing is applied", async ({
  page,
  login,
}) => {
  await login(emailOf(veteran));
  await page.goto(`${baseURL()}/${city.slug}/recruiting`);
  await expect(page.getByRole("heading", { level: 1, name: "참가 신청" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: cohortTitle });
  await expect(card.getByText("정원 14명 중 14명 남음")).toBeVisible();
  await expect(card.getByText("직급 7급~8급")).toBeVisible();
  await expect(card.getByText("재직기간 3년 이상 10년 이하")).toBeVisible();
  await expect(card.getByText("재직기간 1년 미만(신규 임용자)")).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, data);

  await openAnnouncement(page);
  await expect(page.getByRole("heading", { name: "개인정보 수집·이용 동의" })).toBeVisible();
  await expect(page.getByText(/수집 항목/)).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, data);

  // Without consent: the form says so at the checkbox, and nothing is sent.
  await page.getByRole("group", { name: "신청할 역할" }).getByLabel("멘토").check();
  await page.getByRole("button", { name: "동의하고 신청하기" }).click();
  const consent = page.getByRole("checkbox", { name: "동의합니다" });
  await expect(consent).toHaveAttribute("aria-invalid", "true");
  // The checkbox sits beside its label, on the same line (it once stood apart from it, on a line of its own).
  const box = await consent.boundingBox();
  const label = await page.locator(`label[for="${await consent.getAttribute("id")}"]`).boundingBox();
  expect(box && label).toBeTruthy();
  if (box && label) {
    expect(label.x - (box.x + box.width)).toBeGreaterThanOrEqual(0);
    expect(label.x - (box.x + box.width)).toBeLessThan(24);
    expect(Math.abs(label.y + label.height / 2 - (box.y + box.height / 2))).toBeLessThan(label.height);
  }
  await expect(page.getByText("개인정보 수집·이용에 동의해야 신청할 수 있습니다")).toBeVisible();

  await page.getByRole("group", { name: "신청할 역할" }).getByLabel("멘토").check();
  await page.getByRole("checkbox", { name: "동의합니다" }).check();
  await page.getByRole("button", { name: "동의하고 신청하기" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "신청 자격에 맞지 않아" });
  await expect(refusal.getByRole("listitem")).toHaveText([
    "직급이 7급보다 높아 신청할 수 없습니다 (현재 6급)",
    "재직기간이 10년 이하여야 합니다 (현재 28년)",
  ]);
  await expect(page.getByRole("button", { name: "동의하고 신청하기" })).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, data);

  await page.goto(`${baseURL()}/${city.slug}/recruiting`);
  await expect(page.getByText("아직 신청한 프로그램이 없습니다.")).toBeVisible();
});

test("an eligible official applies with consent and is accepted", async ({ page, login }) => {
  await login(emailOf(mentor));
  await openAnnouncement(page);
  await page.getByRole("group", { name: "신청할 역할" }).getByLabel("멘토").check();
  await page.getByRole("checkbox", { name: "동의합니다" }).check();
  await page.getByRole("button", { name: "동의하고 신청하기" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "신청이 선정되었습니다. 오리엔테이션 일정은 메일로 안내합니다.",
  );
  const own = page.getByTestId("own-application");
  await expect(own).toContainText("멘토");
  await expect(own).toContainText("선정");
  // The form is gone: one application per cohort.
  await expect(page.getByRole("button", { name: "동의하고 신청하기" })).toHaveCount(0);
  await expectAccessible(page);
  // The time of applying is data, formatted on the server.
  await expectOnlyTranslatedText(page, [...data, ...(await own.locator("dd").allTextContents())]);
  await expect
    .poll(() => mailsTo(emailOf(mentor)).map((mail) => mail.subject), { timeout: 20_000 })
    .toContain(`[${cohortTitle}] 신청이 접수되어 선정되었습니다`);
});

test("the coordinator finds the applicant, filters the list, downloads it and nominates someone", async ({
  page,
  login,
}) => {
  await login(emailOf(coordinator));
  const applicants = `${baseURL()}${cohortPath.replace("/recruiting/", "/programs/cohorts/")}/applicants`;
  await page.goto(applicants);
  await expect(page.getByRole("heading", { level: 1, name: `${cohortTitle} 신청자` })).toBeVisible();
  await expect(page.getByTestId("places-mentor")).toContainText("1 / 14");
  const table = page.getByRole("table", { name: /신청자 목록/ });
  await expect(table.getByRole("rowheader", { name: mentor.name })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: mentor.name })).toContainText(mentor.employeeNumber);
  await expectAccessible(page);
  const cells = await table.locator("tbody td, tbody th").allTextContents();
  const departments = await page.getByLabel("부서", { exact: true }).locator("option").allTextContents();
  await expectOnlyTranslatedText(page, [...data, ...cells, ...departments]);

  // Filters are a GET form: the search goes into the address, and the export links follow it.
  await page.getByLabel("이름 또는 직원번호").fill(mentor.employeeNumber);
  await page.getByRole("button", { name: "검색" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${mentor.employeeNumber}`));
  await expect(page.getByRole("table", { name: "신청자 목록 (1명)" })).toBeVisible();
  await page.getByLabel("역할", { exact: true }).selectOption({ label: "멘티" });
  await page.getByRole("button", { name: "검색" }).click();
  await expect(page.getByText("조건에 맞는 신청자가 없습니다.")).toBeVisible();

  await page.goto(applicants);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV로 내려받기" }).click();
  const download = await downloading;
  const bytes = readFileSync((await download.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split(/\r?\n/)[0]).toContain("이름,직원번호,부서");
  expect(text).toContain(mentor.name);
  expect(text).toContain(mentor.employeeNumber);

  // A nomination: each number gets its answer.
  await page
    .getByLabel("직원번호", { exact: true })
    .fill(`${nominee.employeeNumber}\n${veteran.employeeNumber}\nY0000-0000`);
  await page.getByRole("group", { name: "추천할 역할" }).getByLabel("멘토").check();
  await page.getByRole("button", { name: "추천하기" }).click();
  const results = page.getByRole("table", { name: "직원번호별 추천 결과" });
  await expect(results.getByRole("row").filter({ hasText: nominee.employeeNumber })).toContainText("선정");
  await expect(results.getByRole("row").filter({ hasText: veteran.employeeNumber })).toContainText(
    "신청 자격 없음",
  );
  await expect(results.getByRole("row").filter({ hasText: "Y0000-0000" })).toContainText(
    "직원 명부에 없는 번호",
  );
  await expect(page.getByRole("table", { name: "신청자 목록 (2명)" })).toBeVisible();
  await expectAccessible(page);
});

test("a nominee consents on the announcement page", async ({ page, login }) => {
  await login(emailOf(nominee));
  await page.goto(`${baseURL()}${cohortPath}`);
  await expect(page.getByRole("heading", { name: "참여 추천" })).toBeVisible();
  const own = page.getByTestId("own-application");
  await expect(own).toContainText("주관부서 추천");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, ...(await own.locator("dd").allTextContents())]);
  await page.getByRole("checkbox", { name: "동의합니다" }).check();
  await page.getByRole("button", { name: "동의하고 참여하기" }).click();
  await expect(page.getByRole("status")).toHaveText("참여에 동의했습니다.");
  await expect(page.getByRole("heading", { name: "참여 추천" })).toHaveCount(0);
});

test("an applicant withdraws, and the place is free again", async ({ page, login }) => {
  await login(emailOf(mentor));
  await page.goto(`${baseURL()}/${city.slug}/recruiting`);
  const mine = page.getByRole("table", { name: /내 신청 내역/ });
  const row = mine.getByRole("row").filter({ hasText: cohortTitle });
  await expect(row).toContainText("선정");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...data, ...(await mine.locator("tbody td").allTextContents())]);
  await row.getByRole("button", { name: `${cohortTitle} 신청 취소` }).click();
  await expect(page.getByRole("status")).toHaveText("신청을 취소했습니다.");
  await expect(mine.getByRole("row").filter({ hasText: cohortTitle })).toContainText("신청 취소");
  const card = page.getByRole("listitem").filter({ hasText: cohortTitle });
  // The nominee holds one of the 14 places; the withdrawn one is free again.
  await expect(card.getByText("정원 14명 중 13명 남음")).toBeVisible();
});
