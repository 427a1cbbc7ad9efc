import { execFileSync } from "node:child_process";
import { gangneungCast, gangneungCity, gangneungTeam, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// A cohort's final report in a Gangneung city of the test's own: six juniors and two managers in teams the
// worker formed. The coordinator reaches 결과보고서 from the cohort's nav, makes the report, watches the
// worker finish it, downloads the PDF (its text names the cohort and its people) and the workbook, and
// asking again with nothing changed keeps the same report; a participant is forbidden the page, another
// tenant does not find it.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { coordinator } = gangneungTeam;
const { juniors, managers } = gangneungCast({ juniors: 6, managers: 2 });
const participant = juniors[0] as (typeof juniors)[number];

let city: TestTenant;
let cohortId = "";
let cohortTitle = "";
const reportPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/report`;

test.beforeAll(async ({ db }) => {
  const built = await gangneungCity(db, {
    juniors,
    managers,
    accounts: [{ person: participant, roles: ["participant"] }],
    reason: "결과보고서 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  cohortTitle = built.cohort.title;
});

test("the coordinator makes the final report through the worker and downloads its PDF and workbook", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}`, { waitUntil: "networkidle" });
  await page.getByRole("navigation", { name: "기수 메뉴" }).getByRole("link", { name: "결과보고서" }).click();
  await expect(page).toHaveURL(reportPage());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${cohortTitle} 결과보고서`);
  await expect(page.getByText("아직 만든 결과보고서가 없습니다.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "결과보고서 만들기" }).click();
  await expect(page.getByText("결과보고서를 만들고 있습니다.")).toBeVisible();
  // The worker makes it; the page follows its progress until the files are offered.
  const pdfLink = page.getByRole("link", { name: "PDF 내려받기" });
  await expect(pdfLink).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("report-status")).toHaveText("완료");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, cohortTitle, coordinator.name]);

  const pdf = await page.request.get(`${baseURL()}${await pdfLink.getAttribute("href")}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: await pdf.body() })
    .toString("utf8")
    .replace(/\s+/g, " ");
  expect(text).toContain("결과보고서");
  expect(text).toContain(city.name);
  expect(text).toContain("멘토 6명, 멘티 2명 (총 8명)");
  // The team the worker formed (three juniors and a manager), named in the PDF's team table.
  expect(text).toContain("1개 팀");
  expect(managers.filter((person) => text.includes(person.name))).toHaveLength(1);
  expect(juniors.filter((person) => text.includes(person.name))).toHaveLength(3);
  const xlsxHref = await page.getByRole("link", { name: "엑셀 내려받기" }).getAttribute("href");
  const xlsx = await page.request.get(`${baseURL()}${xlsxHref}`);
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");

  // Nothing changed since: asked again, the same report stands.
  await page.getByRole("button", { name: "결과보고서 만들기" }).click();
  await expect(page.getByText("자료가 바뀌지 않아 이전 결과보고서를 그대로 씁니다.")).toBeVisible();
  await expect(page.getByRole("link", { name: "PDF 내려받기" })).toHaveAttribute(
    "href",
    (await pdfLink.getAttribute("href")) as string,
  );
  expect(errors).toEqual([]);
});

test("a participant is forbidden the page, and another tenant's coordinator does not find it", async ({
  pageAs,
}) => {
  const member = await pageAs(city.staff(participant).email);
  expect((await member.goto(reportPage()))?.status()).toBe(403);
  const outsider = await pageAs(accounts.yonginCoordinator);
  expect((await outsider.goto(reportPage()))?.status()).toBe(404);
});
